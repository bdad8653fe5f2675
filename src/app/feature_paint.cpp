#include "app/feature_paint.h"

#include <vector>

#include "render/feature_style.h"

namespace chipao::app {

void paint_features(render::LayerGpu& gpu, std::span<const render::Rgba> colors,
                    std::span<const FeaturePaintFlags> flags) {
  gpu.set_feature_colors(colors);
  std::vector<std::uint8_t> bits(flags.size(), 0);
  for (std::size_t i = 0; i < flags.size(); ++i) {
    namespace flag = render::feature_flag;
    bits[i] = static_cast<std::uint8_t>(
        (flags[i].hidden ? flag::hidden : 0) | (flags[i].no_data ? flag::no_data : 0) |
        (flags[i].hovered ? flag::hovered : 0) | (flags[i].selected ? flag::selected : 0));
  }
  gpu.set_feature_flags(bits);
}

void clear_feature_paint(render::LayerGpu& gpu) {
  gpu.clear_feature_colors();
  gpu.set_feature_flags({});
}

}  // namespace chipao::app
