// Names suggested for a zone that was not found (core/util/closest_names.h): at most five,
// nearest by edit distance over code points (so one Thai letter is one edit, not three), ties
// in the order given, each name once; checked against a plain reference implementation on
// random names.
#include "core/util/closest_names.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "core/util/utf8_text.h"

namespace chipao {
namespace {

// Full-matrix Levenshtein over code points, written plainly as the reference.
std::size_t reference_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j)
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0u : 1u)});
  return d[a.size()][b.size()];
}

TEST(ClosestNames, ThaiLettersAreOneEditEach) {
  EXPECT_EQ(name_distance("เขต 1", "เขต 2"), 1u);
  EXPECT_EQ(name_distance("เขต", "เขตก"), 1u);
  EXPECT_EQ(name_distance("", "ตำบล"), 4u);
  EXPECT_EQ(name_distance("abc", "abc"), 0u);
  EXPECT_EQ(name_distance("\xFF", "\xFE"), 1u) << "a bad byte is one unit";
  EXPECT_EQ(name_distance("\xFF", "\xFF"), 0u);
}

TEST(ClosestNames, AtMostFiveNearestFirstTiesInTheOrderGiven) {
  const std::vector<std::string> names = {"เขต 10",     "เขตพัฒนา", "เขต 2", "เขต 3", "เขต 1",
                                          "ตำบลนาเจริญ", "เขต 4",   "เขต 5", "เขต 6"};
  const auto picked = closest_names("เขต 7", names);
  // "เขต 2".."เขต 6" are all one edit away; "เขต 10" is two; ties keep the order given.
  EXPECT_EQ(picked, (std::vector<std::string>{"เขต 2", "เขต 3", "เขต 1", "เขต 4", "เขต 5"}));
  EXPECT_EQ(closest_names("เขต 1", names, 1), std::vector<std::string>{"เขต 1"});
  EXPECT_EQ(closest_names("x", names, 0), std::vector<std::string>{});
  EXPECT_EQ(closest_names("x", {}), std::vector<std::string>{});
  EXPECT_EQ(closest_names("a", {"b", "b", "c"}), (std::vector<std::string>{"b", "c"}))
      << "a name listed twice is suggested once";
  EXPECT_EQ(closest_names("a", {"b", "c"}, 5).size(), 2u);
}

TEST(ClosestNames, AgreesWithAReferenceOnRandomNames) {
  std::mt19937 rng(20240610);
  const std::vector<std::string> alphabet = {"a", "b", "c", "ก", "ข", "ค", " ", "1", "\xFF"};
  auto random_name = [&] {
    std::string s;
    const int n = static_cast<int>(rng() % 7);
    for (int i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
    return s;
  };
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> names;
    const int count = static_cast<int>(rng() % 20);
    for (int i = 0; i < count; ++i) names.push_back(random_name());
    const std::string wanted = random_name();
    const std::size_t at_most = rng() % 7;
    // Reference: distinct names, sorted by (distance, first position), the first at_most.
    std::vector<std::pair<std::size_t, std::size_t>> ranked;
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i), names[i]) !=
          names.begin() + static_cast<std::ptrdiff_t>(i))
        continue;
      ranked.emplace_back(reference_distance(utf8_code_points(wanted), utf8_code_points(names[i])),
                          i);
    }
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string> expected;
    for (std::size_t k = 0; k < ranked.size() && k < at_most; ++k)
      expected.push_back(names[ranked[k].second]);
    ASSERT_EQ(closest_names(wanted, names, at_most), expected) << "round " << round;
  }
}

TEST(ClosestNames, HugeNamesStayCheap) {
  // 300 zones with 100,000-character names, and a 100,000-character request: names are
  // compared on their first kClosestNamesComparedCodePoints code points only.
  std::vector<std::string> names;
  for (int i = 0; i < 300; ++i)
    names.push_back(std::string(99'990, static_cast<char>('a' + i % 26)) + std::to_string(i));
  const std::string wanted(100'000, 'c');
  const auto start = std::chrono::steady_clock::now();
  const auto picked = closest_names(wanted, names);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(picked.size(), 5u);
  EXPECT_EQ(picked[0], names[2]) << "the first of the names starting with 256 c's";
  EXPECT_LT(seconds, 10.0) << "bounded work, even under sanitizers";
}

}  // namespace
}  // namespace chipao
