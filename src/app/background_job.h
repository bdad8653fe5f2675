// One piece of work at a time off the UI thread, with progress and cancel: the export
// dialog's exports and previews, the new-project dialog's loads and creates. The UI thread
// start()s a job, reads progress() each frame, may cancel(), and take()s the outcome once
// the worker has finished; a frame never waits for the work.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "core/util/progress.h"

namespace chipao::app {

template <class Outcome>
class BackgroundJob {
 public:
  // `wake_ui` is called from the worker when a job ends (glfwPostEmptyEvent); may be empty.
  explicit BackgroundJob(std::function<void()> wake_ui = {}) : wake_ui_(std::move(wake_ui)) {}
  // Asks a running job to stop and waits for the worker.
  ~BackgroundJob() {
    cancel();
    if (worker_.joinable()) worker_.join();
  }
  BackgroundJob(const BackgroundJob&) = delete;
  BackgroundJob& operator=(const BackgroundJob&) = delete;

  bool running() const {
    std::lock_guard lock(mutex_);
    return running_;
  }
  // Starts `work` on the worker; false (and nothing started) while another job runs.
  bool start(std::function<Outcome(const Progress&)> work) {
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
      Outcome outcome = work(progress);
      {
        std::lock_guard lock(mutex_);
        finished_ = std::move(outcome);
        running_ = false;
      }
      if (wake_ui_) wake_ui_();
    });
    return true;
  }
  void cancel() { cancel_.store(true, std::memory_order_relaxed); }
  bool cancelling() const { return cancel_.load(std::memory_order_relaxed); }
  double progress() const { return progress_.load(std::memory_order_relaxed); }
  // The finished job's outcome, once; nullopt while it runs or when there is none.
  std::optional<Outcome> take() {
    std::lock_guard lock(mutex_);
    if (running_) return std::nullopt;
    return std::exchange(finished_, std::nullopt);
  }

 private:
  std::function<void()> wake_ui_;
  std::atomic<bool> cancel_{false};
  std::atomic<double> progress_{0};
  mutable std::mutex mutex_;
  bool running_ = false;
  std::optional<Outcome> finished_;
  std::jthread worker_;  // last: joined before the members it uses go
};

}  // namespace chipao::app
