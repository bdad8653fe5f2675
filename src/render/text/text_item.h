// One map label to draw: UTF-8 text, where its anchor sits, size, colours and halo width.
//
// Units: pixels, origin top-left of the viewport, y down.
#pragma once

#include <cstdint>
#include <string>

#include "render/color.h"

namespace chipao::render {

// Which point of the label's box (advance width x ink height) sits at (x_px, y_px).
enum class TextAnchor : std::uint8_t {
  center,         // middle of the box
  left,           // middle of the left edge
  right,          // middle of the right edge
  top_left,       // top-left corner of the ink
  baseline_left,  // start of the baseline (the pen's origin)
};

// kMaxHaloPx (render/text/glyph_atlas.h) bounds halo_px.
struct TextItem {
  std::string text;  // UTF-8
  float x_px = 0, y_px = 0;
  float size_px = 14;
  Rgba color = rgb8(0x202020);
  Rgba halo = rgb8(0xffffff);
  float halo_px = 2;  // 0 for none; at most kMaxHaloPx
  TextAnchor anchor = TextAnchor::center;

  friend bool operator==(const TextItem&, const TextItem&) = default;
};

}  // namespace chipao::render
