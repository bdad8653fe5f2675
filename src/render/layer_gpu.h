// One layer's geometry in GPU buffers: uploaded once, drawn every frame without re-uploading.
//
// A single vertex buffer holds all vertices; a single index buffer holds the fan, outline and
// point index ranges back to back. Styles (colours, widths) are not stored here: changing them
// must never touch these buffers.
//
// Precondition: a GL 3.3 context is current for upload, draws and destruction.
#pragma once

#include "core/geo/geometry.h"
#include "render/gl_handles.h"
#include "render/layer_mesh.h"

namespace chipao::render {

class LayerGpu {
 public:
  static LayerGpu upload(const LayerMesh& mesh);

  // Raw draw calls; MapRenderer sets the program and the stencil/colour state around them.
  void draw_fans() const;
  void draw_cover() const;
  void draw_outlines() const;
  void draw_points() const;

  bool has_fill() const { return fan_index_count_ > 0 && has_cover_; }
  bool has_outlines() const { return outline_index_count_ > 0; }
  bool has_points() const { return point_index_count_ > 0; }
  Vec2 origin() const { return origin_; }
  const Bbox& extent() const { return extent_; }
  std::size_t fan_triangle_count() const { return static_cast<std::size_t>(fan_index_count_) / 3; }
  std::size_t outline_segment_count() const {
    return static_cast<std::size_t>(outline_index_count_) / 2;
  }

 private:
  void draw_range(GLenum mode, std::size_t first_index, GLsizei count) const;

  GlVertexArray vertex_array_;
  GlBuffer vertices_;
  GlBuffer indices_;
  Vec2 origin_;
  Bbox extent_;
  std::size_t fan_first_ = 0;
  GLsizei fan_index_count_ = 0;
  std::size_t outline_first_ = 0;
  GLsizei outline_index_count_ = 0;
  std::size_t point_first_ = 0;
  GLsizei point_index_count_ = 0;
  GLint cover_first_vertex_ = 0;
  bool has_cover_ = false;
};

}  // namespace chipao::render
