// The attribute table of the areas in view (bottom of the window): code, Thai and English
// names, the mapped measure; sortable by any column, filtered by a search box that matches
// Thai or English names or codes. Selection is shared with the map both ways: a clicked row
// selects (and optionally zooms to) the area; an area clicked on the map scrolls its row into
// view.
#pragma once

#include <optional>
#include <string>

#include "app/map_controller.h"
#include "app/ui_text.h"

namespace chipao::app {

struct AttributeTableActions {
  std::optional<std::size_t> select;  // feature index in the active layer
  bool fit_selection = false;
};

class AttributeTable {
 public:
  AttributeTableActions draw(const MapController& controller, Language language, float ui_scale,
                             float left_px, float right_px);
  bool zoom_on_select() const { return zoom_on_select_; }

 private:
  char search_[128] = "";
  bool zoom_on_select_ = true;
  int seen_revision_ = -1;
};

// Whether a feature matches the search text: a substring of its code, Thai name or English
// name (English case-insensitively). Empty text matches everything.
bool feature_matches(const BoundaryFeature& feature, const std::string& search);

}  // namespace chipao::app
