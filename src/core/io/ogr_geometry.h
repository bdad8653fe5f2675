// Converting OGR geometries into ChiPao's flat FeatureGeometry (2D: Z and M are dropped).
#pragma once

#include "core/geo/geometry.h"

class OGRGeometry;

namespace chipao::gdal {

// Appends polygons (from Polygon, MultiPolygon, curved or collection geometries) or points
// (Point, MultiPoint) to `out`. Lines are ignored: a boundary layer has no use for them.
void append_ogr_geometry(const OGRGeometry& geometry, FeatureGeometry& out);

}  // namespace chipao::gdal
