#include "core/io/ogr_geometry.h"

#include <ogr_geometry.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace chipao::gdal {

namespace {

// The ring's points, closed (core/geo/geometry.h: GeoJSON and other text formats may leave
// the last point off, and GEOS cannot even build such a ring to call it invalid); empty when
// fewer than 4 points are left (3 corners and the closing one), a ring without area that GEOS
// would likewise fail to build and so never report.
std::vector<Vec2> closed_ring(const OGRLinearRing& ring) {
  const int n = ring.getNumPoints();
  std::vector<Vec2> points(static_cast<std::size_t>(std::max(n, 0)));
  if (n > 0) ring.getPoints(&points[0].x, sizeof(Vec2), &points[0].y, sizeof(Vec2));
  if (!points.empty() && !(points.back() == points.front())) points.push_back(points.front());
  if (points.size() < 4) points.clear();
  return points;
}

void append_ring(const std::vector<Vec2>& ring, FeatureGeometry& out) {
  out.points.insert(out.points.end(), ring.begin(), ring.end());
  out.ring_ends.push_back(static_cast<std::uint32_t>(out.points.size()));
}

// A polygon whose shell has no area is left out (as GEOS's repair drops collapsed parts), and
// so is a hole without area.
void append_polygon(const OGRPolygon& polygon, FeatureGeometry& out) {
  const OGRLinearRing* shell = polygon.getExteriorRing();
  if (shell == nullptr || shell->IsEmpty()) return;
  const std::vector<Vec2> shell_points = closed_ring(*shell);
  if (shell_points.empty()) return;
  out.kind = GeometryKind::polygon;
  append_ring(shell_points, out);
  for (int i = 0; i < polygon.getNumInteriorRings(); ++i) {
    const OGRLinearRing* hole = polygon.getInteriorRing(i);
    if (hole == nullptr || hole->IsEmpty()) continue;
    if (const std::vector<Vec2> points = closed_ring(*hole); !points.empty())
      append_ring(points, out);
  }
  out.polygon_ends.push_back(static_cast<std::uint32_t>(out.ring_ends.size()));
}

void append_point(const OGRPoint& point, FeatureGeometry& out) {
  if (point.IsEmpty()) return;
  out.kind = GeometryKind::point;
  out.points.push_back(Vec2{point.getX(), point.getY()});
}

}  // namespace

void append_ogr_geometry(const OGRGeometry& g, FeatureGeometry& out) {
  switch (wkbFlatten(g.getGeometryType())) {
    case wkbPolygon:
      append_polygon(*g.toPolygon(), out);
      return;
    case wkbMultiPolygon:
    case wkbGeometryCollection:
    case wkbMultiPoint: {
      for (const OGRGeometry* part : *g.toGeometryCollection()) {
        if (part != nullptr) append_ogr_geometry(*part, out);
      }
      return;
    }
    case wkbPoint:
      append_point(*g.toPoint(), out);
      return;
    case wkbCurvePolygon:
    case wkbMultiSurface: {
      // Arcs are rare in Thai boundary data; approximate them with GDAL's default step.
      std::unique_ptr<OGRGeometry> linear(g.getLinearGeometry());
      if (linear) append_ogr_geometry(*linear, out);
      return;
    }
    default:
      return;
  }
}

}  // namespace chipao::gdal
