// Intersection areas (core/geo/polygon_overlay.h) against hand-worked cases and against GEOS
// (GEOSIntersection + GEOSArea) on random polygons, including snapped ones full of shared
// vertices and collinear edges.
#include "core/geo/polygon_overlay.h"

#include <geos_c.h>
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include "support/polygons.h"

namespace {

using chipao::FeatureGeometry;
using chipao::GeometryKind;
using chipao::Vec2;
using chipao::test::multipolygon_wkt;
using Ring = std::vector<Vec2>;
using Polygon = std::vector<Ring>;  // shell then holes

FeatureGeometry make(const std::vector<Polygon>& polygons) {
  FeatureGeometry g;
  g.kind = GeometryKind::polygon;
  for (const Polygon& p : polygons) {
    for (Ring r : p) {
      if (!(r.front() == r.back())) r.push_back(r.front());
      g.points.insert(g.points.end(), r.begin(), r.end());
      g.ring_ends.push_back(static_cast<std::uint32_t>(g.points.size()));
    }
    g.polygon_ends.push_back(static_cast<std::uint32_t>(g.ring_ends.size()));
  }
  return g;
}

FeatureGeometry box(double x0, double y0, double x1, double y1) {
  return make({{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}}});
}

double overlap(const FeatureGeometry& a, const FeatureGeometry& b) {
  return chipao::intersection_area(a, b);
}

class Geos {
 public:
  Geos() : h_(GEOS_init_r()), reader_(GEOSWKTReader_create_r(h_)) {}
  ~Geos() {
    GEOSWKTReader_destroy_r(h_, reader_);
    GEOS_finish_r(h_);
  }
  Geos(const Geos&) = delete;
  Geos& operator=(const Geos&) = delete;
  double intersection_area(const FeatureGeometry& a, const FeatureGeometry& b) {
    GEOSGeometry* ga = GEOSWKTReader_read_r(h_, reader_, multipolygon_wkt(a).c_str());
    GEOSGeometry* gb = GEOSWKTReader_read_r(h_, reader_, multipolygon_wkt(b).c_str());
    GEOSGeometry* gi = GEOSIntersection_r(h_, ga, gb);
    double area = -1;
    if (gi != nullptr) GEOSArea_r(h_, gi, &area);
    GEOSGeom_destroy_r(h_, gi);
    GEOSGeom_destroy_r(h_, ga);
    GEOSGeom_destroy_r(h_, gb);
    return area;
  }
  bool valid(const FeatureGeometry& a) {
    GEOSGeometry* ga = GEOSWKTReader_read_r(h_, reader_, multipolygon_wkt(a).c_str());
    const bool ok = GEOSisValid_r(h_, ga) == 1;
    GEOSGeom_destroy_r(h_, ga);
    return ok;
  }

 private:
  GEOSContextHandle_t h_;
  GEOSWKTReader* reader_;
};

TEST(PolygonOverlay, OverlappingSquares) {
  EXPECT_DOUBLE_EQ(overlap(box(0, 0, 2, 2), box(1, 1, 3, 3)), 1.0);
  EXPECT_DOUBLE_EQ(overlap(box(0, 0, 4, 1), box(1, -1, 2, 3)), 1.0);  // a cross
}

TEST(PolygonOverlay, DisjointAndContained) {
  EXPECT_EQ(overlap(box(0, 0, 1, 1), box(2, 2, 3, 3)), 0.0);
  EXPECT_DOUBLE_EQ(overlap(box(0, 0, 10, 10), box(2, 2, 3, 5)), 3.0);
  EXPECT_DOUBLE_EQ(overlap(box(2, 2, 3, 5), box(0, 0, 10, 10)), 3.0);
}

TEST(PolygonOverlay, TriangleInSquareWithVertexOnEdge) {
  // Triangle with its base on the square's bottom edge and apex on the top edge.
  const FeatureGeometry tri = make({{{{0, 0}, {2, 0}, {1, 2}}}});
  EXPECT_DOUBLE_EQ(overlap(box(0, 0, 2, 2), tri), 2.0);
  // Half of the triangle: the right half of the square.
  EXPECT_DOUBLE_EQ(overlap(box(1, 0, 2, 2), tri), 1.0);
}

TEST(PolygonOverlay, SharedEdgesCountOnce) {
  EXPECT_EQ(overlap(box(0, 0, 1, 1), box(1, 0, 2, 1)), 0.0);           // neighbours
  EXPECT_DOUBLE_EQ(overlap(box(0, 0, 1, 1), box(0, 0, 1, 1)), 1.0);    // identical
  EXPECT_DOUBLE_EQ(overlap(box(0, 0, 1, 1), box(0, 0, 1, 0.5)), 0.5);  // three shared edges
  EXPECT_DOUBLE_EQ(overlap(box(0, 0, 2, 1), box(1, 0, 3, 1)), 1.0);    // partly shared edges
  // A neighbour sharing only part of an edge, offset.
  EXPECT_EQ(overlap(box(0, 0, 1, 2), box(1, 1, 2, 3)), 0.0);
  // Touching at a corner only.
  EXPECT_EQ(overlap(box(0, 0, 1, 1), box(1, 1, 2, 2)), 0.0);
}

