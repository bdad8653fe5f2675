// Layer descriptors: small JSON files in layers/ that say which file a layer comes from and
// override anything the reader would otherwise detect (level, code fields, names, encoding,
// CRS), plus the layer's default style.
//
//   {
//     "name": "demo_tambon", "title_th": "ตำบล", "title_en": "Tambon",
//     "source": "../data/demo/tambon.shp",      // relative to the descriptor file
//     "layer": null, "level": "tambon", "code_fields": ["tam_code"],
//     "name_th": "tam_th", "name_en": "tam_en", "encoding": "UTF-8", "crs": "EPSG:4326",
//     "geometry": "polygon",
//     "style": {"fill": "#e8e1d0", "outline": "#5a5246", "outline_width_px": 1.0},
//     "tables": ["../data/demo/tpmap/61_99_tambol_11111.csv"]   // optional, joined by code
//   }
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/io/boundary_reader.h"
#include "core/util/result.h"

namespace chipao {

// Wider outlines than this are a typo: a tambon is a few hundred pixels across on screen.
inline constexpr double kMaxOutlineWidthPx = 100;

struct LayerStyle {
  std::string fill = "#e8e1d0";
  std::string outline = "#5a5246";
  float outline_width_px = 1.0f;
};

struct LayerDescriptor {
  std::string name;
  std::string title_th;
  std::string title_en;
  std::string source;   // resolved against the descriptor's folder
  LoadOptions options;  // overrides, with override_origin = "descriptor"
  LayerStyle style;
  // Tables of figures to join to the layer by code (TPMAP exports or described tables),
  // resolved against the descriptor's folder like `source`.
  std::vector<std::string> tables;
};

Result<LayerDescriptor> read_layer_descriptor(const std::string& path);
// The same from JSON text already in memory; `path` resolves "source" and "tables" and names
// messages (the fuzz target and tests call it without a file).
Result<LayerDescriptor> parse_layer_descriptor(std::string_view json_text, const std::string& path);

}  // namespace chipao
