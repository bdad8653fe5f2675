#include "region_growing.h"

#include <algorithm>
#include <limits>
#include <queue>
#include <utility>

#include "value_noise.h"

namespace chipao::demogen {
namespace {

std::size_t at(int i) {
  return static_cast<std::size_t>(i);
}

int nearest_candidate(const std::vector<Point>& positions, const std::vector<int>& candidates,
                      Point target) {
  int best = candidates.front();
  double best_d = squared_distance(positions[at(best)], target);
  for (const int c : candidates) {
    const double d = squared_distance(positions[at(c)], target);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

}  // namespace

std::vector<int> spread_centres(const std::vector<Point>& positions,
                                const std::vector<int>& candidates, int count, Point start) {
  std::vector<int> centres{nearest_candidate(positions, candidates, start)};
  std::vector<double> nearest(candidates.size(), std::numeric_limits<double>::max());
  while (static_cast<int>(centres.size()) < count) {
    const Point last = positions[at(centres.back())];
    std::size_t far_index = 0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      nearest[i] = std::min(nearest[i], squared_distance(positions[at(candidates[i])], last));
      if (nearest[i] > nearest[far_index]) far_index = i;
    }
    centres.push_back(candidates[far_index]);
  }
  // Farthest-point sampling favours the rim; Lloyd steps pull the centres to their territories.
  constexpr int kLloydSteps = 4;
  for (int step = 0; step < kLloydSteps; ++step) {
    std::vector<Point> sum(centres.size());
    std::vector<int> n(centres.size(), 0);
    for (const int c : candidates) {
      std::size_t best = 0;
      for (std::size_t k = 1; k < centres.size(); ++k) {
        if (squared_distance(positions[at(c)], positions[at(centres[k])]) <
            squared_distance(positions[at(c)], positions[at(centres[best])])) {
          best = k;
        }
      }
      sum[best] = sum[best] + positions[at(c)];
      ++n[best];
    }
    std::vector<int> moved = centres;
    for (std::size_t k = 0; k < moved.size(); ++k) {
      if (n[k] == 0) continue;
      const Point mean = sum[k] * (1.0 / n[k]);
      moved[k] = nearest_candidate(positions, candidates, mean);
    }
    std::vector<int> sorted = moved;
    std::sort(sorted.begin(), sorted.end());
    // Two centres converging on one node would lose a region: keep the previous spread then.
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) break;
    centres = std::move(moved);
  }
  return centres;
}

std::vector<int> grow_regions(const Adjacency& adjacency, const std::vector<Point>& positions,
                              const std::vector<bool>& members, const std::vector<int>& centres,
                              double noise_cell_deg, std::uint64_t noise_seed) {
  const std::size_t n = adjacency.size();
  std::vector<double> best(n, std::numeric_limits<double>::max());
  std::vector<int> region(n, -1);
  std::vector<bool> settled(n, false);
  // (distance, node) pairs; ties resolve by node id so the result never depends on heap order.
  using Entry = std::pair<double, int>;  // distance, node
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
  for (std::size_t r = 0; r < centres.size(); ++r) {
    best[at(centres[r])] = 0.0;
    region[at(centres[r])] = static_cast<int>(r);
    queue.emplace(0.0, centres[r]);
  }
  while (!queue.empty()) {
    const auto [d, node] = queue.top();
    queue.pop();
    if (settled[at(node)]) continue;
    settled[at(node)] = true;
    // The node's final region: the smallest region index among its equally short paths.
    const int r = region[at(node)];
    for (const int next : adjacency[at(node)]) {
      if (!members[at(next)] || settled[at(next)]) continue;
      const Point a = positions[at(node)];
      const Point b = positions[at(next)];
      const Point middle = (a + b) * 0.5;
      // Noise in [0.4, 1.6] stretches some edges so borders follow "terrain", not straight
      // bisectors; it depends only on the edge's midpoint, so it is symmetric.
      const double stretch = 1.0 + 0.6 * value_noise_at(middle, noise_cell_deg, noise_seed);
      const double candidate = d + distance(a, b) * stretch;
      if (candidate < best[at(next)] || (candidate == best[at(next)] && r < region[at(next)])) {
        best[at(next)] = candidate;
        region[at(next)] = r;
        queue.emplace(candidate, next);
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!members[i]) region[i] = -1;
  }
  return region;
}

std::vector<bool> largest_component(const Adjacency& adjacency, const std::vector<bool>& members) {
  const std::size_t n = adjacency.size();
  std::vector<int> component(n, -1);
  std::vector<int> sizes;
  for (std::size_t start = 0; start < n; ++start) {
    if (!members[start] || component[start] >= 0) continue;
    const int id = static_cast<int>(sizes.size());
    sizes.push_back(0);
    std::vector<int> stack{static_cast<int>(start)};
    component[start] = id;
    while (!stack.empty()) {
      const int node = stack.back();
      stack.pop_back();
      ++sizes.back();
      for (const int next : adjacency[at(node)]) {
        if (members[at(next)] && component[at(next)] < 0) {
          component[at(next)] = id;
          stack.push_back(next);
        }
      }
    }
  }
  std::vector<bool> out(n, false);
  if (sizes.empty()) return out;
  const int largest =
      static_cast<int>(std::max_element(sizes.begin(), sizes.end()) - sizes.begin());
  for (std::size_t i = 0; i < n; ++i) out[i] = component[i] == largest;
  return out;
}

void fill_enclosed(const Adjacency& adjacency, const std::vector<bool>& outside,
                   std::vector<bool>& members) {
  const std::size_t n = adjacency.size();
  std::vector<bool> reached(n, false);
  std::vector<int> stack;
  for (std::size_t i = 0; i < n; ++i) {
    if (outside[i] && !members[i]) {
      reached[i] = true;
      stack.push_back(static_cast<int>(i));
    }
  }
  while (!stack.empty()) {
    const int node = stack.back();
    stack.pop_back();
    for (const int next : adjacency[at(node)]) {
      if (!members[at(next)] && !reached[at(next)]) {
        reached[at(next)] = true;
        stack.push_back(next);
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!members[i] && !reached[i]) members[i] = true;
  }
}

}  // namespace chipao::demogen
