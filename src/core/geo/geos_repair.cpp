#include "core/geo/geos_repair.h"

#include <geos_c.h>

#include <fmt/format.h>
#include <cstdarg>
#include <cstdio>
#include <vector>

namespace chipao {

namespace {

void ignore_geos_message(const char* /*format*/, ...) {}

struct GeomDeleter {
  GEOSContextHandle_t handle;
  void operator()(GEOSGeometry* g) const {
    if (g != nullptr) GEOSGeom_destroy_r(handle, g);
  }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

}  // namespace

struct GeosRepairer::State {
  GEOSContextHandle_t handle = GEOS_init_r();
  ~State() { GEOS_finish_r(handle); }

  GeomPtr own(GEOSGeometry* g) const { return GeomPtr(g, GeomDeleter{handle}); }

  GEOSGeometry* ring(std::span<const Vec2> pts) const {
    GEOSCoordSequence* seq =
        GEOSCoordSeq_copyFromBuffer_r(handle, &pts[0].x, static_cast<unsigned>(pts.size()), 0, 0);
    return seq == nullptr ? nullptr : GEOSGeom_createLinearRing_r(handle, seq);
  }

  GeomPtr to_geos(const FeatureGeometry& g) const {
    std::vector<GEOSGeometry*> polygons;
    for (std::size_t p = 0; p < g.polygon_count(); ++p) {
      const std::uint32_t first = g.polygon_first_ring(p);
      GEOSGeometry* shell = ring(g.ring(first));
      std::vector<GEOSGeometry*> holes;
      for (std::uint32_t r = first + 1; r < g.polygon_ends[p]; ++r) {
        if (GEOSGeometry* h = ring(g.ring(r))) holes.push_back(h);
      }
      if (shell == nullptr) {
        for (GEOSGeometry* h : holes) GEOSGeom_destroy_r(handle, h);
        continue;
      }
      polygons.push_back(GEOSGeom_createPolygon_r(handle, shell, holes.data(),
                                                  static_cast<unsigned>(holes.size())));
    }
    return own(GEOSGeom_createCollection_r(handle, GEOS_MULTIPOLYGON, polygons.data(),
                                           static_cast<unsigned>(polygons.size())));
  }

  void append_polygon(const GEOSGeometry* poly, FeatureGeometry& out) const {
    auto add_ring = [&](const GEOSGeometry* r) {
      const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(handle, r);
      unsigned n = 0;
      GEOSCoordSeq_getSize_r(handle, seq, &n);
      const std::size_t base = out.points.size();
      out.points.resize(base + n);
      GEOSCoordSeq_copyToBuffer_r(handle, seq, &out.points[base].x, 0, 0);
      out.ring_ends.push_back(static_cast<std::uint32_t>(out.points.size()));
    };
    add_ring(GEOSGetExteriorRing_r(handle, poly));
    const int holes = GEOSGetNumInteriorRings_r(handle, poly);
    for (int i = 0; i < holes; ++i) add_ring(GEOSGetInteriorRingN_r(handle, poly, i));
    out.polygon_ends.push_back(static_cast<std::uint32_t>(out.ring_ends.size()));
  }

  // Keeps only the polygonal parts of whatever GEOS returned.
  void collect_polygons(const GEOSGeometry* g, FeatureGeometry& out) const {
    const int type = GEOSGeomTypeId_r(handle, g);
    if (type == GEOS_POLYGON) {
      if (!GEOSisEmpty_r(handle, g)) append_polygon(g, out);
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
      const int n = GEOSGetNumGeometries_r(handle, g);
      for (int i = 0; i < n; ++i) collect_polygons(GEOSGetGeometryN_r(handle, g, i), out);
    }
  }
};

GeosRepairer::GeosRepairer() : state_(std::make_unique<State>()) {
  GEOSContext_setNoticeHandler_r(state_->handle, ignore_geos_message);
  GEOSContext_setErrorHandler_r(state_->handle, ignore_geos_message);
}
GeosRepairer::GeosRepairer(GeosRepairer&&) noexcept = default;
GeosRepairer& GeosRepairer::operator=(GeosRepairer&&) noexcept = default;
GeosRepairer::~GeosRepairer() = default;

GeosRepairer::Verdict GeosRepairer::check(const FeatureGeometry& geometry) const {
  GeomPtr g = state_->to_geos(geometry);
  if (!g) return {false, "GEOS could not build the geometry"};
  char* reason = nullptr;
  GEOSGeometry* location = nullptr;
  const char valid = GEOSisValidDetail_r(state_->handle, g.get(), 0, &reason, &location);
  Verdict v;
  v.valid = valid == 1;
  if (!v.valid) {
    v.reason = reason != nullptr ? reason : "invalid";
    if (location != nullptr) {
      double x = 0, y = 0;
      if (GEOSGeomGetX_r(state_->handle, location, &x) == 1 &&
          GEOSGeomGetY_r(state_->handle, location, &y) == 1) {
        v.reason += fmt::format(" at {:.6f} {:.6f}", x, y);
      }
    }
  }
  if (reason != nullptr) GEOSFree_r(state_->handle, reason);
  if (location != nullptr) GEOSGeom_destroy_r(state_->handle, location);
  return v;
}

std::optional<FeatureGeometry> GeosRepairer::repair(const FeatureGeometry& geometry) const {
  GeomPtr g = state_->to_geos(geometry);
  if (!g) return std::nullopt;
  GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(state_->handle);
  GEOSMakeValidParams_setMethod_r(state_->handle, params, GEOS_MAKE_VALID_STRUCTURE);
  GEOSMakeValidParams_setKeepCollapsed_r(state_->handle, params, 0);
  GeomPtr fixed = state_->own(GEOSMakeValidWithParams_r(state_->handle, g.get(), params));
  GEOSMakeValidParams_destroy_r(state_->handle, params);
  if (!fixed) return std::nullopt;
  FeatureGeometry out;
  out.kind = GeometryKind::polygon;
  state_->collect_polygons(fixed.get(), out);
  if (out.points.empty()) return std::nullopt;
  return out;
}

std::optional<Vec2> GeosRepairer::point_on_surface(const FeatureGeometry& geometry) const {
  GeomPtr g = state_->to_geos(geometry);
  if (!g) return std::nullopt;
  GeomPtr p = state_->own(GEOSPointOnSurface_r(state_->handle, g.get()));
  if (!p) return std::nullopt;
  Vec2 v;
  if (GEOSGeomGetX_r(state_->handle, p.get(), &v.x) != 1 ||
      GEOSGeomGetY_r(state_->handle, p.get(), &v.y) != 1) {
    return std::nullopt;
  }
  return v;
}

}  // namespace chipao
