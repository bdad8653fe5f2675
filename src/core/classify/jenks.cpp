#include "core/classify/jenks.h"

#include <algorithm>
#include <limits>

namespace chipao {
namespace {

// Prefix sums of weight, weighted value and weighted square, about a shift near the mean so
// that the difference ss - s^2/w does not lose its digits to cancellation on large counts.
class WithinClassCost {
 public:
  WithinClassCost(std::span<const double> values, std::span<const double> weights) {
    const std::size_t n = values.size();
    double total_w = 0, total_wx = 0;
    for (std::size_t i = 0; i < n; ++i) {
      total_w += weights[i];
      total_wx += weights[i] * values[i];
    }
    const double shift = total_wx / total_w;
    w_.assign(n + 1, 0);
    s_.assign(n + 1, 0);
    ss_.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
      const double d = values[i] - shift;
      w_[i + 1] = w_[i] + weights[i];
      s_[i + 1] = s_[i] + weights[i] * d;
      ss_[i + 1] = ss_[i] + weights[i] * d * d;
    }
  }

  // Sum of squared deviations of values first..last (inclusive) from their weighted mean.
  double operator()(std::size_t first, std::size_t last) const {
    const double w = w_[last + 1] - w_[first];
    const double s = s_[last + 1] - s_[first];
    const double ss = ss_[last + 1] - ss_[first];
    return std::max(0.0, ss - s * s / w);
  }

 private:
  std::vector<double> w_, s_, ss_;
};

struct Layer {
  const WithinClassCost& cost;
  const std::vector<double>& previous;  // best cost of values 0..i in one class fewer
  std::vector<double>& current;
  std::vector<std::size_t>& first_of_last;  // where the last class starts, per i
  std::size_t min_first;                    // each earlier class needs a value

  // Fills current[i] for i in [lo, hi], knowing the best start lies in [opt_lo, opt_hi].
  void solve(std::size_t lo, std::size_t hi, std::size_t opt_lo, std::size_t opt_hi) {
    while (lo <= hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      double best = std::numeric_limits<double>::infinity();
      std::size_t best_j = std::max(opt_lo, min_first);
      for (std::size_t j = best_j; j <= std::min(mid, opt_hi); ++j) {
        const double c = previous[j - 1] + cost(j, mid);
        if (c < best) {
          best = c;
          best_j = j;
        }
      }
      current[mid] = best;
      first_of_last[mid] = best_j;
      // Left half recursively, right half by looping (keeps the stack shallow).
      if (mid > lo) solve(lo, mid - 1, opt_lo, best_j);
      lo = mid + 1;
      opt_lo = best_j;
    }
  }
};

}  // namespace

std::vector<std::size_t> fisher_jenks_class_ends(std::span<const double> values,
                                                 std::span<const double> weights, int classes) {
  const std::size_t n = values.size();
  const auto k = static_cast<std::size_t>(classes);
  const WithinClassCost cost(values, weights);

  // starts[c][i]: where the last of c+1 classes covering values 0..i begins.
  std::vector<std::vector<std::size_t>> starts(k, std::vector<std::size_t>(n, 0));
  std::vector<double> previous(n), current(n);
  for (std::size_t i = 0; i < n; ++i) previous[i] = cost(0, i);
  for (std::size_t c = 1; c < k; ++c) {
    // With c+1 classes over 0..i, i >= c; later classes still need k-1-c values after i.
    const std::size_t last_i = n - 1 - (k - 1 - c);
    std::fill(current.begin(), current.end(), std::numeric_limits<double>::infinity());
    Layer layer{cost, previous, current, starts[c], c};
    layer.solve(c, last_i, c, last_i);
    std::swap(previous, current);
  }

  std::vector<std::size_t> ends(k);
  std::size_t end = n - 1;
  for (std::size_t c = k; c-- > 0;) {
    ends[c] = end;
    if (c > 0) end = starts[c][end] - 1;
  }
  return ends;
}

}  // namespace chipao
