// Saved views: a named map a planner returns to or presents (the extent as centre and zoom,
// the measure, classification method, classes, palette, labels, drill-down and a title), kept
// in a JSON file so they survive a restart.
//
// The file is $XDG_CONFIG_HOME/chipao/views.json (~/.config/chipao/views.json without it).
// In presentation mode Left/Right step through the views in their saved order.
//
// Units: centre in degrees (WGS 84 lon/lat), zoom in pixels per degree of latitude.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/thematic.h"
#include "core/util/result.h"

namespace chipao::app {

struct SavedView {
  std::string name;
  std::string title;  // shown in presentation mode; empty: the measure's label
  double lon = 0, lat = 0, pixels_per_degree = 0;
  // Degrees shown in the part of the window no panel covers; a view is fitted to them again,
  // so it frames the same areas with presentation's panels as with the editing ones.
  // 0: unknown (the centre and zoom are used as they are).
  double span_lon = 0, span_lat = 0;
  std::string drill;  // the drilled-down area's code; empty: the whole province
  ThematicSettings settings;

  friend bool operator==(const SavedView&, const SavedView&) = default;
};

// The default file: $XDG_CONFIG_HOME/chipao/views.json, else $HOME/.config/chipao/views.json;
// nullopt when neither variable is set.
std::optional<std::filesystem::path> default_views_path();

class SavedViews {
 public:
  // A missing file is an empty list; an unreadable or malformed one is an error naming it.
  static Result<SavedViews> load(const std::filesystem::path& path);

  const std::vector<SavedView>& views() const { return views_; }
  const std::filesystem::path& path() const { return path_; }

  // Each change is written at once (the folder is created when missing).
  // A view with the name of an existing one replaces it in place.
  Result<void> save_view(SavedView view);
  Result<void> rename(std::size_t index, const std::string& name);
  Result<void> remove(std::size_t index);

  // Stepping (presentation): the view after / before the current one, wrapping around;
  // nullptr without views.
  const SavedView* step(int direction);
  std::optional<std::size_t> current() const { return current_; }

  // A name not used yet: "View 1", "View 2", ...
  std::string unused_name(const std::string& stem) const;

 private:
  Result<void> write() const;

  std::filesystem::path path_;
  std::vector<SavedView> views_;
  std::optional<std::size_t> current_;
};

// JSON text of the views, and back (for the file and for tests).
std::string views_to_json(const std::vector<SavedView>& views);
Result<std::vector<SavedView>> views_from_json(const std::string& text, const std::string& origin);

}  // namespace chipao::app
