// Breadcrumbs of the drill-down (province > amphoe > tambon) and an amphoe picker that filters
// as the planner types, in Thai or English or by code. Drawn at the top of the map.
#pragma once

#include <optional>
#include <string>

#include "app/map_controller.h"
#include "app/ui_text.h"

namespace chipao::app {

struct DrillActions {
  std::optional<std::string> drill_to;  // "" = the whole province
};

class DrillPanel {
 public:
  DrillActions draw(const MapController& controller, Language language, float ui_scale,
                    float left_px);

 private:
  char filter_[96] = "";
};

}  // namespace chipao::app
