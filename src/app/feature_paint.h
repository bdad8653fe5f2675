// Hands a layer's per-feature colours and flags to its GPU buffers (the thematic colours, no
// data, hidden, hovered, selected). Kept apart so the controller does not depend on how the
// renderer stores them.
//
// Precondition: the GL context is current.
#pragma once

#include <cstdint>
#include <span>

#include "render/color.h"
#include "render/layer_gpu.h"

namespace chipao::app {

struct FeaturePaintFlags {
  bool hidden = false;
  bool no_data = false;
  bool hovered = false;
  bool selected = false;
};

void paint_features(render::LayerGpu& gpu, std::span<const render::Rgba> colors,
                    std::span<const FeaturePaintFlags> flags);
// Back to the layer's uniform style colour (no thematic map on this layer).
void clear_feature_paint(render::LayerGpu& gpu);

}  // namespace chipao::app
