#include "gdal_writer.h"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <memory>
#include <stdexcept>

namespace chipao::demogen {
namespace {

struct DatasetCloser {
  void operator()(void* ds) const {
    if (ds != nullptr) GDALClose(ds);
  }
};
using DatasetPtr = std::unique_ptr<void, DatasetCloser>;

struct FeatureDestroyer {
  void operator()(void* f) const {
    if (f != nullptr) OGR_F_Destroy(f);
  }
};
using FeaturePtr = std::unique_ptr<void, FeatureDestroyer>;

struct SrsReleaser {
  void operator()(void* srs) const {
    if (srs != nullptr) OSRRelease(srs);
  }
};
using SrsPtr = std::unique_ptr<void, SrsReleaser>;

std::string gdal_error(const std::string& what) {
  return what + ": " + CPLGetLastErrorMsg();
}

SrsPtr wgs84() {
  SrsPtr srs(OSRNewSpatialReference(nullptr));
  if (OSRImportFromEPSG(srs.get(), 4326) != OGRERR_NONE) {
    throw std::runtime_error(gdal_error("cannot build EPSG:4326"));
  }
  // Longitude first, as the coordinates are written.
  OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

void write_layer(const GeosContext& geos, const std::filesystem::path& path,
                 const char* driver_name, OGRwkbGeometryType type,
                 const std::vector<const char*>& layer_options,
                 const std::vector<TextField>& fields, const std::vector<FeatureRecord>& records) {
  GDALAllRegister();
  GDALDriverH driver = GDALGetDriverByName(driver_name);
  if (driver == nullptr) throw std::runtime_error(std::string("GDAL has no driver ") + driver_name);
  if (std::filesystem::exists(path)) GDALDeleteDataset(driver, path.c_str());
  DatasetPtr dataset(GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!dataset) throw std::runtime_error(gdal_error("cannot create " + path.string()));

  const SrsPtr srs = wgs84();
  std::vector<char*> options;
  for (const char* option : layer_options) options.push_back(const_cast<char*>(option));
  options.push_back(nullptr);
  OGRLayerH layer =
      GDALDatasetCreateLayer(dataset.get(), path.stem().c_str(), srs.get(), type, options.data());
  if (layer == nullptr)
    throw std::runtime_error(gdal_error("cannot create a layer in " + path.string()));
  for (const TextField& field : fields) {
    OGRFieldDefnH definition = OGR_Fld_Create(field.name.c_str(), OFTString);
    OGR_Fld_SetWidth(definition, field.width);
    const OGRErr err = OGR_L_CreateField(layer, definition, TRUE);
    OGR_Fld_Destroy(definition);
    if (err != OGRERR_NONE) throw std::runtime_error(gdal_error("cannot add field " + field.name));
  }

  for (const FeatureRecord& record : records) {
    FeaturePtr feature(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
    for (std::size_t i = 0; i < fields.size(); ++i) {
      OGR_F_SetFieldString(feature.get(), static_cast<int>(i), record.values.at(i).c_str());
    }
    std::vector<unsigned char> wkb = geos.to_wkb(record.geometry);
    OGRGeometryH geometry = nullptr;
    if (OGR_G_CreateFromWkbEx(wkb.data(), srs.get(), &geometry, wkb.size()) != OGRERR_NONE) {
      throw std::runtime_error(gdal_error("cannot convert a geometry for " + path.string()));
    }
    OGR_F_SetGeometryDirectly(feature.get(), geometry);  // the feature owns it now
    if (OGR_L_CreateFeature(layer, feature.get()) != OGRERR_NONE) {
      throw std::runtime_error(gdal_error("cannot write a feature to " + path.string()));
    }
  }
}

}  // namespace

void write_polygon_shapefile(const GeosContext& geos, const std::filesystem::path& path,
                             const std::vector<TextField>& fields,
                             const std::vector<FeatureRecord>& records) {
  // ENCODING=UTF-8 makes GDAL write the .cpg that tells readers the DBF text is UTF-8.
  write_layer(geos, path, "ESRI Shapefile", wkbPolygon, {"ENCODING=UTF-8"}, fields, records);
}

void write_point_geojson(const GeosContext& geos, const std::filesystem::path& path,
                         const std::vector<TextField>& fields,
                         const std::vector<FeatureRecord>& records) {
  write_layer(geos, path, "GeoJSON", wkbPoint, {"COORDINATE_PRECISION=7", "RFC7946=NO"}, fields,
              records);
}

}  // namespace chipao::demogen
