// The New project dialog's work off the UI thread: reading the boundary file and tables for
// the preview, or creating the project (core create_project), one at a time, so a frame never
// waits for GDAL, GEOS or SQLite. The UI thread starts a job, reads progress() each frame,
// may cancel(), and take()s the outcome once the worker has finished.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "app/background_job.h"

#include "app/new_project_model.h"

namespace chipao::app {

struct NewProjectOutcome {
  std::string key;                                // load_key() of a load
  std::optional<Result<LoadedPreview>> loaded;    // a load job
  std::optional<Result<CreatedProject>> created;  // a create job
  bool cancelled = false;
};

class NewProjectJob {
 public:
  // `wake_ui` is called from the worker when a job ends (glfwPostEmptyEvent); may be empty.
  explicit NewProjectJob(std::function<void()> wake_ui = {}) : job_(std::move(wake_ui)) {}
  NewProjectJob(const NewProjectJob&) = delete;
  NewProjectJob& operator=(const NewProjectJob&) = delete;

  bool running() const { return job_.running(); }
  // Each returns false (and starts nothing) while another job runs.
  bool start_load(const NewProjectChoices& choices);
  bool start_create(const std::string& path, const ProjectSources& sources, bool force);
  void cancel() { job_.cancel(); }
  bool cancelling() const { return job_.cancelling(); }
  double progress() const { return job_.progress(); }
  std::optional<NewProjectOutcome> take() { return job_.take(); }

 private:
  BackgroundJob<NewProjectOutcome> job_;  // joined (a running job asked to stop) when destroyed
};

}  // namespace chipao::app
