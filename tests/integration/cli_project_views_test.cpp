// chipao-cli project views P: the saved views a project holds, on a demo project. A new project
// (like one an older build wrote) holds none; views written into the project's setting
// "saved_views" (here through the core API, as the app's saved_views.cpp does, in the app's
// JSON format) are listed with their name, title, drill-down, measure, method, classes and
// palette, the app's defaults filling what a view leaves out; undo of the edit that wrote them
// takes them back; a malformed setting is an error naming the project and the setting.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/plan/edit.h"
#include "core/store/project.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

using nlohmann::json;

std::string new_project(const std::string& tag) {
  const std::string path = test::temp_dir(tag) + "/demo.chipao";
  const std::string demo = test::source_dir() + "/data/demo/";
  const auto made = test::run_cli({"project", "new", path, "--boundaries", demo + "tambon.shp",
                                   "--table", demo + "tpmap/61_99_tambol_11111.csv"});
  EXPECT_EQ(made.exit_code, 0) << made.err;
  return path;
}

// Sets the project's saved_views setting to `text`, as one edit.
void write_views_setting(const std::string& path, const std::string& text) {
  auto project = Project::open(path);
  ASSERT_TRUE(project) << project.error().message;
  auto edit = make_set_setting(project->state(), "saved_views", text);
  ASSERT_TRUE(edit) << edit.error().message;
  ASSERT_TRUE(project->apply(std::move(*edit)));
}

json list_views(const std::string& path) {
  const auto r = test::run_cli({"project", "views", path, "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.exit_code == 0 ? json::parse(r.out) : json();
}

// Two views in the app's format (app/saved_views.cpp views_to_json); the second leaves out
// what older views lacked.
const char* const kTwoViews = R"({
  "version": 1,
  "views": [
    {"name": "เมือง", "title": "อำเภอเมือง: คนจนเป้าหมาย", "center": [100.2, 16.4],
     "pixels_per_degree": 800, "span": [0.5, 0.4], "drill": "9901",
     "measure": "poor.JPT.MOFval.CNT", "method": "jenks", "classes": 4, "palette": "blue",
     "high_contrast": false, "manual_breaks": [], "labels": "value"},
    {"name": "province", "center": [100.5, 16.5], "pixels_per_degree": 300}
  ]
})";

TEST(CliProjectViews, ANewProjectHoldsNone) {
  const std::string path = new_project("views_none");
  const json j = list_views(path);
  EXPECT_EQ(j["project"], path);
  ASSERT_TRUE(j["views"].is_array());
  EXPECT_TRUE(j["views"].empty());
  const auto text = test::run_cli({"project", "views", path});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("no saved views"), std::string::npos) << text.out;
}

TEST(CliProjectViews, ListsTheViewsTheProjectHoldsAndUndoTakesThemBack) {
  const std::string path = new_project("views_list");
  write_views_setting(path, kTwoViews);

  const json j = list_views(path);
  ASSERT_EQ(j["views"].size(), 2u) << j.dump(2);
  const json& first = j["views"][0];
  EXPECT_EQ(first["name"], "เมือง");
  EXPECT_EQ(first["title"], "อำเภอเมือง: คนจนเป้าหมาย");
  EXPECT_EQ(first["drill"], "9901");
  EXPECT_EQ(first["measure"], "poor.JPT.MOFval.CNT");
  EXPECT_EQ(first["method"], "jenks");
  EXPECT_EQ(first["classes"], 4);
  EXPECT_EQ(first["palette"], "blue");
  const json& second = j["views"][1];
  EXPECT_EQ(second["name"], "province");
  EXPECT_EQ(second["title"], "");
  EXPECT_EQ(second["drill"], "");
  EXPECT_EQ(second["method"], "quantile");
  EXPECT_EQ(second["classes"], 5);
  EXPECT_EQ(second["palette"], "orange_red");

  const auto text = test::run_cli({"project", "views", path});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("2 saved views"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("เมือง"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("drilled to 9901"), std::string::npos) << text.out;

  // Writing the views was one edit of the project.
  const auto undone = test::run_cli({"project", "undo", path});
  ASSERT_EQ(undone.exit_code, 0) << undone.err;
  EXPECT_TRUE(list_views(path)["views"].empty());
}

TEST(CliProjectViews, AMalformedSettingNamesTheProjectAndTheSetting) {
  const std::string path = new_project("views_bad");
  write_views_setting(path, R"({"views": [{"title": "no name"}]})");
  const auto r = test::run_cli({"project", "views", path, "--json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(path), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("saved_views"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("view 1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("project undo"), std::string::npos) << "says what to do: " << r.err;

  write_views_setting(path, "not json");
  const auto again = test::run_cli({"project", "views", path});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("not a list of saved views"), std::string::npos) << again.err;
}

TEST(CliProjectViews, WrongUsageExitsTwo) {
  EXPECT_EQ(test::run_cli({"project", "views"}).exit_code, 2);
  const std::string path = new_project("views_usage");
  EXPECT_EQ(test::run_cli({"project", "views", path, "extra"}).exit_code, 2);
  const auto missing = test::run_cli({"project", "views", path + ".absent"});
  EXPECT_EQ(missing.exit_code, 1);
}

}  // namespace
}  // namespace chipao
