#include "render/layer_gpu.h"

#include <algorithm>
#include <cmath>

#include "render/feature_style.h"

namespace chipao::render {

namespace gl_release {
void texture(GLuint id) {
  glDeleteTextures(1, &id);
}
}  // namespace gl_release

namespace {

// A buffer texture over `buffer` holding `bytes` bytes in `format`. Buffer textures need no
// size limits of 2D textures and are indexed directly by feature number in the shaders.
GlTexture make_buffer_texture(const GlBuffer& buffer, GLenum format, std::size_t bytes,
                              const void* data) {
  glBindBuffer(GL_TEXTURE_BUFFER, buffer.id());
  glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(bytes), data, GL_DYNAMIC_DRAW);
  GLuint id = 0;
  glGenTextures(1, &id);
  GlTexture texture(id);
  glBindTexture(GL_TEXTURE_BUFFER, id);
  glTexBuffer(GL_TEXTURE_BUFFER, format, buffer.id());
  glBindTexture(GL_TEXTURE_BUFFER, 0);
  glBindBuffer(GL_TEXTURE_BUFFER, 0);
  return texture;
}

std::uint8_t to_byte(float channel) {
  return static_cast<std::uint8_t>(std::lround(std::clamp(channel, 0.0f, 1.0f) * 255.0f));
}

}  // namespace

LayerGpu LayerGpu::upload(const LayerMesh& mesh) {
  LayerGpu gpu;
  gpu.origin_ = mesh.origin;
  gpu.extent_ = mesh.extent;
  gpu.feature_bounds_ = mesh.feature_bounds;

  std::vector<std::uint32_t> indices;
  std::size_t total = mesh.point_indices.size();
  for (const MeshLevel& level : mesh.levels) {
    total +=
        level.triangle_indices.size() + level.outline_indices.size() + level.border_indices.size();
  }
  indices.reserve(total);
  for (const MeshLevel& level : mesh.levels) {
    Level gpu_level;
    gpu_level.tolerance_deg = level.tolerance_deg;
    gpu_level.triangle_first = indices.size();
    gpu_level.triangle_index_count = static_cast<GLsizei>(level.triangle_indices.size());
    indices.insert(indices.end(), level.triangle_indices.begin(), level.triangle_indices.end());
    gpu_level.outline_first = indices.size();
    gpu_level.outline_index_count = static_cast<GLsizei>(level.outline_indices.size());
    indices.insert(indices.end(), level.outline_indices.begin(), level.outline_indices.end());
    gpu_level.border_first = indices.size();
    gpu_level.border_index_count = static_cast<GLsizei>(level.border_indices.size());
    indices.insert(indices.end(), level.border_indices.begin(), level.border_indices.end());
    gpu_level.features = level.features;
    gpu.tolerances_.push_back(level.tolerance_deg);
    gpu.levels_.push_back(std::move(gpu_level));
  }
  gpu.point_first_ = indices.size();
  gpu.point_index_count_ = static_cast<GLsizei>(mesh.point_indices.size());
  indices.insert(indices.end(), mesh.point_indices.begin(), mesh.point_indices.end());

  gpu.vertex_array_ = make_vertex_array();
  gpu.vertices_ = make_buffer();
  gpu.indices_ = make_buffer();

  // Positions first, then the feature index of every vertex, in one buffer.
  const std::size_t position_bytes = mesh.positions.size() * sizeof(float);
  const std::size_t feature_bytes = mesh.vertex_features.size() * sizeof(std::uint32_t);
  glBindVertexArray(gpu.vertex_array_.id());
  glBindBuffer(GL_ARRAY_BUFFER, gpu.vertices_.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(position_bytes + feature_bytes), nullptr,
               GL_STATIC_DRAW);
  glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(position_bytes),
                  mesh.positions.data());
  glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(position_bytes),
                  static_cast<GLsizeiptr>(feature_bytes), mesh.vertex_features.data());
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
  glEnableVertexAttribArray(1);
  // The I variant keeps the index an integer (the plain one would convert it to float).
  glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, sizeof(std::uint32_t),
                         reinterpret_cast<const void*>(position_bytes));
  // The element buffer binding is part of the vertex array's state, so it is bound while the
  // vertex array is.
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.indices_.id());
  glBufferData(GL_ELEMENT_ARRAY_BUFFER,
               static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)), indices.data(),
               GL_STATIC_DRAW);
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);

  // At least one texel each, so an empty layer still has valid textures to bind.
  const std::size_t features = mesh.levels.empty() ? 0 : mesh.feature_count();
  const std::size_t texels = std::max<std::size_t>(features, 1);
  gpu.flags_.assign(features, 0);
  const std::vector<std::uint8_t> zeros(4 * texels, 0);
  gpu.color_buffer_ = make_buffer();
  gpu.color_texture_ = make_buffer_texture(gpu.color_buffer_, GL_RGBA8, 4 * texels, zeros.data());
  gpu.flag_buffer_ = make_buffer();
  gpu.flag_texture_ = make_buffer_texture(gpu.flag_buffer_, GL_R8UI, texels, zeros.data());
  return gpu;
}

