#include "app/layer_loader.h"

#include <chrono>
#include <exception>
#include <filesystem>

#include "core/io/boundary_reader.h"

namespace chipao::app {

namespace {

bool is_descriptor(const std::string& path) {
  return std::filesystem::path(path).extension() == ".json";
}

long long now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

LayerLoader::LayerLoader(std::function<void()> wake_ui,
                         std::function<void(LoadedLayer&)> after_load)
    : wake_ui_(std::move(wake_ui)),
      after_load_(std::move(after_load)),
      worker_([this](std::stop_token stop) { run(std::move(stop)); }) {}

LayerLoader::~LayerLoader() {
  // Set the core's cancel flag first so a long read stops at its next check; the jthread's
  // destructor then requests stop and joins.
  cancel_.store(true);
  worker_.request_stop();
}

void LayerLoader::enqueue(std::string path) {
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(std::move(path));
  }
  requests_changed_.notify_one();
}

std::vector<LoadOutcome> LayerLoader::take_outcomes() {
  std::lock_guard lock(mutex_);
  return std::exchange(outcomes_, {});
}

LoaderStatus LayerLoader::status() const {
  std::lock_guard lock(mutex_);
  LoaderStatus status;
  status.busy = running_ || !requests_.empty() || !outcomes_.empty();
  status.current = current_;
  status.fraction = running_ ? fraction_.load() : 0.0;
  status.queued = static_cast<int>(requests_.size());
  return status;
}

void LayerLoader::report_progress(double fraction) {
  fraction_.store(fraction);
  // The core may report thousands of times per second; waking the UI about 30 times a second
  // is enough for a smooth bar.
  const long long now = now_ns();
  long long last = last_wake_ns_.load();
  if (now - last > 33'000'000 && last_wake_ns_.compare_exchange_strong(last, now)) wake_ui_();
}

void LayerLoader::run(std::stop_token stop) {
  for (;;) {
    std::string request;
    {
      std::unique_lock lock(mutex_);
      requests_changed_.wait(lock, stop, [this] { return !requests_.empty(); });
      if (stop.stop_requested()) return;
      request = std::move(requests_.front());
      requests_.pop_front();
      running_ = true;
      current_ = std::filesystem::path(request).filename().string();
      fraction_.store(0);
    }
    wake_ui_();

    LoadOutcome outcome = load_one(request);

    {
      std::lock_guard lock(mutex_);
      outcomes_.push_back(std::move(outcome));
      running_ = false;
      current_.clear();
    }
    wake_ui_();
  }
}

LoadOutcome LayerLoader::load_one(const std::string& request) {
  const auto started = std::chrono::steady_clock::now();
  try {
    std::optional<LayerDescriptor> descriptor;
    std::string source = request;
    LoadOptions options;
    if (is_descriptor(request)) {
      auto read = read_layer_descriptor(request);
      if (!read) return LoadFailure{request, read.error().message};
      descriptor = std::move(*read);
      source = descriptor->source;
      options = descriptor->options;
    }
    options.progress.on_progress = [this](double fraction) { report_progress(fraction); };
    options.progress.cancel_flag = &cancel_;

    auto layer = load_boundaries(source, options);
    if (!layer) return LoadFailure{request, layer.error().message};

    LoadedLayer loaded;
    loaded.request = request;
    loaded.descriptor = std::move(descriptor);
    loaded.mesh = render::build_layer_mesh(layer->features);
    loaded.data = std::move(*layer);
    if (after_load_) after_load_(loaded);
    loaded.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return loaded;
  } catch (const std::exception& error) {
    // An exception is a bug in ChiPao, not in the user's file; say so instead of crashing.
    return LoadFailure{request, "internal error while loading " + request + ": " + error.what() +
                                    " (please report this)"};
  }
}

}  // namespace chipao::app
