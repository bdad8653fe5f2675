#include "render/text/text_renderer.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include <fmt/format.h>

#include "render/text/label_bitmap.h"

namespace chipao::render {

namespace {

// Shaped text is kept for labels seen recently; past this many the cache starts over rather
// than growing with every label the user ever panned past.
constexpr std::size_t kMaxShapedEntries = 50000;

std::uint8_t to_byte(float channel) {
  return static_cast<std::uint8_t>(std::lround(std::clamp(channel, 0.0f, 1.0f) * 255.0f));
}

// One axis-aligned quad: screen rectangle from (x, y), atlas rectangle from (u, v), same size.
void push_quad(std::vector<TextVertex>& out, float x, float y, int u, int v, int width, int height,
               const Rgba& color, bool halo) {
  TextVertex corner;
  corner.color[0] = to_byte(color.r);
  corner.color[1] = to_byte(color.g);
  corner.color[2] = to_byte(color.b);
  corner.color[3] = to_byte(color.a);
  corner.channel[0] = halo ? 0 : 255;
  corner.channel[1] = halo ? 255 : 0;
  const float dx[4] = {0, 1, 1, 0};
  const float dy[4] = {0, 0, 1, 1};
  for (int k = 0; k < 4; ++k) {
    corner.x_px = x + dx[k] * static_cast<float>(width);
    corner.y_px = y + dy[k] * static_cast<float>(height);
    corner.atlas_x = static_cast<std::uint16_t>(u + static_cast<int>(dx[k]) * width);
    corner.atlas_y = static_cast<std::uint16_t>(v + static_cast<int>(dy[k]) * height);
    out.push_back(corner);
  }
}

}  // namespace

PenOrigin pen_origin(const ShapedText& shaped, float x_px, float y_px, TextAnchor anchor) {
  // The box is the advance width by the ink height; its vertical middle is (descent - ascent)
  // / 2 below the baseline.
  const float middle_to_baseline = (shaped.ascent_px - shaped.descent_px) / 2;
  switch (anchor) {
    case TextAnchor::center:
      return {x_px - shaped.width_px / 2, y_px + middle_to_baseline};
    case TextAnchor::left:
      return {x_px, y_px + middle_to_baseline};
    case TextAnchor::right:
      return {x_px - shaped.width_px, y_px + middle_to_baseline};
    case TextAnchor::top_left:
      return {x_px, y_px + shaped.ascent_px};
    case TextAnchor::baseline_left:
      return {x_px, y_px};
  }
  return {x_px, y_px};
}

TextRenderer::TextRenderer(FontSet fonts, ShaderProgram program)
    : fonts_(std::move(fonts)), program_(std::move(program)) {}

Result<TextRenderer> TextRenderer::create(FontSet& fonts) {
  auto program = ShaderProgram::from_embedded("text", "text.vert", "", "text.frag");
  if (!program) return std::unexpected(program.error());
  TextRenderer renderer(fonts, std::move(*program));
  renderer.texture_ = make_texture_2d();
  if (!renderer.texture_) return fail("text renderer: OpenGL could not create its atlas texture");
  renderer.program_.use();
  glUniform1i(renderer.program_.location("u_atlas"), 0);
  glUseProgram(0);

  glBindTexture(GL_TEXTURE_2D, renderer.texture_.id());
  // The shader fetches texels (no filtering); NEAREST keeps the texture complete without mipmaps.
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glBindTexture(GL_TEXTURE_2D, 0);
  return renderer;
}

const ShapedText& TextRenderer::shape(const std::string& text, float size_px) {
  std::string key = fmt::format("{}|{}", std::lround(size_px * 4.0f), text);
  if (auto it = shaped_.find(key); it != shaped_.end()) return it->second;
  if (shaped_.size() >= kMaxShapedEntries) shaped_.clear();
  return shaped_.emplace(std::move(key), shape_text(fonts_, text, size_px)).first->second;
}

void TextRenderer::clear_caches() {
  shaped_.clear();
  glyphs_.clear();
  labels_.clear();
  label_slots_.clear();
}

std::optional<TextRenderer::LabelSlot> TextRenderer::label_slot(const std::string& text,
                                                                const ShapedText& shaped,
                                                                float size_px, int phase_x,
                                                                int phase_y, float halo_px) {
  // The shaped text is a function of (text, size), so they and the rest identify the image.
  std::string key = fmt::format("{}|{}|{}|{}|{}", std::lround(size_px * 4.0f),
                                std::lround(halo_px * 2.0f), phase_x, phase_y, text);
  if (auto it = label_slots_.find(key); it != label_slots_.end()) return it->second;

  auto bitmap = compose_label(fonts_, glyphs_, shaped, phase_x, phase_y, halo_px);
  if (!bitmap) {
    // The glyph atlas is full of glyphs of earlier labels, whose images are already made.
    glyphs_.clear();
    bitmap = compose_label(fonts_, glyphs_, shaped, phase_x, phase_y, halo_px);
    if (!bitmap) return std::nullopt;
  }
  LabelSlot slot;
  if (!bitmap->empty()) {
    const auto placed = labels_.add_image(bitmap->width, bitmap->height, bitmap->pixels.data());
    if (!placed) return std::nullopt;
    slot.slot = *placed;
    slot.left = bitmap->left;
    slot.top = bitmap->top;
    slot.ink_x = bitmap->ink_x;
    slot.ink_y = bitmap->ink_y;
    slot.ink_width = bitmap->ink_width;
    slot.ink_height = bitmap->ink_height;
  }
  return label_slots_.emplace(std::move(key), slot).first->second;
}

namespace {

// A coordinate split into whole pixels and a quarter-pixel phase (0 .. kSubpixelPhases - 1).
std::pair<float, int> snap(float v) {
  float whole = std::floor(v);
  int phase = static_cast<int>(std::lround((v - whole) * kSubpixelPhases));
  if (phase == kSubpixelPhases) {
    phase = 0;
    whole += 1;
  }
  return {whole, phase};
}

}  // namespace

bool TextRenderer::append_quads(const TextItem& item) {
  const ShapedText& shaped = shape(item.text, item.size_px);
  const PenOrigin pen = pen_origin(shaped, item.x_px, item.y_px, item.anchor);
  const float halo_px = std::clamp(item.halo_px, 0.0f, static_cast<float>(kMaxHaloPx));
  // The atlas keeps halos in half-pixel steps: below a quarter pixel there is none to draw.
  const bool draw_halo = std::lround(halo_px * 2.0f) > 0 && item.halo.a > 0;
  // Whole pixels plus a quarter-pixel phase composed into the image: its texels are then
  // sampled 1:1 at their centres (as sharp as FreeType drew them).
  const auto [x, phase_x] = snap(pen.x);
  const auto [y, phase_y] = snap(pen.y);
  const auto label = label_slot(item.text, shaped, item.size_px, phase_x, phase_y, halo_px);
  if (!label) return false;
  const AtlasGlyph& slot = label->slot;
  if (slot.width == 0) return true;
  const float x0 = x + static_cast<float>(label->left);
  const float y0 = y + static_cast<float>(label->top);
  if (draw_halo)
    push_quad(halo_quads_, x0, y0, slot.x, slot.y, slot.width, slot.height, item.halo, true);
  if (label->ink_width > 0 && label->ink_height > 0)
    push_quad(ink_quads_, x0 + static_cast<float>(label->ink_x),
              y0 + static_cast<float>(label->ink_y), slot.x + label->ink_x, slot.y + label->ink_y,
              label->ink_width, label->ink_height, item.color, false);
  return true;
}

void TextRenderer::upload_atlas() {
  if (!labels_.dirty() && !labels_.grown()) return;
  glBindTexture(GL_TEXTURE_2D, texture_.id());
  GLint previous_alignment = 4;
  glGetIntegerv(GL_UNPACK_ALIGNMENT, &previous_alignment);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);  // rows of two-byte texels need not be 4-aligned
  if (labels_.grown()) {
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RG8, labels_.width(), labels_.height(), 0, GL_RG,
                 GL_UNSIGNED_BYTE, labels_.pixels().data());
  } else {
    const int rows = labels_.dirty_end() - labels_.dirty_begin();
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, labels_.dirty_begin(), labels_.width(), rows, GL_RG,
                    GL_UNSIGNED_BYTE,
                    labels_.pixels().data() +
                        2 * static_cast<std::size_t>(labels_.dirty_begin()) * labels_.width());
  }
  glPixelStorei(GL_UNPACK_ALIGNMENT, previous_alignment);
  labels_.mark_clean();
}

