// The app's New project dialog (issue 11): a project made from the window instead of
// `chipao-cli project new`, through the same core operation (core/store/project_create.h).
//
// The planner picks the boundary file (typed, or Browse…), adds tables (files, or a folder of
// them), sees what the reader understood of the boundary file — loaded on a worker with a
// progress bar — and may override its level, code field, encoding and CRS there (the file is
// read again on each change). The join's summary follows, with each municipal pseudo-tambon's
// suggested tambons and a tick to assign it. The project path defaults to <stem>.chipao beside
// the boundary file. Create runs create_project() on the worker; on success draw() returns the
// new path once, for the app to open.
//
// Precondition: draw() inside an ImGui frame on the UI thread.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "app/file_browser.h"
#include "app/new_project_job.h"
#include "app/new_project_model.h"

namespace chipao::app {

class NewProjectDialog {
 public:
  // `wake_ui` is called from the worker when a load or a create ends (glfwPostEmptyEvent).
  explicit NewProjectDialog(std::function<void()> wake_ui = {}) : job_(std::move(wake_ui)) {}

  // Opens the dialog afresh; `boundary_hint` (a dropped boundary file) fills the boundary.
  void open(std::string boundary_hint = {});
  bool is_open() const { return open_; }
  // Every frame while open; never waits for the worker. Returns the created project's path
  // once, when Create has succeeded (the dialog then closes).
  std::optional<std::string> draw(Language language, float scale);
  // A worker runs: keep frames coming so the progress bar moves.
  bool busy() const { return job_.running(); }

  // The choices as they stand; for tests and scripts (preset before the next draw()).
  NewProjectChoices& choices() { return choices_; }

  // Create, synchronously, for scripts and tests: the same create_project() the worker runs.
  // Ticked assignments (choices.assigned) are taken from a join made here first. Returns the
  // created project's path, or why not (the first of create_problems(), or core's line).
  static Result<std::string> create_now(const NewProjectChoices& choices,
                                        Language language = Language::english);

 private:
  enum class Browsing { none, boundary, tables };
  void take_outcome();
  void draw_inputs(Language language, float scale);
  void draw_overrides(Language language);
  void draw_preview(Language language);
  std::optional<std::string> draw_create(Language language, float scale);
  void sync_buffers();

  bool open_ = false;
  NewProjectChoices choices_;
  NewProjectJob job_;
  FileBrowser browser_{"new_project_browser"};
  Browsing browsing_ = Browsing::none;
  char boundary_[4096] = {};
  char code_fields_[256] = {};
  char crs_[128] = {};
  char project_[4096] = {};
  std::string message_;      // what the last add did, or why it did nothing
  std::string loading_key_;  // what the running load reads
  std::string loaded_key_;   // what preview_ shows
  std::optional<Result<LoadedPreview>> preview_;
  bool creating_ = false;
  bool create_cancelled_ = false;
  std::string create_error_;
  std::optional<std::string> created_path_;  // returned once by draw()
};

}  // namespace chipao::app
