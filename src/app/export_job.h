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

#include <functional>
#include <optional>
#include <string>

#include "app/background_job.h"

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
  explicit ExportJob(std::function<void()> wake_ui = {}) : job_(std::move(wake_ui)) {}
  ExportJob(const ExportJob&) = delete;
  ExportJob& operator=(const ExportJob&) = delete;

  bool running() const { return job_.running(); }
  // Each returns false (and starts nothing) while another job runs.
  bool start_export(const std::string& project_path, const ExportChoices& choices);
  bool start_preview(const std::string& project_path, const PlanExportOptions& options,
                     const SheetOptions& sheet);
  void cancel() { job_.cancel(); }
  bool cancelling() const { return job_.cancelling(); }
  double progress() const { return job_.progress(); }
  // The finished job's outcome, once; nullopt while it runs or when there is none.
  std::optional<ExportOutcome> take() { return job_.take(); }

 private:
  BackgroundJob<ExportOutcome> job_;  // joined (a running job asked to stop) when destroyed
};

}  // namespace chipao::app
