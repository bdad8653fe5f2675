// The New project dialog's logic without ImGui (app/new_project_model.h, new_project_job.h,
// NewProjectDialog::create_now): choices become LoadOptions, the project path follows the
// boundary file until typed, files and folders are sorted into boundaries and tables, Create
// says in Thai or English why it cannot run, the worker reads the demo and reports what it
// understood, and Create makes the project chipao-cli makes.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/new_project_dialog.h"
#include "app/new_project_job.h"
#include "app/new_project_model.h"
#include "core/store/project.h"
#include "support/test_paths.h"

namespace chipao::app {
namespace {

namespace fs = std::filesystem;

std::string demo(const std::string& rel) {
  return test::source_dir() + "/data/demo/" + rel;
}

// True when the text holds a Latin letter outside `allowed` (file names, codes).
bool has_latin(const std::string& text) {
  for (char c : text)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return false;
}

TEST(NewProjectModel, ChoicesBecomeLoadOptions) {
  NewProjectChoices c;
  LoadOptions o = load_options(c);
  EXPECT_FALSE(o.level);
  EXPECT_TRUE(o.code_fields.empty());
  EXPECT_FALSE(o.encoding);
  EXPECT_FALSE(o.crs);
  c.level = AdminLevel::village;
  c.code_fields = " PROV , AMP,TAM ";
  c.encoding = EncodingChoice::cp874;
  c.crs = " EPSG:24047 ";
  o = load_options(c);
  EXPECT_EQ(o.level, AdminLevel::village);
  EXPECT_EQ(o.code_fields, (std::vector<std::string>{"PROV", "AMP", "TAM"}));
  EXPECT_EQ(o.encoding, "CP874");
  EXPECT_EQ(o.crs, "EPSG:24047");
  EXPECT_EQ(o.override_origin, "flag");
  c.encoding = EncodingChoice::utf8;
  EXPECT_EQ(load_options(c).encoding, "UTF-8");
}

TEST(NewProjectModel, ProjectPathFollowsTheBoundaryUntilTyped) {
  NewProjectChoices c;
  set_boundary(c, "/d/a/tambon.shp");
  EXPECT_EQ(c.project_path, "/d/a/tambon.chipao");
  set_boundary(c, "/d/b/village.shp");
  EXPECT_EQ(c.project_path, "/d/b/village.chipao");
  c.project_path = "/home/p/plan.chipao";
  set_boundary(c, "/d/c/tambon.shp");
  EXPECT_EQ(c.project_path, "/home/p/plan.chipao");
}

TEST(NewProjectModel, FilesAndFoldersGoWhereTheyBelong) {
  NewProjectChoices c;
  add_path(c, demo("tambon.shp"), Language::english);
  EXPECT_EQ(c.boundary_path, demo("tambon.shp"));
  const std::string msg = add_path(c, demo("tpmap"), Language::thai);
  EXPECT_GE(c.tables.size(), 2u);
  const std::size_t n = c.tables.size();
  add_path(c, demo("tpmap/61_99_tambol_11111.csv"), Language::english);
  EXPECT_EQ(c.tables.size(), n) << "a table is added once";
  EXPECT_NE(msg.find("เพิ่มตาราง"), std::string::npos) << msg;
  const std::string dir = test::temp_dir("new_project_add");
  { std::ofstream(dir + "/notes.pdf") << "%PDF-1.4"; }
  const std::string refused = add_path(c, dir + "/notes.pdf", Language::english);
  EXPECT_NE(refused.find("not a boundary file"), std::string::npos) << refused;
  EXPECT_EQ(c.tables.size(), n);
}

TEST(NewProjectModel, CreateSaysWhyNotInTheLanguageInForce) {
  NewProjectChoices c;
  auto th = create_problems(c, Language::thai);
  ASSERT_EQ(th.size(), 2u);
  for (const std::string& p : th) EXPECT_FALSE(has_latin(p)) << p;
  const std::string dir = test::temp_dir("new_project_problems");
  c.boundary_path = demo("tambon.shp");
  c.project_path = dir + "/p.txt";
  auto en = create_problems(c, Language::english);
  ASSERT_EQ(en.size(), 1u);
  EXPECT_NE(en[0].find(".chipao"), std::string::npos);
  c.project_path = dir + "/p.chipao";
  EXPECT_TRUE(create_problems(c, Language::english).empty());
  { std::ofstream(c.project_path) << "not a project"; }
  EXPECT_EQ(create_problems(c, Language::english).size(), 1u);
  c.replace_existing = true;
  auto refused = create_problems(c, Language::thai);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_NE(refused[0].find("ไม่ใช่โครงการ"), std::string::npos);
}

// Runs a job to its end (the worker), as the dialog's frames would.
NewProjectOutcome wait_for(NewProjectJob& job) {
  for (int i = 0; i < 600 && job.running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto outcome = job.take();
  EXPECT_TRUE(outcome.has_value());
  return outcome ? std::move(*outcome) : NewProjectOutcome{};
}

TEST(NewProjectJob, ReadsTheDemoAndSaysWhatItUnderstood) {
  NewProjectChoices c;
  set_boundary(c, demo("tambon.shp"));
  c.tables = {demo("tpmap/61_99_tambol_11111.csv"), demo("tpmap/61_99_tambol_common.csv")};
  NewProjectJob job;
  ASSERT_TRUE(job.start_load(c));
  NewProjectOutcome outcome = wait_for(job);
  EXPECT_EQ(outcome.key, load_key(c));
  ASSERT_TRUE(outcome.loaded && *outcome.loaded) << outcome.loaded->error().message;
  const LoadedPreview& p = **outcome.loaded;
  EXPECT_EQ(p.source.level, AdminLevel::tambon);
  EXPECT_GT(p.features, 0u);
  ASSERT_TRUE(p.join);
  EXPECT_GT(p.join->matched, 0u);
  const auto th = layer_summary(p, Language::thai);
  EXPECT_EQ(th.size(), 9u);
  EXPECT_NE(th[0].find("ตำบล"), std::string::npos) << th[0];
  const auto en = join_summary(*p.join, Language::english);
  EXPECT_NE(en[0].find("Areas with figures"), std::string::npos);

  // A ticked suggestion becomes an assignment; an unticked one does not.
  if (!p.join->suggestions.empty()) {
    const auto& s = p.join->suggestions.front();
    EXPECT_TRUE(project_sources(c, &*p.join).assignments.empty());
    c.assigned.insert(s.municipal_code);
    const auto sources = project_sources(c, &*p.join);
    ASSERT_EQ(sources.assignments.size(), s.tambons.empty() ? 0u : 1u);
  }
}

TEST(NewProjectJob, ABadOverrideSaysSoAndCreateRunsOnTheWorker) {
  NewProjectChoices c;
  set_boundary(c, demo("tambon.shp"));
  c.code_fields = "NO_SUCH_FIELD";
  NewProjectJob job;
  ASSERT_TRUE(job.start_load(c));
  NewProjectOutcome bad = wait_for(job);
  ASSERT_TRUE(bad.loaded);
  EXPECT_FALSE(*bad.loaded);

  c.code_fields.clear();
  c.project_path = test::temp_dir("new_project_job") + "/w.chipao";
  ASSERT_TRUE(job.start_create(c.project_path, project_sources(c), false));
  NewProjectOutcome made = wait_for(job);
  ASSERT_TRUE(made.created && *made.created) << made.created->error().message;
  EXPECT_TRUE(fs::exists(c.project_path));
  EXPECT_FALSE(fs::exists(c.project_path + ".tmp"));
}

TEST(NewProjectDialog, CreateNowMakesTheProjectTheCliMakes) {
  const std::string dir = test::temp_dir("new_project_create_now");
  NewProjectChoices c;
  set_boundary(c, demo("tambon.shp"));
  add_path(c, demo("tpmap/61_99_tambol_11111.csv"), Language::english);
  add_path(c, demo("tpmap/61_99_tambol_common.csv"), Language::english);
  c.project_path = dir + "/app.chipao";
  auto made = NewProjectDialog::create_now(c);
  ASSERT_TRUE(made.has_value()) << made.error().message;
  EXPECT_EQ(*made, c.project_path);
  auto again = NewProjectDialog::create_now(c, Language::thai);
  ASSERT_FALSE(again.has_value());
  EXPECT_FALSE(has_latin(again.error().message)) << again.error().message;

  const auto r =
      test::run_cli({"project", "new", dir + "/cli.chipao", "--boundaries", demo("tambon.shp"),
                     "--table", c.tables[0], "--table", c.tables[1]});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto app = Project::open(c.project_path);
  auto cli = Project::open(dir + "/cli.chipao");
  ASSERT_TRUE(app && cli);
  auto a = app->figures();
  auto b = cli->figures();
  ASSERT_TRUE(a && b);
  EXPECT_EQ((*a)->report_json, (*b)->report_json);
  ASSERT_EQ((*a)->join.columns.size(), (*b)->join.columns.size());
  for (std::size_t i = 0; i < (*a)->join.columns.size(); ++i)
    EXPECT_EQ((*a)->join.columns[i].name, (*b)->join.columns[i].name);
}

}  // namespace
}  // namespace chipao::app
