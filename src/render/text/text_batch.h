// A set of labels turned into glyph quads once and kept on the GPU, so that redrawing them
// (every frame while the map pans) is one draw call and no upload.
//
// TextRenderer::build() fills a batch; TextRenderer::draw(batch, ..., offset) draws it moved by
// a whole-pixel offset. The batch keeps a copy of its items: when the renderer's glyph atlas
// has been started over since the batch was built (its slots moved), draw() rebuilds it.
//
// Vertex layout (20 bytes): position in viewport pixels (float), atlas texel of the quad corner
// (unsigned short), colour (RGBA, unsigned byte) and the atlas channel the quad shows
// (coverage or halo, as a weight pair). All halo quads of the batch come before all ink quads,
// so one draw call puts every halo under every glyph's ink.
//
// Precondition: the GL context of the renderer that built it is current when it is destroyed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "render/gl_handles.h"
#include "render/text/text_item.h"

namespace chipao::render {

struct TextVertex {
  float x_px = 0, y_px = 0;
  std::uint16_t atlas_x = 0, atlas_y = 0;
  std::uint8_t color[4] = {0, 0, 0, 0};
  std::uint8_t channel[2] = {0, 0};  // {255, 0}: glyph coverage; {0, 255}: halo
  std::uint8_t unused[2] = {0, 0};
};
static_assert(sizeof(TextVertex) == 20, "the vertex layout in text_renderer.cpp expects 20 bytes");

class TextBatch {
 public:
  TextBatch() = default;
  TextBatch(TextBatch&&) noexcept = default;
  TextBatch& operator=(TextBatch&&) noexcept = default;
  ~TextBatch() = default;

  std::span<const TextItem> items() const { return items_; }
  bool empty() const { return index_count_ == 0; }
  std::size_t quad_count() const { return static_cast<std::size_t>(index_count_) / 6; }

 private:
  friend class TextRenderer;
  std::vector<TextItem> items_;
  GlVertexArray vertex_array_;
  GlBuffer vertex_buffer_, index_buffer_;
  std::size_t vertex_capacity_ = 0, index_capacity_ = 0;  // bytes allocated in the buffers
  GLsizei index_count_ = 0;
  std::uint64_t atlas_generation_ = 0;
  bool built_ = false;
};

}  // namespace chipao::render
