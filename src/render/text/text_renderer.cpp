#include "render/text/text_renderer.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace chipao::render {

namespace {

// position (2), atlas texel (2), colour (4), halo colour (4), halo width (1)
constexpr int kFloatsPerVertex = 13;
// Shaped text is kept for labels seen recently; past this many the cache starts over rather
// than growing with every label the user ever panned past.
constexpr std::size_t kMaxShapedEntries = 50000;

void push_vertex(std::vector<float>& out, float x, float y, float u, float v, const TextItem& item,
                 float halo_px) {
  out.insert(out.end(), {x, y, u, v, item.color.r, item.color.g, item.color.b, item.color.a,
                         item.halo.r, item.halo.g, item.halo.b, item.halo.a, halo_px});
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
  renderer.vertex_array_ = make_vertex_array();
  renderer.vertex_buffer_ = make_buffer();
  if (!renderer.texture_ || !renderer.vertex_array_ || !renderer.vertex_buffer_)
    return fail("text renderer: OpenGL could not create its texture or buffers");

  glBindVertexArray(renderer.vertex_array_.id());
  glBindBuffer(GL_ARRAY_BUFFER, renderer.vertex_buffer_.id());
  constexpr GLsizei stride = kFloatsPerVertex * sizeof(float);
  const int sizes[] = {2, 2, 4, 4, 1};
  std::size_t offset = 0;
  for (GLuint attribute = 0; attribute < 5; ++attribute) {
    glEnableVertexAttribArray(attribute);
    glVertexAttribPointer(attribute, sizes[attribute], GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(offset * sizeof(float)));
    offset += static_cast<std::size_t>(sizes[attribute]);
  }
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);

  glBindTexture(GL_TEXTURE_2D, renderer.texture_.id());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
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
  atlas_.clear();
}

bool TextRenderer::append_quads(const TextItem& item) {
  const ShapedText& shaped = shape(item.text, item.size_px);
  const PenOrigin pen = pen_origin(shaped, item.x_px, item.y_px, item.anchor);
  const float halo_px = std::clamp(item.halo_px, 0.0f, static_cast<float>(kMaxHaloPx));
  for (const ShapedGlyph& glyph : shaped.glyphs) {
    // Whole pixels plus a quarter-pixel phase rasterised into the glyph: the atlas texels are
    // then sampled 1:1 at their centres (as sharp as FreeType drew them) while marks keep
    // their distance to stems within an eighth of a pixel.
    const float x = pen.x + glyph.x_px;
    float whole_x = std::floor(x);
    int phase = static_cast<int>(std::lround((x - whole_x) * kSubpixelPhases));
    if (phase == kSubpixelPhases) {
      phase = 0;
      whole_x += 1;
    }
    const auto slot = atlas_.find_or_add(fonts_, glyph.glyph_id, item.size_px, phase, halo_px);
    if (!slot) return false;
    if (slot->width == 0) continue;
    const float x0 = whole_x + static_cast<float>(slot->left);
    const float y0 = std::round(pen.y + glyph.y_px) - static_cast<float>(slot->top);
    const float x1 = x0 + static_cast<float>(slot->width);
    const float y1 = y0 + static_cast<float>(slot->height);
    const auto u0 = static_cast<float>(slot->x);
    const auto v0 = static_cast<float>(slot->y);
    const float u1 = u0 + static_cast<float>(slot->width);
    const float v1 = v0 + static_cast<float>(slot->height);
    push_vertex(vertices_, x0, y0, u0, v0, item, halo_px);
    push_vertex(vertices_, x1, y0, u1, v0, item, halo_px);
    push_vertex(vertices_, x1, y1, u1, v1, item, halo_px);
    push_vertex(vertices_, x0, y0, u0, v0, item, halo_px);
    push_vertex(vertices_, x1, y1, u1, v1, item, halo_px);
    push_vertex(vertices_, x0, y1, u0, v1, item, halo_px);
  }
  return true;
}

void TextRenderer::upload_atlas() {
  if (!atlas_.dirty() && !atlas_.grown()) return;
  glBindTexture(GL_TEXTURE_2D, texture_.id());
  GLint previous_alignment = 4;
  glGetIntegerv(GL_UNPACK_ALIGNMENT, &previous_alignment);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);  // rows of two-byte texels need not be 4-aligned
  if (atlas_.grown()) {
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RG8, atlas_.width(), atlas_.height(), 0, GL_RG,
                 GL_UNSIGNED_BYTE, atlas_.pixels().data());
  } else {
    const int rows = atlas_.dirty_end() - atlas_.dirty_begin();
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, atlas_.dirty_begin(), atlas_.width(), rows, GL_RG,
                    GL_UNSIGNED_BYTE,
                    atlas_.pixels().data() +
                        2 * static_cast<std::size_t>(atlas_.dirty_begin()) * atlas_.width());
  }
  glPixelStorei(GL_UNPACK_ALIGNMENT, previous_alignment);
  atlas_.mark_clean();
}

void TextRenderer::draw(std::span<const TextItem> items, int viewport_w, int viewport_h) {
  if (items.empty() || viewport_w <= 0 || viewport_h <= 0) return;
  vertices_.clear();
  bool complete = true;
  for (const TextItem& item : items) {
    if (!append_quads(item)) {
      complete = false;
      break;
    }
  }
  if (!complete) {
    // The atlas filled up with glyphs of earlier frames: start it over with only this frame's.
    // A frame that alone overflows it draws what fits.
    atlas_.clear();
    vertices_.clear();
    for (const TextItem& item : items) append_quads(item);
  }
  if (vertices_.empty()) return;
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
  program_.set("u_atlas_size", static_cast<float>(atlas_.width()),
               static_cast<float>(atlas_.height()));
  glUniform1i(program_.location("u_atlas"), 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, texture_.id());

  glBindVertexArray(vertex_array_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices_.size() * sizeof(float)),
               vertices_.data(), GL_STREAM_DRAW);
  const auto vertex_count = static_cast<GLsizei>(vertices_.size() / kFloatsPerVertex);
  const GLint pass = program_.location("u_pass");
  glUniform1i(pass, 0);
  glDrawArrays(GL_TRIANGLES, 0, vertex_count);
  glUniform1i(pass, 1);
  glDrawArrays(GL_TRIANGLES, 0, vertex_count);

  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  glBindTexture(GL_TEXTURE_2D, 0);
  glUseProgram(0);
}

}  // namespace chipao::render
