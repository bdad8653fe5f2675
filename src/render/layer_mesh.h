// The GPU-ready form of a boundary layer's geometry, built on the CPU (no GL calls, so a load
// worker thread can build it and tests can check it without a context).
//
// Vertices are stored relative to `origin` (the extent's centre) as floats: lon/lat around 100
// degrees in float would lose about a metre, relative values keep centimetres. Each vertex
// carries the index of its feature, so the fill shader can look the feature's colour and flags
// up in a small texture: a new classification changes that texture, never these buffers.
//
// Polygons are triangulated (core/geo/triangulate.h). Levels of detail share the one vertex
// buffer: level 0 is full resolution, each further level is the layer simplified with a larger
// tolerance (core/geo/simplify.h keeps only input points, so a coarser level is just other
// triangle and outline indices). The renderer picks the coarsest level whose tolerance stays
// under a fraction of a pixel (choose_level), and skips features whose bounds lie outside the
// view (feature_bounds), drawing the visible features' index ranges in a few merged runs.
//
// Building is split over feature ranges, one thread per core; the result does not depend on
// the number of threads.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/geo/geometry.h"
#include "core/layer/boundary_layer.h"

namespace chipao::render {

// Where one feature's primitives sit in a level's index arrays, so later stages can outline,
// highlight or hide single features without rebuilding buffers. Counts are in indices.
struct FeatureSpan {
  std::uint32_t triangle_first = 0, triangle_count = 0;  // into MeshLevel::triangle_indices
  std::uint32_t outline_first = 0, outline_count = 0;    // into MeshLevel::outline_indices
  std::uint32_t point_first = 0, point_count = 0;        // into LayerMesh::point_indices
  std::uint32_t border_first = 0, border_count = 0;      // into MeshLevel::border_indices
};

struct MeshLevel {
  double tolerance_deg = 0;                     // Douglas-Peucker tolerance; 0 at full resolution
  std::vector<std::uint32_t> triangle_indices;  // GL_TRIANGLES, counter-clockwise
  std::vector<std::uint32_t> outline_indices;   // GL_LINES: ring edges
  // GL_LINES: the same edges with each border two features share kept once (by the first of
  // them), so a whole layer's outlines draw about half the segments. Hiding a feature would
  // hide its neighbour's side of a shared border too, so with hidden features the renderer
  // draws outline_indices instead.
  std::vector<std::uint32_t> border_indices;
  std::vector<FeatureSpan> features;  // parallel to the layer's features

  std::size_t triangle_count() const { return triangle_indices.size() / 3; }
  std::size_t outline_segment_count() const { return outline_indices.size() / 2; }
};

struct LayerMesh {
  Vec2 origin;                                 // world position of local (0, 0)
  Bbox extent;                                 // world extent of all vertices
  std::vector<float> positions;                // x, y pairs, local coordinates
  std::vector<std::uint32_t> vertex_features;  // per vertex: index of its feature
  std::vector<std::uint32_t> point_indices;    // GL_POINTS (point features)
  std::vector<MeshLevel> levels;               // [0] full resolution, then coarser; never empty
  std::vector<Bbox> feature_bounds;            // per feature, world; empty for empty features
  // A copy of levels[0].features, for callers that only need full resolution.
  std::vector<FeatureSpan> features;

  std::size_t vertex_count() const { return positions.size() / 2; }
  std::size_t feature_count() const { return levels.front().features.size(); }
  // Full-resolution counts (the names predate levels of detail and stay for the app's log).
  std::size_t triangle_count() const { return levels.front().triangle_count(); }
  std::size_t fan_triangle_count() const { return triangle_count(); }
  std::size_t outline_segment_count() const { return levels.front().outline_segment_count(); }
};

// Tolerances (degrees) of the levels after full resolution; a level is kept only when it
// draws clearly fewer triangles than the one before (see build_layer_mesh).
// The national tambon layer (already simplified at the source) keeps 0.004, 0.008, 0.016 and
// 0.03; the finer ones change it too little. Between 94 and 188 px/deg the 0.004 level draws
// half the triangles of full resolution. Candidates cost little: one Douglas-Peucker pass per
// ring serves every tolerance, and only kept levels are triangulated.
inline constexpr double kLevelTolerancesDeg[] = {0.0005, 0.001, 0.002, 0.004, 0.008, 0.016, 0.03};
// A level is used while its tolerance is at most this many screen pixels. At 1 px (not 0.75)
// panning the national layer costs about 20% less at p50 and 40% less at p95 on llvmpipe; the
// price, hairline gaps between separately simplified neighbours, is covered by their outlines.
inline constexpr double kLevelMaxTolerancePx = 1.0;

struct MeshOptions {
  std::span<const double> level_tolerances_deg = kLevelTolerancesDeg;
  // A coarser level is dropped unless it has at most this fraction of the previous level's
  // triangles plus outline segments.
  double min_level_reduction = 0.7;
  // Worker threads over feature ranges; 0: one per core.
  unsigned threads = 0;
};

LayerMesh build_layer_mesh(std::span<const BoundaryFeature> features,
                           const MeshOptions& options = {});

// The coarsest level whose tolerance is at most kLevelMaxTolerancePx pixels at this zoom
// (degrees of latitude per screen pixel). `tolerances` are the levels' tolerances, ascending.
std::size_t choose_level(std::span<const double> tolerances, double degrees_per_pixel);

}  // namespace chipao::render
