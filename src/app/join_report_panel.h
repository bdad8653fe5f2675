// The join report of the shown layer as readable text (issue 3 in the app): how many areas got
// figures, unmatched areas by name, unmatched rows by file and line, municipal areas rolled up
// to their amphoe with the tambons they probably cover, fixed codes, duplicates, and per
// measure input = joined + rolled up + unmatched with the program's balance check. A rolled-up
// municipal area can be assigned to its suggested tambons from here (the layer is re-joined).
#pragma once

#include <optional>

#include "app/map_controller.h"
#include "app/ui_text.h"

namespace chipao::app {

struct JoinReportActions {
  std::optional<MunicipalAssignment> assign;
};

JoinReportActions draw_join_report(const MapController& controller, Language language, bool* open);

}  // namespace chipao::app
