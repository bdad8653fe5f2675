// Ring simplification for drawing at coarse zooms (levels of detail).
//
// Each ring is simplified on its own by Douglas-Peucker with a tolerance in degrees (the
// working CRS), keeping only points of the input, so a simplified geometry can index the
// full-resolution vertex buffer (`source` says which input point each output point is).
// Rings stay closed with at least 4 points (3 distinct); a ring whose simplified area falls
// below `min_area` (square degrees) is dropped, and with an exterior its holes go too.
//
// Simplifying rings separately may open hairline gaps between neighbours that share a border
// and may make a ring touch itself; both are at most `tolerance` wide, which the renderer keeps
// under a pixel, and the triangulator copes with self-touching rings.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/geo/geometry.h"

namespace chipao {

struct SimplifiedGeometry {
  FeatureGeometry geometry;
  std::vector<std::uint32_t> source;  // per point of `geometry`: index into the input's points
};

// Tolerance <= 0 copies the input. min_area < 0 means tolerance squared.
SimplifiedGeometry simplify_polygons(const FeatureGeometry& input, double tolerance_deg,
                                     double min_area = -1);

// simplify_polygons at several tolerances at once (result k is simplify_polygons(input,
// tolerances_deg[k]) exactly), sharing one Douglas-Peucker pass per ring: levels of detail
// cost one simplification instead of one per level.
std::vector<SimplifiedGeometry> simplify_polygons_at(const FeatureGeometry& input,
                                                     std::span<const double> tolerances_deg);

// Per point of a ring (closing point excluded), the squared tolerance below which
// Douglas-Peucker keeps it: douglas_peucker_ring(ring, t) keeps point i exactly when
// significance[i] > t * t (before its rescue of rings flatter than t, and for t > 0). Point 0
// and the point farthest from it are infinite. Exposed for tests.
std::vector<double> douglas_peucker_significance(std::span<const Vec2> ring);

// Indices (into `ring`, closing point excluded) of the points Douglas-Peucker keeps for an
// open or closed ring, in order; always includes index 0. Exposed for tests.
std::vector<std::uint32_t> douglas_peucker_ring(std::span<const Vec2> ring, double tolerance);

// Signed area (square degrees, counter-clockwise positive) of a ring, closed or not.
double ring_signed_area(std::span<const Vec2> ring);

}  // namespace chipao
