// A boundary layer as ChiPao understands it: features with a normalised administrative code,
// names, attributes in UTF-8, and geometry in WGS 84; plus what loading it found wrong.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/admin/admin_level.h"
#include "core/admin/field_detection.h"
#include "core/geo/geometry.h"

namespace chipao {

struct BoundaryFeature {
  std::int64_t fid = 0;  // the source's feature id
  std::string code;      // normalised digits; empty when the value was not a valid code
  std::string name_th;
  std::string name_en;
  FeatureGeometry geometry;  // WGS 84 lon/lat
  Bbox bbox;  // areas in m2: core/geo/area.h area_m2(geometry), computed where needed
  std::vector<std::string> attributes;  // UTF-8, parallel to SourceDescription::field_names
};

// What the reader understood about the source, and how it came to know it.
struct SourceDescription {
  std::string path;
  std::string driver;  // GDAL short name, "ESRI Shapefile"
  std::string layer;
  std::string geometry_type;    // "Polygon", "MultiPolygon", "Point", ...
  std::string crs;              // authority code ("EPSG:24047") or WKT name when none
  std::string crs_source;       // "prj" (or "source" for formats that embed it), "guessed", "flag"
  std::string encoding;         // "UTF-8" or "CP874"
  std::string encoding_source;  // "cpg", "detected", "flag"
  std::optional<AdminLevel> level;           // unset when no code or name field tells it
  std::string level_source;                  // "detected", "descriptor", "flag"
  std::optional<CodeFieldSpec> code_fields;  // unset when the layer has no code field
  // "field" when codes are read from code_fields; "name" when they were looked up from
  // province names (the HDX province layer has no code field).
  std::string code_source;
  NameFields name_fields;
  std::vector<std::string> field_names;  // UTF-8
};

struct BadCode {
  std::int64_t fid = 0;
  std::string field;
  std::string value;   // the raw value, UTF-8
  std::string reason;  // "6 digits expected, got 5", "parent ADM2_PCODE says 3402", ...
};

struct FixedCode {
  std::int64_t fid = 0;
  std::string value;  // raw
  std::string code;   // normalised
  std::string note;   // "stripped TH prefix", "restored leading zero"
};

struct DuplicateCode {
  std::string code;
  std::vector<std::int64_t> fids;
};

struct RepairedGeometry {
  std::int64_t fid = 0;
  std::string code;
  std::string reason;  // GEOS's reason for invalidity, e.g. "Ring Self-intersection at 99.7 6.9"
};

struct LoadReport {
  std::vector<BadCode> bad_codes;
  std::vector<FixedCode> fixed_codes;
  std::vector<DuplicateCode> duplicates;
  std::vector<RepairedGeometry> repaired;
  std::vector<std::int64_t> empty_geometries;
  std::vector<std::string> warnings;  // one line each, already naming the file
  // Wall time of each loading phase in ms ("open", "scan", "codes", ...), for --timings.
  std::vector<std::pair<std::string, double>> phase_ms;
};

struct BoundaryLayer {
  SourceDescription source;
  std::vector<BoundaryFeature> features;
  LoadReport report;
  Bbox extent_wgs84;
};

}  // namespace chipao
