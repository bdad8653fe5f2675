// RAII for the GEOS C API as the demo generator uses it.
//
// GeosContext owns one reentrant GEOS handle and turns GEOS errors into exceptions (a GEOS
// error here is a generator bug). GeomPtr frees a geometry with the context that made it.
#pragma once

#include <geos_c.h>

#include <memory>
#include <string>
#include <vector>

#include "planar.h"

namespace chipao::demogen {

class GeosContext;

struct GeomDeleter {
  GEOSContextHandle_t handle = nullptr;
  void operator()(GEOSGeometry* g) const {
    if (g != nullptr) GEOSGeom_destroy_r(handle, g);
  }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

class GeosContext {
 public:
  GeosContext();
  ~GeosContext();
  GeosContext(const GeosContext&) = delete;
  GeosContext& operator=(const GeosContext&) = delete;

  GEOSContextHandle_t handle() const { return handle_; }

  // Takes ownership of a geometry a GEOS call returned; throws when it is null (a GEOS error).
  GeomPtr own(GEOSGeometry* g, const char* what) const;

  // A polygon from one closed ring of points (the first point is not repeated in `ring`).
  GeomPtr polygon(const std::vector<Point>& ring) const;
  GeomPtr clone(const GEOSGeometry* g) const;
  // Unary union of copies of the given geometries.
  GeomPtr union_of(const std::vector<const GEOSGeometry*>& parts) const;

  bool is_valid(const GEOSGeometry* g, std::string* reason) const;
  double area(const GEOSGeometry* g) const;

  // Every vertex of every ring of a (multi)polygon, or of a point.
  std::vector<Point> vertices(const GEOSGeometry* g) const;

  // Well-known binary (2D, little endian) of a geometry, for handing it to GDAL.
  std::vector<unsigned char> to_wkb(const GEOSGeometry* g) const;

 private:
  GEOSContextHandle_t handle_ = nullptr;
};

}  // namespace chipao::demogen
