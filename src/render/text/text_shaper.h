// Shaping: UTF-8 text to positioned glyphs with HarfBuzz, CPU only (testable without GL).
//
// Text is split into runs of Thai (script Thai, language th) and everything else (Latin,
// language en); spaces, digits and punctuation stay in the run they sit in. Each run is shaped
// with the font's own rules, which put Thai tone marks above upper vowels and move marks off
// the tall stems of ป ฝ ฟ and the tails of ญ ฐ.
//
// Units: pixels at `size_px` (the em size). Coordinates have their origin on the baseline at
// the start of the text, x to the right, y DOWN (screen convention): ink above the baseline
// has negative y.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "render/text/font_set.h"

namespace chipao::render {

struct InkBox {
  float min_x = 0, min_y = 0, max_x = 0, max_y = 0;
  bool empty() const { return !(max_x > min_x && max_y > min_y); }
  bool overlaps(const InkBox& o, float tolerance_px = 0) const {
    return !empty() && !o.empty() && min_x + tolerance_px < o.max_x &&
           o.min_x + tolerance_px < max_x && min_y + tolerance_px < o.max_y &&
           o.min_y + tolerance_px < max_y;
  }
};

struct ShapedGlyph {
  std::uint32_t glyph_id = 0;
  std::uint32_t cluster = 0;  // byte offset in the UTF-8 text of the first character it shows
  float x_px = 0;             // glyph origin: pen position plus HarfBuzz's offset
  float y_px = 0;
  InkBox ink;  // the glyph's outline bounds, placed (empty for spaces)
};

struct ShapedText {
  std::vector<ShapedGlyph> glyphs;
  float size_px = 0;
  float width_px = 0;    // total advance
  float ascent_px = 0;   // ink above the baseline, >= 0
  float descent_px = 0;  // ink below the baseline, >= 0
  InkBox ink;            // union of the glyphs' ink (empty for blank text)
};

// Invalid UTF-8 shows as U+FFFD's glyph (or .notdef); it never fails.
ShapedText shape_text(FontSet& fonts, std::string_view utf8, float size_px);

}  // namespace chipao::render
