// triangulate: triangles cover exactly the polygon (their areas add up to the shoelace area of
// the exterior minus the holes), every triangle is counter-clockwise and lies inside the polygon
// (its centroid passes an even-odd point-in-polygon test), for hand-made shapes, degenerate
// input, the demo province and the national tambon layer.
#include "core/geo/triangulate.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <sstream>
#include <string>

#include "core/io/boundary_reader.h"
#include "support/polygons.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

using test::geometry_from_wkt;

// Relative to the ring's first point: with raw longitudes near 100 the products cancel and
// lose about 1e-9 of a small tambon's area.
double shoelace(std::span<const Vec2> ring) {
  double twice = 0;
  const Vec2 o = ring.empty() ? Vec2{} : ring[0];
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    twice += (ring[i].x - o.x) * (ring[i + 1].y - o.y) - (ring[i + 1].x - o.x) * (ring[i].y - o.y);
  }
  return 0.5 * twice;  // rings are closed, so the last edge is included
}

double triangle_area(Vec2 a, Vec2 b, Vec2 c) {
  return 0.5 * ((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
}

// Even-odd rule over every ring of the polygon.
bool inside_polygon(const FeatureGeometry& g, std::size_t polygon, Vec2 q) {
  bool inside = false;
  for (std::size_t r = g.polygon_first_ring(polygon); r < g.polygon_ends[polygon]; ++r) {
    const auto ring = g.ring(r);
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
      const Vec2 a = ring[i], b = ring[i + 1];
      if ((a.y > q.y) != (b.y > q.y) && q.x < a.x + (q.y - a.y) * (b.x - a.x) / (b.y - a.y)) {
        inside = !inside;
      }
    }
  }
  return inside;
}

// Checks one geometry; returns an empty string when every polygon is covered exactly.
std::string check(const FeatureGeometry& g, double relative_tolerance = 1e-9) {
  std::ostringstream problems;
  for (std::size_t p = 0; p < g.polygon_count(); ++p) {
    double expected = 0;
    for (std::size_t r = g.polygon_first_ring(p); r < g.polygon_ends[p]; ++r) {
      const double a = std::abs(shoelace(g.ring(r)));
      expected += r == g.polygon_first_ring(p) ? a : -a;
    }
    std::vector<std::uint32_t> indices;
    triangulate_polygon(g, p, indices);
    if (indices.size() % 3 != 0)
      problems << "polygon " << p << ": index count not a multiple of 3; ";
    double sum = 0;
    std::size_t bad_orientation = 0, outside = 0, closing = 0;
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
      for (std::size_t k = 0; k < 3; ++k) {
        const std::uint32_t i = indices[t + k];
        for (std::size_t r = 0; r < g.ring_count(); ++r) {
          if (i + 1 == g.ring_ends[r]) ++closing;
        }
      }
      const Vec2 a = g.points[indices[t]], b = g.points[indices[t + 1]],
                 c = g.points[indices[t + 2]];
      const double area = triangle_area(a, b, c);
      if (!(area > 0)) ++bad_orientation;
      sum += area;
      const Vec2 centroid{(a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3};
      if (!inside_polygon(g, p, centroid)) ++outside;
    }
    if (std::abs(sum - expected) > relative_tolerance * std::abs(expected)) {
      problems << "polygon " << p << ": triangles cover " << sum << ", polygon area " << expected
               << "; ";
    }
    if (bad_orientation)
      problems << "polygon " << p << ": " << bad_orientation << " triangles not CCW; ";
    if (outside) problems << "polygon " << p << ": " << outside << " triangles outside; ";
    if (closing) problems << "polygon " << p << ": " << closing << " closing-point indices; ";
  }
  return problems.str();
}

struct Case {
  const char* name;
  std::string wkt;
};

const Case kCases[] = {
    {"triangle", "POLYGON ((0 0, 1 0, 0 1, 0 0))"},
    {"square", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"},
    {"clockwise square", "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0))"},
    {"concave C", "POLYGON ((0 0, 10 0, 10 3, 3 3, 3 7, 10 7, 10 10, 0 10, 0 0))"},
    {"comb",
     "POLYGON ((0 0, 10 0, 10 5, 9 5, 8.5 1, 8 5, 7 5, 6.5 1, 6 5, 5 5, 4.5 1, 4 5, "
     "3 5, 2.5 1, 2 5, 0 5, 0 0))"},
    {"square with hole", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (3 3, 3 7, 7 7, 7 3, 3 3))"},
    {"hole wound like the shell",
     "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (3 3, 7 3, 7 7, 3 7, 3 3))"},
    {"three holes",
     "POLYGON ((0 0, 20 0, 20 10, 0 10, 0 0), (2 2, 2 8, 5 8, 5 2, 2 2), "
     "(8 2, 8 8, 11 5, 8 2), (14 4, 14 6, 18 6, 18 4, 14 4))"},
    {"holes in a column (same rightmost x)",
     "POLYGON ((0 0, 10 0, 10 20, 0 20, 0 0), (2 2, 2 4, 6 4, 6 2, 2 2), "
     "(2 6, 2 8, 6 8, 6 6, 2 6), (2 10, 2 12, 6 12, 6 10, 2 10))"},
    {"hole touching the exterior at an edge",
     "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (10 5, 7 3, 7 7, 10 5))"},
    {"hole touching the exterior at a vertex",
     "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (10 10, 6 8, 8 6, 10 10))"},
    {"hole touching the exterior at its left",
     "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (0 5, 3 3, 3 7, 0 5))"},
    {"holes touching each other",
     "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2), "
     "(4 4, 4 6, 6 6, 6 4, 4 4))"},
    {"collinear points", "POLYGON ((0 0, 2 0, 5 0, 10 0, 10 5, 10 10, 5 10, 0 10, 0 7, 0 5, 0 0))"},
    {"collinear hole edge on the bridge line",
     "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (3 5, 5 5, 7 5, 7 7, 3 7, 3 5))"},
    {"duplicate points", "POLYGON ((0 0, 10 0, 10 0, 10 10, 10 10, 10 10, 0 10, 0 0, 0 0))"},
    {"multipolygon with a hole and an island in it",
     "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 8 2, 8 8, 2 8, 2 2)), "
     "((4 4, 6 4, 6 6, 4 6, 4 4)), ((20 0, 25 0, 22 4, 20 0)))"},
    {"ring touching itself (inverted hole)",
     "POLYGON ((0 0, 10 0, 10 10, 5 10, 7 6, 3 6, 5 10, 0 10, 0 0))"},
    {"real-world-like coordinates",
     "POLYGON ((102.1 14.9, 102.15 14.9, 102.15 14.95, 102.13 14.93, 102.1 14.95, 102.1 14.9), "
     "(102.11 14.91, 102.11 14.92, 102.12 14.92, 102.12 14.91, 102.11 14.91))"},
};

TEST(Triangulate, HandMadeShapesAreCoveredExactly) {
  for (const Case& c : kCases) {
    const FeatureGeometry g = geometry_from_wkt(c.wkt);
    ASSERT_EQ(g.kind, GeometryKind::polygon) << c.name;
    EXPECT_EQ(check(g), "") << c.name;
  }
}

TEST(Triangulate, ConvexRingOfNPointsGivesNMinus2Triangles) {
  const FeatureGeometry g = geometry_from_wkt("POLYGON ((0 0, 4 0, 6 2, 4 4, 0 4, -1 2, 0 0))");
  EXPECT_EQ(triangulate(g).size(), 3u * 4u);
}

// A star with a few thousand jagged points and a ring of round holes: large enough that the
// z-order index is what finds the ears.
std::string big_star_with_holes(int points, int holes, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> radius(8.0, 10.0);
  std::ostringstream wkt;
  wkt.precision(17);
  std::vector<double> radii(static_cast<std::size_t>(points));
  for (double& r : radii) r = radius(random);
  wkt << "POLYGON ((";
  for (int i = 0; i <= points; ++i) {
    const int k = i % points;  // the last point closes the ring
    const double angle = 2 * std::numbers::pi * k / points;
    const double r = radii[static_cast<std::size_t>(k)];
    wkt << (i ? ", " : "") << 100 + r * std::cos(angle) << " " << 15 + r * std::sin(angle);
  }
  wkt << ")";
  for (int h = 0; h < holes; ++h) {
    const double angle = 2 * std::numbers::pi * h / holes;
    const double cx = 100 + 5 * std::cos(angle), cy = 15 + 5 * std::sin(angle);
    wkt << ", (";
    const int n = 40;
    for (int i = 0; i <= n; ++i) {
      const double a = 2 * std::numbers::pi * (i % n) / n;
      wkt << (i ? ", " : "") << cx + 0.8 * std::cos(a) << " " << cy + 0.8 * std::sin(a);
    }
    wkt << ")";
  }
  wkt << ")";
  return wkt.str();
}

TEST(Triangulate, LargeJaggedRingWithManyHoles) {
  const FeatureGeometry g = geometry_from_wkt(big_star_with_holes(5000, 12, 7));
  ASSERT_EQ(g.ring_count(), 13u);
  EXPECT_EQ(check(g), "");
}

TEST(Triangulate, DegenerateInputEndsWithoutBadTriangles) {
  const char* cases[] = {
      "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))",                // bow tie
      "POLYGON ((0 0, 10 0, 10 10, 10 15, 10 10, 0 10, 0 0))",  // spike
      "POLYGON ((0 0, 10 0, 5 0, 0 0))",                        // collapsed ring
      "POLYGON ((0 0, 0 0, 0 0, 0 0))",                         // one point
      "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (20 20, 22 20, 22 22, 20 22, 20 20))",  // hole out
      "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (5 5, 15 5, 15 6, 5 6, 5 5))",  // hole crossing
      "POLYGON ((0 0, 10 0, 0 10, 10 10, 5 -5, 0 0))",  // self-crossing star-ish
  };
  for (const char* wkt : cases) {
    const FeatureGeometry g = geometry_from_wkt(wkt);
    const std::vector<std::uint32_t> indices = triangulate(g);
    ASSERT_EQ(indices.size() % 3, 0u) << wkt;
    for (std::size_t t = 0; t < indices.size(); t += 3) {
      EXPECT_GT(
          triangle_area(g.points[indices[t]], g.points[indices[t + 1]], g.points[indices[t + 2]]),
          0)
          << wkt;
    }
  }
  // The exterior of the spike case still gets covered: its spike has no area.
  EXPECT_EQ(check(geometry_from_wkt("POLYGON ((0 0, 10 0, 10 10, 10 15, 10 10, 0 10, 0 0))")), "");
}

TEST(Triangulate, PointsAndEmptyGeometryGiveNothing) {
  EXPECT_TRUE(triangulate(geometry_from_wkt("POINT (1 2)")).empty());
  EXPECT_TRUE(triangulate(FeatureGeometry{}).empty());
}

void check_layer(const std::string& path) {
  auto layer = load_boundaries(path);
  ASSERT_TRUE(layer.has_value()) << layer.error().message;
  ASSERT_FALSE(layer->features.empty());
  std::size_t failures = 0;
  for (const BoundaryFeature& feature : layer->features) {
    const std::string problems = check(feature.geometry);
    if (!problems.empty() && ++failures <= 5) {
      ADD_FAILURE() << path << " feature fid " << feature.fid << " code " << feature.code << ": "
                    << problems;
    }
  }
  EXPECT_EQ(failures, 0u) << "of " << layer->features.size() << " features";
}

TEST(Triangulate, EveryDemoTambonAndVillage) {
  check_layer(test::source_dir() + "/data/demo/tambon.shp");
  check_layer(test::source_dir() + "/data/demo/village.shp");
}

TEST(Triangulate, EveryNationalTambon) {
  CHIPAO_REQUIRE_SHARED(path,
                        "hdx_codab_tha_via_prasertcbs/adm3_tambon_simplified_country/"
                        "tha_admbnda_adm3_rtsd_20220121.shp");
  check_layer(path);
}

}  // namespace
}  // namespace chipao
