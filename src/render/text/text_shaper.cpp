#include "render/text/text_shaper.h"

#include <hb.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace chipao::render {

namespace {

enum class RunKind { thai, other, neutral };

// Thai block U+0E00..U+0E7F is E0 B8 80..E0 B9 BF in UTF-8; ASCII letters are Latin. Other
// ASCII (space, digits, punctuation) is neutral and joins the run it appears in.
RunKind kind_at(std::string_view s, std::size_t i, std::size_t& length) {
  const auto byte = static_cast<unsigned char>(s[i]);
  if (byte < 0x80) {
    length = 1;
    const bool letter = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z');
    return letter ? RunKind::other : RunKind::neutral;
  }
  length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
  length = std::min(length, s.size() - i);
  if (byte == 0xE0 && length == 3) {
    const auto second = static_cast<unsigned char>(s[i + 1]);
    if (second == 0xB8 || second == 0xB9) return RunKind::thai;
  }
  return RunKind::other;
}

struct Run {
  std::size_t begin = 0, end = 0;
  RunKind kind = RunKind::neutral;
};

std::vector<Run> split_runs(std::string_view s) {
  std::vector<Run> runs;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t length = 1;
    const RunKind kind = kind_at(s, i, length);
    if (runs.empty()) {
      runs.push_back({i, i + length, kind});
    } else if (kind == RunKind::neutral || kind == runs.back().kind) {
      runs.back().end = i + length;
    } else if (runs.back().kind == RunKind::neutral) {
      // Leading neutrals take the kind of the first real run after them.
      runs.back().kind = kind;
      runs.back().end = i + length;
    } else {
      runs.push_back({i, i + length, kind});
    }
    i += length;
  }
  return runs;
}

struct BufferDeleter {
  void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};

constexpr float kFixed = 64.0f;  // HarfBuzz scale: 26.6 fixed point pixels

}  // namespace

ShapedText shape_text(FontSet& fonts, std::string_view utf8, float size_px) {
  ShapedText out;
  out.size_px = size_px;
  hb_font_t* font = fonts.hb_font();
  const int scale = static_cast<int>(std::lround(size_px * kFixed));
  hb_font_set_scale(font, scale, scale);

  static const hb_language_t thai = hb_language_from_string("th", -1);
  static const hb_language_t english = hb_language_from_string("en", -1);
  std::unique_ptr<hb_buffer_t, BufferDeleter> buffer(hb_buffer_create());

  float pen_x = 0;
  bool any_ink = false;
  for (const Run& run : split_runs(utf8)) {
    hb_buffer_t* b = buffer.get();
    hb_buffer_clear_contents(b);
    // The whole text goes in as context so shaping at run edges sees its neighbours.
    hb_buffer_add_utf8(b, utf8.data(), static_cast<int>(utf8.size()),
                       static_cast<unsigned>(run.begin), static_cast<int>(run.end - run.begin));
    const bool is_thai = run.kind == RunKind::thai;
    hb_buffer_set_direction(b, HB_DIRECTION_LTR);
    hb_buffer_set_script(b, is_thai ? HB_SCRIPT_THAI : HB_SCRIPT_LATIN);
    hb_buffer_set_language(b, is_thai ? thai : english);
    hb_shape(font, b, nullptr, 0);

    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(b, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(b, &count);
    for (unsigned i = 0; i < count; ++i) {
      ShapedGlyph g;
      g.glyph_id = info[i].codepoint;  // after shaping this holds the glyph index
      g.cluster = info[i].cluster;
      g.x_px = pen_x + static_cast<float>(pos[i].x_offset) / kFixed;
      g.y_px = -static_cast<float>(pos[i].y_offset) / kFixed;  // HarfBuzz's y points up
      hb_glyph_extents_t e;
      if (hb_font_get_glyph_extents(font, g.glyph_id, &e) && e.width != 0 && e.height != 0) {
        // Extents: bearing from the origin to the top-left, height negative (y up).
        const float left = static_cast<float>(e.x_bearing) / kFixed;
        const float right = static_cast<float>(e.x_bearing + e.width) / kFixed;
        const float top = static_cast<float>(e.y_bearing) / kFixed;
        const float bottom = static_cast<float>(e.y_bearing + e.height) / kFixed;
        g.ink = {g.x_px + std::min(left, right), g.y_px - std::max(top, bottom),
                 g.x_px + std::max(left, right), g.y_px - std::min(top, bottom)};
        if (!any_ink) {
          out.ink = g.ink;
          any_ink = true;
        } else {
          out.ink = {std::min(out.ink.min_x, g.ink.min_x), std::min(out.ink.min_y, g.ink.min_y),
                     std::max(out.ink.max_x, g.ink.max_x), std::max(out.ink.max_y, g.ink.max_y)};
        }
      }
      pen_x += static_cast<float>(pos[i].x_advance) / kFixed;
      out.glyphs.push_back(g);
    }
  }
  out.width_px = pen_x;
  if (any_ink) {
    out.ascent_px = std::max(0.0f, -out.ink.min_y);
    out.descent_px = std::max(0.0f, out.ink.max_y);
  }
  return out;
}

}  // namespace chipao::render
