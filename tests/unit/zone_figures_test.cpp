// The one choice of columns behind every zone figure (core/plan/zone_figures.h) and coverage
// in households over households (core/plan/plan_totals.h), issue 11:
//   - with TPMAP's income-only table joined beside the all-dimensions one, in either order,
//     the target poor and the per-dimension deprived come from the all-dimensions table and
//     the deprived households of income from the income-only table; a table of fewer
//     dimensions is never taken for the whole population of poor;
//   - on the demo province the figures equal sums of the CSV rows, read here with a tiny
//     parser, and coverage is planned households / deprived households (not / persons);
//   - each table's phrase says what it counts, in Thai and English.
#include "core/plan/zone_figures.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/io/boundary_reader.h"
#include "core/plan/plan_totals.h"
#include "core/stats/measure_table.h"
#include "core/stats/tpmap_schema.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

JoinedColumn column(const std::string& base, const std::string& table, bool qualified) {
  JoinedColumn c;
  c.name = qualified ? base + "@" + table : base;
  c.table = table;
  c.spec.column = base;
  return c;
}

TEST(ZoneFigureColumns, TheAllDimensionsTableWinsWhateverTheJoinOrder) {
  const std::vector<JoinedColumn> columns{
      column(kTargetPoorColumn, "tpmap_00010", true),
      column(kPoorHouseholdsColumn, "tpmap_00010", true),
      column(kTargetPoorColumn, "tpmap_11111", true),
      column(kPoorHouseholdsColumn, "tpmap_11111", true),
      column(kHouseholdsColumn, "tpmap_common", false),
  };
  const ZoneFigureColumns c = zone_figure_columns(columns);
  EXPECT_EQ(c.target_poor, "poor.JPT.MOFval.CNT@tpmap_11111");
  EXPECT_EQ(c.poor_households, "poor.household.CNT@tpmap_11111");
  EXPECT_EQ(c.households, "household.CNT");
  EXPECT_EQ(c.deprived_households[static_cast<std::size_t>(DimensionId::income)],
            "poor.household.CNT@tpmap_00010");
  EXPECT_TRUE(c.deprived_households[static_cast<std::size_t>(DimensionId::health)].empty());
  EXPECT_TRUE(c.persons.empty());
}

TEST(ZoneFigureColumns, AMaskTableOfFewerDimensionsIsNeverTheWholePopulation) {
  // Only the income-only table: its "target poor" are those deprived in income.
  const std::vector<JoinedColumn> income_only{column(kTargetPoorColumn, "tpmap_00010", false)};
  EXPECT_EQ(planning_column(income_only, kTargetPoorColumn), nullptr);
  // A table of one's own without a mask is taken as it is.
  const std::vector<JoinedColumn> own{column(kTargetPoorColumn, "tpmap_00010", true),
                                      column(kTargetPoorColumn, "my_survey", true)};
  const JoinedColumn* c = planning_column(own, kTargetPoorColumn);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->table, "my_survey");
}

TEST(TpmapGroupPhrase, SaysWhatATablesCountsAreAbout) {
  EXPECT_EQ(tpmap_group_mask("tpmap_00010"), dimension_bit(DimensionId::income));
  EXPECT_EQ(tpmap_group_mask("tpmap_11111"), kAllDimensions);
  EXPECT_FALSE(tpmap_group_mask("tpmap_common"));
  EXPECT_FALSE(tpmap_group_mask("tpmap_00000"));
  using Pair = std::pair<std::string, std::string>;
  EXPECT_EQ(tpmap_group_phrase("tpmap_00010"),
            Pair("ตาราง 00010: นับเฉพาะด้านรายได้", "table 00010: counts income alone"));
  EXPECT_EQ(tpmap_group_phrase("tpmap_11111"),
            Pair("ตาราง 11111: นับทั้งห้าด้าน", "table 11111: counts all five dimensions"));
  EXPECT_EQ(tpmap_group_phrase("tpmap_10100"),
            Pair("ตาราง 10100: นับเฉพาะด้านสุขภาพและด้านการศึกษา",
                 "table 10100: counts health and education only"));
  EXPECT_EQ(tpmap_group_phrase("my_survey"), Pair("ตาราง my_survey", "table my_survey"));
}

