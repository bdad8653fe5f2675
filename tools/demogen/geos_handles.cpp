#include "geos_handles.h"

#include <cstdarg>
#include <cstdio>
#include <stdexcept>

namespace chipao::demogen {
namespace {

// GEOS reports errors through a printf-style callback; keep the last message for the exception.
thread_local std::string last_geos_error;

void remember_geos_error(const char* fmt, ...) {
  char buffer[512];
  va_list args;
  va_start(args, fmt);
  std::vsnprintf(buffer, sizeof buffer, fmt, args);
  va_end(args);
  last_geos_error = buffer;
}

void append_ring_vertices(GEOSContextHandle_t h, const GEOSGeometry* ring,
                          std::vector<Point>& out) {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
  unsigned int size = 0;
  GEOSCoordSeq_getSize_r(h, seq, &size);
  for (unsigned int i = 0; i < size; ++i) {
    Point p;
    GEOSCoordSeq_getXY_r(h, seq, i, &p.x, &p.y);
    out.push_back(p);
  }
}

void append_vertices(GEOSContextHandle_t h, const GEOSGeometry* g, std::vector<Point>& out) {
  switch (GEOSGeomTypeId_r(h, g)) {
    case GEOS_POINT: {
      Point p;
      GEOSGeomGetX_r(h, g, &p.x);
      GEOSGeomGetY_r(h, g, &p.y);
      out.push_back(p);
      break;
    }
    case GEOS_POLYGON: {
      append_ring_vertices(h, GEOSGetExteriorRing_r(h, g), out);
      const int holes = GEOSGetNumInteriorRings_r(h, g);
      for (int i = 0; i < holes; ++i) append_ring_vertices(h, GEOSGetInteriorRingN_r(h, g, i), out);
      break;
    }
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
      append_ring_vertices(h, g, out);
      break;
    default: {
      const int parts = GEOSGetNumGeometries_r(h, g);
      for (int i = 0; i < parts; ++i) append_vertices(h, GEOSGetGeometryN_r(h, g, i), out);
    }
  }
}

}  // namespace

GeosContext::GeosContext() : handle_(GEOS_init_r()) {
  GEOSContext_setErrorHandler_r(handle_, remember_geos_error);
}

GeosContext::~GeosContext() {
  GEOS_finish_r(handle_);
}

GeomPtr GeosContext::own(GEOSGeometry* g, const char* what) const {
  if (g == nullptr) {
    throw std::runtime_error(std::string("GEOS failed in ") + what + ": " + last_geos_error);
  }
  return GeomPtr(g, GeomDeleter{handle_});
}

GeomPtr GeosContext::polygon(const std::vector<Point>& ring) const {
  std::vector<double> xy;
  xy.reserve(2 * ring.size() + 2);
  for (const Point& p : ring) {
    xy.push_back(p.x);
    xy.push_back(p.y);
  }
  xy.push_back(ring.front().x);  // GEOS rings repeat the first point at the end
  xy.push_back(ring.front().y);
  GEOSCoordSequence* seq = GEOSCoordSeq_copyFromBuffer_r(
      handle_, xy.data(), static_cast<unsigned int>(ring.size() + 1), 0, 0);
  GEOSGeometry* shell = GEOSGeom_createLinearRing_r(handle_, seq);  // takes seq
  return own(GEOSGeom_createPolygon_r(handle_, shell, nullptr, 0), "createPolygon");
}

GeomPtr GeosContext::clone(const GEOSGeometry* g) const {
  return own(GEOSGeom_clone_r(handle_, g), "clone");
}

GeomPtr GeosContext::union_of(const std::vector<const GEOSGeometry*>& parts) const {
  std::vector<GEOSGeometry*> copies;
  copies.reserve(parts.size());
  for (const GEOSGeometry* part : parts) copies.push_back(clone(part).release());
  GeomPtr collection =
      own(GEOSGeom_createCollection_r(handle_, GEOS_GEOMETRYCOLLECTION, copies.data(),
                                      static_cast<unsigned int>(copies.size())),
          "createCollection");
  return own(GEOSUnaryUnion_r(handle_, collection.get()), "unaryUnion");
}

bool GeosContext::is_valid(const GEOSGeometry* g, std::string* reason) const {
  if (GEOSisValid_r(handle_, g) == 1) return true;
  if (reason != nullptr) {
    char* text = GEOSisValidReason_r(handle_, g);
    *reason = text != nullptr ? text : "unknown";
    GEOSFree_r(handle_, text);
  }
  return false;
}

double GeosContext::area(const GEOSGeometry* g) const {
  double a = 0.0;
  GEOSArea_r(handle_, g, &a);
  return a;
}

std::vector<Point> GeosContext::vertices(const GEOSGeometry* g) const {
  std::vector<Point> out;
  append_vertices(handle_, g, out);
  return out;
}

std::vector<unsigned char> GeosContext::to_wkb(const GEOSGeometry* g) const {
  GEOSWKBWriter* writer = GEOSWKBWriter_create_r(handle_);
  GEOSWKBWriter_setByteOrder_r(handle_, writer, GEOS_WKB_NDR);
  GEOSWKBWriter_setOutputDimension_r(handle_, writer, 2);
  std::size_t size = 0;
  unsigned char* bytes = GEOSWKBWriter_write_r(handle_, writer, g, &size);
  GEOSWKBWriter_destroy_r(handle_, writer);
  if (bytes == nullptr) throw std::runtime_error("GEOS failed to write WKB: " + last_geos_error);
  std::vector<unsigned char> out(bytes, bytes + size);
  GEOSFree_r(handle_, bytes);
  return out;
}

}  // namespace chipao::demogen
