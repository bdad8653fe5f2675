#include "core/classify/legend.h"

#include <fmt/format.h>

#include <cmath>

#include "core/classify/feature_colors.h"
#include "core/classify/palette.h"
#include "core/util/number_format.h"

namespace chipao {
namespace {

constexpr std::string_view kDash = " \u2013 ";  // en dash, spaced

std::string number(double value, int decimals, bool is_rate) {
  return format_thousands(value, decimals) + (is_rate ? "%" : "");
}

// The smallest value shown at this precision that belongs to the class above `upper`.
double next_label_start(double upper, int decimals) {
  const double step = std::pow(10.0, -decimals);
  const double steps = upper / step;
  if (std::fabs(steps - std::round(steps)) < 1e-9 * std::max(1.0, std::fabs(steps))) {
    return (std::round(steps) + 1) * step;
  }
  return upper;  // a break between shown values: both neighbours show it
}

std::string method_text(const Classification& c, LegendLanguage language) {
  const bool thai = language == LegendLanguage::thai;
  std::string_view name;
  switch (c.method) {
    case ClassMethod::quantile:
      name = thai ? "ควอนไทล์" : "quantiles";
      break;
    case ClassMethod::jenks:
      name = thai ? "แบ่งตามธรรมชาติ (Jenks)" : "natural breaks (Jenks)";
      break;
    case ClassMethod::equal_interval:
      name = thai ? "ช่วงเท่ากัน" : "equal intervals";
      break;
    case ClassMethod::manual:
      name = thai ? "กำหนดช่วงเอง" : "manual breaks";
      break;
  }
  const int n = c.classes();
  if (thai) return fmt::format("{} {} ชั้น", name, n);
  return fmt::format("{}, {} {}", name, n, n == 1 ? "class" : "classes");
}

}  // namespace

std::string class_range_label(const Classification& c, int index, int decimals, bool is_rate) {
  const auto i = static_cast<std::size_t>(index);
  const double upper = c.breaks[i + 1];
  double lower = c.breaks[i];
  if (index > 0) lower = next_label_start(c.breaks[i], decimals);
  const std::string lo = number(lower, decimals, is_rate);
  const std::string hi = number(upper, decimals, is_rate);
  // One value (class 0 holding only the minimum, or a class one step wide): say it once.
  if (lower >= upper || lo == hi) return hi;
  return lo + std::string(kDash) + hi;
}

Legend build_legend(const Classification& c, std::span<const Rgb8> colors, const LegendText& text) {
  Legend legend;
  legend.title = text.measure;
  legend.subtitle = text.source.empty() ? method_text(c, text.language)
                                        : text.source + " \u00b7 " + method_text(c, text.language);
  const int classes = c.classes();
  for (int i = 0; i < classes; ++i) {
    legend.entries.push_back({class_range_label(c, i, text.decimals, text.is_rate),
                              class_color(i, classes, colors),
                              c.counts[static_cast<std::size_t>(i)], false});
  }
  if (c.no_data > 0) {
    legend.entries.push_back(
        {std::string(text.language == LegendLanguage::thai ? "ไม่มีข้อมูล" : "No data"),
         no_data_color(text.high_contrast), c.no_data, true});
  }
  return legend;
}

}  // namespace chipao
