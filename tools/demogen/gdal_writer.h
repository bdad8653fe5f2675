// Writing the demo layers with GDAL: ESRI Shapefiles (UTF-8 with a .cpg, EPSG:4326 .prj) and a
// GeoJSON of village points.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "geos_handles.h"

namespace chipao::demogen {

struct TextField {
  std::string name;
  int width = 0;  // bytes in the DBF; Thai takes 3 bytes per character in UTF-8
};

struct FeatureRecord {
  std::vector<std::string> values;  // one per field, in field order
  const GEOSGeometry* geometry = nullptr;
};

// Writes `path` (.shp) with polygon geometry; replaces an existing shapefile of that name.
void write_polygon_shapefile(const GeosContext& geos, const std::filesystem::path& path,
                             const std::vector<TextField>& fields,
                             const std::vector<FeatureRecord>& records);

// Writes `path` (.geojson) with point geometry and 7 decimals; replaces an existing file.
void write_point_geojson(const GeosContext& geos, const std::filesystem::path& path,
                         const std::vector<TextField>& fields,
                         const std::vector<FeatureRecord>& records);

}  // namespace chipao::demogen
