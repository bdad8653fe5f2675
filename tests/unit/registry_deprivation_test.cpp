// Dimensions, indicators, masks and the Alkire-Foster measures on hand-made households.
#include "core/stats/deprivation.h"

#include <gtest/gtest.h>

namespace chipao {
namespace {

constexpr DimensionMask kHealth = dimension_bit(DimensionId::health);
constexpr DimensionMask kLiving = dimension_bit(DimensionId::living);
constexpr DimensionMask kEducation = dimension_bit(DimensionId::education);
constexpr DimensionMask kIncome = dimension_bit(DimensionId::income);
constexpr DimensionMask kAccess = dimension_bit(DimensionId::access);

TEST(Deprivation, IndicatorsFeedTheirDimensions) {
  for (int i : {1, 4, 5, 7}) EXPECT_EQ(indicator_dimension(i), kHealth) << i;
  for (int i : {8, 9, 10, 11}) EXPECT_EQ(indicator_dimension(i), kLiving) << i;
  for (int i : {15, 16, 17, 19}) EXPECT_EQ(indicator_dimension(i), kEducation) << i;
  for (int i : {20, 21, 22}) EXPECT_EQ(indicator_dimension(i), kIncome) << i;
  for (int i : {27, 28}) EXPECT_EQ(indicator_dimension(i), kAccess) << i;
  int feeding = 0;
  for (int i = 1; i <= kIndicatorCount; ++i) feeding += indicator_dimension(i) != 0;
  EXPECT_EQ(feeding, 17);
  EXPECT_EQ(indicator_dimension(0), 0);
  EXPECT_EQ(indicator_dimension(32), 0);
  // Indicators 2 (none), 9 (living) and 28 (access) fail.
  EXPECT_EQ(dimensions_from_indicators((1u << 1) | (1u << 8) | (1u << 27)), kLiving | kAccess);
  EXPECT_EQ(dimensions_from_indicators(0), 0);
}

TEST(Deprivation, MasksAndKeys) {
  EXPECT_EQ(parse_dimension_mask("11111").value(), kAllDimensions);
  EXPECT_EQ(parse_dimension_mask("10100").value(), kHealth | kEducation);
  EXPECT_EQ(dimension_mask_text(kLiving | kAccess), "01001");
  EXPECT_FALSE(parse_dimension_mask("00000"));
  EXPECT_FALSE(parse_dimension_mask("1111"));
  EXPECT_FALSE(parse_dimension_mask("11a11"));
  EXPECT_EQ(parse_dimension_key("accessibility"), DimensionId::access);
  EXPECT_EQ(parse_dimension_key("education"), DimensionId::education);
  EXPECT_FALSE(parse_dimension_key("wealth"));
  EXPECT_EQ(dimension_key(DimensionId::living), "living");
}

TEST(Deprivation, CutoffOnWholeCounts) {
  EXPECT_EQ(DeprivationMeasure::make(kAllDimensions, 1.0 / 3)->poor_from(), 2);
  EXPECT_EQ(DeprivationMeasure::make(kAllDimensions, 0.3333)->poor_from(), 2);
  EXPECT_EQ(DeprivationMeasure::make(kAllDimensions, 0.2)->poor_from(), 1);  // TPMAP's "any"
  EXPECT_EQ(DeprivationMeasure::make(kAllDimensions, 0.4)->poor_from(), 2);
  EXPECT_EQ(DeprivationMeasure::make(kAllDimensions, 0.41)->poor_from(), 3);
  EXPECT_EQ(DeprivationMeasure::make(kAllDimensions, 1.0)->poor_from(), 5);
  EXPECT_EQ(DeprivationMeasure::make(kHealth | kEducation, 1.0 / 3)->poor_from(), 1);
  EXPECT_FALSE(DeprivationMeasure::make(kAllDimensions, 0));
  EXPECT_FALSE(DeprivationMeasure::make(kAllDimensions, 1.5));
  EXPECT_FALSE(DeprivationMeasure::make(0, 0.5));
}

// Three households: A (2 persons: health + education), B (3 persons: income), C (5 persons:
// none), D (1 person: all five).
AreaTally tally(const DeprivationMeasure& m) {
  AreaTally t;
  m.add(t, 2, kHealth | kEducation);
  m.add(t, 3, kIncome);
  m.add(t, 5, 0);
  m.add(t, 1, kAllDimensions);
  return t;
}

TEST(AlkireFoster, GlobalMpiCutoff) {
  const auto m = DeprivationMeasure::make(kAllDimensions, 1.0 / 3);
  ASSERT_TRUE(m);
  const AreaTally t = tally(*m);
  EXPECT_EQ(t.households, 4u);
  EXPECT_EQ(t.persons, 11u);
  EXPECT_EQ(t.deprived_persons[0], 3u);  // health: A and D
  EXPECT_EQ(t.deprived_persons[3], 4u);  // income: B and D
  EXPECT_EQ(t.deprived_households[3], 2u);
  EXPECT_EQ(t.mask_persons, 6u);  // A, B, D: once each, whatever their number of dimensions
  EXPECT_EQ(t.mask_households, 3u);
  EXPECT_EQ(t.by_count_persons, (std::array<std::uint64_t, 6>{5, 3, 2, 0, 0, 1}));
  EXPECT_EQ(t.by_count_households, (std::array<std::uint64_t, 6>{1, 1, 1, 0, 0, 1}));
  // Poor: A (2/5) and D (5/5): q = 3 persons of n = 11.
  EXPECT_EQ(t.poor_persons, 3u);
  EXPECT_EQ(t.poor_households, 2u);
  const AlkireFoster af = m->measures(t);
  EXPECT_DOUBLE_EQ(af.H, 3.0 / 11);
  EXPECT_DOUBLE_EQ(af.A, (2 * 0.4 + 1 * 1.0) / 3);  // 0.6
  EXPECT_DOUBLE_EQ(af.M0, af.H * af.A);
  EXPECT_NEAR(af.M0, (2 * 0.4 + 1.0) / 11, 1e-15);  // the mean censored score
}

TEST(AlkireFoster, UnionCutoffAndAMask) {
  const auto any = DeprivationMeasure::make(kAllDimensions, 0.2);
  const AlkireFoster a = any->measures(tally(*any));
  EXPECT_DOUBLE_EQ(a.H, 6.0 / 11);
  EXPECT_DOUBLE_EQ(a.A, (2 * 0.4 + 3 * 0.2 + 1 * 1.0) / 6);
  // Health and education only: A scores 2/2, D 2/2, B 0: k = 1/3 needs one of two.
  const auto he = DeprivationMeasure::make(kHealth | kEducation, 1.0 / 3);
  const AreaTally t = tally(*he);
  EXPECT_EQ(t.mask_persons, 3u);
  EXPECT_EQ(t.by_count_persons, (std::array<std::uint64_t, 6>{8, 0, 3, 0, 0, 0}));
  const AlkireFoster m = he->measures(t);
  EXPECT_DOUBLE_EQ(m.H, 3.0 / 11);
  EXPECT_DOUBLE_EQ(m.A, 1.0);
  EXPECT_DOUBLE_EQ(m.M0, 3.0 / 11);
  // Every dimension still counted whatever the mask.
  EXPECT_EQ(t.deprived_persons[3], 4u);
}

TEST(AlkireFoster, EmptyAndMerged) {
  const auto m = DeprivationMeasure::make();
  const AlkireFoster none = m->measures(AreaTally{});
  EXPECT_EQ(none.H, 0);
  EXPECT_EQ(none.A, 0);
  EXPECT_EQ(none.M0, 0);
  AreaTally a = tally(*m);
  AreaTally b = tally(*m);
  a.merge(b);
  EXPECT_EQ(a.persons, 22u);
  EXPECT_EQ(a.poor_persons, 6u);
  EXPECT_DOUBLE_EQ(m->measures(a).H, 3.0 / 11);
}

}  // namespace
}  // namespace chipao
