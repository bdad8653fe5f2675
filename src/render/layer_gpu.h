// One layer's geometry in GPU buffers: uploaded once, drawn every frame without re-uploading.
//
// One vertex buffer holds every vertex (local x, y as floats, then the feature index per
// vertex); one index buffer holds each level of detail's triangles and outline edges, then the
// points. Per-feature fill colours (RGBA8) and flags (render/feature_style.h) live in two small
// buffer textures indexed by feature: set_feature_colors and set_feature_flags rewrite only
// those, never the vertex or index buffers.
//
// Precondition: a GL 3.3 context is current for upload, draws, setters and destruction.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/geo/geometry.h"
#include "render/color.h"
#include "render/gl_handles.h"
#include "render/layer_mesh.h"

namespace chipao::render {

namespace gl_release {
void texture(GLuint id);
}
using GlTexture = GlHandle<&gl_release::texture>;

class LayerGpu {
 public:
  static LayerGpu upload(const LayerMesh& mesh);

  // Per-feature fill colours, one per feature (a shorter span leaves the rest transparent).
  // Until called, or after clear_feature_colors, the style's single fill colour is used.
  void set_feature_colors(std::span<const Rgba> colors);
  void clear_feature_colors() { has_feature_colors_ = false; }
  bool has_feature_colors() const { return has_feature_colors_; }
  // Whether every colour last given to set_feature_colors is opaque (alpha 1).
  bool feature_colors_opaque() const { return feature_colors_opaque_; }
  // One byte of feature_flag bits per feature (a shorter span clears the rest).
  void set_feature_flags(std::span<const std::uint8_t> flags);
  std::span<const std::uint8_t> feature_flags() const { return flags_; }

  // Raw draw calls at a level of detail; MapRenderer sets the program and state around them.
  void draw_triangles(std::size_t level) const;
  void draw_outlines(std::size_t level) const;
  // Triangles of only these features (e.g. the no-data ones).
  void draw_feature_triangles(std::size_t level, std::span<const std::uint32_t> features) const;
  // Outlines of only these features (e.g. the selected ones).
  void draw_feature_outlines(std::size_t level, std::span<const std::uint32_t> features) const;
  void draw_points() const;
  // The same, skipping features whose bounds miss `visible` (world coordinates): the visible
  // features' index ranges are merged into runs and drawn with one glMultiDrawElements.
  // Outlines draw each border two features share once, unless a feature is hidden.
  // Return the triangles / segments drawn.
  std::size_t draw_visible_triangles(std::size_t level, const Bbox& visible) const;
  std::size_t draw_visible_outlines(std::size_t level, const Bbox& visible) const;
  // Binds the colour texture to texture unit `color_unit` and the flags to `flags_unit`.
  void bind_feature_textures(GLuint color_unit, GLuint flags_unit) const;

  std::size_t level_count() const { return levels_.size(); }
  double level_tolerance(std::size_t level) const { return levels_[level].tolerance_deg; }
  // The level for this zoom (degrees of latitude per screen pixel), see choose_level.
  std::size_t level_for(double degrees_per_pixel) const;

  bool has_fill() const { return !levels_.empty() && levels_.front().triangle_index_count > 0; }
  bool has_outlines() const { return !levels_.empty() && levels_.front().outline_index_count > 0; }
  bool has_points() const { return point_index_count_ > 0; }
  std::size_t feature_count() const { return flags_.size(); }
  // Features whose flags have `selected` / `hovered` set, ascending.
  const std::vector<std::uint32_t>& selected_features() const { return selected_; }
  const std::vector<std::uint32_t>& hovered_features() const { return hovered_; }
  // Features flagged no_data and not hidden, ascending.
  const std::vector<std::uint32_t>& no_data_features() const { return no_data_; }
  Vec2 origin() const { return origin_; }
  const Bbox& extent() const { return extent_; }
  std::size_t triangle_count(std::size_t level = 0) const {
    return levels_.empty() ? 0 : static_cast<std::size_t>(levels_[level].triangle_index_count) / 3;
  }
  std::size_t outline_segment_count(std::size_t level = 0) const {
    return levels_.empty() ? 0 : static_cast<std::size_t>(levels_[level].outline_index_count) / 2;
  }

 private:
  struct Level {
    double tolerance_deg = 0;
    std::size_t triangle_first = 0;  // in indices, into the index buffer
    GLsizei triangle_index_count = 0;
    std::size_t outline_first = 0;
    GLsizei outline_index_count = 0;
    std::size_t border_first = 0;  // shared borders once (MeshLevel::border_indices)
    GLsizei border_index_count = 0;
    std::vector<FeatureSpan> features;  // ranges relative to this level's own arrays
  };

  void draw_range(GLenum mode, std::size_t first_index, GLsizei count) const;
  // The triangles (or outline edges) of only `features` at `level`.
  void draw_features(std::size_t level, std::span<const std::uint32_t> features,
                     bool outlines) const;
  enum class Primitives { triangles, outlines, borders };
  // Draws the primitives of the features of `level` that `visible` meets; returns indices drawn.
  std::size_t draw_visible(std::size_t level, const Bbox& visible, Primitives what) const;

  GlVertexArray vertex_array_;
  GlBuffer vertices_;
  GlBuffer indices_;
  GlBuffer color_buffer_;
  GlTexture color_texture_;
  GlBuffer flag_buffer_;
  GlTexture flag_texture_;
  Vec2 origin_;
  Bbox extent_;
  std::vector<Level> levels_;
  std::vector<double> tolerances_;
  std::size_t point_first_ = 0;
  GLsizei point_index_count_ = 0;
  bool has_feature_colors_ = false;
  bool feature_colors_opaque_ = false;
  std::vector<std::uint8_t> flags_;
  std::vector<std::uint32_t> selected_;
  std::vector<std::uint32_t> hovered_;
  std::vector<std::uint32_t> no_data_;
  bool any_hidden_ = false;
  std::vector<Bbox> feature_bounds_;  // world, per feature
  // Scratch for draw_visible, kept to avoid allocating every frame.
  mutable std::vector<GLsizei> run_counts_;
  mutable std::vector<const void*> run_offsets_;
};

}  // namespace chipao::render
