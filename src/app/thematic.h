// A choropleth of one measure over the areas in view: the settings a planner picks (measure,
// method, classes, palette, high contrast) and what they produce (classification, one colour
// per feature, the legend).
//
// Only the eligible features (those inside the current drill-down area) are classified, so
// the classes describe what the planner is looking at. Recomputing costs a sort of the values
// and one pass for colours; the GPU then gets new colours, never new geometry.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/ui_text.h"
#include "core/classify/classification.h"
#include "core/classify/legend.h"
#include "core/classify/palette.h"
#include "core/util/result.h"

namespace chipao::app {

// What the map's areas are labelled with: their name (in the UI language), the mapped value,
// or nothing.
enum class LabelMode { name, value, off };

struct ThematicSettings {
  std::string measure;  // column name; empty: the catalog's default
  ClassMethod method = ClassMethod::quantile;
  int classes = 5;
  PaletteId palette = PaletteId::orange_red;
  bool high_contrast = false;
  std::vector<double> manual_breaks;  // inner breaks for ClassMethod::manual
  LabelMode labels = LabelMode::name;

  friend bool operator==(const ThematicSettings&, const ThematicSettings&) = default;
};

struct ThematicMap {
  Classification classification;
  std::vector<Rgb8> class_colors;       // one per class
  std::vector<int> feature_class;       // per feature: class, -1 no data, -2 not eligible
  std::vector<double> eligible_values;  // the values classified (histogram input)
  Legend legend;
};

struct ThematicInput {
  const std::vector<double>* values = nullptr;  // per feature, NaN = no figure
  const std::vector<bool>* eligible = nullptr;  // per feature; nullptr = all
  std::string measure_label;                    // in the UI language
  std::string source;                           // "TPMAP 2561"
  bool is_rate = false;
  Language language = Language::thai;
};

Result<ThematicMap> build_thematic_map(const ThematicInput& input,
                                       const ThematicSettings& settings);

}  // namespace chipao::app
