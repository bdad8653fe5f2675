// Areas in square metres on the WGS 84 ellipsoid.
//
// Vertices are mapped to the ellipsoidal Lambert cylindrical equal-area projection, where the
// shoelace formula gives true area; for edges of boundary-file length the difference from a
// geodesic-edged polygon is far below a square metre per km of edge.
#pragma once

#include "core/geo/geometry.h"

namespace chipao {

// Area of all polygons of a geometry in m2 (holes subtracted); 0 for points.
double area_m2(const FeatureGeometry& geometry);

}  // namespace chipao
