#include "render/layer_gpu.h"

#include <cstdint>
#include <vector>

namespace chipao::render {

LayerGpu LayerGpu::upload(const LayerMesh& mesh) {
  LayerGpu gpu;
  gpu.origin_ = mesh.origin;
  gpu.extent_ = mesh.extent;
  gpu.fan_first_ = 0;
  gpu.fan_index_count_ = static_cast<GLsizei>(mesh.fan_indices.size());
  gpu.outline_first_ = mesh.fan_indices.size();
  gpu.outline_index_count_ = static_cast<GLsizei>(mesh.outline_indices.size());
  gpu.point_first_ = gpu.outline_first_ + mesh.outline_indices.size();
  gpu.point_index_count_ = static_cast<GLsizei>(mesh.point_indices.size());
  gpu.cover_first_vertex_ = static_cast<GLint>(mesh.cover_first_vertex);
  gpu.has_cover_ = mesh.has_cover;

  std::vector<std::uint32_t> indices;
  indices.reserve(mesh.fan_indices.size() + mesh.outline_indices.size() +
                  mesh.point_indices.size());
  indices.insert(indices.end(), mesh.fan_indices.begin(), mesh.fan_indices.end());
  indices.insert(indices.end(), mesh.outline_indices.begin(), mesh.outline_indices.end());
  indices.insert(indices.end(), mesh.point_indices.begin(), mesh.point_indices.end());

  gpu.vertex_array_ = make_vertex_array();
  gpu.vertices_ = make_buffer();
  gpu.indices_ = make_buffer();

  glBindVertexArray(gpu.vertex_array_.id());
  glBindBuffer(GL_ARRAY_BUFFER, gpu.vertices_.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.positions.size() * sizeof(float)),
               mesh.positions.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
  // The element buffer binding is part of the vertex array's state, so it is bound while the
  // vertex array is.
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.indices_.id());
  glBufferData(GL_ELEMENT_ARRAY_BUFFER,
               static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)), indices.data(),
               GL_STATIC_DRAW);
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  return gpu;
}

void LayerGpu::draw_range(GLenum mode, std::size_t first_index, GLsizei count) const {
  if (count <= 0) return;
  glBindVertexArray(vertex_array_.id());
  // glDrawElements takes the byte offset into the bound element buffer disguised as a pointer.
  const auto offset = reinterpret_cast<const void*>(first_index * sizeof(std::uint32_t));
  glDrawElements(mode, count, GL_UNSIGNED_INT, offset);
  glBindVertexArray(0);
}

void LayerGpu::draw_fans() const {
  draw_range(GL_TRIANGLES, fan_first_, fan_index_count_);
}

void LayerGpu::draw_cover() const {
  if (!has_cover_) return;
  glBindVertexArray(vertex_array_.id());
  glDrawArrays(GL_TRIANGLE_STRIP, cover_first_vertex_, 4);
  glBindVertexArray(0);
}

void LayerGpu::draw_outlines() const {
  draw_range(GL_LINES, outline_first_, outline_index_count_);
}

void LayerGpu::draw_points() const {
  draw_range(GL_POINTS, point_first_, point_index_count_);
}

}  // namespace chipao::render
