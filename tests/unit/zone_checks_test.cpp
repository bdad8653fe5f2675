// Zone checks at import (core/plan/zone_checks.h): a zone that overlaps no unit of the
// project's layer and a polygon that is not valid each get one warning naming the zone, and
// nothing a geometry holds makes the check crash.
#include "core/plan/zone_checks.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "support/polygons.h"

namespace chipao {
namespace {

using test::geometry_from_wkt;

// Four tambons in a 2 x 2 block, 0.1 degree each, from 104.0 E 15.0 N.
BoundaryLayer tambons() {
  BoundaryLayer layer;
  int n = 1;
  for (int row = 0; row < 2; ++row) {
    for (int col = 0; col < 2; ++col) {
      const double x = 104.0 + 0.1 * col, y = 15.0 + 0.1 * row;
      BoundaryFeature f;
      f.fid = n;
      f.code = "99010" + std::to_string(n++);
      f.geometry = geometry_from_wkt("POLYGON((" + std::to_string(x) + " " + std::to_string(y) +
                                     "," + std::to_string(x + 0.1) + " " + std::to_string(y) + "," +
                                     std::to_string(x + 0.1) + " " + std::to_string(y + 0.1) + "," +
                                     std::to_string(x) + " " + std::to_string(y + 0.1) + "," +
                                     std::to_string(x) + " " + std::to_string(y) + "))");
      f.bbox = f.geometry.bounds();
      layer.extent_wgs84.expand(f.bbox);
      layer.features.push_back(std::move(f));
    }
  }
  return layer;
}

std::vector<ZoneWarningKind> kinds(const std::vector<ZoneWarning>& warnings) {
  std::vector<ZoneWarningKind> out;
  for (const ZoneWarning& w : warnings) out.push_back(w.kind);
  return out;
}

bool has(const std::vector<ZoneWarning>& warnings, ZoneWarningKind kind) {
  for (const ZoneWarning& w : warnings)
    if (w.kind == kind) return true;
  return false;
}

TEST(ZoneChecks, AZoneOverTheUnitsGetsNoWarning) {
  const BoundaryLayer units = tambons();
  const ZoneChecker checker(units, "tambon");
  // Inside one unit, across all four, and covering the whole block.
  for (const char* wkt : {"POLYGON((104.01 15.01,104.05 15.01,104.05 15.05,104.01 15.01))",
                          "POLYGON((104.05 15.05,104.15 15.05,104.15 15.15,104.05 15.15,104.05 "
                          "15.05))",
                          "MULTIPOLYGON(((103 14,106 14,106 17,103 17,103 14)))"}) {
    SCOPED_TRACE(wkt);
    EXPECT_TRUE(checker.check("เขต 1", geometry_from_wkt(wkt)).empty());
  }
}

TEST(ZoneChecks, AZoneOutsideEveryUnitIsNamedWithItsBoundsAndTheLayers) {
  const BoundaryLayer units = tambons();
  const auto warnings = check_drawn_zone(
      "เขต ไกล", geometry_from_wkt("POLYGON((100 13,100.5 13,100.5 13.5,100 13.5,100 13))"), units,
      "tambon");
  ASSERT_EQ(kinds(warnings), std::vector{ZoneWarningKind::outside_units});
  const std::string& m = warnings[0].message;
  EXPECT_NE(m.find("เขต ไกล"), std::string::npos) << m;
  EXPECT_NE(m.find("tambon"), std::string::npos) << m;
  EXPECT_NE(m.find("100.000..100.500 E, 13.000..13.500 N"), std::string::npos)
      << "zone bounds: " << m;
  EXPECT_NE(m.find("104.000..104.200 E, 15.000..15.200 N"), std::string::npos) << "layer: " << m;
  EXPECT_NE(m.find("CRS"), std::string::npos) << "says what to check: " << m;
  EXPECT_EQ(m.find('\n'), std::string::npos);
}

TEST(ZoneChecks, ABoundingBoxOverlapOrASharedBorderIsNotAnOverlap) {
  const BoundaryLayer units = tambons();
  const ZoneChecker checker(units, "tambon");
  // Right of the block, touching its east edge along a border.
  EXPECT_EQ(kinds(checker.check("touching",
                                geometry_from_wkt("POLYGON((104.2 15.0,104.3 15.0,104.3 15.2,104.2 "
                                                  "15.2,104.2 15.0))"))),
            std::vector{ZoneWarningKind::outside_units});
  // An L-shaped unit and a zone in its empty corner: the boxes overlap, the areas do not.
  BoundaryLayer l_shape;
  BoundaryFeature f;
  f.code = "990101";
  f.geometry = geometry_from_wkt(
      "POLYGON((104 15,104.2 15,104.2 15.1,104.1 15.1,104.1 15.2,104 15.2,104 15))");
  l_shape.features.push_back(f);
  EXPECT_EQ(kinds(ZoneChecker(l_shape, "tambon")
                      .check("corner", geometry_from_wkt("POLYGON((104.12 15.12,104.18 "
                                                         "15.12,104.18 15.18,104.12 15.12))"))),
            std::vector{ZoneWarningKind::outside_units});
}

TEST(ZoneChecks, ProjectedCoordinatesAreOutside) {
  const BoundaryLayer units = tambons();
  const auto warnings = check_drawn_zone(
      "utm",
      geometry_from_wkt("POLYGON((500000 1600000,501000 1600000,501000 1601000,500000 "
                        "1600000))"),
      units, "tambon");
  EXPECT_EQ(kinds(warnings), std::vector{ZoneWarningKind::outside_units});
}

TEST(ZoneChecks, ASelfIntersectingZoneIsInvalidButNotOutside) {
  const BoundaryLayer units = tambons();
  // A bow tie over the block: its two halves cancel out in a signed area.
  const auto warnings =
      check_drawn_zone("bow tie",
                       geometry_from_wkt("POLYGON((104.05 15.05,104.15 15.15,104.15 15.05,104.05 "
                                         "15.15,104.05 15.05))"),
                       units, "tambon");
  ASSERT_EQ(kinds(warnings), std::vector{ZoneWarningKind::invalid_polygon});
  EXPECT_NE(warnings[0].message.find("bow tie"), std::string::npos);
  EXPECT_NE(warnings[0].message.find("Self-intersection"), std::string::npos)
      << "GEOS's reason: " << warnings[0].message;
  // Far away, the same shape gets both warnings.
  const auto far = check_drawn_zone(
      "far", geometry_from_wkt("POLYGON((100 13,101 14,101 13,100 14,100 13))"), units, "tambon");
  EXPECT_TRUE(has(far, ZoneWarningKind::invalid_polygon));
  EXPECT_TRUE(has(far, ZoneWarningKind::outside_units));
}

// Arrays a file or a bug could hand over: none may crash the check or pass as valid.
TEST(ZoneChecks, BrokenGeometryIsInvalidAndNeverCrashes) {
  const BoundaryLayer units = tambons();
  const ZoneChecker checker(units, "tambon");
  const FeatureGeometry good =
      geometry_from_wkt("POLYGON((104.01 15.01,104.05 15.01,104.05 15.05,104.01 15.01))");
  std::vector<std::pair<std::string, FeatureGeometry>> broken;
  auto add = [&](std::string what, auto change) {
    FeatureGeometry g = good;
    change(g);
    broken.emplace_back(std::move(what), std::move(g));
  };
  add("unclosed ring", [](FeatureGeometry& g) { g.points.back().x += 0.01; });
  add("three points", [](FeatureGeometry& g) {
    g.points.pop_back();
    g.ring_ends = {3};
  });
  add("ring end past the points", [](FeatureGeometry& g) { g.ring_ends = {40}; });
  add("polygon end past the rings", [](FeatureGeometry& g) { g.polygon_ends = {3}; });
  add("no rings", [](FeatureGeometry& g) { g.ring_ends.clear(); });
  add("NaN point",
      [](FeatureGeometry& g) { g.points[1].y = std::numeric_limits<double>::quiet_NaN(); });
  add("infinite point",
      [](FeatureGeometry& g) { g.points[1].x = std::numeric_limits<double>::infinity(); });
  add("a point, not a polygon", [](FeatureGeometry& g) { g.kind = GeometryKind::point; });
  for (const auto& [what, g] : broken) {
    SCOPED_TRACE(what);
    const auto warnings = checker.check("z", g);
    EXPECT_TRUE(has(warnings, ZoneWarningKind::invalid_polygon));
    EXPECT_FALSE(polygon_problem(g).empty());
    EXPECT_LE(warnings.size(), 2u);
  }
  EXPECT_TRUE(polygon_problem(good).empty());
  EXPECT_TRUE(checker.check("empty", FeatureGeometry{}).empty()) << "a zone drawn later";
}

TEST(ZoneChecks, ALayerWithoutAreasSaysSo) {
  BoundaryLayer empty;
  const auto warnings = check_drawn_zone(
      "z", geometry_from_wkt("POLYGON((104.01 15.01,104.05 15.01,104.05 15.05,104.01 15.01))"),
      empty, "tambon");
  ASSERT_EQ(kinds(warnings), std::vector{ZoneWarningKind::outside_units});
  EXPECT_NE(warnings[0].message.find("no areas"), std::string::npos) << warnings[0].message;
}

}  // namespace
}  // namespace chipao
