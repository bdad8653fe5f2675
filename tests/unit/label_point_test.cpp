// label_point: the label goes well inside the largest part, also where the centroid falls
// outside (U shapes, holes). GEOS is the independent judge of "inside" and of the distance to
// the edge; the expected depths are worked out by hand in each test.
#include "core/geo/label_point.h"

#include <geos_c.h>
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "core/io/boundary_reader.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

// A GEOS context per test, with geometries freed by their owners.
class Geos {
 public:
  Geos() : handle_(GEOS_init_r()) {}
  ~Geos() { GEOS_finish_r(handle_); }
  Geos(const Geos&) = delete;
  Geos& operator=(const Geos&) = delete;

  struct Deleter {
    GEOSContextHandle_t handle;
    void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(handle, g); }
  };
  using Geometry = std::unique_ptr<GEOSGeometry, Deleter>;

  Geometry read(const std::string& wkt) {
    GEOSWKTReader* reader = GEOSWKTReader_create_r(handle_);
    GEOSGeometry* g = GEOSWKTReader_read_r(handle_, reader, wkt.c_str());
    GEOSWKTReader_destroy_r(handle_, reader);
    return Geometry(g, Deleter{handle_});
  }
  bool contains(const Geometry& polygon, Vec2 p) {
    const Geometry point = read(fmt::format("POINT ({} {})", p.x, p.y));
    return GEOSContains_r(handle_, polygon.get(), point.get()) == 1;
  }
  // Distance from p to the polygon's boundary (all rings), in the polygon's units.
  double edge_distance(const Geometry& polygon, Vec2 p) {
    const Geometry point = read(fmt::format("POINT ({} {})", p.x, p.y));
    const Geometry boundary(GEOSBoundary_r(handle_, polygon.get()), Deleter{handle_});
    double d = -1;
    GEOSDistance_r(handle_, boundary.get(), point.get(), &d);
    return d;
  }
  Vec2 centroid(const Geometry& polygon) {
    const Geometry c(GEOSGetCentroid_r(handle_, polygon.get()), Deleter{handle_});
    double x = 0, y = 0;
    GEOSGeomGetX_r(handle_, c.get(), &x);
    GEOSGeomGetY_r(handle_, c.get(), &y);
    return {x, y};
  }

 private:
  GEOSContextHandle_t handle_;
};

// FeatureGeometry from rings written out in the test: {polygon: {ring: points}}.
FeatureGeometry polygons(const std::vector<std::vector<std::vector<Vec2>>>& parts) {
  FeatureGeometry g;
  g.kind = GeometryKind::polygon;
  for (const auto& part : parts) {
    for (const auto& ring : part) {
      g.points.insert(g.points.end(), ring.begin(), ring.end());
      g.points.push_back(ring.front());  // close it
      g.ring_ends.push_back(static_cast<std::uint32_t>(g.points.size()));
    }
    g.polygon_ends.push_back(static_cast<std::uint32_t>(g.ring_ends.size()));
  }
  return g;
}

std::string to_wkt(const FeatureGeometry& g) {
  std::string wkt = "MULTIPOLYGON (";
  for (std::size_t p = 0; p < g.polygon_count(); ++p) {
    wkt += p ? ", (" : "(";
    for (std::size_t r = g.polygon_first_ring(p); r < g.polygon_ends[p]; ++r) {
      wkt += r == g.polygon_first_ring(p) ? "(" : ", (";
      bool first = true;
      for (const Vec2& v : g.ring(r)) {
        wkt += fmt::format("{}{} {}", first ? "" : ", ", v.x, v.y);
        first = false;
      }
      wkt += ")";
    }
    wkt += ")";
  }
  return wkt + ")";
}

// Test shapes are a fraction of a degree across at the equator, where degrees of longitude and
// latitude have the same length (cos(latitude) differs from 1 by less than 1e-5), so GEOS's
// plain planar distances are the ones label_point maximises.
constexpr double k = 0.01;

// A U, 30 x 30 units with a 10-unit notch from the top down to y = 10.
FeatureGeometry u_shape() {
  return polygons({{{{0, 0},
                     {30 * k, 0},
                     {30 * k, 30 * k},
                     {20 * k, 30 * k},
                     {20 * k, 10 * k},
                     {10 * k, 10 * k},
                     {10 * k, 30 * k},
                     {0, 30 * k}}}});
}

FeatureGeometry square_with_hole() {
  return polygons({{{{0, 0}, {10 * k, 0}, {10 * k, 10 * k}, {0, 10 * k}},
                    {{2 * k, 2 * k}, {2 * k, 8 * k}, {8 * k, 8 * k}, {8 * k, 2 * k}}}});
}

