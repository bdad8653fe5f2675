// The New project dialog's work off the UI thread: reading the boundary file and tables for
// the preview, or creating the project (core create_project), one at a time, so a frame never
// waits for GDAL, GEOS or SQLite. The UI thread starts a job, reads progress() each frame,
// may cancel(), and take()s the outcome once the worker has finished.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

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
  explicit NewProjectJob(std::function<void()> wake_ui = {});
  ~NewProjectJob();  // asks a running job to stop and waits for the worker
  NewProjectJob(const NewProjectJob&) = delete;
  NewProjectJob& operator=(const NewProjectJob&) = delete;

  bool running() const;
  // Each returns false (and starts nothing) while another job runs.
  bool start_load(const NewProjectChoices& choices);
  bool start_create(const std::string& path, const ProjectSources& sources, bool force);
  void cancel() { cancel_.store(true, std::memory_order_relaxed); }
  bool cancelling() const { return cancel_.load(std::memory_order_relaxed); }
  double progress() const { return progress_.load(std::memory_order_relaxed); }
  std::optional<NewProjectOutcome> take();

 private:
  bool start(std::function<NewProjectOutcome(const Progress&)> work);

  std::function<void()> wake_ui_;
  std::atomic<bool> cancel_{false};
  std::atomic<double> progress_{0};
  mutable std::mutex mutex_;
  bool running_ = false;
  std::optional<NewProjectOutcome> finished_;
  std::jthread worker_;  // last: joined before the members it uses go
};

}  // namespace chipao::app