void LayerGpu::set_feature_colors(std::span<const Rgba> colors) {
  const std::size_t texels = std::max<std::size_t>(flags_.size(), 1);
  std::vector<std::uint8_t> bytes(4 * texels, 0);
  const std::size_t n = std::min(colors.size(), flags_.size());
  // Features past the span stay transparent.
  feature_colors_opaque_ = n == flags_.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (colors[i].a < 1.0f) feature_colors_opaque_ = false;
    bytes[4 * i + 0] = to_byte(colors[i].r);
    bytes[4 * i + 1] = to_byte(colors[i].g);
    bytes[4 * i + 2] = to_byte(colors[i].b);
    bytes[4 * i + 3] = to_byte(colors[i].a);
  }
  glBindBuffer(GL_TEXTURE_BUFFER, color_buffer_.id());
  glBufferSubData(GL_TEXTURE_BUFFER, 0, static_cast<GLsizeiptr>(bytes.size()), bytes.data());
  glBindBuffer(GL_TEXTURE_BUFFER, 0);
  has_feature_colors_ = true;
}

void LayerGpu::set_feature_flags(std::span<const std::uint8_t> flags) {
  std::fill(flags_.begin(), flags_.end(), std::uint8_t{0});
  std::copy_n(flags.begin(), std::min(flags.size(), flags_.size()), flags_.begin());
  selected_.clear();
  hovered_.clear();
  no_data_.clear();
  any_hidden_ = false;
  for (std::size_t i = 0; i < flags_.size(); ++i) {
    // A hidden feature is not outlined, whatever else it is.
    if (flags_[i] & feature_flag::hidden) {
      any_hidden_ = true;
      continue;
    }
    if (flags_[i] & feature_flag::selected) selected_.push_back(static_cast<std::uint32_t>(i));
    if (flags_[i] & feature_flag::hovered) hovered_.push_back(static_cast<std::uint32_t>(i));
    if (flags_[i] & feature_flag::no_data) no_data_.push_back(static_cast<std::uint32_t>(i));
  }
  if (flags_.empty()) return;
  glBindBuffer(GL_TEXTURE_BUFFER, flag_buffer_.id());
  glBufferSubData(GL_TEXTURE_BUFFER, 0, static_cast<GLsizeiptr>(flags_.size()), flags_.data());
  glBindBuffer(GL_TEXTURE_BUFFER, 0);
}

std::size_t LayerGpu::level_for(double degrees_per_pixel) const {
  return choose_level(tolerances_, degrees_per_pixel);
}

void LayerGpu::bind_feature_textures(GLuint color_unit, GLuint flags_unit) const {
  glActiveTexture(GL_TEXTURE0 + color_unit);
  glBindTexture(GL_TEXTURE_BUFFER, color_texture_.id());
  glActiveTexture(GL_TEXTURE0 + flags_unit);
  glBindTexture(GL_TEXTURE_BUFFER, flag_texture_.id());
  glActiveTexture(GL_TEXTURE0);
}

void LayerGpu::draw_range(GLenum mode, std::size_t first_index, GLsizei count) const {
  if (count <= 0) return;
  glBindVertexArray(vertex_array_.id());
  // glDrawElements takes the byte offset into the bound element buffer disguised as a pointer.
  const auto offset = reinterpret_cast<const void*>(first_index * sizeof(std::uint32_t));
  glDrawElements(mode, count, GL_UNSIGNED_INT, offset);
  glBindVertexArray(0);
}

void LayerGpu::draw_triangles(std::size_t level) const {
  if (level >= levels_.size()) return;
  draw_range(GL_TRIANGLES, levels_[level].triangle_first, levels_[level].triangle_index_count);
}

void LayerGpu::draw_outlines(std::size_t level) const {
  if (level >= levels_.size()) return;
  draw_range(GL_LINES, levels_[level].outline_first, levels_[level].outline_index_count);
}

void LayerGpu::draw_feature_triangles(std::size_t level,
                                      std::span<const std::uint32_t> features) const {
  draw_features(level, features, false);
}

void LayerGpu::draw_feature_outlines(std::size_t level,
                                     std::span<const std::uint32_t> features) const {
  draw_features(level, features, true);
}

