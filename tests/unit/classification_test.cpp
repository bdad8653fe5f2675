#include "core/classify/classification.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

#include "core/classify/jenks.h"

namespace chipao {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Classification ok(std::span<const double> values, ClassMethod method, int classes,
                  std::span<const double> manual = {}) {
  auto c = classify(values, method, classes, manual);
  EXPECT_TRUE(c.has_value()) << (c ? "" : c.error().message);
  return c ? *c : Classification{};
}

std::size_t total(const Classification& c) {
  return std::accumulate(c.counts.begin(), c.counts.end(), std::size_t{0});
}

// Within-class sum of squared deviations of the classification the breaks define, computed
// from the values themselves (independently of the Jenks code).
double within_class_ssd(std::span<const double> values, const Classification& c) {
  std::vector<std::vector<double>> members(static_cast<std::size_t>(c.classes()));
  for (const double v : values) {
    if (!std::isnan(v)) members[static_cast<std::size_t>(c.class_of(v))].push_back(v);
  }
  double ssd = 0;
  for (const auto& m : members) {
    if (m.empty()) continue;
    const double mean = std::accumulate(m.begin(), m.end(), 0.0) / static_cast<double>(m.size());
    for (const double v : m) ssd += (v - mean) * (v - mean);
  }
  return ssd;
}

double ssd_of(std::span<const double> group) {
  if (group.empty()) return 0;
  const double mean =
      std::accumulate(group.begin(), group.end(), 0.0) / static_cast<double>(group.size());
  double s = 0;
  for (const double v : group) s += (v - mean) * (v - mean);
  return s;
}

// Every way to cut the distinct sorted values into k contiguous non-empty classes.
double brute_force_best_ssd(std::vector<double> values, int k) {
  std::sort(values.begin(), values.end());
  std::vector<double> distinct = values;
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  const std::size_t d = distinct.size();
  double best = std::numeric_limits<double>::infinity();
  // Bit j of mask set: a class ends after distinct value j.
  for (unsigned mask = 0; mask < (1u << (d - 1)); ++mask) {
    if (std::popcount(mask) != k - 1) continue;
    std::vector<std::vector<double>> groups(1);
    std::size_t next = 0;
    for (const double v : values) {
      while (distinct[next] != v) {
        if (mask & (1u << next)) groups.emplace_back();
        ++next;
      }
      groups.back().push_back(v);
    }
    double s = 0;
    for (const auto& g : groups) s += ssd_of(g);
    best = std::min(best, s);
  }
  return best;
}

// The textbook O(k n^2) Fisher dynamic programme over all sorted values, as a reference
// for larger inputs than brute force can take. Ties may split here, which can only help it.
double textbook_jenks_ssd(std::vector<double> values, int k) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  const auto cost = [&](std::size_t a, std::size_t b) {
    return ssd_of(std::span<const double>(values).subspan(a, b - a + 1));
  };
  std::vector<std::vector<double>> cost_table(n, std::vector<double>(n, 0));
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = a; b < n; ++b) cost_table[a][b] = cost(a, b);
  }
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> prev(n), cur(n);
  for (std::size_t i = 0; i < n; ++i) prev[i] = cost_table[0][i];
  for (int c = 1; c < k; ++c) {
    for (std::size_t i = 0; i < n; ++i) {
      cur[i] = inf;
      for (std::size_t j = static_cast<std::size_t>(c); j <= i; ++j) {
        cur[i] = std::min(cur[i], prev[j - 1] + cost_table[j][i]);
      }
    }
    std::swap(prev, cur);
  }
  return prev[n - 1];
}

TEST(ClassMethod, ParsesNamesAndAliases) {
  EXPECT_EQ(parse_class_method("quantile"), ClassMethod::quantile);
  EXPECT_EQ(parse_class_method("Jenks"), ClassMethod::jenks);
  EXPECT_EQ(parse_class_method("equal"), ClassMethod::equal_interval);
  EXPECT_EQ(parse_class_method("equal_interval"), ClassMethod::equal_interval);
  EXPECT_EQ(parse_class_method("manual"), ClassMethod::manual);
  EXPECT_EQ(parse_class_method("median"), std::nullopt);
  EXPECT_EQ(parse_class_method(""), std::nullopt);
  for (const ClassMethod m : {ClassMethod::quantile, ClassMethod::jenks,
                              ClassMethod::equal_interval, ClassMethod::manual}) {
    EXPECT_EQ(parse_class_method(class_method_name(m)), m);
  }
}

