// Where a polygon's label goes: a point well inside its largest part.
//
// The centroid is not enough: it falls outside U shapes, crescents and rings with large holes.
// label_point searches for a pole of inaccessibility instead (the interior point farthest from
// every edge, holes included) with a best-first subdivision of the bounding box, and stops
// when no cell left can beat the best point found by more than `precision_degrees`.
//
// Units: degrees, as FeatureGeometry stores them (WGS 84 lon/lat). Distances are measured with
// longitude scaled by cos(latitude) so "far from the edge" means the same on the ground in
// both directions; precision_degrees is therefore in degrees of latitude (0.001 is ~110 m).
// Precondition: rings closed, as FeatureGeometry promises. Points: the first point.
// Empty geometry: Vec2{0, 0}.
#pragma once

#include "core/geo/geometry.h"

namespace chipao {

Vec2 label_point(const FeatureGeometry& geometry, double precision_degrees);

// The signed distance (degrees of latitude, longitude scaled as above) from `p` to the edge of
// polygon `polygon` of `geometry`: positive inside (outside every hole), negative outside.
// Exposed for tests and for callers that want to know how much room a label has.
double signed_distance_to_polygon(const FeatureGeometry& geometry, std::size_t polygon, Vec2 p);

}  // namespace chipao
