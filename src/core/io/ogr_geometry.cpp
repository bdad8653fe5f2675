#include "core/io/ogr_geometry.h"

#include <ogr_geometry.h>

#include <memory>

namespace chipao::gdal {

namespace {

void append_ring(const OGRLinearRing& ring, FeatureGeometry& out) {
  const int n = ring.getNumPoints();
  const std::size_t base = out.points.size();
  out.points.resize(base + static_cast<std::size_t>(n));
  if (n > 0) {
    ring.getPoints(&out.points[base].x, sizeof(Vec2), &out.points[base].y, sizeof(Vec2));
  }
  out.ring_ends.push_back(static_cast<std::uint32_t>(out.points.size()));
}

void append_polygon(const OGRPolygon& polygon, FeatureGeometry& out) {
  const OGRLinearRing* shell = polygon.getExteriorRing();
  if (shell == nullptr || shell->IsEmpty()) return;
  out.kind = GeometryKind::polygon;
  append_ring(*shell, out);
  for (int i = 0; i < polygon.getNumInteriorRings(); ++i) {
    const OGRLinearRing* hole = polygon.getInteriorRing(i);
    if (hole != nullptr && !hole->IsEmpty()) append_ring(*hole, out);
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
