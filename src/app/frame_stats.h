// Frame times as the user experiences them (from the start of a frame to after the buffer
// swap), for the panel and for the summary printed at exit.
#pragma once

#include <cstddef>

namespace chipao::app {

class FrameStats {
 public:
  void record(double milliseconds);
  std::size_t frames() const { return frames_; }
  double last_ms() const { return last_ms_; }
  double mean_ms() const { return frames_ == 0 ? 0.0 : total_ms_ / static_cast<double>(frames_); }
  double max_ms() const { return max_ms_; }

 private:
  std::size_t frames_ = 0;
  double last_ms_ = 0;
  double total_ms_ = 0;
  double max_ms_ = 0;
};

}  // namespace chipao::app
