// core create_project() (core/store/project_create.h), the operation behind both
// `chipao-cli project new` and the app's New project dialog: from the demo boundaries and
// TPMAP tables it makes the same project as the CLI (layers, joined columns, figures, kept
// tables, assignments); it refuses a taken name without force, leaves no P.tmp, and stops
// when cancelled without writing anything.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/store/project.h"
#include "core/store/project_create.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

namespace fs = std::filesystem;

std::string demo(const std::string& rel) {
  return test::source_dir() + "/data/demo/" + rel;
}

ProjectSources demo_sources() {
  ProjectSources s;
  s.boundary_path = demo("tambon.shp");
  s.table_paths = {demo("tpmap/61_99_tambol_11111.csv"), demo("tpmap/61_99_tambol_common.csv")};
  auto a = parse_assignment("990151=990101");
  EXPECT_TRUE(a.has_value());
  s.assignments = {*a};
  return s;
}

// Two figures agree when both are missing or both are equal.
bool same_figure(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || a == b;
}

TEST(CreateProject, MakesTheProjectTheCliMakes) {
  const std::string dir = test::temp_dir("project_create");
  const std::string by_core = dir + "/core.chipao";
  const std::string by_cli = dir + "/cli.chipao";
  std::vector<double> seen;
  Progress progress;
  progress.on_progress = [&](double f) { seen.push_back(f); };
  auto created = create_project(by_core, demo_sources(), false, progress);
  ASSERT_TRUE(created.has_value()) << created.error().message;
  EXPECT_EQ(created->layer_name, "tambon");
  EXPECT_GT(created->columns, 0u);
  EXPECT_FALSE(fs::exists(by_core + ".tmp"));
  ASSERT_FALSE(seen.empty());
  EXPECT_DOUBLE_EQ(seen.back(), 1.0);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));

  const auto r =
      test::run_cli({"project", "new", by_cli, "--boundaries", demo("tambon.shp"), "--table",
                     demo("tpmap/61_99_tambol_11111.csv"), "--table",
                     demo("tpmap/61_99_tambol_common.csv"), "--assign", "990151=990101"});
  ASSERT_EQ(r.exit_code, 0) << r.err;

  auto core_project = Project::open(by_core);
  auto cli_project = Project::open(by_cli);
  ASSERT_TRUE(core_project.has_value()) << core_project.error().message;
  ASSERT_TRUE(cli_project.has_value()) << cli_project.error().message;
  auto core_layers = core_project->store().layers();
  auto cli_layers = cli_project->store().layers();
  ASSERT_TRUE(core_layers && cli_layers);
  ASSERT_EQ(core_layers->size(), cli_layers->size());
  for (std::size_t i = 0; i < core_layers->size(); ++i) {
    const LayerSummary& a = (*core_layers)[i];
    const LayerSummary& b = (*cli_layers)[i];
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.level, b.level);
    EXPECT_EQ(a.geometry_type, b.geometry_type);
    EXPECT_EQ(a.features, b.features);
    EXPECT_EQ(a.columns, b.columns);
    EXPECT_EQ(a.tables, b.tables);
    EXPECT_EQ(a.tables, 2u);
  }
  auto core_figures = core_project->figures();
  auto cli_figures = cli_project->figures();
  ASSERT_TRUE(core_figures && cli_figures);
  EXPECT_EQ((*core_figures)->report_json, (*cli_figures)->report_json);
  EXPECT_TRUE((*core_figures)->rejoinable);
  const auto& a = (*core_figures)->join;
  const auto& b = (*cli_figures)->join;
  EXPECT_EQ(a.assigned_from, b.assigned_from);
  ASSERT_EQ(a.columns.size(), b.columns.size());
  for (std::size_t c = 0; c < a.columns.size(); ++c) {
    EXPECT_EQ(a.columns[c].name, b.columns[c].name);
    ASSERT_EQ(a.columns[c].values.size(), b.columns[c].values.size());
    for (std::size_t v = 0; v < a.columns[c].values.size(); ++v)
      EXPECT_TRUE(same_figure(a.columns[c].values[v], b.columns[c].values[v]))
          << a.columns[c].name << " feature " << v;
  }
  auto core_tables = core_project->store().load_tables("tambon");
  auto cli_tables = cli_project->store().load_tables("tambon");
  ASSERT_TRUE(core_tables && cli_tables);
  ASSERT_EQ(core_tables->size(), cli_tables->size());
  for (std::size_t t = 0; t < core_tables->size(); ++t) {
    EXPECT_EQ((*core_tables)[t].kind, (*cli_tables)[t].kind);
    EXPECT_EQ((*core_tables)[t].rows.size(), (*cli_tables)[t].rows.size());
  }
  ASSERT_EQ(core_project->state().assignments.size(), 1u);
  EXPECT_EQ(core_project->state().assignments[0].municipal_code, "990151");
  EXPECT_EQ(cli_project->state().assignments.size(), 1u);
}

TEST(CreateProject, BoundariesAloneMakeAProjectWithoutFigures) {
  const std::string path = test::temp_dir("project_create_alone") + "/b.chipao";
  ProjectSources s;
  s.boundary_path = demo("tambon.shp");
  auto created = create_project(path, s, false);
  ASSERT_TRUE(created.has_value()) << created.error().message;
  EXPECT_EQ(created->columns, 0u);
  EXPECT_EQ(created->join_report_json, "{}");
  EXPECT_GT(created->features, 0u);
}

TEST(CreateProject, RefusesATakenNameWithoutForceAndReplacesAProjectWithIt) {
  const std::string dir = test::temp_dir("project_create_force");
  const std::string path = dir + "/p.chipao";
  ProjectSources s;
  s.boundary_path = demo("tambon.shp");
  ASSERT_TRUE(create_project(path, s, false).has_value());
  EXPECT_EQ(check_project_target(path, false), ProjectTarget::exists);
  auto again = create_project(path, s, false);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().message, path + " already exists; give --force to replace it");
  EXPECT_TRUE(create_project(path, demo_sources(), true).has_value());

  const std::string other = dir + "/notes.chipao";
  { std::ofstream(other) << "not a project"; }
  EXPECT_EQ(check_project_target(other, true), ProjectTarget::not_a_project);
  EXPECT_FALSE(create_project(other, s, true).has_value());
}

TEST(CreateProject, CancelledWritesNothing) {
  const std::string path = test::temp_dir("project_create_cancel") + "/c.chipao";
  std::atomic<bool> cancel{true};
  Progress progress;
  progress.cancel_flag = &cancel;
  auto created = create_project(path, demo_sources(), false, progress);
  ASSERT_FALSE(created.has_value());
  EXPECT_NE(created.error().message.find("cancelled"), std::string::npos);
  EXPECT_FALSE(fs::exists(path));
  EXPECT_FALSE(fs::exists(path + ".tmp"));
}

TEST(CreateProject, DefaultPathIsBesideTheBoundaryFile) {
  EXPECT_EQ(default_project_path("/data/x/tambon.shp"), "/data/x/tambon.chipao");
  EXPECT_EQ(default_project_path("/vsizip//data/x/amphoe.zip/amphoe.shp"), "/data/x/amphoe.chipao");
  EXPECT_EQ(default_project_path(""), "");
}

}  // namespace
}  // namespace chipao
