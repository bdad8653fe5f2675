// Progress and cancellation for long work (loads, joins, exports).
//
// The worker calls report(fraction) with 0..1 and polls cancelled(); the UI thread owns the
// callback and the flag. Both may be empty: a headless caller that does not care passes {}.
#pragma once

#include <atomic>
#include <functional>

namespace chipao {

struct Progress {
  std::function<void(double fraction)> on_progress;
  const std::atomic<bool>* cancel_flag = nullptr;

  void report(double fraction) const {
    if (on_progress) on_progress(fraction);
  }
  bool cancelled() const {
    return cancel_flag != nullptr && cancel_flag->load(std::memory_order_relaxed);
  }
};

}  // namespace chipao
