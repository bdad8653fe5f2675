#include "app/frame_stats.h"

#include <algorithm>

namespace chipao::app {

void FrameStats::record(double milliseconds) {
  ++frames_;
  last_ms_ = milliseconds;
  total_ms_ += milliseconds;
  max_ms_ = std::max(max_ms_, milliseconds);
}

}  // namespace chipao::app
