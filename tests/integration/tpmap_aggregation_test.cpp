// Real TPMAP 2561 data: tambon rows rolled up to amphoe reproduce TPMAP's own amphoe files,
// for every dimension mask of the six provinces with full tambon tables.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "core/stats/aggregate.h"
#include "core/stats/measure_table.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

std::vector<std::string> all_masks() {
  std::vector<std::string> masks;
  for (int m = 1; m < 32; ++m) {
    std::string s;
    for (int bit = 4; bit >= 0; --bit) s.push_back((m >> bit) & 1 ? '1' : '0');
    masks.push_back(s);
  }
  return masks;
}

MeasureTable load(const std::string& path) {
  auto t = load_measure_table(path);
  EXPECT_TRUE(t) << (t ? "" : t.error().message);
  return t ? std::move(*t) : MeasureTable{};
}

void expect_same(const MeasureTable& ours, const MeasureTable& theirs, const std::string& what) {
  ASSERT_EQ(ours.rows.size(), theirs.rows.size()) << what;
  std::map<std::string, const MeasureRow*> by_code;
  for (const MeasureRow& r : theirs.rows) by_code[r.code] = &r;
  for (const MeasureRow& r : ours.rows) {
    const auto it = by_code.find(r.code);
    ASSERT_NE(it, by_code.end()) << what << ": amphoe " << r.code << " not in TPMAP's file";
    for (std::size_t m = 0; m < ours.measures.size(); ++m) {
      const MeasureSpec& spec = ours.measures[m];
      const int tm = theirs.measure(spec.column);
      ASSERT_GE(tm, 0) << spec.column;
      const double a = r.values[m];
      const double b = it->second->values[static_cast<std::size_t>(tm)];
      if (spec.rule == MeasureRule::sum) {
        EXPECT_EQ(a, b) << what << " amphoe " << r.code << " " << spec.column;
      } else {
        EXPECT_NEAR(a, b, 1e-9) << what << " amphoe " << r.code << " " << spec.column;
      }
    }
  }
}

class TpmapAggregation : public ::testing::TestWithParam<std::string> {};

TEST_P(TpmapAggregation, TambonRowsReproduceEveryAmphoeFile) {
  const std::string province = GetParam();
  CHIPAO_REQUIRE_SHARED(dir, "tpmap2561_via_newknp");
  const std::string tambol = dir + "/tambol/61_" + province + "_tambol_";
  const std::string amphur = dir + "/amphur/61_" + province + "_amphur_";
  const MeasureTable common = load(tambol + "common.csv");
  const MeasureTable amphoe_common = load(amphur + "common.csv");
  {
    auto agg = aggregate_tables({common}, AdminLevel::amphoe);
    ASSERT_TRUE(agg);
    expect_same((*agg)[0], amphoe_common, province + " common");
  }
  for (const std::string& mask : all_masks()) {
    const MeasureTable table = load(tambol + mask + ".csv");
    ASSERT_EQ(table.mask, mask);
    auto agg = aggregate_tables({table, common}, AdminLevel::amphoe);
    ASSERT_TRUE(agg) << agg.error().message;
    EXPECT_TRUE((*agg)[0].warnings.empty());
    expect_same((*agg)[0], load(amphur + mask + ".csv"), province + " mask " + mask);
  }
}

INSTANTIATE_TEST_SUITE_P(SixProvinces, TpmapAggregation,
                         ::testing::Values("33", "35", "58", "63", "94", "96"));

TEST(TpmapAggregationRules, RateWithoutItsDenominatorIsBlankNotAveraged) {
  CHIPAO_REQUIRE_SHARED(path, "tpmap2561_via_newknp/tambol/61_35_tambol_11111.csv");
  auto agg = aggregate_tables({load(path)}, AdminLevel::amphoe);
  ASSERT_TRUE(agg);
  const MeasureTable& t = (*agg)[0];
  ASSERT_FALSE(t.warnings.empty());
  EXPECT_NE(t.warnings[0].find("common"), std::string::npos);
  const int rate = t.measure("JPT.MOFval.pov.rate");
  ASSERT_GE(rate, 0);
  EXPECT_TRUE(std::isnan(t.rows[0].values[static_cast<std::size_t>(rate)]));
}

TEST(TpmapAggregationRules, VillageSuffixesRollIntoTheirMubanAndUp) {
  CHIPAO_REQUIRE_SHARED(path, "tpmap2561_via_newknp/village/61_35_village_11111.csv");
  const MeasureTable villages = load(path);
  EXPECT_EQ(villages.level, AdminLevel::village);
  std::size_t suffixed = 0;
  double total = 0;
  const int target = villages.measure("poor.JPT.MOFval.CNT");
  for (const MeasureRow& r : villages.rows) {
    EXPECT_EQ(r.code.size(), 8u);
    if (r.suffix != "01") ++suffixed;
    total += r.values[static_cast<std::size_t>(target)];
  }
  EXPECT_GT(suffixed, 0u);
  auto muban = aggregate_tables({villages}, AdminLevel::village);
  ASSERT_TRUE(muban);
  EXPECT_LT((*muban)[0].rows.size(), villages.rows.size());
  auto province = aggregate_tables({villages}, AdminLevel::province);
  ASSERT_TRUE(province);
  ASSERT_EQ((*province)[0].rows.size(), 1u);
  EXPECT_EQ((*province)[0].rows[0].values[static_cast<std::size_t>(target)], total);
}

}  // namespace
}  // namespace chipao
