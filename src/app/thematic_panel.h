// The thematic map panel (right side): measure (grouped, Thai/English names), classification
// method, number of classes, palette and high contrast; below it the legend (measure, source
// and year, class ranges with counts, no data) and a histogram of the mapped values with the
// class breaks drawn on it.
//
// Reads the controller and changes it only through its commands.
#pragma once

#include "app/map_controller.h"
#include "app/presentation.h"
#include "app/ui_text.h"

namespace chipao::app {

struct ThematicPanelLayout {
  float ui_scale = 1.0f;
  // Presentation: the legend alone, as wide as its content needs (at most `max_width_px`),
  // no editing controls; `text_scale` is the presentation text scale on top of ui_scale.
  bool presentation = false;
  float text_scale = 1.0f;
  float max_width_px = 0.0f;  // 0: no limit
};

// The panel's width in pixels at this scale (the map keeps its content clear of it).
float thematic_panel_width(float ui_scale);

// Returns where the panel went (the map is fitted beside it in presentation mode).
ScreenRect draw_thematic_panel(MapController& controller, Language language,
                               const ThematicPanelLayout& layout);

// The histogram alone (also used in tests of the drawing code path).
void draw_histogram(const ThematicMap& map, float width, float height);

}  // namespace chipao::app
