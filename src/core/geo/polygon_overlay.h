// The area where two polygons overlap, exactly, for polygons with holes and several parts.
//
// Method (boundary integral): the area of A ∩ B is half the integral of x dy - y dx around its
// boundary, and that boundary is made of the pieces of A's edges that lie inside B and the
// pieces of B's edges that lie inside A (every ring oriented with its interior on the left).
// Each edge is split where it meets the other polygon's edges; each piece is classified by its
// midpoint (even-odd point-in-polygon). Pieces that lie on the other polygon's boundary
// (shared edges, normal between neighbouring units and zones snapped to their vertices) are
// counted once when both polygons run the same way along them (both interiors on one side)
// and not at all when they run opposite ways. No polygon is built, so nothing can fail.
//
// Coordinates are planar and in any unit; the result is in that unit squared. For areas in
// m2, give coordinates of an equal-area projection (core/plan/tally.h does). Preconditions:
// each polygon is valid (rings simple, holes inside their shell, parts disjoint); collinear
// overlaps are recognised when the shared vertices are identical (snapped data).
#pragma once

#include <span>
#include <vector>

#include "core/geo/geometry.h"
#include "core/geo/spatial_grid.h"

namespace chipao {

struct Segment2 {
  Vec2 a, b;
  Bbox box() const {
    Bbox r;
    r.expand(a);
    r.expand(b);
    return r;
  }
};

// A polygon's edges, oriented interior-on-the-left whatever the source's ring order, with
// optional indexes: a grid over the edges (for finding the edges near a segment) and
// horizontal slabs (for point-in-polygon in about the edges of one slab instead of all).
class PreparedPolygon {
 public:
  PreparedPolygon() = default;
  // Points are ignored (a point layer has no area); `indexed` builds the grid and slabs, worth
  // it for a polygon queried many times (a zone), not for one queried a few times.
  explicit PreparedPolygon(const FeatureGeometry& polygon, bool indexed = true);

  // Even-odd rule; a point exactly on the boundary may go either way.
  bool contains(Vec2 p) const;
  const Bbox& bounds() const { return bounds_; }
  std::span<const Segment2> edges() const { return edges_; }
  bool indexed() const { return indexed_; }
  const SpatialGrid& edge_grid() const { return grid_; }
  // Area by the shoelace formula in the coordinates' units squared (holes subtracted).
  double area() const { return area_; }
  bool empty() const { return edges_.empty(); }

 private:
  std::vector<Segment2> edges_;
  Bbox bounds_;
  double area_ = 0;
  bool indexed_ = false;
  SpatialGrid grid_;
  double slab_y0_ = 0, slab_h_ = 1;
  int slabs_ = 0;
  std::vector<std::uint32_t> slab_start_, slab_items_;
};

// Area of a ∩ b in the coordinates' units squared. `a` should be the indexed one when one of
// them is queried repeatedly (the zone); either may be unindexed.
double intersection_area(const PreparedPolygon& a, const PreparedPolygon& b);
double intersection_area(const FeatureGeometry& a, const FeatureGeometry& b);

// Planar shoelace area (holes subtracted), in the coordinates' units squared.
double planar_area(const FeatureGeometry& polygon);

}  // namespace chipao
