// Reading every feature of one layer: raw attribute bytes, and geometry converted, transformed
// to WGS 84, measured and checked. Shapefiles are read by several threads at once, each with
// its own dataset handle, PROJ transform and GEOS context, over contiguous feature ranges.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/geometry.h"
#include "core/io/gdal_support.h"
#include "core/io/text_encoding.h"
#include "core/util/progress.h"
#include "core/util/result.h"

namespace chipao::gdal {

struct ScannedFeature {
  std::int64_t fid = 0;
  std::vector<std::string> raw_values;  // bytes as the source holds them
  FeatureGeometry geometry;
  Bbox bbox;
  std::string invalid_reason;  // set when the geometry was invalid (and repaired if allowed)
  bool repaired = false;
  bool transform_failed = false;  // PROJ failed for some point: `geometry` was dropped
};

struct ScanRequest {
  OpenRequest open;
  std::string user_path;
  std::string layer_name;
  std::int64_t feature_count = 0;
  int field_count = 0;
  std::optional<std::string> source_crs;  // unset: coordinates are already WGS 84 lon/lat
  bool repair_invalid = true;
  bool keep_attributes = true;
  int threads = 1;
  Progress progress;
};

struct ScanResult {
  std::vector<ScannedFeature> features;
  EncodingDetector text;  // fed with every attribute value, for the encoding decision
};

Result<ScanResult> scan_features(const ScanRequest& request);

}  // namespace chipao::gdal