void TextRenderer::fill(TextBatch& batch) {
  halo_quads_.clear();
  ink_quads_.clear();
  bool complete = true;
  for (const TextItem& item : batch.items_) {
    if (!append_quads(item)) {
      complete = false;
      break;
    }
  }
  if (!complete) {
    // The atlas filled up with images of earlier labels: start it over with only these.
    // (Other batches see the new generation and rebuild when next drawn.) A batch that alone
    // overflows it draws what fits.
    labels_.clear();
    label_slots_.clear();
    halo_quads_.clear();
    ink_quads_.clear();
    for (const TextItem& item : batch.items_) append_quads(item);
  }
  upload_atlas();
  batch.atlas_generation_ = labels_.generation();
  batch.built_ = true;

  const std::size_t quads = (halo_quads_.size() + ink_quads_.size()) / 4;
  batch.index_count_ = static_cast<GLsizei>(quads * 6);
  if (quads == 0) return;
  halo_quads_.insert(halo_quads_.end(), ink_quads_.begin(), ink_quads_.end());
  indices_.clear();
  for (std::uint32_t q = 0; q < quads; ++q) {
    const std::uint32_t first = q * 4;
    indices_.insert(indices_.end(), {first, first + 1, first + 2, first, first + 2, first + 3});
  }

  if (!batch.vertex_array_) {
    batch.vertex_array_ = make_vertex_array();
    batch.vertex_buffer_ = make_buffer();
    batch.index_buffer_ = make_buffer();
    glBindVertexArray(batch.vertex_array_.id());
    glBindBuffer(GL_ARRAY_BUFFER, batch.vertex_buffer_.id());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, batch.index_buffer_.id());
    constexpr GLsizei stride = sizeof(TextVertex);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(offsetof(TextVertex, x_px)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_UNSIGNED_SHORT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(offsetof(TextVertex, atlas_x)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                          reinterpret_cast<const void*>(offsetof(TextVertex, color)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 2, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                          reinterpret_cast<const void*>(offsetof(TextVertex, channel)));
  } else {
    glBindVertexArray(batch.vertex_array_.id());
    glBindBuffer(GL_ARRAY_BUFFER, batch.vertex_buffer_.id());
  }
  // Reuse the buffers' storage when the new quads fit (a rebuilt scratch batch), else grow it.
  const std::size_t vertex_bytes = halo_quads_.size() * sizeof(TextVertex);
  const std::size_t index_bytes = indices_.size() * sizeof(std::uint32_t);
  if (vertex_bytes > batch.vertex_capacity_) {
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertex_bytes), halo_quads_.data(),
                 GL_STATIC_DRAW);
    batch.vertex_capacity_ = vertex_bytes;
  } else {
    glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(vertex_bytes), halo_quads_.data());
  }
  if (index_bytes > batch.index_capacity_) {
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(index_bytes), indices_.data(),
                 GL_STATIC_DRAW);
    batch.index_capacity_ = index_bytes;
  } else {
    glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(index_bytes),
                    indices_.data());
  }
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
}

