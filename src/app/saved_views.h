// Saved views: a named map a planner returns to or presents (the extent as centre and zoom,
// the measure, classification method, classes, palette, labels, drill-down and a title), kept
// so they survive a restart.
//
// Where they are kept is a ViewsStorage: with a project (--project P) the project itself holds
// them, in the setting "saved_views", so a district team's views travel with the project file
// to the meeting room's PC; every change is one committed edit of the project, in its history,
// and undo brings the previous list back. Without a project they are the user's, in
// $XDG_CONFIG_HOME/chipao/views.json (~/.config/chipao/views.json without it). Both hold the
// same JSON text (views_to_json). In presentation mode Left/Right step through the views in
// their saved order.
//
// Units: centre in degrees (WGS 84 lon/lat), zoom in pixels per degree of latitude.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/thematic.h"
#include "core/plan/edit.h"
#include "core/util/result.h"

namespace chipao {
class Project;  // core/store/project.h
}

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

// The project setting that holds a project's saved views (views_to_json's text). A project
// written before views travelled with it has none: no views.
inline constexpr std::string_view kSavedViewsSetting = "saved_views";

// Where a list of saved views is kept; read and written whole.
class ViewsStorage {
 public:
  virtual ~ViewsStorage() = default;
  // Errors name the file (and the setting) and say what to do.
  virtual Result<std::vector<SavedView>> load() const = 0;
  // `change` says what changed, for the project's history: "save view 'Amphoe 1'".
  virtual Result<void> save(const std::vector<SavedView>& views, const std::string& change) = 0;
  // True when the list was changed elsewhere since this storage last read or wrote it (an
  // undo in the project); SavedViews::refresh() then reads it again.
  virtual bool changed_elsewhere() const { return false; }
  // Where the views are, for messages: the file, or "P (setting saved_views)".
  virtual std::string location() const = 0;
};

// The user's file (today's behaviour without a project). A missing file is an empty list;
// saving creates the folder and writes beside the file, then renames (never half a file).
class FileViewsStorage final : public ViewsStorage {
 public:
  explicit FileViewsStorage(std::filesystem::path path) : path_(std::move(path)) {}
  Result<std::vector<SavedView>> load() const override;
  Result<void> save(const std::vector<SavedView>& views, const std::string& change) override;
  std::string location() const override { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// A project's setting "saved_views", read from the project's state and written as one
// settings edit (make_set_setting) through `apply`, which commits it (Project::apply, or
// ProjectSession::apply so the app's history and tallies follow). An empty list clears the
// setting. `state` and `apply` must outlive the storage.
class ProjectViewsStorage final : public ViewsStorage {
 public:
  using ReadState = std::function<const PlanningState&()>;
  using ApplyEdit = std::function<Result<void>(Edit)>;
  ProjectViewsStorage(std::string project_path, ReadState state, ApplyEdit apply);
  // Over an open Project (the CLI, tests); the project must outlive the storage.
  static std::unique_ptr<ProjectViewsStorage> over(Project& project);

  Result<std::vector<SavedView>> load() const override;
  Result<void> save(const std::vector<SavedView>& views, const std::string& change) override;
  bool changed_elsewhere() const override;
  std::string location() const override;

 private:
  const std::string* stored_text() const;  // the setting's value; nullptr when unset

  std::string project_path_;
  ReadState state_;
  ApplyEdit apply_;
  mutable std::optional<std::string> seen_;  // the setting as last read or written (unset: none)
};

class SavedViews {
 public:
  // Reads the list from `storage`; an unreadable or malformed one is an error naming it.
  static Result<SavedViews> open(std::unique_ptr<ViewsStorage> storage);
  // The user's file (FileViewsStorage).
  static Result<SavedViews> load(const std::filesystem::path& path);

  const std::vector<SavedView>& views() const { return views_; }
  const ViewsStorage& storage() const { return *storage_; }

  // Each change is written at once; the list in memory changes only once the storage has it.
  // A view with the name of an existing one replaces it in place.
  Result<void> save_view(SavedView view);
  Result<void> rename(std::size_t index, const std::string& name);
  Result<void> remove(std::size_t index);

  // Reads the list again when it was changed elsewhere (an undo or redo in the project);
  // true when it did. The current view stays when it still exists.
  Result<bool> refresh();

  // Stepping (presentation): the view after / before the current one, wrapping around;
  // nullptr without views.
  const SavedView* step(int direction);
  std::optional<std::size_t> current() const { return current_; }

  // A name not used yet: "View 1", "View 2", ...
  std::string unused_name(const std::string& stem) const;

 private:
  Result<void> write(std::vector<SavedView> views, const std::string& change);

  std::unique_ptr<ViewsStorage> storage_;
  std::vector<SavedView> views_;
  std::optional<std::size_t> current_;
};

// JSON text of the views, and back (the file, the project setting, tests). Errors start with
// `origin` and end with `remedy` (what the planner can do about it).
std::string views_to_json(const std::vector<SavedView>& views);
Result<std::vector<SavedView>> views_from_json(const std::string& text, const std::string& origin,
                                               const std::string& remedy = "fix or delete it");

}  // namespace chipao::app
