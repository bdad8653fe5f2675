// chipao-cli project new / info / undo / redo and zones import on the demo province: the
// project holds the layer, the joined figures and the municipal assignment; it is not
// overwritten without --force; an import is one edit that undo takes back at once and redo
// restores; a foreign file is named in the error.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/fixtures.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string demo(const std::string& rel) {
  return test::source_dir() + "/data/demo/" + rel;
}

json info(const std::string& project) {
  const auto r = test::run_cli({"project", "info", project, "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

std::string write_zones(const std::string& dir) {
  test::FixtureLayer zones;
  zones.driver = "GeoJSON";
  zones.path = dir + "/zones.geojson";
  zones.fields = {{"name"}};
  zones.features = {{"POLYGON ((100.0 15.0, 100.1 15.0, 100.1 15.1, 100.0 15.0))", {"เขตเร่งด่วน"}},
                    {"POLYGON ((100.2 15.0, 100.3 15.0, 100.3 15.1, 100.2 15.0))", {"เขตติดตาม"}},
                    {"POLYGON ((100.4 15.0, 100.5 15.0, 100.5 15.1, 100.4 15.0))", {"เขตสาม"}}};
  EXPECT_EQ(test::write_fixture(zones), "");
  return zones.path;
}

TEST(ProjectCli, NewInfoImportUndoRedo) {
  const std::string dir = test::temp_dir("project_cli");
  const std::string project = dir + "/demo.chipao";
  const auto made =
      test::run_cli({"project", "new", project, "--boundaries", demo("tambon.shp"), "--table",
                     demo("tpmap/61_99_tambol_11111.csv"), "--table",
                     demo("tpmap/61_99_tambol_common.csv"), "--assign", "990151=990101", "--json"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_FALSE(fs::exists(project + ".tmp"));
  const json created = json::parse(made.out);
  EXPECT_EQ(created["features"], 80);
  EXPECT_GT(created["columns"].get<int>(), 0);

  json before = info(project);
  ASSERT_EQ(before["layers"].size(), 1u);
  EXPECT_EQ(before["layers"][0]["features"], 80);
  EXPECT_EQ(before["layers"][0]["joined_columns"], created["columns"]);
  ASSERT_EQ(before["assignments"].size(), 1u);
  EXPECT_EQ(before["assignments"][0]["municipal"], "990151");
  EXPECT_EQ(before["assignments"][0]["tambons"][0], "990101");
  EXPECT_EQ(before["history"]["length"], 0);

  const auto again = test::run_cli({"project", "new", project, "--boundaries", demo("tambon.shp")});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("--force"), std::string::npos);
  EXPECT_EQ(info(project)["layers"][0]["joined_columns"], created["columns"]);

  const auto imported = test::run_cli({"zones", "import", project, write_zones(dir)});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  json after = info(project);
  ASSERT_EQ(after["zones"].size(), 3u);
  EXPECT_EQ(after["zones"][0]["name"], "เขตเร่งด่วน");
  EXPECT_EQ(after["zones"][2]["kind"], "drawn");
  EXPECT_EQ(after["history"]["length"], 1);

  const auto undo = test::run_cli({"project", "undo", project});
  ASSERT_EQ(undo.exit_code, 0) << undo.err;
  EXPECT_EQ(info(project)["zones"].size(), 0u);
  EXPECT_EQ(test::run_cli({"project", "undo", project}).exit_code, 1);  // nothing left
  const auto redo = test::run_cli({"project", "redo", project});
  ASSERT_EQ(redo.exit_code, 0) << redo.err;
  EXPECT_EQ(info(project), after);

  const auto forced =
      test::run_cli({"project", "new", project, "--boundaries", demo("amphoe.shp"), "--force"});
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  const json replaced = info(project);
  EXPECT_EQ(replaced["layers"][0]["level"], "amphoe");
  EXPECT_EQ(replaced["zones"].size(), 0u);
  EXPECT_EQ(replaced["history"]["length"], 0);
}

TEST(ProjectCli, ForeignFileIsNamed) {
  const std::string dir = test::temp_dir("project_cli_foreign");
  test::FixtureLayer other;
  other.driver = "GPKG";
  other.path = dir + "/other.gpkg";
  other.fields = {{"name"}};
  other.features = {{"POINT (100 15)", {"a"}}};
  ASSERT_EQ(test::write_fixture(other), "");
  const auto r = test::run_cli({"project", "info", other.path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("other.gpkg is not a ChiPao project (no chipao_meta table)"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace chipao
