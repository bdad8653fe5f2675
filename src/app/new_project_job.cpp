#include "app/new_project_job.h"

#include <utility>

namespace chipao::app {

NewProjectJob::NewProjectJob(std::function<void()> wake_ui) : wake_ui_(std::move(wake_ui)) {}

NewProjectJob::~NewProjectJob() {
  cancel();
  if (worker_.joinable()) worker_.join();
}

bool NewProjectJob::running() const {
  std::lock_guard lock(mutex_);
  return running_;
}

bool NewProjectJob::start(std::function<NewProjectOutcome(const Progress&)> work) {
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
    NewProjectOutcome outcome = work(progress);
    {
      std::lock_guard lock(mutex_);
      finished_ = std::move(outcome);
      running_ = false;
    }
    if (wake_ui_) wake_ui_();
  });
  return true;
}

bool NewProjectJob::start_load(const NewProjectChoices& choices) {
  // The preview joins without assignments: its suggestions are what the planner ticks.
  return start([sources = project_sources(choices), key = load_key(choices),
                this](const Progress& progress) {
    NewProjectOutcome outcome;
    outcome.key = key;
    auto contents = load_project_contents(sources, progress);
    outcome.cancelled = !contents && cancelling();
    if (contents)
      outcome.loaded = preview_of(*contents);
    else
      outcome.loaded = std::unexpected(contents.error());
    return outcome;
  });
}

bool NewProjectJob::start_create(const std::string& path, const ProjectSources& sources,
                                 bool force) {
  return start([path, sources, force, this](const Progress& progress) {
    NewProjectOutcome outcome;
    outcome.created = create_project(path, sources, force, progress);
    outcome.cancelled = !*outcome.created && cancelling();
    return outcome;
  });
}

std::optional<NewProjectOutcome> NewProjectJob::take() {
  std::lock_guard lock(mutex_);
  if (running_) return std::nullopt;
  return std::exchange(finished_, std::nullopt);
}

}  // namespace chipao::app