TEST(PolygonOverlay, OrientationOfInputDoesNotMatter) {
  const FeatureGeometry cw = make({{{{0, 0}, {0, 2}, {2, 2}, {2, 0}}}});
  EXPECT_DOUBLE_EQ(overlap(cw, box(1, 1, 3, 3)), 1.0);
  EXPECT_DOUBLE_EQ(overlap(box(1, 1, 3, 3), cw), 1.0);
}

TEST(PolygonOverlay, Holes) {
  // A 4x4 square with a 2x2 hole in the middle.
  const FeatureGeometry donut =
      make({{{{0, 0}, {4, 0}, {4, 4}, {0, 4}}, {{1, 1}, {3, 1}, {3, 3}, {1, 3}}}});
  EXPECT_DOUBLE_EQ(chipao::planar_area(donut), 12.0);
  EXPECT_DOUBLE_EQ(overlap(donut, box(0, 0, 4, 4)), 12.0);
  EXPECT_EQ(overlap(donut, box(1, 1, 3, 3)), 0.0);          // exactly the hole
  EXPECT_EQ(overlap(donut, box(1.5, 1.5, 2.5, 2.5)), 0.0);  // inside the hole
  EXPECT_DOUBLE_EQ(overlap(donut, box(0, 0, 2, 2)), 3.0);
  EXPECT_DOUBLE_EQ(overlap(box(0, 0, 2, 2), donut), 3.0);
  EXPECT_DOUBLE_EQ(overlap(donut, donut), 12.0);
}

TEST(PolygonOverlay, MultiPolygons) {
  const FeatureGeometry two =
      make({{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}}, {{{2, 0}, {3, 0}, {3, 1}, {2, 1}}}});
  EXPECT_DOUBLE_EQ(overlap(two, box(0.5, 0, 2.5, 1)), 1.0);
}

// A star-shaped polygon (simple by construction) around c with radii between r0 and r1.
Ring star(std::mt19937& rng, Vec2 c, double r0, double r1, int n, double snap) {
  std::uniform_real_distribution<double> radius(r0, r1);
  Ring r;
  for (int i = 0; i < n; ++i) {
    const double angle = 2 * std::numbers::pi * i / n;
    const double rr = radius(rng);
    Vec2 v{c.x + rr * std::cos(angle), c.y + rr * std::sin(angle)};
    if (snap > 0) v = {std::round(v.x / snap) * snap, std::round(v.y / snap) * snap};
    if (r.empty() || !(r.back() == v)) r.push_back(v);
  }
  return r;
}

TEST(PolygonOverlay, RandomPolygonsMatchGeos) {
  Geos geos;
  std::mt19937 rng(20240611);
  std::uniform_real_distribution<double> centre(-3, 3);
  int compared = 0;
  for (int k = 0; k < 300; ++k) {
    const bool snapped = k % 2 == 1;  // vertices on a coarse grid: shared vertices, collinear
    const double snap = snapped ? 0.5 : 0;
    const Vec2 ca{centre(rng), centre(rng)};
    Polygon pa{star(rng, ca, 2, 5, 7 + k % 20, snap)};
    Polygon pb{star(rng, {centre(rng), centre(rng)}, 2, 5, 5 + k % 13, snap)};
    if (k % 3 == 0) pa.push_back(star(rng, ca, 0.3, 1.0, 6, 0));  // a hole around pa's centre
    const FeatureGeometry a = make({pa}), b = make({pb});
    if (!geos.valid(a) || !geos.valid(b)) continue;
    const double expected = geos.intersection_area(a, b);
    ASSERT_GE(expected, 0);
    EXPECT_NEAR(overlap(a, b), expected, 1e-9 * std::max(1.0, expected))
        << multipolygon_wkt(a) << "\n"
        << multipolygon_wkt(b);
    EXPECT_NEAR(overlap(b, a), expected, 1e-9 * std::max(1.0, expected));
    ++compared;
  }
  EXPECT_GT(compared, 200);
}

TEST(PolygonOverlay, SnappedTilesSumToTheZone) {
  // A zone snapped to the vertices of a tiling: the tiles' overlaps add up to the zone's area
  // exactly as GEOS's do.
  Geos geos;
  std::mt19937 rng(7);
  for (int k = 0; k < 20; ++k) {
    const FeatureGeometry zone = make({{star(rng, {2.5, 2.5}, 1, 3, 9 + k, 1.0)}});
    if (!geos.valid(zone)) continue;
    double sum = 0, geos_sum = 0;
    for (int i = 0; i < 6; ++i) {
      for (int j = 0; j < 6; ++j) {
        const FeatureGeometry tile = box(i, j, i + 1, j + 1);
        const double mine = overlap(zone, tile);
        EXPECT_NEAR(mine, geos.intersection_area(zone, tile), 1e-12) << i << " " << j;
        sum += mine;
        geos_sum += geos.intersection_area(zone, tile);
      }
    }
    EXPECT_NEAR(sum, chipao::planar_area(zone), 1e-9);
    EXPECT_NEAR(sum, geos_sum, 1e-9);
  }
}

}  // namespace
