// The GPU-ready form of a boundary layer's geometry, built on the CPU (no GL calls, so a load
// worker thread can build it and tests can check it without a context).
//
// Vertices are stored relative to `origin` (the extent's centre) as floats: lon/lat around 100
// degrees in float would lose about a metre, relative values keep centimetres.
//
// Fill uses the stencil-then-cover technique, which needs no tessellator and is exact for
// holes and multipolygons: every ring is drawn as a triangle fan from its first vertex while the
// stencil bit is inverted, leaving the bit set exactly where a point is inside an odd number of
// rings (the even-odd rule); then a quad over the extent is coloured where the bit is set.
// Features of one layer must not overlap (administrative boundaries do not), or overlaps cancel.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/geo/geometry.h"
#include "core/layer/boundary_layer.h"

namespace chipao::render {

// Where one feature's primitives sit in the index arrays, so later stages can colour, highlight
// or hide single features without rebuilding buffers.
struct FeatureSpan {
  std::uint32_t fan_first = 0, fan_count = 0;          // into fan_indices
  std::uint32_t outline_first = 0, outline_count = 0;  // into outline_indices
  std::uint32_t point_first = 0, point_count = 0;      // into point_indices
};

struct LayerMesh {
  Vec2 origin;                                 // world position of local (0, 0)
  Bbox extent;                                 // world extent of all vertices
  std::vector<float> positions;                // x, y pairs, local coordinates
  std::vector<std::uint32_t> fan_indices;      // GL_TRIANGLES: ring fans for the stencil pass
  std::vector<std::uint32_t> outline_indices;  // GL_LINES: ring edges
  std::vector<std::uint32_t> point_indices;    // GL_POINTS
  std::uint32_t cover_first_vertex = 0;        // GL_TRIANGLE_STRIP of 4 vertices over `extent`
  bool has_cover = false;
  std::vector<FeatureSpan> features;  // parallel to the layer's features

  std::size_t vertex_count() const { return positions.size() / 2; }
  std::size_t fan_triangle_count() const { return fan_indices.size() / 3; }
  std::size_t outline_segment_count() const { return outline_indices.size() / 2; }
};

LayerMesh build_layer_mesh(std::span<const BoundaryFeature> features);

}  // namespace chipao::render
