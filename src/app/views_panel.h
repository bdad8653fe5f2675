// The saved views section (a collapsing header appended to the current ImGui window, the layer
// panel): save the current view under a name, go to, rename or delete a saved one. Reads the
// list; the app carries out what the returned actions ask.
#pragma once

#include <optional>
#include <string>

#include "app/saved_views.h"
#include "app/ui_text.h"

namespace chipao::app {

struct ViewsActions {
  std::optional<std::string> save;  // save the current view under this name
  std::optional<std::size_t> go_to;
  std::optional<std::pair<std::size_t, std::string>> rename;
  std::optional<std::size_t> remove;
};

class ViewsPanel {
 public:
  // `suggested_name` fills an empty name box. Precondition: inside ImGui::Begin/End.
  ViewsActions draw(const SavedViews& views, Language language, float ui_scale,
                    const std::string& suggested_name);

 private:
  char name_[128] = {};
  std::optional<std::size_t> renaming_;
  char rename_[128] = {};
};

}  // namespace chipao::app
