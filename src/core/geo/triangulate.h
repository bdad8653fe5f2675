// Polygon triangulation: exterior ring plus holes into triangles, for filling on the GPU.
//
// Ear clipping over one doubly linked ring: holes are first joined to the exterior by a
// two-way bridge from each hole's rightmost vertex to a vertex of the exterior it can see
// (Eberly's construction), and ears are searched with a z-order (Morton) index so rings of
// thousands of vertices do not cost a full scan per ear.
//
// Input is any FeatureGeometry polygon in the flat layout of core/geo/geometry.h, in any
// ring orientation (rings are reoriented internally). Degenerate input (repeated points,
// collinear runs, rings touching, mild self-intersections) is handled by fallbacks that
// always terminate: degenerate vertices are dropped, a stuck ring is split along a diagonal,
// and as a last resort convex corners are clipped. Every emitted triangle is counter-clockwise
// with positive area. For a valid polygon the triangles cover it exactly once.
//
// Indices refer to `geometry.points` and never to a ring's closing point (the repeat of its
// first point), so a caller that drops closing points can remap them to the ring's start.
#pragma once

#include <cstdint>
#include <vector>

#include "core/geo/geometry.h"

namespace chipao {

// Appends the triangles (3 indices each, counter-clockwise) of polygon `polygon` of `geometry`
// to `out`. Nothing is appended for an empty or zero-area polygon.
void triangulate_polygon(const FeatureGeometry& geometry, std::size_t polygon,
                         std::vector<std::uint32_t>& out);

// All polygons of a geometry; empty for points.
std::vector<std::uint32_t> triangulate(const FeatureGeometry& geometry);

}  // namespace chipao