TEST(Classify, ClassCountOutside3To9IsAnErrorSayingTheRange) {
  const std::vector<double> v{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  for (const int k : {-1, 0, 2, 10}) {
    const auto c = classify(v, ClassMethod::quantile, k);
    ASSERT_FALSE(c.has_value()) << k;
    EXPECT_NE(c.error().message.find("between 3 and 9"), std::string::npos) << c.error().message;
  }
  for (int k = 3; k <= 9; ++k) EXPECT_TRUE(classify(v, ClassMethod::quantile, k)) << k;
}

TEST(Classify, QuantileSplitsAreasEvenlyWithBreaksAtDataValues) {
  // 9 values into 3: the 3rd and 6th smallest end the first two classes.
  const std::vector<double> nine{7, 1, 9, 3, 5, 2, 8, 4, 6};
  const Classification a = ok(nine, ClassMethod::quantile, 3);
  EXPECT_EQ(a.breaks, (std::vector<double>{1, 3, 6, 9}));
  EXPECT_EQ(a.counts, (std::vector<std::size_t>{3, 3, 3}));
  EXPECT_TRUE(a.note.empty());
  // 10 values into 4: classes end at ranks ceil(2.5)=3, 5, ceil(7.5)=8.
  const std::vector<double> ten{10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
  const Classification b = ok(ten, ClassMethod::quantile, 4);
  EXPECT_EQ(b.breaks, (std::vector<double>{10, 30, 50, 80, 100}));
  EXPECT_EQ(b.counts, (std::vector<std::size_t>{3, 2, 3, 2}));
}

TEST(Classify, QuantileWithManyEqualSmallestValuesGivesThemAClassOfTheirOwn) {
  // Six tambons with no poor at all: they fill the first three quantiles.
  const std::vector<double> v{0, 0, 0, 0, 0, 0, 1, 2, 3, 4};
  const Classification c = ok(v, ClassMethod::quantile, 5);
  EXPECT_EQ(c.breaks, (std::vector<double>{0, 0, 2, 4}));
  EXPECT_EQ(c.counts, (std::vector<std::size_t>{6, 2, 2}));
  EXPECT_EQ(c.classes(), 3);
  EXPECT_NE(c.note.find("3 classes instead of 5"), std::string::npos) << c.note;
}

TEST(Classify, EqualIntervalDividesTheRangeAndKeepsEmptyClasses) {
  const std::vector<double> v{0, 1, 2, 7, 10};
  const Classification c = ok(v, ClassMethod::equal_interval, 5);
  EXPECT_EQ(c.breaks, (std::vector<double>{0, 2, 4, 6, 8, 10}));
  EXPECT_EQ(c.counts, (std::vector<std::size_t>{3, 0, 0, 1, 1}));
  const Classification d = ok(std::vector<double>{-30, -10, 0, 30}, ClassMethod::equal_interval, 3);
  EXPECT_EQ(d.breaks, (std::vector<double>{-30, -10, 10, 30}));
  EXPECT_EQ(d.counts, (std::vector<std::size_t>{2, 1, 1}));
}

TEST(Classify, ManualInnerBreaksTakeTheDataExtremesAsBounds) {
  const std::vector<double> v{5, 10, 15, 20, 25, 30};
  const std::vector<double> inner{10, 20};
  const Classification c = ok(v, ClassMethod::manual, 3, inner);
  EXPECT_EQ(c.breaks, (std::vector<double>{5, 10, 20, 30}));
  EXPECT_EQ(c.counts, (std::vector<std::size_t>{2, 2, 2}));
  // A break beyond the data widens the bound rather than breaking the order.
  const std::vector<double> wide{10, 40};
  const Classification w = ok(v, ClassMethod::manual, 3, wide);
  EXPECT_EQ(w.breaks, (std::vector<double>{5, 10, 40, 40}));
  EXPECT_EQ(w.counts, (std::vector<std::size_t>{2, 4, 0}));
}

TEST(Classify, ManualFullBoundsAreKeptAndOutsideValuesClamp) {
  const std::vector<double> v{-5, 3, 12, 25, 99};
  const std::vector<double> bounds{0, 10, 20, 40};
  const Classification c = ok(v, ClassMethod::manual, 3, bounds);
  EXPECT_EQ(c.breaks, bounds);
  EXPECT_EQ(c.counts, (std::vector<std::size_t>{2, 1, 2}));
  EXPECT_EQ(c.class_of(-5), 0);
  EXPECT_EQ(c.class_of(99), 2);
}

TEST(Classify, ManualBreaksThatCannotWorkSayWhatToEnter) {
  const std::vector<double> v{1, 2, 3};
  const std::vector<double> three{1, 2, 3};
  auto wrong_count = classify(v, ClassMethod::manual, 5, three);
  ASSERT_FALSE(wrong_count);
  EXPECT_NE(wrong_count.error().message.find("needs 4 inner breaks"), std::string::npos)
      << wrong_count.error().message;
  const std::vector<double> descending{5, 2};
  auto bad_order = classify(v, ClassMethod::manual, 3, descending);
  ASSERT_FALSE(bad_order);
  EXPECT_NE(bad_order.error().message.find("ascend"), std::string::npos);
  const std::vector<double> nan{1, kNaN};
  EXPECT_FALSE(classify(v, ClassMethod::manual, 3, nan));
  EXPECT_FALSE(classify(v, ClassMethod::manual, 3));
}

TEST(Classify, ClassOfPutsABreakValueInTheLowerClass) {
  const Classification c =
      ok(std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8, 9}, ClassMethod::quantile, 3);
  ASSERT_EQ(c.breaks, (std::vector<double>{1, 3, 6, 9}));
  EXPECT_EQ(c.class_of(1), 0);
  EXPECT_EQ(c.class_of(3), 0);
  EXPECT_EQ(c.class_of(3.0001), 1);
  EXPECT_EQ(c.class_of(6), 1);
  EXPECT_EQ(c.class_of(6.5), 2);
  EXPECT_EQ(c.class_of(9), 2);
  EXPECT_EQ(c.class_of(-100), 0);
  EXPECT_EQ(c.class_of(1e9), 2);
  EXPECT_EQ(c.class_of(kNaN), -1);
}

TEST(Classify, NoDataIsCountedApartAndEveryAreaIsAccountedFor) {
  const std::vector<double> v{kNaN, 4,  8,  kNaN, 15,
                              16,   23, 42, kNaN, std::numeric_limits<double>::infinity()};
  for (const ClassMethod m :
       {ClassMethod::quantile, ClassMethod::jenks, ClassMethod::equal_interval}) {
    const Classification c = ok(v, m, 3);
    EXPECT_EQ(c.no_data, 4u) << class_method_name(m);
    EXPECT_EQ(total(c) + c.no_data, v.size()) << class_method_name(m);
    EXPECT_EQ(c.breaks.front(), 4);
    EXPECT_EQ(c.breaks.back(), 42);
    EXPECT_EQ(c.class_of(kNaN), -1);
  }
}

TEST(Classify, FewerDistinctValuesThanClassesGivesOneClassPerValue) {
  const std::vector<double> v{2, 1, 2, 1, 2};
  for (const ClassMethod m :
       {ClassMethod::quantile, ClassMethod::jenks, ClassMethod::equal_interval}) {
    const Classification c = ok(v, m, 5);
    EXPECT_EQ(c.classes(), 2) << class_method_name(m);
    EXPECT_EQ(c.breaks, (std::vector<double>{1, 1, 2}));
    EXPECT_EQ(c.counts, (std::vector<std::size_t>{2, 3}));
    EXPECT_NE(c.note.find("2 classes instead of 5"), std::string::npos) << c.note;
  }
}

TEST(Classify, AllValuesEqualIsOneClass) {
  const std::vector<double> v{7, 7, kNaN, 7};
  const Classification c = ok(v, ClassMethod::jenks, 5);
  EXPECT_EQ(c.classes(), 1);
  EXPECT_EQ(c.breaks, (std::vector<double>{7, 7}));
  EXPECT_EQ(c.counts, (std::vector<std::size_t>{3}));
  EXPECT_EQ(c.no_data, 1u);
  EXPECT_FALSE(c.note.empty());
}

TEST(Classify, NoValuesAtAllGivesNoClassesButCountsTheAreas) {
  const std::vector<double> v{kNaN, kNaN};
  const Classification c = ok(v, ClassMethod::quantile, 5);
  EXPECT_EQ(c.classes(), 0);
  EXPECT_EQ(c.no_data, 2u);
  EXPECT_EQ(c.class_of(3), -1);
  EXPECT_TRUE(ok(std::vector<double>{}, ClassMethod::jenks, 4).counts.empty());
}

TEST(Jenks, FindsObviousClusters) {
  const std::vector<double> v{51, 1, 2, 3, 10, 11, 12, 50, 52};
  const Classification c = ok(v, ClassMethod::jenks, 3);
  EXPECT_EQ(c.breaks, (std::vector<double>{1, 3, 12, 52}));
  EXPECT_EQ(c.counts, (std::vector<std::size_t>{3, 3, 3}));
}

TEST(Jenks, MatchesBruteForceOverEveryBreakPlacement) {
  std::mt19937 rng(20240521);
  for (int trial = 0; trial < 300; ++trial) {
    const int n = std::uniform_int_distribution<int>(4, 11)(rng);
    // Small integer range so that ties are common; sometimes skewed like poverty counts.
    std::vector<double> v;
    for (int i = 0; i < n; ++i) {
      const double x = std::uniform_int_distribution<int>(0, 30)(rng);
      v.push_back(trial % 3 == 0 ? x * x : x);
    }
    std::vector<double> distinct = v;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    for (int k = 3; k <= std::min<int>(6, static_cast<int>(distinct.size())); ++k) {
      const Classification c = ok(v, ClassMethod::jenks, k);
      ASSERT_EQ(c.classes(), k) << "trial " << trial;
      EXPECT_EQ(total(c), v.size());
      const double best = brute_force_best_ssd(v, k);
      EXPECT_NEAR(within_class_ssd(v, c), best, 1e-9 * std::max(1.0, best))
          << "trial " << trial << " k " << k;
    }
  }
}

TEST(Jenks, MatchesTheTextbookDynamicProgrammeOnLargerInputs) {
  std::mt19937 rng(7425);
  std::lognormal_distribution<double> skewed(5.0, 1.2);
  for (int trial = 0; trial < 12; ++trial) {
    std::vector<double> v;
    const int n = 120 + 15 * trial;
    for (int i = 0; i < n; ++i) v.push_back(std::round(skewed(rng)));
    for (const int k : {3, 5, 9}) {
      const Classification c = ok(v, ClassMethod::jenks, k);
      const double reference = textbook_jenks_ssd(v, k);
      EXPECT_NEAR(within_class_ssd(v, c), reference, 1e-7 * reference)
          << "trial " << trial << " k " << k;
    }
  }
}

TEST(Jenks, WeightedDistinctValuesKeepTiesTogether) {
  // Values 1 (x1), 2 (x5), 10 (x1) in 2 classes: splitting after 2 costs less than after 1.
  const std::vector<double> values{1, 2, 10};
  const std::vector<double> weights{1, 5, 1};
  EXPECT_EQ(fisher_jenks_class_ends(values, weights, 2), (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(fisher_jenks_class_ends(values, weights, 3), (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(fisher_jenks_class_ends(values, weights, 1), (std::vector<std::size_t>{2}));
}

TEST(Jenks, LargeInputsRunOnASampleAndSaySo) {
  std::vector<double> v;
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> u(0, 1e6);
  for (std::size_t i = 0; i < 3 * kJenksExactLimit; ++i) v.push_back(u(rng));
  const Classification c = ok(v, ClassMethod::jenks, 7);
  EXPECT_EQ(c.classes(), 7);
  EXPECT_EQ(total(c), v.size());
  EXPECT_NE(c.note.find("sample"), std::string::npos) << c.note;
  EXPECT_EQ(c.breaks.front(), *std::min_element(v.begin(), v.end()));
  EXPECT_EQ(c.breaks.back(), *std::max_element(v.begin(), v.end()));
  // Deterministic: the same data give the same breaks.
  EXPECT_EQ(ok(v, ClassMethod::jenks, 7).breaks, c.breaks);
  // Below the limit no sampling happens.
  v.resize(kJenksExactLimit);
  EXPECT_EQ(ok(v, ClassMethod::jenks, 7).note.find("sample"), std::string::npos);
}

TEST(Classify, BreaksAscendAndCountsAddUpOnRandomData) {
  std::mt19937 rng(99);
  std::exponential_distribution<double> e(0.01);
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<double> v;
    for (int i = 0; i < 500; ++i) v.push_back(i % 17 == 0 ? kNaN : std::floor(e(rng)));
    for (const ClassMethod m :
         {ClassMethod::quantile, ClassMethod::jenks, ClassMethod::equal_interval}) {
      for (int k = 3; k <= 9; ++k) {
        const Classification c = ok(v, m, k);
        EXPECT_EQ(total(c) + c.no_data, v.size());
        EXPECT_LE(c.classes(), k);
        for (std::size_t i = 1; i < c.breaks.size(); ++i) {
          if (i == 1) {
            EXPECT_LE(c.breaks[0], c.breaks[1]);
          } else {
            EXPECT_LT(c.breaks[i - 1], c.breaks[i]);
          }
        }
        if (m != ClassMethod::equal_interval) {
          for (const std::size_t n : c.counts) EXPECT_GT(n, 0u) << class_method_name(m);
        }
      }
    }
  }
}

}  // namespace
}  // namespace chipao
