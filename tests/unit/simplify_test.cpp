// simplify_polygons: Douglas-Peucker per ring keeps only input points, stays within the
// tolerance of every dropped point, keeps rings closed with at least 4 points, drops rings
// (and the holes of a dropped exterior) whose area becomes negligible, and maps every output
// point back to its input point.
#include "core/geo/simplify.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <sstream>

#include "support/polygons.h"

namespace chipao {
namespace {

using test::geometry_from_wkt;

double distance_to_segment(Vec2 q, Vec2 a, Vec2 b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double l2 = dx * dx + dy * dy;
  const double t = l2 > 0 ? std::clamp(((q.x - a.x) * dx + (q.y - a.y) * dy) / l2, 0.0, 1.0) : 0;
  return std::hypot(a.x + t * dx - q.x, a.y + t * dy - q.y);
}

// A wobbly circle of n points: radius 1 with a +-0.01 ripple.
std::string wobbly_circle(int n, double cx, double cy) {
  std::ostringstream wkt;
  wkt.precision(17);
  wkt << "POLYGON ((";
  for (int i = 0; i <= n; ++i) {
    const double a = 2 * std::numbers::pi * (i % n) / n;
    const double r = 1 + 0.01 * std::sin(37 * a);
    wkt << (i ? ", " : "") << cx + r * std::cos(a) << " " << cy + r * std::sin(a);
  }
  wkt << "))";
  return wkt.str();
}

TEST(Simplify, KeepsInputPointsWithinToleranceAndMapsThemBack) {
  const FeatureGeometry input = geometry_from_wkt(wobbly_circle(2000, 100, 15));
  for (const double tolerance : {0.001, 0.01, 0.05}) {
    const SimplifiedGeometry out = simplify_polygons(input, tolerance);
    ASSERT_EQ(out.geometry.ring_count(), 1u);
    ASSERT_EQ(out.source.size(), out.geometry.points.size());
    const auto ring = out.geometry.ring(0);
    EXPECT_LT(ring.size(), input.points.size()) << tolerance;
    EXPECT_GE(ring.size(), 4u);
    EXPECT_EQ(ring.front(), ring.back()) << "closed";
    for (std::size_t i = 0; i < ring.size(); ++i) {
      ASSERT_LT(out.source[i], input.points.size());
      EXPECT_EQ(input.points[out.source[i]], ring[i]);
      if (i > 0 && i + 1 < ring.size()) {
        EXPECT_GT(out.source[i], out.source[i - 1]) << "in order";
      }
    }
    // Every input point lies within the tolerance of the simplified ring's edge that spans it.
    for (std::size_t s = 0; s + 1 < ring.size(); ++s) {
      const std::uint32_t from = out.source[s];
      const std::uint32_t to = s + 2 == ring.size()
                                   ? static_cast<std::uint32_t>(input.points.size() - 1)
                                   : out.source[s + 1];
      for (std::uint32_t k = from; k <= to; ++k) {
        EXPECT_LE(distance_to_segment(input.points[k], ring[s], ring[s + 1]),
                  tolerance * (1 + 1e-9))
            << "tolerance " << tolerance << " point " << k;
      }
    }
  }
}

TEST(Simplify, CoarserToleranceKeepsFewerPoints) {
  const FeatureGeometry input = geometry_from_wkt(wobbly_circle(2000, 100, 15));
  const std::size_t fine = simplify_polygons(input, 0.001).geometry.points.size();
  const std::size_t coarse = simplify_polygons(input, 0.05).geometry.points.size();
  EXPECT_LT(coarse, fine);
}

TEST(Simplify, CollinearPointsGoAndCornersStay) {
  const FeatureGeometry input = geometry_from_wkt(
      "POLYGON ((0 0, 1 0, 2 0, 3 0, 3 1, 3 2, 3 3, 2 3, 1 3, 0 3, 0 2, 0 1, 0 0))");
  const SimplifiedGeometry out = simplify_polygons(input, 1e-6);
  ASSERT_EQ(out.geometry.points.size(), 5u);
  EXPECT_EQ(std::abs(ring_signed_area(out.geometry.ring(0))), 9.0);
}

TEST(Simplify, TinyRingsAreDroppedWithTheirHoles) {
  const FeatureGeometry input = geometry_from_wkt(
      "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 4.001 4, 4.001 4.001, 4 4.001, 4 4), "
      "(2 2, 2 6, 6 6, 6 2, 2 2)), "
      "((20 0, 20.001 0, 20.001 0.001, 20 0.001, 20 0), (20.0002 0.0002, 20.0002 0.0004, "
      "20.0004 0.0004, 20.0002 0.0002)))");
  const SimplifiedGeometry out = simplify_polygons(input, 0.01);
  ASSERT_EQ(out.geometry.polygon_count(), 1u) << "the tiny island went, with its hole";
  EXPECT_EQ(out.geometry.ring_count(), 2u) << "the big hole stays, the tiny one goes";
  EXPECT_DOUBLE_EQ(std::abs(ring_signed_area(out.geometry.ring(1))), 16.0);
}

TEST(Simplify, ZeroToleranceCopiesAndPointsPassThrough) {
  const FeatureGeometry square = geometry_from_wkt("POLYGON ((0 0, 1 0, 1 0.5, 1 1, 0 1, 0 0))");
  const SimplifiedGeometry copy = simplify_polygons(square, 0);
  EXPECT_EQ(copy.geometry.points, square.points);
  const FeatureGeometry points = geometry_from_wkt("MULTIPOINT ((1 2), (3 4))");
  EXPECT_EQ(simplify_polygons(points, 1).geometry.points, points.points);
}

TEST(Simplify, RingNeverFallsBelowFourPoints) {
  // A thin ring: every point is within the tolerance, but the area is kept (min_area 0).
  const FeatureGeometry input =
      geometry_from_wkt("POLYGON ((0 0, 1 0, 1 0.001, 0.5 0.0015, 0 0.001, 0 0))");
  const SimplifiedGeometry out = simplify_polygons(input, 0.01, 0.0);
  ASSERT_EQ(out.geometry.ring_count(), 1u);
  EXPECT_GE(out.geometry.ring(0).size(), 4u);
}

// simplify_polygons_at shares one Douglas-Peucker pass between tolerances; each of its results
// must be what simplify_polygons gives for that tolerance alone, points and sources alike,
// including dropped rings, flat rings rescued to three points and untouched copies.
TEST(Simplify, SeveralTolerancesAtOnceMatchOneAtATime) {
  // A wobbly circle with a wobbly hole, a sliver island and a tiny island.
  const FeatureGeometry circle = geometry_from_wkt(wobbly_circle(1500, 100, 15));
  const FeatureGeometry input = geometry_from_wkt(
      "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 6, 3 6.5, 6 6, 6 2, 4 1.9, 2 2)), "
      "((20 0, 21 0, 21 0.001, 20.5 0.0015, 20 0.001, 20 0)), "
      "((30 0, 30.001 0, 30.001 0.001, 30 0.001, 30 0)))");
  const double tolerances[] = {0.0, 0.0005, 0.001, 0.004, 0.01, 0.05, 0.3, 2.0};
  for (const FeatureGeometry* geometry : {&circle, &input}) {
    const std::vector<SimplifiedGeometry> all = simplify_polygons_at(*geometry, tolerances);
    ASSERT_EQ(all.size(), std::size(tolerances));
    for (std::size_t k = 0; k < all.size(); ++k) {
      const SimplifiedGeometry one = simplify_polygons(*geometry, tolerances[k]);
      EXPECT_EQ(all[k].geometry.points, one.geometry.points) << "tolerance " << tolerances[k];
      EXPECT_EQ(all[k].geometry.ring_ends, one.geometry.ring_ends) << tolerances[k];
      EXPECT_EQ(all[k].geometry.polygon_ends, one.geometry.polygon_ends) << tolerances[k];
      EXPECT_EQ(all[k].source, one.source) << tolerances[k];
    }
  }
}

TEST(Simplify, SignificanceSaysWhichPointsDouglasPeuckerKeeps) {
  const FeatureGeometry input = geometry_from_wkt(wobbly_circle(800, 100, 15));
  const std::span<const Vec2> ring = input.ring(0);
  const std::vector<double> significance = douglas_peucker_significance(ring);
  ASSERT_EQ(significance.size(), ring.size() - 1) << "closing point excluded";
  for (const double tolerance : {0.0001, 0.002, 0.01, 0.02}) {
    std::vector<std::uint32_t> kept;
    for (std::size_t i = 0; i < significance.size(); ++i) {
      if (significance[i] > tolerance * tolerance) kept.push_back(static_cast<std::uint32_t>(i));
    }
    EXPECT_EQ(kept, douglas_peucker_ring(ring, tolerance)) << tolerance;
  }
}

}  // namespace
}  // namespace chipao
