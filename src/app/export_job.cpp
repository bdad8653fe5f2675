#include "app/export_job.h"

#include <utility>

namespace chipao::app {

ExportJob::ExportJob(std::function<void()> wake_ui) : wake_ui_(std::move(wake_ui)) {}

ExportJob::~ExportJob() {
  cancel();
  if (worker_.joinable()) worker_.join();
}

bool ExportJob::running() const {
  std::lock_guard lock(mutex_);
  return running_;
}

bool ExportJob::start(std::function<ExportOutcome(const Progress&)> work) {
  {
    std::lock_guard lock(mutex_);
    if (running_) return false;
    running_ = true;
    finished_.reset();
  }
  // The previous worker has stored its outcome; joining it here takes no time.
  if (worker_.joinable()) worker_.join();
  cancel_.store(false, std::memory_order_relaxed);
  progress_.store(0, std::memory_order_relaxed);
  worker_ = std::jthread([this, work = std::move(work)] {
    Progress progress;
    progress.cancel_flag = &cancel_;
    progress.on_progress = [this](double f) { progress_.store(f, std::memory_order_relaxed); };
    ExportOutcome outcome = work(progress);
    {
      std::lock_guard lock(mutex_);
      finished_ = std::move(outcome);
      running_ = false;
    }
    if (wake_ui_) wake_ui_();
  });
  return true;
}

bool ExportJob::start_export(const std::string& project_path, const ExportChoices& choices) {
  return start([project_path, choices, this](const Progress& progress) {
    ExportOutcome outcome;
    outcome.folder = choices.folder;
    outcome.exported =
        export_project(project_path, choices.folder, plan_export_options(choices), progress);
    // A cancel that came too late to stop the export leaves it written, and says so.
    outcome.cancelled = !*outcome.exported && cancelling();
    return outcome;
  });
}

bool ExportJob::start_preview(const std::string& project_path, const PlanExportOptions& options,
                              const SheetOptions& sheet) {
  return start([project_path, options, sheet](const Progress&) {
    ExportOutcome outcome;
    outcome.preview = preview_project_sheet(project_path, options, sheet);
    return outcome;
  });
}

std::optional<ExportOutcome> ExportJob::take() {
  std::lock_guard lock(mutex_);
  if (running_) return std::nullopt;
  return std::exchange(finished_, std::nullopt);
}

}  // namespace chipao::app
