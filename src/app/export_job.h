// The export dialog's work off the UI thread: one export (core/plan/export_project.h) or one
// plan sheet preview at a time on a worker thread, so a frame never waits for a tally, a
// GeoPackage or cairo. The UI thread starts a job, reads progress() each frame, may cancel(),
// and take()s the outcome once the worker has finished.
//
// The worker opens the project file itself (export_project() does), so it shares nothing with
// the app's ProjectSession. Cancelling an export stops it at the next step core checks
// (export_plan()); nothing is moved into place, so the folder is as it was. A preview is not
// stopped part way: its image is dropped when it arrives.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "app/export_choices.h"
#include "core/plan/export_project.h"
#include "core/util/result.h"

namespace chipao::app {

struct ExportOutcome {
  bool cancelled = false;  // the export was asked to stop before it was written
  std::optional<Result<ProjectExport>> exported;  // an export job
  std::optional<Result<SheetImage>> preview;      // a preview job
  std::string folder;                             // an export's folder
};

class ExportJob {
 public:
  // `wake_ui` is called from the worker when a job ends (glfwPostEmptyEvent); may be empty.
  explicit ExportJob(std::function<void()> wake_ui = {});
  ~ExportJob();  // asks a running export to stop and waits for the worker
  ExportJob(const ExportJob&) = delete;
  ExportJob& operator=(const ExportJob&) = delete;

  bool running() const;
  // Each returns false (and starts nothing) while another job runs.
  bool start_export(const std::string& project_path, const ExportChoices& choices);
  bool start_preview(const std::string& project_path, const PlanExportOptions& options,
                     const SheetOptions& sheet);
  void cancel() { cancel_.store(true, std::memory_order_relaxed); }
  bool cancelling() const { return cancel_.load(std::memory_order_relaxed); }
  double progress() const { return progress_.load(std::memory_order_relaxed); }
  // The finished job's outcome, once; nullopt while it runs or when there is none.
  std::optional<ExportOutcome> take();

 private:
  bool start(std::function<ExportOutcome(const Progress&)> work);

  std::function<void()> wake_ui_;
  std::atomic<bool> cancel_{false};
  std::atomic<double> progress_{0};
  mutable std::mutex mutex_;
  bool running_ = false;
  std::optional<ExportOutcome> finished_;
  std::jthread worker_;  // last: joined before the members it uses go
};

}  // namespace chipao::app
