// Draws map labels: shaped Thai and English text as textured quads over whatever framebuffer
// is bound, each label with a halo (outline) so it reads on any fill colour.
//
// Glyphs are rasterised on demand into one coverage atlas (GlyphAtlas) at the sizes asked for;
// shaped text is cached by (text, size), so redrawing the same labels after a pan costs only
// the quad upload. Halos of all items are drawn first, then all text, so one label's halo
// never covers a neighbouring glyph's ink.
//
// Units: pixels, origin top-left of the viewport, y down.
// Preconditions: a GL 3.3 core context is current for create(), draw() and destruction; the
// renderer keeps its own copy of the FontSet (which shares the faces).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/util/result.h"
#include "render/color.h"
#include "render/gl_handles.h"
#include "render/shader_program.h"
#include "render/text/font_set.h"
#include "render/text/gl_texture.h"
#include "render/text/glyph_atlas.h"
#include "render/text/text_shaper.h"

namespace chipao::render {

// Which point of the label's box (advance width x ink height) sits at (x_px, y_px).
enum class TextAnchor : std::uint8_t {
  center,         // middle of the box
  left,           // middle of the left edge
  right,          // middle of the right edge
  top_left,       // top-left corner of the ink
  baseline_left,  // start of the baseline (the pen's origin)
};

struct TextItem {
  std::string text;  // UTF-8
  float x_px = 0, y_px = 0;
  float size_px = 14;
  Rgba color = rgb8(0x202020);
  Rgba halo = rgb8(0xffffff);
  float halo_px = 2;  // 0 for none; at most kMaxHaloPx
  TextAnchor anchor = TextAnchor::center;
};

// Where the text's baseline origin goes for an anchor, given its shaped size.
struct PenOrigin {
  float x = 0, y = 0;
};
PenOrigin pen_origin(const ShapedText& shaped, float x_px, float y_px, TextAnchor anchor);

class TextRenderer {
 public:
  static Result<TextRenderer> create(FontSet& fonts);

  void draw(std::span<const TextItem> items, int viewport_w, int viewport_h);

  // Shaped text through the renderer's cache (for measuring labels before placing them).
  const ShapedText& shape(const std::string& text, float size_px);

  std::size_t atlas_glyph_count() const { return atlas_.glyph_count(); }
  int atlas_height() const { return atlas_.height(); }
  void clear_caches();

 private:
  TextRenderer(FontSet fonts, ShaderProgram program);
  bool append_quads(const TextItem& item);  // false when the atlas is full
  void upload_atlas();

  FontSet fonts_;
  ShaderProgram program_;
  GlyphAtlas atlas_;
  GlTexture2D texture_;
  GlVertexArray vertex_array_;
  GlBuffer vertex_buffer_;
  std::vector<float> vertices_;
  std::unordered_map<std::string, ShapedText> shaped_;  // key: size in quarter px + '|' + text
};

}  // namespace chipao::render
