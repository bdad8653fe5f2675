#include "core/util/closest_names.h"

#include <algorithm>
#include <set>

#include "core/util/utf8_text.h"

namespace chipao {

namespace {

// Levenshtein distance, one row at a time. Returns a value above `bound` as soon as every
// entry of a row exceeds it (the distance can only grow from there), so names that cannot
// make the list cost little.
std::size_t distance_up_to(const std::u32string& a, const std::u32string& b, std::size_t bound,
                           std::vector<std::size_t>& row) {
  row.resize(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t row_min = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t replace = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, replace});
      diagonal = above;
      row_min = std::min(row_min, row[j]);
    }
    if (row_min > bound) return bound + 1;
  }
  return row[b.size()];
}

std::size_t length_gap(const std::u32string& a, const std::u32string& b) {
  return a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
}

}  // namespace

std::size_t name_distance(std::string_view a, std::string_view b) {
  const std::u32string ca = utf8_code_points(a, kClosestNamesComparedCodePoints);
  const std::u32string cb = utf8_code_points(b, kClosestNamesComparedCodePoints);
  std::vector<std::size_t> row;
  return distance_up_to(ca, cb, std::max(ca.size(), cb.size()), row);
}

std::vector<std::string> closest_names(std::string_view wanted,
                                       const std::vector<std::string>& names, std::size_t at_most) {
  if (at_most == 0) return {};
  const std::u32string target = utf8_code_points(wanted, kClosestNamesComparedCodePoints);
  struct Pick {
    std::size_t distance;
    std::size_t index;
  };
  std::vector<Pick> best;  // sorted by (distance, index), at most `at_most`
  std::set<std::string_view> seen;
  std::vector<std::size_t> row;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!seen.insert(names[i]).second) continue;
    const std::u32string name = utf8_code_points(names[i], kClosestNamesComparedCodePoints);
    // A later name must be strictly nearer than the last pick to displace it (ties keep the
    // earlier name), so with a full list anything at the last pick's distance is skipped.
    const bool full = best.size() == at_most;
    const std::size_t bound = full ? best.back().distance - (best.back().distance > 0 ? 1 : 0)
                                   : std::max(target.size(), name.size());
    if (full && best.back().distance == 0) break;  // nothing can beat a list of exact matches
    if (length_gap(target, name) > bound) continue;
    const std::size_t d = distance_up_to(target, name, bound, row);
    if (d > bound) continue;
    const Pick pick{d, i};
    const auto at =
        std::upper_bound(best.begin(), best.end(), pick, [](const Pick& x, const Pick& y) {
          return x.distance != y.distance ? x.distance < y.distance : x.index < y.index;
        });
    best.insert(at, pick);
    if (best.size() > at_most) best.pop_back();
  }
  std::vector<std::string> out;
  out.reserve(best.size());
  for (const Pick& p : best) out.push_back(names[p.index]);
  return out;
}

}  // namespace chipao
