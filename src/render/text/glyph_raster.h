// One glyph rasterised by FreeType into an 8-bit coverage bitmap, CPU only.
//
// Units: pixels at `size_px` (the em size). The bitmap's top-left pixel sits at
// (origin_x + left, origin_y - top) in y-down screen pixels, where origin is the glyph origin
// on the baseline (ShapedGlyph::x_px, y_px). Blank glyphs (space) give an empty bitmap.
#pragma once

#include <cstdint>
#include <vector>

#include "render/text/font_set.h"

namespace chipao::render {

struct GlyphBitmap {
  int width = 0;
  int height = 0;
  int left = 0;                        // from the origin to the bitmap's left edge, pixels
  int top = 0;                         // from the baseline up to the bitmap's top edge, pixels
  std::vector<std::uint8_t> coverage;  // width * height, row-major, top row first

  bool empty() const { return width == 0 || height == 0; }
  std::uint8_t at(int x, int y) const {
    return coverage[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                    static_cast<std::size_t>(x)];
  }
};

// A glyph the font cannot load comes back empty (it draws as nothing rather than failing a
// whole label). `x_shift_px` (0 <= shift < 1) moves the outline right before rasterising, so
// a glyph whose shaped position falls between pixels is drawn there rather than rounded: Thai
// marks sit a fraction of a pixel from stems at label sizes, and rounding each glyph on its
// own would fuse them.
GlyphBitmap rasterize_glyph(FontSet& fonts, std::uint32_t glyph_id, float size_px,
                            float x_shift_px = 0);

}  // namespace chipao::render
