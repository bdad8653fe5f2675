// Test geometry written inline as WKT, turned into the BoundaryFeature the renderer draws
// (through the same OGR conversion the loader uses).
#pragma once

#include <string>
#include <vector>

#include "core/layer/boundary_layer.h"

namespace chipao::test {

// Fails the calling test (ADD_FAILURE) and returns an empty feature when the WKT is invalid.
BoundaryFeature feature_from_wkt(const std::string& wkt);
std::vector<BoundaryFeature> features_from_wkt(const std::vector<std::string>& wkts);

}  // namespace chipao::test
