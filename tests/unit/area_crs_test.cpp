#include <geodesic.h>
#include <gtest/gtest.h>

#include <cmath>

#include "core/geo/area.h"
#include "core/geo/crs.h"

namespace chipao {
namespace {

FeatureGeometry square(double lon, double lat, double size) {
  FeatureGeometry g;
  g.kind = GeometryKind::polygon;
  g.points = {
      {lon, lat}, {lon + size, lat}, {lon + size, lat + size}, {lon, lat + size}, {lon, lat}};
  g.ring_ends = {5};
  g.polygon_ends = {1};
  return g;
}

// An independent computation: PROJ's geodesic polygon area on WGS 84, with edges densified so
// that geodesic and projected-straight edges agree.
double geodesic_area(const FeatureGeometry& g) {
  geod_geodesic geod;
  geod_init(&geod, 6378137.0, 1 / 298.257223563);
  geod_polygon poly;
  geod_polygon_init(&poly, 0);
  const auto ring = g.ring(0);
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    for (int k = 0; k < 50; ++k) {
      const double t = k / 50.0;
      geod_polygon_addpoint(&geod, &poly, ring[i].y + t * (ring[i + 1].y - ring[i].y),
                            ring[i].x + t * (ring[i + 1].x - ring[i].x));
    }
  }
  double area = 0, perimeter = 0;
  geod_polygon_compute(&geod, &poly, 0, 1, &area, &perimeter);
  return std::abs(area);
}

TEST(Area, MatchesGeodesicAreaForTambonSizedPolygons) {
  for (double lat : {6.0, 13.7, 20.2}) {
    const FeatureGeometry g = square(100.0, lat, 0.1);
    const double ours = area_m2(g);
    const double reference = geodesic_area(g);
    EXPECT_NEAR(ours / reference, 1.0, 1e-4) << "latitude " << lat;
    EXPECT_GT(ours, 1e8);  // about 11 km x 11 km
  }
}

TEST(Area, SubtractsHoles) {
  FeatureGeometry g = square(100.0, 15.0, 0.1);
  const FeatureGeometry hole = square(100.02, 15.02, 0.05);
  const double outer = area_m2(g);
  g.points.insert(g.points.end(), hole.points.begin(), hole.points.end());
  g.ring_ends.push_back(10);
  g.polygon_ends = {2};
  EXPECT_NEAR(area_m2(g), outer - area_m2(hole), 1.0);
}

double metres_between(Vec2 a, Vec2 b) {
  const double dy = (a.y - b.y) * 110574.0;
  const double dx = (a.x - b.x) * 111320.0 * std::cos(a.y * 3.14159265358979 / 180);
  return std::hypot(dx, dy);
}

TEST(Crs, Indian1975IsShiftedSeveralHundredMetresFromWgs84) {
  std::vector<Vec2> indian{{500000, 1700000}};
  std::vector<Vec2> wgs{{500000, 1700000}};
  auto from_indian = CrsTransform::create("EPSG:24047");
  auto from_wgs = CrsTransform::create("EPSG:32647");
  ASSERT_TRUE(from_indian) << from_indian.error().message;
  ASSERT_TRUE(from_wgs);
  ASSERT_TRUE(from_indian->transform(indian));
  ASSERT_TRUE(from_wgs->transform(wgs));
  EXPECT_NEAR(wgs[0].x, 99.0, 1e-6);  // the zone's central meridian, x = longitude
  const double shift = metres_between(indian[0], wgs[0]);
  EXPECT_GT(shift, 500);
  EXPECT_LT(shift, 750);

  // The reference: EPSG:1812 "Indian 1975 to WGS 84 (4)" for onshore Thailand, written out
  // with its published 7 parameters (position vector convention). Without a datum shift
  // (Everest 1830 ellipsoid only, PROJ's "ballpark") the point lands about 400 m away.
  std::vector<Vec2> reference{{500000, 1700000}};
  auto explicit_helmert = CrsTransform::create(
      "+proj=utm +zone=47 +ellps=evrst30 +towgs84=293,836,318,0.5,1.6,-2.8,2.1 +no_defs +type=crs");
  ASSERT_TRUE(explicit_helmert) << explicit_helmert.error().message;
  ASSERT_TRUE(explicit_helmert->transform(reference));
  EXPECT_LT(metres_between(indian[0], reference[0]), 0.5);
  std::vector<Vec2> ballpark{{500000, 1700000}};
  auto no_shift =
      CrsTransform::create("+proj=utm +zone=47 +ellps=evrst30 +towgs84=0,0,0 +no_defs +type=crs");
  ASSERT_TRUE(no_shift);
  ASSERT_TRUE(no_shift->transform(ballpark));
  EXPECT_GT(metres_between(indian[0], ballpark[0]), 300);
}

TEST(Crs, KnowsWgs84LonLat) {
  EXPECT_TRUE(is_wgs84_lonlat("EPSG:4326"));
  EXPECT_TRUE(is_wgs84_lonlat("OGC:CRS84"));
  EXPECT_FALSE(is_wgs84_lonlat("EPSG:32647"));
}

Bbox box(double x0, double y0, double x1, double y1) {
  Bbox b;
  b.expand(Vec2{x0, y0});
  b.expand(Vec2{x1, y1});
  return b;
}

TEST(CrsGuess, DegreesOverThailand) {
  auto g = guess_crs_from_extent(box(104.0, 14.5, 104.9, 15.3), "");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->crs, "EPSG:4326");
}

TEST(CrsGuess, UtmZonesByWhereTheyLand) {
  // Chiang Mai around 98.9 E in zone 47; Ubon around 104.8 E in zone 48.
  auto west = guess_crs_from_extent(box(480000, 2060000, 510000, 2090000), "50");
  ASSERT_TRUE(west);
  EXPECT_EQ(west->crs, "EPSG:32647");
  auto far_east_of_47 = guess_crs_from_extent(box(880000, 1650000, 920000, 1700000), "");
  ASSERT_TRUE(far_east_of_47);
  EXPECT_EQ(far_east_of_47->crs, "EPSG:32647");
  auto east = guess_crs_from_extent(box(480000, 1650000, 510000, 1700000), "34");
  ASSERT_TRUE(east);
  EXPECT_EQ(east->crs, "EPSG:32648");
  EXPECT_NE(east->reason.find("EPSG:24048"), std::string::npos);
}

TEST(CrsGuess, NothingFitsGivesAnError) {
  auto g = guess_crs_from_extent(box(0, 0, 10, 10), "");
  ASSERT_FALSE(g);
  EXPECT_NE(g.error().message.find("cannot be guessed"), std::string::npos);
}

}  // namespace
}  // namespace chipao
