// The legend of a choropleth map: title, source line, one entry per class with its range,
// colour and number of areas, and a "no data" entry whenever some area has no figure.
//
// Ranges read "1,201 – 2,450". A class holds (lower break, upper break]; when the breaks are
// whole numbers at the shown precision (always, for counts), the next class's label starts one
// step above the previous upper break, so neighbouring labels never share a number.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "core/classify/classification.h"
#include "core/classify/rgb8.h"

namespace chipao {

enum class LegendLanguage { thai, english };

struct LegendText {
  std::string measure;  // already in the UI language, e.g. "คนจนเป้าหมาย"
  std::string source;   // source and year, e.g. "TPMAP 2561"
  LegendLanguage language = LegendLanguage::thai;
  int decimals = 0;            // 0 for counts
  bool is_rate = false;        // labels get "%"
  bool high_contrast = false;  // which no-data colour the entry shows
};

struct LegendEntry {
  std::string label;
  Rgb8 color;
  std::size_t count = 0;
  bool no_data = false;
};

struct Legend {
  std::string title;                 // the measure
  std::string subtitle;              // source · method and class count
  std::vector<LegendEntry> entries;  // classes lightest first, then no data
};

// The label of class index of a classification (no "no data" entry).
std::string class_range_label(const Classification& classification, int index, int decimals,
                              bool is_rate);

// colors: one per class, lightest first (see class_color for other lengths).
Legend build_legend(const Classification& classification, std::span<const Rgb8> colors,
                    const LegendText& text);

}  // namespace chipao
