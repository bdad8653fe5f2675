#include "app/thematic.h"

#include <cmath>

#include "core/classify/feature_colors.h"

namespace chipao::app {

Result<ThematicMap> build_thematic_map(const ThematicInput& input,
                                       const ThematicSettings& settings) {
  ThematicMap map;
  const std::vector<double>& values = *input.values;
  map.eligible_values.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (input.eligible && !(*input.eligible)[i]) continue;
    map.eligible_values.push_back(values[i]);
  }
  auto classification =
      classify(map.eligible_values, settings.method, settings.classes, settings.manual_breaks);
  if (!classification) return std::unexpected(classification.error());
  map.classification = std::move(*classification);
  if (map.classification.classes() > 0)
    map.class_colors =
        classification_colors(map.classification, settings.palette, settings.high_contrast);

  map.feature_class.assign(values.size(), -2);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (input.eligible && !(*input.eligible)[i]) continue;
    map.feature_class[i] = map.classification.class_of(values[i]);
  }

  LegendText text;
  text.measure = input.measure_label;
  text.source = input.source;
  text.language = input.language == Language::thai ? LegendLanguage::thai : LegendLanguage::english;
  text.high_contrast = settings.high_contrast;
  text.decimals = input.is_rate ? 2 : 0;
  text.is_rate = input.is_rate;
  map.legend = build_legend(map.classification, map.class_colors, text);
  return map;
}

}  // namespace chipao::app
