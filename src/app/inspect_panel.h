// Looking at one area: the tooltip under the mouse (name, code, value, "assigned from") and
// the selected area's window: its figures by dimension and by indicator as bar charts, and
// its villages (children by code prefix in the village layer), each one click to select.
#pragma once

#include <optional>
#include <string>

#include "app/map_controller.h"
#include "app/ui_text.h"

namespace chipao::app {

void draw_hover_tooltip(const MapController& controller, Language language);

struct InspectActions {
  std::optional<std::string> select_code;  // a village clicked in the list
  bool close = false;
  bool fit_selection = false;
};

InspectActions draw_inspect_panel(const MapController& controller, Language language,
                                  float ui_scale);

// "ชื่อไทย (English)" or the reverse, whichever names exist.
std::string area_name(const BoundaryFeature& feature, Language language);

}  // namespace chipao::app