TEST(LabelPoint, UShapeGoesIntoTheDeepestCornerNotTheCentroid) {
  Geos geos;
  const FeatureGeometry g = u_shape();
  const auto shape = geos.read(to_wkt(g));
  ASSERT_FALSE(geos.contains(shape, geos.centroid(shape)))
      << "the test shape should have its centroid outside, or it proves nothing";

  const double precision = 0.01 * k;
  const Vec2 p = label_point(g, precision);
  EXPECT_TRUE(geos.contains(shape, p)) << p.x << " " << p.y;
  // The widest circle sits where an arm meets the base: centre (a, a) touching x = 0, y = 0 and
  // the inner corner (10, 10): (10 - a) * sqrt(2) = a, so a = 10 sqrt(2) / (1 + sqrt(2)).
  const double best = k * 10 * std::sqrt(2.0) / (1 + std::sqrt(2.0));
  EXPECT_GE(geos.edge_distance(shape, p), best - precision);
}

TEST(LabelPoint, SquareWithALargeHoleLabelsTheRimNotTheHole) {
  Geos geos;
  const FeatureGeometry g = square_with_hole();
  const auto shape = geos.read(to_wkt(g));
  ASSERT_FALSE(geos.contains(shape, Vec2{5 * k, 5 * k}));

  const double precision = 0.005 * k;
  const Vec2 p = label_point(g, precision);
  EXPECT_TRUE(geos.contains(shape, p)) << p.x << " " << p.y;
  // A corner of the rim: centre (a, a) touching two outer sides and the hole's corner (2, 2).
  const double best = k * 2 * std::sqrt(2.0) / (1 + std::sqrt(2.0));
  EXPECT_GE(geos.edge_distance(shape, p), best - precision);
}

TEST(LabelPoint, MultipolygonUsesTheLargestPart) {
  Geos geos;
  // A small island listed first, the mainland second.
  const FeatureGeometry g =
      polygons({{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}}, {{{10, 0}, {20, 0}, {20, 6}, {10, 6}}}});
  const Vec2 p = label_point(g, 0.01);
  const auto mainland = geos.read("POLYGON ((10 0, 20 0, 20 6, 10 6, 10 0))");
  EXPECT_TRUE(geos.contains(mainland, p)) << p.x << " " << p.y;
  // The widest circle in a 10 x 6 rectangle has radius 3.
  EXPECT_GE(geos.edge_distance(mainland, p), 3 - 0.01);
}

TEST(LabelPoint, PointsAndEmptyGeometry) {
  FeatureGeometry point;
  point.kind = GeometryKind::point;
  point.points = {{100.5, 14.2}};
  EXPECT_EQ(label_point(point, 0.001), (Vec2{100.5, 14.2}));
  EXPECT_EQ(label_point(FeatureGeometry{}, 0.001), (Vec2{0, 0}));
}

TEST(LabelPoint, SignedDistanceIsNegativeInAHole) {
  const FeatureGeometry g = square_with_hole();
  EXPECT_LT(signed_distance_to_polygon(g, 0, {5 * k, 5 * k}), 0);
  EXPECT_NEAR(signed_distance_to_polygon(g, 0, {1 * k, 5 * k}), 1 * k, 1e-6 * k);
  EXPECT_LT(signed_distance_to_polygon(g, 0, {-1 * k, 5 * k}), 0);
}

TEST(LabelPoint, EveryDemoTambonIsLabelledInsideItsPolygon) {
  const std::string path = chipao::test::source_dir() + "/data/demo/tambon.shp";
  auto layer = load_boundaries(path);
  ASSERT_TRUE(layer) << layer.error().message;
  ASSERT_EQ(layer->features.size(), 80u);
  Geos geos;
  for (const BoundaryFeature& f : layer->features) {
    const auto shape = geos.read(to_wkt(f.geometry));
    ASSERT_TRUE(shape) << f.code;
    const Vec2 p = label_point(f.geometry, 0.0005);
    EXPECT_TRUE(geos.contains(shape, p)) << "tambon " << f.code << " at " << p.x << " " << p.y;
    // "Well inside": at least as deep as the centroid where the centroid is inside. The search
    // shrinks longitude by cos(latitude) (0.96 here) and GEOS does not, hence the 5% slack.
    const Vec2 c = geos.centroid(shape);
    if (geos.contains(shape, c)) {
      EXPECT_GE(geos.edge_distance(shape, p), 0.95 * geos.edge_distance(shape, c) - 0.0005)
          << f.code;
    }
  }
}

}  // namespace
}  // namespace chipao
