// Suggestions for a name that was not found ("no zone 'เขต 1'; did you mean ..."): the few
// names nearest to what was typed, so a message lists a handful instead of every zone.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace chipao {

// Names are compared on at most this many leading code points: a longer text is no typo of a
// name, and the bound keeps a hostile 100,000-character name from costing seconds.
inline constexpr std::size_t kClosestNamesComparedCodePoints = 256;

// The at most `at_most` names of `names` nearest to `wanted` by edit distance (Levenshtein:
// insert, delete or replace one code point of UTF-8 costs 1), nearest first. Equal distances
// keep the order of `names`: give them in id order and ties go to the lower id. A name listed
// more than once is returned once. Bytes that are not UTF-8 count as one code point each.
// Empty when `names` is empty or `at_most` is 0.
std::vector<std::string> closest_names(std::string_view wanted,
                                       const std::vector<std::string>& names,
                                       std::size_t at_most = 5);

// The edit distance closest_names uses, on the first kClosestNamesComparedCodePoints code
// points of each text.
std::size_t name_distance(std::string_view a, std::string_view b);

}  // namespace chipao
