// Joining TPMAP tables to boundaries: the report accounts for every person, on real data
// (all 76 provinces onto the national tambon layer) and on the demo province.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/io/boundary_reader.h"
#include "core/join/join.h"
#include "core/stats/measure_table.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> files_matching(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename().string().ends_with(suffix)) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<MeasureTable> load_all(const std::vector<std::string>& paths) {
  std::vector<MeasureTable> tables;
  for (const std::string& p : paths) {
    auto t = load_measure_table(p);
    EXPECT_TRUE(t) << (t ? "" : t.error().message);
    if (t) tables.push_back(std::move(*t));
  }
  return tables;
}

const JoinReport::Totals* totals_of(const JoinReport& r, const std::string& measure) {
  for (const auto& t : r.totals) {
    if (t.measure == measure) return &t;
  }
  return nullptr;
}

TEST(TpmapJoin, AllProvincesOntoTheNationalLayerAccountForEveryPerson) {
  CHIPAO_REQUIRE_SHARED(tambol, "tpmap2561_via_newknp/tambol");
  CHIPAO_REQUIRE_SHARED(shp,
                        "hdx_codab_tha_via_prasertcbs/adm3_tambon_simplified_country/"
                        "tha_admbnda_adm3_rtsd_20220121.shp");
  const auto masks = files_matching(tambol, "_tambol_11111.csv");
  const auto commons = files_matching(tambol, "_tambol_common.csv");
  ASSERT_EQ(masks.size(), 76u);
  std::vector<std::string> paths = masks;
  paths.insert(paths.end(), commons.begin(), commons.end());
  const std::vector<MeasureTable> tables = load_all(paths);
  auto layer = load_boundaries(shp);
  ASSERT_TRUE(layer);
  auto joined = join_tables(*layer, tables);
  ASSERT_TRUE(joined) << joined.error().message;
  const JoinReport& r = joined->report;
  EXPECT_TRUE(r.balanced);

  // An independent count: a plain loop over the tables' rows by code.
  std::set<std::string> polygons;
  for (const auto& f : layer->features) polygons.insert(f.code);
  double input = 0, on_polygon = 0, municipal = 0, other = 0;
  std::size_t municipal_rows = 0, unknown_rows = 0;
  for (const MeasureTable& t : tables) {
    if (t.kind != "tpmap-mask") continue;
    const int target = t.measure("poor.JPT.MOFval.CNT");
    for (const MeasureRow& row : t.rows) {
      const double v = row.values[static_cast<std::size_t>(target)];
      input += v;
      const int tambon_part = std::stoi(row.code.substr(4, 2));
      if (polygons.contains(row.code)) {
        on_polygon += v;
      } else if (tambon_part >= 51) {
        municipal += v;
        ++municipal_rows;
      } else {
        other += v;
        ++unknown_rows;
      }
    }
  }
  EXPECT_EQ(input, 1032987);  // the country total of SOURCES.md
  const auto* target = totals_of(r, "poor.JPT.MOFval.CNT");
  ASSERT_NE(target, nullptr);
  EXPECT_EQ(target->input, input);
  EXPECT_EQ(target->joined, on_polygon);
  EXPECT_EQ(target->rolled_up, municipal);
  EXPECT_EQ(target->unmatched, other);
  EXPECT_EQ(target->joined + target->rolled_up + target->unmatched, target->input);
  EXPECT_EQ(target->on_map, target->joined);
  EXPECT_EQ(municipal_rows, 593u);
  EXPECT_EQ(unknown_rows, 1u);
  // The retired code 530407, once in each of the two kinds of table.
  ASSERT_EQ(r.unmatched_rows.size(), 2u);
  for (const auto& row : r.unmatched_rows) EXPECT_EQ(row.code, "530407");
  EXPECT_EQ(r.matched, 6994u);
  EXPECT_EQ(r.unmatched_boundaries.size(), 7425u - 6994u);
  const auto* surveyed = totals_of(r, "HOUSEMEMBER_CNT");
  ASSERT_NE(surveyed, nullptr);
  EXPECT_EQ(surveyed->input, 36647817);
  EXPECT_TRUE(surveyed->balanced);

  // Rates are recomputed per polygon from the joined parts.
  const JoinedColumn* rate = nullptr;
  const JoinedColumn* poor = nullptr;
  const JoinedColumn* members = nullptr;
  for (const auto& c : joined->columns) {
    if (c.name == "JPT.MOFval.pov.rate") rate = &c;
    if (c.name == "poor.JPT.MOFval.CNT") poor = &c;
    if (c.name == "HOUSEMEMBER_CNT") members = &c;
  }
  ASSERT_TRUE(rate && poor && members);
  for (std::size_t f = 0; f < layer->features.size(); ++f) {
    if (std::isnan(poor->values[f]) || std::isnan(members->values[f]) || members->values[f] == 0)
      continue;
    EXPECT_NEAR(rate->values[f], 100 * poor->values[f] / members->values[f], 1e-9);
  }
}