void LayerGpu::draw_features(std::size_t level, std::span<const std::uint32_t> features,
                             bool outlines) const {
  if (level >= levels_.size() || features.empty()) return;
  const Level& l = levels_[level];
  const std::size_t base = outlines ? l.outline_first : l.triangle_first;
  run_counts_.clear();
  run_offsets_.clear();
  for (const std::uint32_t f : features) {
    if (f >= l.features.size()) continue;
    const FeatureSpan& span = l.features[f];
    const std::uint32_t count = outlines ? span.outline_count : span.triangle_count;
    if (count == 0) continue;
    const std::size_t first = outlines ? span.outline_first : span.triangle_first;
    run_counts_.push_back(static_cast<GLsizei>(count));
    run_offsets_.push_back(reinterpret_cast<const void*>((base + first) * sizeof(std::uint32_t)));
  }
  if (run_counts_.empty()) return;
  glBindVertexArray(vertex_array_.id());
  glMultiDrawElements(outlines ? GL_LINES : GL_TRIANGLES, run_counts_.data(), GL_UNSIGNED_INT,
                      run_offsets_.data(), static_cast<GLsizei>(run_counts_.size()));
  glBindVertexArray(0);
}

void LayerGpu::draw_points() const {
  draw_range(GL_POINTS, point_first_, point_index_count_);
}

std::size_t LayerGpu::draw_visible_triangles(std::size_t level, const Bbox& visible) const {
  return draw_visible(level, visible, Primitives::triangles) / 3;
}

std::size_t LayerGpu::draw_visible_outlines(std::size_t level, const Bbox& visible) const {
  // A border is kept by only one of the two features that share it: hiding that one would take
  // the other's side away too, so hidden features need every ring's own edges.
  const bool borders =
      !any_hidden_ && level < levels_.size() && levels_[level].border_index_count > 0;
  return draw_visible(level, visible, borders ? Primitives::borders : Primitives::outlines) / 2;
}

std::size_t LayerGpu::draw_visible(std::size_t level, const Bbox& visible, Primitives what) const {
  if (level >= levels_.size()) return 0;
  const Level& l = levels_[level];
  std::size_t base = l.triangle_first;
  GLsizei total = l.triangle_index_count;
  if (what == Primitives::outlines) {
    base = l.outline_first;
    total = l.outline_index_count;
  } else if (what == Primitives::borders) {
    base = l.border_first;
    total = l.border_index_count;
  }
  const GLenum mode = what == Primitives::triangles ? GL_TRIANGLES : GL_LINES;
  const auto span_of = [what](const FeatureSpan& span) -> std::pair<std::size_t, std::size_t> {
    switch (what) {
      case Primitives::triangles:
        return {span.triangle_first, span.triangle_count};
      case Primitives::outlines:
        return {span.outline_first, span.outline_count};
      case Primitives::borders:
        return {span.border_first, span.border_count};
    }
    return {0, 0};
  };
  const bool all_visible = visible.min_x <= extent_.min_x && visible.max_x >= extent_.max_x &&
                           visible.min_y <= extent_.min_y && visible.max_y >= extent_.max_y;
  // Meshes built before feature bounds existed (or by hand) are drawn whole.
  if (all_visible || feature_bounds_.size() != l.features.size()) {
    draw_range(mode, base, total);
    return static_cast<std::size_t>(std::max(total, 0));
  }
  // Spans of consecutive features follow each other in the index arrays, so the visible ones
  // merge into runs; features with nothing to draw neither start nor break a run.
  run_counts_.clear();
  run_offsets_.clear();
  std::size_t run_first = 0, run_end = 0, drawn = 0;
  const auto close_run = [&] {
    if (run_end == run_first) return;
    run_counts_.push_back(static_cast<GLsizei>(run_end - run_first));
    run_offsets_.push_back(
        reinterpret_cast<const void*>((base + run_first) * sizeof(std::uint32_t)));
    drawn += run_end - run_first;
  };
  for (std::size_t f = 0; f < l.features.size(); ++f) {
    const auto [first, count] = span_of(l.features[f]);
    if (count == 0 || !feature_bounds_[f].intersects(visible)) continue;
    if (first != run_end) {
      close_run();
      run_first = first;
    }
    run_end = first + count;
  }
  close_run();
  if (run_counts_.empty()) return 0;
  glBindVertexArray(vertex_array_.id());
  glMultiDrawElements(mode, run_counts_.data(), GL_UNSIGNED_INT, run_offsets_.data(),
                      static_cast<GLsizei>(run_counts_.size()));
  glBindVertexArray(0);
  return drawn;
}

}  // namespace chipao::render
