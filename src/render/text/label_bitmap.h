// One label's text composed from its glyphs into a single two-channel image (coverage, halo),
// so the GPU draws a label as one halo quad and one ink quad instead of two quads per glyph.
// On Mesa's llvmpipe a small quad costs far more than its pixels (triangle setup, partly
// covered 4x4 blocks), and a Thai label has a dozen glyphs: whole-label quads are what make
// hundreds of labels cheap. CPU only.
//
// Glyphs come from a GlyphAtlas (rasterised there on first use, halo baked in). Where glyphs
// overlap, coverages combine as one drawn over the other would (a + b - ab), in both channels,
// so the label draws as its glyphs drawn one by one would.
//
// Units: pixels. The label's origin is its pen origin snapped to whole pixels; `phase_x` and
// `phase_y` (0 .. kSubpixelPhases - 1) are the pen's fractions of a pixel in quarter steps.
// Each glyph sits at whole pixels plus its own quarter-pixel phase, as TextRenderer placed
// glyphs before labels were composed.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "render/text/font_set.h"
#include "render/text/glyph_atlas.h"
#include "render/text/text_shaper.h"

namespace chipao::render {

struct LabelBitmap {
  int width = 0, height = 0;  // 0 for text without ink (blank)
  int left = 0, top = 0;      // image's top-left relative to the label's origin, y down
  // The part of the image that can hold ink (the glyphs' coverage bitmaps), relative to the
  // image's top-left; the rest holds only halo.
  int ink_x = 0, ink_y = 0, ink_width = 0, ink_height = 0;
  std::vector<std::uint8_t> pixels;  // 2 bytes per pixel (coverage, halo), row-major
  bool empty() const { return width == 0 || height == 0; }
};

// nullopt when `glyphs` is full (the caller clears it and tries again).
std::optional<LabelBitmap> compose_label(FontSet& fonts, GlyphAtlas& glyphs,
                                         const ShapedText& shaped, int phase_x, int phase_y,
                                         float halo_px);

}  // namespace chipao::render