class DemoJoin : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string demo = test::source_dir() + "/data/demo";
    auto l = load_boundaries(demo + "/tambon.shp");
    ASSERT_TRUE(l) << l.error().message;
    layer = std::move(*l);
    tables =
        load_all({demo + "/tpmap/61_99_tambol_11111.csv", demo + "/tpmap/61_99_tambol_common.csv"});
    ASSERT_EQ(tables.size(), 2u);
  }
  BoundaryLayer layer;
  std::vector<MeasureTable> tables;
};

TEST_F(DemoJoin, MunicipalAreasRollUpAndTheEmptyUrbanTambonIsSuggested) {
  auto joined = join_tables(layer, tables);
  ASSERT_TRUE(joined) << joined.error().message;
  const JoinReport& r = joined->report;
  EXPECT_TRUE(r.balanced);
  std::set<std::string> rolled;
  for (const auto& u : r.rolled_up) {
    if (u.table == "tpmap_11111") rolled.insert(u.code + ":" + u.kind);
  }
  EXPECT_TRUE(rolled.contains("990151:municipal"));
  EXPECT_TRUE(rolled.contains("990451:municipal"));
  bool suggested = false;
  for (const auto& s : r.suggestions) {
    if (s.municipal_code == "990151") {
      suggested = std::find(s.tambons.begin(), s.tambons.end(), "990101") != s.tambons.end();
    }
  }
  EXPECT_TRUE(suggested) << "990101 has no row of its own and lies in amphoe 9901";
  const auto* t = totals_of(r, "poor.JPT.MOFval.CNT");
  ASSERT_NE(t, nullptr);
  EXPECT_GT(t->rolled_up, 0);
  EXPECT_EQ(t->unmatched, 0);
}

TEST_F(DemoJoin, AssigningAMunicipalAreaPutsItsFiguresOnTheMapAndSaysSo) {
  auto assignment = parse_assignment("990151=990101");
  ASSERT_TRUE(assignment) << assignment.error().message;
  auto plain = join_tables(layer, tables);
  auto joined = join_tables(layer, tables, JoinOptions{{*assignment}});
  ASSERT_TRUE(plain && joined);
  const auto* before = totals_of(plain->report, "poor.JPT.MOFval.CNT");
  const auto* after = totals_of(joined->report, "poor.JPT.MOFval.CNT");
  EXPECT_TRUE(joined->report.balanced);
  EXPECT_EQ(after->input, before->input);
  EXPECT_GT(after->on_map, before->on_map);
  std::size_t flagged = 0;
  for (std::size_t f = 0; f < layer.features.size(); ++f) {
    if (!joined->assigned_from[f].empty()) {
      ++flagged;
      EXPECT_EQ(layer.features[f].code, "990101");
      EXPECT_NE(joined->assigned_from[f].find("990151"), std::string::npos);
    }
  }
  EXPECT_EQ(flagged, 1u);
  EXPECT_FALSE(parse_assignment("990151=990201"));  // another amphoe's tambon
  EXPECT_FALSE(parse_assignment("990101=990102"));  // not a municipal code
}

TEST_F(DemoJoin, TablesCoarserThanTheBoundariesAreRefused) {
  auto amphoe = load_measure_table(test::source_dir() + "/data/demo/tpmap/61_99_amphur_11111.csv");
  ASSERT_TRUE(amphoe);
  auto joined = join_tables(layer, {*amphoe});
  ASSERT_FALSE(joined);
  EXPECT_NE(joined.error().message.find("cannot be spread down"), std::string::npos);
}

}  // namespace
}  // namespace chipao
