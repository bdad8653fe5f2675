// Reading any OGR vector source into a BoundaryLayer.
//
// Shapefile (also zipped, through /vsizip/), GeoPackage, GeoJSON, FlatGeobuf, SpatiaLite.
// Everything detected (level, code fields, names, encoding, CRS) can be overridden here,
// by a layer descriptor (core/layer/layer_descriptor.h) or by CLI flags.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/admin/admin_level.h"
#include "core/layer/boundary_layer.h"
#include "core/util/progress.h"
#include "core/util/result.h"

namespace chipao {

enum class GeometryRequirement { any, polygon };

struct LoadOptions {
  std::optional<std::string> layer;          // layer name inside a multi-layer source
  std::optional<AdminLevel> level;           // override detected level
  std::vector<std::string> code_fields;      // override: one field, or composite parts
  std::optional<std::string> name_th_field;  // override
  std::optional<std::string> name_en_field;  // override
  std::optional<std::string> encoding;       // override, e.g. "CP874"
  std::optional<std::string> crs;            // override source CRS, e.g. "EPSG:24047"
  GeometryRequirement require = GeometryRequirement::any;
  bool repair_invalid = true;
  bool keep_attributes = true;
  int threads = 0;  // 0: as many as the machine has cores (at most 8)
  Progress progress;
  // Where the override came from, for SourceDescription (*_source = "descriptor" or "flag").
  std::string override_origin = "flag";
};

Result<BoundaryLayer> load_boundaries(const std::string& path, const LoadOptions& options = {});

// Layer names of a multi-layer source (GeoPackage, SpatiaLite), for pickers and messages.
Result<std::vector<std::string>> list_layers(const std::string& path);

}  // namespace chipao
