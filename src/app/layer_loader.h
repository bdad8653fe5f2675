// Loads layers on one worker thread, so the window keeps drawing while files are read.
//
// The UI thread enqueues requests and, once per frame, takes finished outcomes from one queue.
// The worker also builds each layer's render mesh (CPU only), leaving the UI thread just the
// GPU upload. `wake_ui` is called from the worker when progress moves or a load ends, so a UI
// that sleeps in glfwWaitEvents() wakes up (glfwPostEmptyEvent is safe from any thread).
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "app/layer_figures.h"
#include "core/layer/boundary_layer.h"
#include "core/layer/layer_descriptor.h"
#include "render/layer_mesh.h"

namespace chipao::app {

struct LoadedLayer {
  std::string request;  // the path the user gave (descriptor or data file)
  std::optional<LayerDescriptor> descriptor;
  BoundaryLayer data;
  render::LayerMesh mesh;
  LayerFigures figures;            // filled by the after-load step (tables joined on the worker)
  std::vector<Vec2> label_points;  // per feature; filled by the after-load step, or lazily
  double seconds = 0;
};

struct LoadFailure {
  std::string request;
  std::string message;  // the core's one-line message
};

using LoadOutcome = std::variant<LoadedLayer, LoadFailure>;

struct LoaderStatus {
  bool busy = false;    // a load is running or queued, or outcomes wait to be taken
  std::string current;  // file name of the running load
  double fraction = 0;  // 0..1 of the running load
  int queued = 0;       // requests not started yet
};

class LayerLoader {
 public:
  // `after_load` runs on the worker for each loaded layer (joins its tables); may be empty.
  explicit LayerLoader(std::function<void()> wake_ui,
                       std::function<void(LoadedLayer&)> after_load = {});
  ~LayerLoader();  // cancels the running load and joins the worker
  LayerLoader(const LayerLoader&) = delete;
  LayerLoader& operator=(const LayerLoader&) = delete;

  void enqueue(std::string path);
  std::vector<LoadOutcome> take_outcomes();
  LoaderStatus status() const;

 private:
  void run(std::stop_token stop);
  LoadOutcome load_one(const std::string& request);
  void report_progress(double fraction);

  std::function<void()> wake_ui_;
  std::function<void(LoadedLayer&)> after_load_;
  mutable std::mutex mutex_;
  std::condition_variable_any requests_changed_;
  std::deque<std::string> requests_;
  std::vector<LoadOutcome> outcomes_;
  std::string current_;
  bool running_ = false;
  std::atomic<double> fraction_{0};
  std::atomic<long long> last_wake_ns_{0};
  std::atomic<bool> cancel_{false};
  std::jthread worker_;  // last: it must stop before the members it uses are destroyed
};

}  // namespace chipao::app
