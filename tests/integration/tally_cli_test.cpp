// chipao-cli tally on the demo province: the real binary with a zones GeoJSON written here,
// its JSON fields and figures (checked against the table rows), warnings and errors.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/io/boundary_reader.h"
#include "core/stats/measure_table.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

using nlohmann::json;
using test::run_cli;

std::string repo(const std::string& relative) {
  return test::source_dir() + "/" + relative;
}

std::vector<std::string> tally_args(const std::string& zones) {
  return {"tally",
          "--boundaries",
          repo("data/demo/tambon.shp"),
          "--table",
          repo("data/demo/tpmap/61_99_tambol_11111.csv"),
          "--table",
          repo("data/demo/tpmap/61_99_tambol_common.csv"),
          "--zones",
          zones};
}

std::string ring_json(std::span<const Vec2> ring) {
  std::string s = "[";
  for (std::size_t i = 0; i < ring.size(); ++i)
    s += fmt::format("{}[{},{}]", i ? "," : "", ring[i].x, ring[i].y);
  return s + "]";
}

// Zones: amphoe 9902 exactly (named), a quadrilateral across amphoe borders (unnamed), and one in
// the sea far from the province.
std::string write_zones() {
  auto amphoes = load_boundaries(repo("data/demo/amphoe.shp"));
  EXPECT_TRUE(amphoes);
  std::string a9902;
  for (const BoundaryFeature& f : amphoes->features) {
    if (f.code == "9902") a9902 = ring_json(f.geometry.ring(0));
  }
  EXPECT_FALSE(a9902.empty());
  const std::string path = test::temp_dir("tally_cli") + "/zones.geojson";
  std::ofstream(path) << R"({"type":"FeatureCollection","features":[)"
                      << R"({"type":"Feature","properties":{"name":"อำเภอ 9902"},)"
                      << R"("geometry":{"type":"Polygon","coordinates":[)" << a9902 << "]}},"
                      << R"({"type":"Feature","properties":{},)"
                      << R"("geometry":{"type":"Polygon","coordinates":[[[102.8,16.1],)"
                      << R"([103.1,16.05],[103.2,16.25],[102.9,16.3],[102.8,16.1]]]}},)"
                      << R"({"type":"Feature","properties":{"name":"sea"},)"
                      << R"("geometry":{"type":"Polygon","coordinates":[[[90,10],[90.1,10],)"
                      << R"([90.1,10.1],[90,10]]]}}]})";
  return path;
}

TEST(TallyCli, JsonHasOneEntryPerZoneWithTheTableFigures) {
  const std::string zones = write_zones();
  auto args = tally_args(zones);
  args.push_back("--json");
  const auto r = run_cli(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  ASSERT_EQ(j.size(), 3u);

  auto mask = load_measure_table(repo("data/demo/tpmap/61_99_tambol_11111.csv"));
  auto common = load_measure_table(repo("data/demo/tpmap/61_99_tambol_common.csv"));
  ASSERT_TRUE(mask && common);
  const int target = mask->measure("poor.JPT.MOFval.CNT");
  const int members = common->measure("HOUSEMEMBER_CNT");
  double expected_target = 0, expected_members = 0;
  std::set<std::string> expected_units;
  for (const MeasureRow& row : mask->rows) {
    if (!row.code.starts_with("9902")) continue;
    expected_target += row.values[static_cast<std::size_t>(target)];
    expected_units.insert(row.code);
  }
  for (const MeasureRow& row : common->rows)
    if (row.code.starts_with("9902"))
      expected_members += row.values[static_cast<std::size_t>(members)];

  const json& a = j[0];
  EXPECT_EQ(a["name"], "อำเภอ 9902");
  EXPECT_EQ(a["rule"], "centroid");
  std::set<std::string> units;
  for (const auto& u : a["units"]) units.insert(u.get<std::string>());
  EXPECT_EQ(units, expected_units);
  EXPECT_NEAR(a["poor.JPT.MOFval.CNT"].get<double>(), expected_target, 1e-9);
  EXPECT_NEAR(a["HOUSEMEMBER_CNT"].get<double>(), expected_members, 1e-9);
  EXPECT_NEAR(a["JPT.MOFval.pov.rate"].get<double>(), 100 * expected_target / expected_members,
              1e-9);
  EXPECT_NEAR(a["share_of_amphoe_target_poor"].get<double>(), 1.0, 1e-12);

  EXPECT_EQ(j[1]["name"], "zone 1");  // no name field: named by its feature id
  EXPECT_GE(j[1]["amphoe_shares"].size(), 2u);
  EXPECT_TRUE(j[2]["units"].empty());
  EXPECT_NE(r.err.find("'sea'"), std::string::npos) << r.err;  // a warning, not an error
}

TEST(TallyCli, AreaRuleGivesWeightsAndSaysSo) {
  const std::string zones = write_zones();
  auto args = tally_args(zones);
  for (const char* a : {"--rule", "area", "--json"}) args.push_back(a);
  const auto r = run_cli(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  ASSERT_EQ(j.size(), 3u);
  EXPECT_EQ(j[1]["rule"], "area");
  bool partial = false;
  for (const auto& u : j[1]["units"]) {
    const double w = u["weight"].get<double>();
    EXPECT_GT(w, 0);
    EXPECT_LE(w, 1);
    partial = partial || w < 1;
    EXPECT_EQ(u["code"].get<std::string>().size(), 6u);
  }
  EXPECT_TRUE(partial);  // the quadrilateral cuts through tambons
  for (const auto& u : j[0]["units"]) EXPECT_NEAR(u["weight"].get<double>(), 1.0, 1e-9);

  // Text output: thousands separators and the rule stated.
  auto text_args = tally_args(zones);
  text_args.push_back("--rule");
  text_args.push_back("area");
  const auto t = run_cli(text_args);
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_NE(t.out.find("rule: area"), std::string::npos);
  EXPECT_NE(t.out.find(","), std::string::npos);
}

TEST(TallyCli, ZonesWithoutPolygonsAreAnError) {
  const std::string path = test::temp_dir("tally_cli_points") + "/points.geojson";
  std::ofstream(path) << R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                      << R"("properties":{},"geometry":{"type":"Point","coordinates":[103,16]}}]})";
  const auto r = run_cli(tally_args(path));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("points.geojson"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;  // one line
}

TEST(TallyCli, BadRuleIsUsageError) {
  auto args = tally_args(write_zones());
  args.push_back("--rule");
  args.push_back("nearest");
  EXPECT_EQ(run_cli(args).exit_code, 2);
}

}  // namespace
}  // namespace chipao
