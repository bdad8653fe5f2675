// Draws map labels: shaped Thai and English text as textured quads over whatever framebuffer
// is bound, each label with a halo (outline) so it reads on any fill colour.
//
// Glyphs are rasterised on demand into a CPU atlas (GlyphAtlas) that carries each glyph's
// coverage and its halo; each label's text is composed from them once into one image
// (compose_label) in a second atlas, the GL texture, of which only rows with new labels are
// uploaded. Shaped text is cached by (text, size), label images by (text, size, halo,
// quarter-pixel phase). Labels become a TextBatch: one vertex and index buffer, one halo quad
// and one ink quad per label, every halo before every ink (so one label's halo never covers a
// neighbouring label's ink), drawn with one call; the fragment shader reads one texel per
// pixel without filtering. On Mesa's llvmpipe each small quad costs far more than its pixels,
// so two quads per label instead of two per glyph is what makes hundreds of labels cheap.
//
// Two ways to draw:
//  - draw(items, w, h): rebuilds the renderer's own batch only when the items differ from the
//    last call's, so redrawing unchanged labels uploads nothing.
//  - build(items) once, then draw(batch, w, h, dx, dy) every frame: while the map pans, the
//    labels move by the pan's offset and nothing is rebuilt (the offset is rounded to whole
//    pixels so glyphs stay sampled one texel per pixel).
//
// Units: pixels, origin top-left of the viewport, y down.
// Preconditions: a GL 3.3 core context is current for create(), build(), draw() and
// destruction; the renderer keeps its own copy of the FontSet (which shares the faces).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/util/result.h"
#include "render/shader_program.h"
#include "render/text/font_set.h"
#include "render/text/gl_texture.h"
#include "render/text/glyph_atlas.h"
#include "render/text/text_batch.h"
#include "render/text/text_item.h"
#include "render/text/text_shaper.h"

namespace chipao::render {

// Where the text's baseline origin goes for an anchor, given its shaped size.
struct PenOrigin {
  float x = 0, y = 0;
};
PenOrigin pen_origin(const ShapedText& shaped, float x_px, float y_px, TextAnchor anchor);

class TextRenderer {
 public:
  static Result<TextRenderer> create(FontSet& fonts);

  void draw(std::span<const TextItem> items, int viewport_w, int viewport_h);

  // The items as glyph quads on the GPU (glyphs they need are rasterised now).
  TextBatch build(std::span<const TextItem> items);
  // Draws a batch moved by (offset_x_px, offset_y_px), rounded to whole pixels. Rebuilds it
  // first when the atlas was started over since it was built.
  void draw(TextBatch& batch, int viewport_w, int viewport_h, float offset_x_px = 0,
            float offset_y_px = 0);

  // Shaped text through the renderer's cache (for measuring labels before placing them).
  const ShapedText& shape(const std::string& text, float size_px);

  std::size_t atlas_glyph_count() const { return glyphs_.glyph_count(); }
  // Height of the label image atlas (the GL texture), pixels.
  int atlas_height() const { return labels_.height(); }
  void clear_caches();

 private:
  TextRenderer(FontSet fonts, ShaderProgram program);
  // Where a label's composed image sits in labels_, and its offsets from the label's origin.
  struct LabelSlot {
    AtlasGlyph slot;  // width 0: nothing to draw
    int left = 0, top = 0;
    int ink_x = 0, ink_y = 0, ink_width = 0, ink_height = 0;
  };
  std::optional<LabelSlot> label_slot(const std::string& text, const ShapedText& shaped,
                                      float size_px, int phase_x, int phase_y, float halo_px);
  bool append_quads(const TextItem& item);  // false when the label atlas is full
  void fill(TextBatch& batch);              // quads of batch.items_ into its buffers
  void upload_atlas();

  FontSet fonts_;
  ShaderProgram program_;
  GlyphAtlas glyphs_;  // CPU only: what label images are composed from
  GlyphAtlas labels_{2048, 1024, 8192};
  std::unordered_map<std::string, LabelSlot> label_slots_;  // key: see label_slot()
  GlTexture2D texture_;
  TextBatch scratch_;                   // what draw(items) drew last
  std::vector<TextVertex> halo_quads_;  // building space, kept to reuse its memory
  std::vector<TextVertex> ink_quads_;
  std::vector<std::uint32_t> indices_;
  std::unordered_map<std::string, ShapedText> shaped_;  // key: size in quarter px + '|' + text
};

}  // namespace chipao::render
