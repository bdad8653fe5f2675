// Polygons for tests stated as text. geometry_from_wkt() reads WKT through GDAL, the way
// boundary files are read; multipolygon_wkt() writes a geometry for an independent reference
// (GEOS) to read back with exactly the coordinates the code under test saw.
#pragma once

#include <functional>
#include <string>

#include "core/geo/geometry.h"

namespace chipao::test {

// Records a test failure (naming the text) and returns an empty geometry when `wkt` is invalid.
FeatureGeometry geometry_from_wkt(const std::string& wkt);

// MULTIPOLYGON WKT of a polygon geometry, each vertex passed through `map` when one is given
// (e.g. a projection to an equal-area plane), in shortest round-trip decimal form.
std::string multipolygon_wkt(const FeatureGeometry& g, const std::function<Vec2(Vec2)>& map = {});

}  // namespace chipao::test
