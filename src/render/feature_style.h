// Per-feature state the fill and outline shaders read (one byte of flags per feature), and how
// the renderer shows it.
//
// Flags live in a small texture next to the layer's buffers (LayerGpu::set_feature_flags), so
// hovering, selecting or hiding a feature never touches vertex or index buffers.
#pragma once

#include <cstdint>

#include "render/color.h"

namespace chipao::render {

namespace feature_flag {
inline constexpr std::uint8_t hidden = 1u << 0;    // neither filled nor outlined
inline constexpr std::uint8_t no_data = 1u << 1;   // hatched, never a class colour
inline constexpr std::uint8_t hovered = 1u << 2;   // lighter fill and an outline
inline constexpr std::uint8_t selected = 1u << 3;  // strong outline drawn over everything
}  // namespace feature_flag

struct FeatureHighlightStyle {
  // "No data": a neutral base with diagonal stripes in screen space, so it can never be read
  // as the lightest class of a choropleth.
  Rgba no_data_base = rgb8(0xf2f2f2);
  Rgba no_data_hatch = rgb8(0x9a9a9a);
  float hatch_period_px = 8.0f;
  float hatch_width_px = 2.5f;
  float hover_lighten = 0.35f;  // fraction of the way to white
  Rgba hover_outline = rgb8(0x303030);
  float hover_outline_width_px = 2.0f;
  Rgba selection_outline = rgb8(0x00b4ff);
  float selection_outline_width_px = 3.0f;
};

}  // namespace chipao::render
