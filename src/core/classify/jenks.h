// Fisher-Jenks natural breaks: the partition of sorted values into contiguous classes with the
// least total within-class sum of squared deviations from the class means (Fisher 1958).
//
// Works on distinct values with weights (how many areas share each value), so that equal
// values never straddle a break. Exact: dynamic programming over classes, each layer solved by
// divide and conquer over the split point, which is valid because the within-class cost of
// contiguous 1-D classes satisfies the quadrangle inequality (the best split point never moves
// left as the range end moves right). O(k n log n) instead of the textbook O(k n^2).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace chipao {

// Preconditions: values strictly ascending and finite, weights positive, same length n, and
// 1 <= classes <= n. Returns, for each class, the index of its last value (the last one is
// n-1).
std::vector<std::size_t> fisher_jenks_class_ends(std::span<const double> values,
                                                 std::span<const double> weights, int classes);

}  // namespace chipao
