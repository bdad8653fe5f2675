// Well-known binary (little-endian, 2D) for FeatureGeometry, the form SpatiaLite's
// GeomFromWKB() takes and AsBinary() gives back: polygons are written as MULTIPOLYGON,
// a single point as POINT, several points as MULTIPOINT. Coordinates pass unchanged, so a
// geometry reads back bit for bit.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/geo/geometry.h"
#include "core/util/result.h"

namespace chipao {

// Empty for an empty geometry (stored as NULL).
std::vector<std::uint8_t> geometry_to_wkb(const FeatureGeometry& geometry);
// Reads POINT, POLYGON, MULTIPOINT and MULTIPOLYGON (Z and M values dropped).
Result<FeatureGeometry> geometry_from_wkb(std::span<const std::uint8_t> wkb);
// "MULTIPOLYGON", "POINT" or "MULTIPOINT": the column type a set of features needs.
std::string wkb_column_type(const std::vector<const FeatureGeometry*>& geometries);

}  // namespace chipao