TextBatch TextRenderer::build(std::span<const TextItem> items) {
  TextBatch batch;
  batch.items_.assign(items.begin(), items.end());
  fill(batch);
  return batch;
}

void TextRenderer::draw(std::span<const TextItem> items, int viewport_w, int viewport_h) {
  if (items.empty() || viewport_w <= 0 || viewport_h <= 0) return;
  // The map redraws the same labels in many frames; comparing them costs far less than
  // building and uploading their quads again.
  if (!std::ranges::equal(items, scratch_.items_)) {
    scratch_.items_.assign(items.begin(), items.end());
    fill(scratch_);
  }
  draw(scratch_, viewport_w, viewport_h);
}

void TextRenderer::draw(TextBatch& batch, int viewport_w, int viewport_h, float offset_x_px,
                        float offset_y_px) {
  if (batch.items_.empty() || viewport_w <= 0 || viewport_h <= 0) return;
  if (!batch.built_ || batch.atlas_generation_ != labels_.generation()) fill(batch);
  if (batch.index_count_ == 0) return;
  upload_atlas();

  glViewport(0, 0, viewport_w, viewport_h);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_CULL_FACE);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glBlendEquation(GL_FUNC_ADD);

  program_.use();
  program_.set("u_viewport_px", static_cast<float>(viewport_w), static_cast<float>(viewport_h));
  program_.set("u_offset_px", std::round(offset_x_px), std::round(offset_y_px));
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, texture_.id());
  glBindVertexArray(batch.vertex_array_.id());
  glDrawElements(GL_TRIANGLES, batch.index_count_, GL_UNSIGNED_INT, nullptr);

  glBindVertexArray(0);
  glBindTexture(GL_TEXTURE_2D, 0);
  glUseProgram(0);
}

}  // namespace chipao::render
