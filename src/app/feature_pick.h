// Which feature of a layer lies under a point (the mouse, in WGS 84 degrees), and which
// features are the children of an area by code prefix (the villages of a tambon).
//
// Pure CPU over the layer's flat geometry: a bounding-box test, then an even-odd ring test
// over every ring of the feature (holes included, so a point in a hole is outside).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/layer/boundary_layer.h"

namespace chipao::app {

// The index of the polygon feature containing `lon_lat`; the last one in layer order when
// features overlap. `eligible`, when given, limits the search (features hidden by drill-down).
std::optional<std::size_t> pick_feature(const BoundaryLayer& layer, Vec2 lon_lat,
                                        const std::vector<bool>* eligible = nullptr);

bool feature_contains(const BoundaryFeature& feature, Vec2 lon_lat);

// Indices of the features whose code starts with `parent_code` (and is longer), in layer
// order. An empty parent matches every feature with a code.
std::vector<std::size_t> children_by_code(const BoundaryLayer& layer,
                                          const std::string& parent_code);

// The index of the feature with this exact code.
std::optional<std::size_t> find_by_code(const BoundaryLayer& layer, const std::string& code);

}  // namespace chipao::app
