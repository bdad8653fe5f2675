#include "support/polygons.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <ogr_geometry.h>

#include <memory>

#include "core/io/ogr_geometry.h"

namespace chipao::test {

FeatureGeometry geometry_from_wkt(const std::string& wkt) {
  OGRGeometry* g = nullptr;
  EXPECT_EQ(OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g), OGRERR_NONE) << wkt;
  FeatureGeometry out;
  if (g == nullptr) return out;
  std::unique_ptr<OGRGeometry> owned(g);
  gdal::append_ogr_geometry(*owned, out);
  return out;
}

std::string multipolygon_wkt(const FeatureGeometry& g, const std::function<Vec2(Vec2)>& map) {
  std::string s = "MULTIPOLYGON(";
  for (std::size_t p = 0; p < g.polygon_count(); ++p) {
    s.append(p ? ",(" : "(");
    for (std::uint32_t r = g.polygon_first_ring(p); r < g.polygon_ends[p]; ++r) {
      s.append(r != g.polygon_first_ring(p) ? ",(" : "(");
      bool first = true;
      for (Vec2 v : g.ring(r)) {
        if (map) v = map(v);
        s.append(fmt::format("{}{} {}", first ? "" : ",", v.x, v.y));
        first = false;
      }
      s.append(")");
    }
    s.append(")");
  }
  s.append(")");
  return s;
}

}  // namespace chipao::test