// A demo TPMAP CSV as code -> column -> value.
std::map<std::string, std::map<std::string, double>> read_csv(const std::string& file) {
  std::ifstream in(test::source_dir() + "/data/demo/tpmap/" + file);
  const auto split = [](const std::string& line) {
    std::vector<std::string> out;
    std::stringstream s(line);
    for (std::string cell; std::getline(s, cell, ',');) {
      std::erase(cell, '"');
      std::erase(cell, '\r');
      out.push_back(cell);
    }
    return out;
  };
  std::string line;
  std::getline(in, line);
  const auto header = split(line);
  std::map<std::string, std::map<std::string, double>> rows;
  while (std::getline(in, line)) {
    const auto cells = split(line);
    for (std::size_t i = 1; i < cells.size() && i < header.size(); ++i)
      rows[cells[0]][header[i]] = std::strtod(cells[i].c_str(), nullptr);
  }
  return rows;
}

TEST(ZoneFigures, TheDemoWithTheIncomeTableJoinedFirst) {
  auto layer = load_boundaries(test::source_dir() + "/data/demo/tambon.shp");
  ASSERT_TRUE(layer) << layer.error().message;
  // The income-only table first: "first joined" would take its counts for the whole.
  std::vector<MeasureTable> tables;
  for (const char* f :
       {"61_99_tambol_00010.csv", "61_99_tambol_11111.csv", "61_99_tambol_common.csv"}) {
    auto t = load_measure_table(test::source_dir() + "/data/demo/tpmap/" + f);
    ASSERT_TRUE(t) << t.error().message;
    tables.push_back(std::move(*t));
  }
  auto joined = join_tables(*layer, tables);
  ASSERT_TRUE(joined) << joined.error().message;
  auto tally_figures = TallyFigures::from_join(*joined, tables);
  ASSERT_TRUE(tally_figures) << tally_figures.error().message;
  const TallyIndex index = TallyIndex::build(*layer);
  const std::vector<std::string> codes{"990102", "990103"};
  auto units = painted_units(index, codes);
  ASSERT_TRUE(units) << units.error().message;
  const ZoneTally tally = tally_zone(index, *tally_figures, *units, TallyRule::painted, "z");
  const ZoneFigures f = zone_figures(tally, zone_figure_columns(joined->columns));

  const auto all = read_csv("61_99_tambol_11111.csv");
  const auto income = read_csv("61_99_tambol_00010.csv");
  const auto common = read_csv("61_99_tambol_common.csv");
  const auto sum = [&](const auto& table, const std::string& col) {
    return table.at(codes[0]).at(col) + table.at(codes[1]).at(col);
  };
  EXPECT_DOUBLE_EQ(f.target_poor, sum(all, kTargetPoorColumn));
  EXPECT_DOUBLE_EQ(f.poor_households, sum(all, kPoorHouseholdsColumn));
  EXPECT_DOUBLE_EQ(f.households, sum(common, kHouseholdsColumn));
  EXPECT_DOUBLE_EQ(f.persons, sum(common, kPersonsColumn));
  EXPECT_NEAR(f.poverty_rate, 100 * f.target_poor / f.persons, 1e-9);
  for (int d = 0; d < kDimensionCount; ++d) {
    const auto id = static_cast<DimensionId>(d);
    EXPECT_DOUBLE_EQ(f.deprived_persons[static_cast<std::size_t>(d)], sum(all, deprived_column(id)))
        << dimension_key(id);
  }
  const auto i = static_cast<std::size_t>(DimensionId::income);
  const double income_households = sum(income, kPoorHouseholdsColumn);
  EXPECT_DOUBLE_EQ(f.deprived_households[i], income_households);
  EXPECT_TRUE(std::isnan(f.deprived_households[0])) << "no health-only table";
  // The share is of the all-dimensions table's amphoe totals, as the zone's own figure is.
  double amphoe = 0;
  for (const auto& [code, row] : all)
    if (code.starts_with("9901")) amphoe += row.at(kTargetPoorColumn);
  EXPECT_NEAR(tally.share_of_amphoe_target_poor, f.target_poor / amphoe, 1e-12);

  // Coverage: 100 households planned against income over the households deprived in income
  // (the demo: 15 + 24 = 39), never over the 9 + 21 persons.
  ZonePlanTotals plan;
  plan.by_dimension[i].households = 100;
  const auto coverage = zone_coverage(plan, f.deprived_households);
  EXPECT_DOUBLE_EQ(coverage[i].deprived_households, income_households);
  EXPECT_DOUBLE_EQ(coverage[i].coverage, 100 / income_households);
  EXPECT_NE(coverage[i].coverage, 100 / f.deprived_persons[i]);
  EXPECT_TRUE(std::isnan(coverage[0].coverage)) << "unknown without the health-only table";
}

}  // namespace
}  // namespace chipao
