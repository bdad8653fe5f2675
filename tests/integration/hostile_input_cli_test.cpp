// Hostile input through the real chipao-cli (issue 10): clear one-line answers, never an
// internal error, never a silently absurd number.
//   - a zone name with invalid UTF-8 (byte 0xFF) is refused, naming the field;
//   - 1e308 baht per household and absurd household counts are refused (totals never "inf");
//   - importing a zone that overlaps no unit, or crosses itself, warns at import;
//   - a zone lookup that fails lists a few close names, not every zone;
//   - names with quotes, SQL, newlines, emoji and 10,000 characters are stored exactly.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_paths.h"

namespace chipao {
namespace {

using nlohmann::json;

std::string demo(const std::string& rel) {
  return test::source_dir() + "/data/demo/" + rel;
}

std::string new_project(const std::string& tag) {
  const std::string path = test::temp_dir(tag) + "/p.chipao";
  const auto r = test::run_cli({"project", "new", path, "--boundaries", demo("tambon.shp")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return path;
}

void expect_one_clear_line(const test::CommandResult& r) {
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("json.exception"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(HostileInput, InvalidUtf8NameIsRefusedNamingTheField) {
  const std::string project = new_project("utf8");
  const std::string bad = std::string("zone ") + '\xff' + "x";
  const auto r = test::run_cli({"zones", "paint", project, "--zone", bad, "--units", "990101"});
  expect_one_clear_line(r);
  EXPECT_NE(r.err.find("UTF-8"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("name"), std::string::npos) << r.err;
  EXPECT_EQ(test::run_cli({"zones", "list", project}).out, "no zones\n");
}

TEST(HostileInput, AbsurdCostsAndCountsAreRefused) {
  const std::string project = new_project("numbers");
  ASSERT_EQ(
      test::run_cli({"zones", "paint", project, "--zone", "A", "--units", "990101"}).exit_code, 0);
  const auto cost = test::run_cli({"plan", "add", project, "--zone", "A", "--dimension", "income",
                                   "--unit-cost", "1e308", "--agency", "x", "--households", "3"});
  expect_one_clear_line(cost);
  EXPECT_NE(cost.err.find("unit"), std::string::npos) << cost.err;
  const auto count =
      test::run_cli({"plan", "add", project, "--zone", "A", "--dimension", "income", "--unit-cost",
                     "100", "--agency", "x", "--households", "999999999999"});
  expect_one_clear_line(count);
  const auto cap = test::run_cli({"plan", "budget", project, "--cap", "1e308"});
  expect_one_clear_line(cap);
  const auto list = test::run_cli({"plan", "list", project, "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(list.out.find("inf"), std::string::npos) << list.out;
}

TEST(HostileInput, ZonesOutsideTheUnitsOrCrossingThemselvesWarnAtImport) {
  const std::string project = new_project("zone_import");
  const std::string file = test::temp_dir("zone_file") + "/zones.geojson";
  std::ofstream(file) << R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"far away"},"geometry":{"type":"Polygon",
 "coordinates":[[[10,10],[10.1,10],[10.1,10.1],[10,10]]]}},
{"type":"Feature","properties":{"name":"bowtie"},"geometry":{"type":"Polygon",
 "coordinates":[[[102.7,15.9],[102.8,16.0],[102.8,15.9],[102.7,16.0],[102.7,15.9]]]}},
{"type":"Feature","properties":{"name":"fine"},"geometry":{"type":"Polygon",
 "coordinates":[[[102.7,15.9],[102.8,15.9],[102.8,16.0],[102.7,16.0],[102.7,15.9]]]}}]})";
  const auto r = test::run_cli({"zones", "import", project, file, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json out = json::parse(r.out);
  ASSERT_EQ(out["warnings"].size(), 2u) << r.out;
  EXPECT_NE(out["warnings"][0].get<std::string>().find("far away"), std::string::npos);
  EXPECT_NE(out["warnings"][0].get<std::string>().find("overlaps no unit"), std::string::npos);
  EXPECT_NE(out["warnings"][1].get<std::string>().find("bowtie"), std::string::npos);
  EXPECT_NE(out["warnings"][1].get<std::string>().find("crosses itself"), std::string::npos);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 2) << r.err;
  EXPECT_EQ(out["imported"], 3);
}

TEST(HostileInput, AFailedZoneLookupListsAFewCloseNames) {
  const std::string project = new_project("lookup");
  for (int i = 1; i <= 12; ++i)
    ASSERT_EQ(test::run_cli({"zones", "paint", project, "--zone", fmt::format("เขต {}", i),
                             "--units", fmt::format("9903{:02d}", i)})
                  .exit_code,
              0);
  const auto r = test::run_cli({"zones", "rename", project, "เขต 13", "x"});
  expect_one_clear_line(r);
  EXPECT_NE(r.err.find("closest"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("'เขต 1'"), std::string::npos) << r.err;
  int listed = 0;
  for (int i = 1; i <= 12; ++i)
    listed += r.err.find(fmt::format("'เขต {}'", i)) != std::string::npos;
  EXPECT_LE(listed, 3) << r.err;
}

TEST(HostileInput, StrangeButValidNamesAreStoredExactly) {
  const std::string project = new_project("names");
  const std::vector<std::string> names{"O'Brien \"quoted\"", "x'); DROP TABLE chipao_zones; --",
                                       "two\nlines", "ช้าง 🐘 emoji", std::string(10000, 'n')};
  for (std::size_t i = 0; i < names.size(); ++i)
    ASSERT_EQ(test::run_cli({"zones", "paint", project, "--zone", names[i], "--units",
                             fmt::format("9903{:02d}", i + 1)})
                  .exit_code,
              0)
        << i;
  const auto r = test::run_cli({"zones", "list", project, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json zones = json::parse(r.out)["zones"];
  ASSERT_EQ(zones.size(), names.size());
  for (std::size_t i = 0; i < names.size(); ++i) EXPECT_EQ(zones[i]["name"], names[i]);
}

}  // namespace
}  // namespace chipao
