#include "core/geo/quick_validity.h"

#include <gtest/gtest.h>
#include <ogr_geometry.h>

#include <memory>
#include <random>

#include "core/geo/geos_repair.h"
#include "core/io/ogr_geometry.h"

namespace chipao {
namespace {

FeatureGeometry from_wkt(const char* wkt) {
  OGRGeometry* g = nullptr;
  EXPECT_EQ(OGRGeometryFactory::createFromWkt(wkt, nullptr, &g), OGRERR_NONE) << wkt;
  std::unique_ptr<OGRGeometry> owned(g);
  FeatureGeometry out;
  gdal::append_ogr_geometry(*owned, out);
  return out;
}

bool quick(const char* wkt) {
  QuickValidityScratch scratch;
  return quick_valid_polygon(from_wkt(wkt), scratch);
}

bool geos_valid(const char* wkt) {
  return GeosRepairer().check(from_wkt(wkt)).valid;
}

struct Case {
  const char* name;
  const char* wkt;
  bool valid;
};

const Case kCases[] = {
    {"square", "POLYGON((0 0,10 0,10 10,0 10,0 0))", true},
    {"square with hole", "POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,4 2,4 4,2 4,2 2))", true},
    {"repeated points", "POLYGON((0 0,10 0,10 0,10 10,0 10,0 0))", true},
    {"two islands", "MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((5 5,6 5,6 6,5 6,5 5)))", true},
    {"island in a lake",
     "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0),(2 2,8 2,8 8,2 8,2 2)),((4 4,6 4,6 6,4 6,4 4)))",
     true},
    {"bowtie", "POLYGON((0 0,10 10,10 0,0 10,0 0))", false},
    {"ring touching itself", "POLYGON((0 0,10 0,10 10,5 0,0 10,0 0))", false},
    {"spike", "POLYGON((0 0,10 0,10 10,10 15,10 10,0 10,0 0))", false},
    {"hole outside shell", "POLYGON((0 0,10 0,10 10,0 10,0 0),(20 20,22 20,22 22,20 22,20 20))",
     false},
    {"nested holes",
     "POLYGON((0 0,10 0,10 10,0 10,0 0),(1 1,9 1,9 9,1 9,1 1),(2 2,3 2,3 3,2 3,2 2))", false},
    {"hole crossing shell", "POLYGON((0 0,10 0,10 10,0 10,0 0),(5 5,15 5,15 6,5 6,5 5))", false},
    {"overlapping parts", "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)),((5 5,15 5,15 15,5 15,5 5)))",
     false},
    {"part inside part", "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)),((4 4,6 4,6 6,4 6,4 4)))",
     false},
    {"collapsed ring", "POLYGON((0 0,10 0,5 0,0 0))", false},
};

TEST(QuickValidity, AgreesWithGeosOnKnownShapes) {
  for (const Case& c : kCases) {
    EXPECT_EQ(geos_valid(c.wkt), c.valid) << c.name << " (the case itself is wrong)";
    EXPECT_EQ(quick(c.wkt), c.valid) << c.name;
  }
}

TEST(QuickValidity, LargeRingUsesTheGridAndStillFindsACrossing) {
  // A 400-vertex circle is valid; swapping two vertices makes its ring cross itself.
  std::string ok = "POLYGON((";
  std::vector<std::pair<double, double>> pts;
  for (int i = 0; i < 400; ++i) {
    const double a = 2 * 3.14159265358979 * i / 400;
    pts.emplace_back(100 + 10 * std::cos(a), 15 + 10 * std::sin(a));
  }
  auto wkt_of = [](const std::vector<std::pair<double, double>>& p) {
    std::string s = "POLYGON((";
    for (const auto& [x, y] : p) s += std::to_string(x) + " " + std::to_string(y) + ",";
    s += std::to_string(p[0].first) + " " + std::to_string(p[0].second) + "))";
    return s;
  };
  EXPECT_TRUE(quick(wkt_of(pts).c_str()));
  std::swap(pts[100], pts[103]);
  EXPECT_FALSE(geos_valid(wkt_of(pts).c_str()));
  EXPECT_FALSE(quick(wkt_of(pts).c_str()));
}

// The property that matters: never call a polygon valid that GEOS calls invalid. Random
// polygons on a coarse integer grid hit collinear edges, shared vertices and crossings often.
TEST(QuickValidity, NeverPassesWhatGeosRejects) {
  std::mt19937 rng(20261121);
  std::uniform_int_distribution<int> coord(0, 6);
  std::uniform_int_distribution<int> count(3, 9);
  QuickValidityScratch scratch;
  GeosRepairer geos;
  int passed_quick = 0, geos_invalid = 0;
  for (int trial = 0; trial < 4000; ++trial) {
    FeatureGeometry g;
    g.kind = GeometryKind::polygon;
    const int polygons = trial % 5 == 0 ? 2 : 1;
    for (int p = 0; p < polygons; ++p) {
      const int rings = trial % 3 == 0 ? 2 : 1;
      for (int r = 0; r < rings; ++r) {
        const int n = count(rng);
        const std::size_t first = g.points.size();
        for (int i = 0; i < n; ++i)
          g.points.push_back(Vec2{double(coord(rng)), double(coord(rng))});
        g.points.push_back(g.points[first]);
        g.ring_ends.push_back(static_cast<std::uint32_t>(g.points.size()));
      }
      g.polygon_ends.push_back(static_cast<std::uint32_t>(g.ring_ends.size()));
    }
    const bool q = quick_valid_polygon(g, scratch);
    const bool v = geos.check(g).valid;
    if (q) ++passed_quick;
    if (!v) ++geos_invalid;
    ASSERT_FALSE(q && !v) << "quick check passed an invalid polygon in trial " << trial;
  }
  // The check must also prove something: some random polygons are valid and pass.
  EXPECT_GT(passed_quick, 50);
  EXPECT_GT(geos_invalid, 1000);
}

TEST(GeosRepairer, RepairsABowtieIntoTwoTriangles) {
  GeosRepairer geos;
  const FeatureGeometry bowtie = from_wkt("POLYGON((0 0,10 10,10 0,0 10,0 0))");
  const auto verdict = geos.check(bowtie);
  EXPECT_FALSE(verdict.valid);
  EXPECT_NE(verdict.reason.find("Self-intersection"), std::string::npos) << verdict.reason;
  const auto fixed = geos.repair(bowtie);
  ASSERT_TRUE(fixed);
  EXPECT_EQ(fixed->polygon_count(), 2u);
  EXPECT_TRUE(geos.check(*fixed).valid);
}

}  // namespace
}  // namespace chipao
