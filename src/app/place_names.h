// Names for places known only by code: a drill-down to an amphoe when only tambons are
// loaded, the province a map shows, a breadcrumb. From the map's own layer at that level when
// it has the place, else from the built-in gazetteer (core/admin/gazetteer.h), else the code
// itself — "เมืองยโสธร", not "3501".
#pragma once

#include <string>
#include <vector>

#include "app/map_controller.h"
#include "app/ui_text.h"
#include "core/layer/boundary_layer.h"

namespace chipao::app {

// `in_layer`: the place's feature in a loaded layer of its level, or null.
std::string place_name(const BoundaryFeature* in_layer, const std::string& code, Language language);
// The same, looking the place up in the controller's layers.
std::string place_name(const MapController& controller, const std::string& code, Language language);

// The amphoe (4-digit codes) that a tambon or village layer's codes fall in, sorted: the
// amphoe picker's list when no amphoe layer is loaded.
std::vector<std::string> amphoe_codes_of(const BoundaryLayer& layer);

// The province (2 digits) every feature of the layer lies in, or "" when they differ.
std::string single_province_of(const BoundaryLayer& layer);

}  // namespace chipao::app
