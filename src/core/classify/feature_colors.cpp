#include "core/classify/feature_colors.h"

#include <algorithm>

namespace chipao {

Rgb8 class_color(int index, int classes, std::span<const Rgb8> colors) {
  if (colors.empty()) return {};
  const auto size = static_cast<int>(colors.size());
  if (classes <= 1 || size == classes) {
    return colors[static_cast<std::size_t>(std::min(index, size - 1))];
  }
  // Nearest position on the palette for index's share of the way from lightest to darkest.
  const int at = (index * (size - 1) + (classes - 1) / 2) / (classes - 1);
  return colors[static_cast<std::size_t>(std::min(at, size - 1))];
}

std::vector<Rgb8> classification_colors(const Classification& classification, PaletteId palette,
                                        bool high_contrast) {
  if (classification.classes() == 0) return {};
  return sequential_palette(palette, classification.classes(), high_contrast);
}

void fill_feature_colors(std::span<const double> values, const Classification& classification,
                         std::span<const Rgb8> colors, Rgb8 no_data, std::span<Rgb8> out) {
  const int classes = classification.classes();
  // Resolve each class's colour once; the per-feature loop is then a search and a lookup.
  std::vector<Rgb8> by_class(static_cast<std::size_t>(classes));
  for (int i = 0; i < classes; ++i)
    by_class[static_cast<std::size_t>(i)] = class_color(i, classes, colors);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int c = classification.class_of(values[i]);
    out[i] = c < 0 ? no_data : by_class[static_cast<std::size_t>(c)];
  }
}

std::vector<Rgb8> class_colors_per_feature(std::span<const double> values,
                                           const Classification& classification,
                                           std::span<const Rgb8> colors, Rgb8 no_data) {
  std::vector<Rgb8> out(values.size());
  fill_feature_colors(values, classification, colors, no_data, out);
  return out;
}

}  // namespace chipao
