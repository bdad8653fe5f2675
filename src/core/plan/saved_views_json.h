// The saved-views list as JSON text: the format of the project setting "saved_views" and of
// the user's views.json (app/saved_views.h keeps them; chipao-cli project views lists them).
// Pure parsing and writing, in core so the fuzz target (fuzz/fuzz_saved_views.cpp) and the
// CLI can use it without the app; the app maps a SavedViewRecord to its SavedView (the same
// fields, with ThematicSettings and LabelMode in place of the fields below).
//
//   {"version": 1, "views": [{"name": "Amphoe 1", "title": "", "center": [104.3, 15.1],
//     "pixels_per_degree": 900, "span": [0.8, 0.5], "drill": "9901", "measure": "...",
//     "method": "jenks", "classes": 5, "palette": "orange_red", "high_contrast": false,
//     "manual_breaks": [], "labels": "name"}, ...]}
//
// Reading is strict about what would break later: every number finite, pixels_per_degree
// above 0, the span 0 or more, classes a whole number from kMinClasses to kMaxClasses, known
// method, palette and labels. Fields an older view lacks take the app's defaults: title,
// drill and measure empty, span 0 (unknown), method quantile, classes 5, palette orange_red,
// high_contrast false, no manual breaks, labels name.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/classify/classification.h"
#include "core/classify/palette.h"
#include "core/util/result.h"

namespace chipao {

enum class ViewLabels : std::uint8_t { name, value, off };  // app/thematic.h LabelMode

std::string_view view_labels_key(ViewLabels labels);  // "name", "value", "off"

struct SavedViewRecord {
  std::string name;
  std::string title;
  double lon = 0, lat = 0;  // centre, degrees WGS 84
  double pixels_per_degree = 0;
  double span_lon = 0, span_lat = 0;  // 0: unknown
  std::string drill;
  std::string measure;
  ClassMethod method = ClassMethod::quantile;
  int classes = 5;
  PaletteId palette = PaletteId::orange_red;
  bool high_contrast = false;
  std::vector<double> manual_breaks;
  ViewLabels labels = ViewLabels::name;

  friend bool operator==(const SavedViewRecord&, const SavedViewRecord&) = default;
};

// Indented JSON text ending in a newline. Never throws: text that is not UTF-8 is written
// with U+FFFD in place of the bad bytes.
std::string saved_views_to_json(const std::vector<SavedViewRecord>& views);

// Errors are one line: they start with `origin` (the file, or "P: setting saved_views"), name
// the view (its number and name) and the field, and end with `remedy`.
Result<std::vector<SavedViewRecord>> saved_views_from_json(
    std::string_view text, std::string_view origin, std::string_view remedy = "fix or delete it");

}  // namespace chipao
