#include "render/text/glyph_raster.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H

#include <cmath>
#include <cstring>

namespace chipao::render {

GlyphBitmap rasterize_glyph(FontSet& fonts, std::uint32_t glyph_id, float size_px,
                            float x_shift_px) {
  GlyphBitmap out;
  FT_Face face = fonts.ft_face();
  // 72 dpi makes one point one pixel; 26.6 fixed point keeps fractional sizes.
  const auto size = static_cast<FT_F26Dot6>(std::lround(size_px * 64.0f));
  if (FT_Set_Char_Size(face, 0, size, 72, 72) != 0) return out;
  // Light hinting snaps only vertically, so outlines keep the horizontal metrics HarfBuzz
  // positioned them with (unhinted), and stems still land crisply on pixel rows.
  if (FT_Load_Glyph(face, glyph_id, FT_LOAD_TARGET_LIGHT | FT_LOAD_NO_BITMAP) != 0) return out;
  if (x_shift_px != 0 && face->glyph->format == FT_GLYPH_FORMAT_OUTLINE)
    FT_Outline_Translate(&face->glyph->outline, std::lround(x_shift_px * 64.0f), 0);
  if (FT_Render_Glyph(face->glyph, FT_RENDER_MODE_NORMAL) != 0) return out;
  const FT_Bitmap& bitmap = face->glyph->bitmap;
  if (bitmap.pixel_mode != FT_PIXEL_MODE_GRAY || bitmap.width == 0 || bitmap.rows == 0) return out;
  out.width = static_cast<int>(bitmap.width);
  out.height = static_cast<int>(bitmap.rows);
  out.left = face->glyph->bitmap_left;
  out.top = face->glyph->bitmap_top;
  out.coverage.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
  for (int row = 0; row < out.height; ++row) {
    // pitch may be larger than width (padding) or negative (bottom-up); index by it.
    const unsigned char* src = bitmap.buffer + static_cast<std::ptrdiff_t>(row) * bitmap.pitch;
    std::memcpy(out.coverage.data() + static_cast<std::size_t>(row) * bitmap.width, src,
                bitmap.width);
  }
  return out;
}

}  // namespace chipao::render
