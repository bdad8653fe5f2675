// Saved views (app/saved_views.h): the JSON file round trip, replacing by name, renaming,
// deleting, stepping with wrap-around, and errors that name the file. In a project (the demo
// province, made with chipao-cli project new): views survive reopening the project, each change
// is one edit that undo takes back (also through the app's ProjectSession), a malformed setting
// is an error naming the project and the setting, and chipao-cli project views lists what the
// app saved.
#include "app/saved_views.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/project_session.h"
#include "core/store/project.h"
#include "support/test_paths.h"

namespace chipao::app {
namespace {

SavedView view_named(const std::string& name, double lon) {
  SavedView view;
  view.name = name;
  view.title = name + " title";
  view.lon = lon;
  view.lat = 16.5;
  view.pixels_per_degree = 420.5;
  view.span_lon = 0.75;
  view.span_lat = 0.5;
  view.drill = "9902";
  view.settings.measure = "poor.JPT.MOFval.CNT";
  view.settings.method = ClassMethod::jenks;
  view.settings.classes = 4;
  view.settings.palette = PaletteId::blue;
  view.settings.labels = LabelMode::value;
  return view;
}

TEST(SavedViews, SurviveARestartThroughTheFile) {
  const auto path = std::filesystem::path(test::temp_dir("views")) / "sub" / "views.json";
  std::filesystem::remove_all(path.parent_path());
  auto views = SavedViews::load(path);
  ASSERT_TRUE(views) << views.error().message;
  EXPECT_TRUE(views->views().empty()) << "a missing file is an empty list";
  ASSERT_TRUE(views->save_view(view_named("ก", 100.25)));
  ASSERT_TRUE(views->save_view(view_named("b", 101.0)));

  auto again = SavedViews::load(path);
  ASSERT_TRUE(again) << again.error().message;
  ASSERT_EQ(again->views().size(), 2u);
  EXPECT_EQ(again->views()[0], view_named("ก", 100.25));
  EXPECT_EQ(again->views()[1], view_named("b", 101.0));
}

TEST(SavedViews, ASameNameReplacesRenameAndDeleteAreWritten) {
  const auto path = std::filesystem::path(test::temp_dir("views")) / "edit.json";
  std::filesystem::remove(path);
  auto views = SavedViews::load(path);
  ASSERT_TRUE(views);
  ASSERT_TRUE(views->save_view(view_named("a", 1)));
  ASSERT_TRUE(views->save_view(view_named("b", 2)));
  ASSERT_TRUE(views->save_view(view_named("a", 3)));
  ASSERT_EQ(views->views().size(), 2u);
  EXPECT_EQ(views->views()[0].lon, 3);
  EXPECT_FALSE(views->rename(1, "a")) << "names stay unique";
  ASSERT_TRUE(views->rename(1, "c"));
  ASSERT_TRUE(views->remove(0));
  auto again = SavedViews::load(path);
  ASSERT_TRUE(again);
  ASSERT_EQ(again->views().size(), 1u);
  EXPECT_EQ(again->views()[0].name, "c");
  EXPECT_EQ(again->unused_name("View"), "View 1");
}

TEST(SavedViews, SteppingWrapsAroundBothWays) {
  const auto path = std::filesystem::path(test::temp_dir("views")) / "step.json";
  std::filesystem::remove(path);
  auto views = SavedViews::load(path);
  ASSERT_TRUE(views);
  EXPECT_EQ(views->step(1), nullptr);
  for (const char* name : {"a", "b", "c"}) ASSERT_TRUE(views->save_view(view_named(name, 0)));
  auto loaded = SavedViews::load(path);  // a fresh start has no current view
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->step(1)->name, "a");
  EXPECT_EQ(loaded->step(1)->name, "b");
  EXPECT_EQ(loaded->step(1)->name, "c");
  EXPECT_EQ(loaded->step(1)->name, "a");
  EXPECT_EQ(loaded->step(-1)->name, "c");
}

TEST(SavedViews, AMalformedFileIsAnErrorNamingIt) {
  const auto path = std::filesystem::path(test::temp_dir("views")) / "bad.json";
  std::ofstream(path) << "{\"views\": [{\"name\": \"x\"}]}";
  auto views = SavedViews::load(path);
  ASSERT_FALSE(views);
  EXPECT_NE(views.error().message.find(path.string()), std::string::npos) << views.error().message;
  EXPECT_NE(views.error().message.find("pixels_per_degree"), std::string::npos);
  EXPECT_FALSE(views_from_json("not json", "x.json"));
}

// A new demo project (no saved views yet, like one an older build wrote).
std::string demo_project(const std::string& tag) {
  const std::string path = test::temp_dir(tag) + "/demo.chipao";
  const std::string demo = test::source_dir() + "/data/demo/";
  const auto made = test::run_cli({"project", "new", path, "--boundaries", demo + "tambon.shp",
                                   "--table", demo + "tpmap/61_99_tambol_11111.csv"});
  EXPECT_EQ(made.exit_code, 0) << made.err;
  return path;
}

Result<SavedViews> project_views(Project& project) {
  return SavedViews::open(ProjectViewsStorage::over(project));
}

TEST(SavedViewsInAProject, SurviveReopeningTheProjectAndLeaveTheUserFileAlone) {
  const std::string path = demo_project("views_project");
  // The user's file must not be where a project's views go.
  const std::string config = test::temp_dir("views_config");
  ::setenv("XDG_CONFIG_HOME", config.c_str(), 1);
  std::size_t edits_before = 0;
  {
    auto project = Project::open(path);
    ASSERT_TRUE(project) << project.error().message;
    edits_before = project->history().size();
    auto views = project_views(*project);
    ASSERT_TRUE(views) << views.error().message;
    EXPECT_TRUE(views->views().empty()) << "a project without the setting has no views";
    ASSERT_TRUE(views->save_view(view_named("ก", 100.25)));
    ASSERT_TRUE(views->save_view(view_named("b", 101.0)));
    ASSERT_TRUE(views->rename(1, "c"));
    EXPECT_EQ(project->history().size(), edits_before + 3) << "each change is one edit";
    EXPECT_EQ(project->history().entries().back().summary, "rename view 'b' to 'c'");
  }
  auto reopened = Project::open(path);
  ASSERT_TRUE(reopened) << reopened.error().message;
  auto again = project_views(*reopened);
  ASSERT_TRUE(again) << again.error().message;
  ASSERT_EQ(again->views().size(), 2u);
  EXPECT_EQ(again->views()[0], view_named("ก", 100.25));
  SavedView renamed = view_named("b", 101.0);
  renamed.name = "c";
  EXPECT_EQ(again->views()[1], renamed);
  EXPECT_EQ(reopened->history().size(), edits_before + 3);
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(config) / "chipao" / "views.json"));
  ::unsetenv("XDG_CONFIG_HOME");
}

TEST(SavedViewsInAProject, UndoRestoresThePreviousList) {
  const std::string path = demo_project("views_undo");
  auto project = Project::open(path);
  ASSERT_TRUE(project) << project.error().message;
  auto views = project_views(*project);
  ASSERT_TRUE(views) << views.error().message;
  ASSERT_TRUE(views->save_view(view_named("a", 1)));
  ASSERT_TRUE(views->save_view(view_named("b", 2)));
  auto unchanged = views->refresh();
  ASSERT_TRUE(unchanged);
  EXPECT_FALSE(*unchanged) << "its own saves are not changes from elsewhere";

  ASSERT_TRUE(project->undo());
  auto refreshed = views->refresh();
  ASSERT_TRUE(refreshed) << refreshed.error().message;
  EXPECT_TRUE(*refreshed);
  ASSERT_EQ(views->views().size(), 1u);
  EXPECT_EQ(views->views()[0], view_named("a", 1));

  ASSERT_TRUE(project->undo());
  ASSERT_TRUE(views->refresh());
  EXPECT_TRUE(views->views().empty()) << "undoing the first save leaves no views";

  ASSERT_TRUE(project->redo());
  ASSERT_TRUE(project->redo());
  ASSERT_TRUE(views->refresh());
  ASSERT_EQ(views->views().size(), 2u);
  EXPECT_EQ(views->views()[1], view_named("b", 2));

  // Deleting the last view clears the setting: the project is as one without views.
  ASSERT_TRUE(views->remove(1));
  ASSERT_TRUE(views->remove(0));
  EXPECT_FALSE(project->state().settings.contains(std::string(kSavedViewsSetting)));
  ASSERT_TRUE(project->undo());
  ASSERT_TRUE(views->refresh());
  ASSERT_EQ(views->views().size(), 1u);
  EXPECT_EQ(views->views()[0].name, "a");
}

TEST(SavedViewsInAProject, AMalformedSettingIsAnErrorNamingTheProjectAndTheSetting) {
  const std::string path = demo_project("views_bad");
  {
    auto project = Project::open(path);
    ASSERT_TRUE(project) << project.error().message;
    auto edit = make_set_setting(project->state(), std::string(kSavedViewsSetting),
                                 R"({"views": [{"name": "x", "center": [100, 16]}]})");
    ASSERT_TRUE(edit);
    ASSERT_TRUE(project->apply(std::move(*edit)));
  }
  auto project = Project::open(path);
  ASSERT_TRUE(project) << project.error().message;
  auto views = project_views(*project);
  ASSERT_FALSE(views);
  const std::string& message = views.error().message;
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_NE(message.find("setting saved_views"), std::string::npos) << message;
  EXPECT_NE(message.find("pixels_per_degree"), std::string::npos) << message;
  EXPECT_NE(message.find("project undo"), std::string::npos) << "says what to do: " << message;
}

TEST(SavedViewsInAProject, TheAppSessionRecordsThemInItsHistoryAndItsUndoTakesThemBack) {
  const std::string path = demo_project("views_session");
  auto session = ProjectSession::open(path, {});
  ASSERT_TRUE(session) << session.error().message;
  ProjectSession& s = **session;
  // The wiring App::load_saved_views uses.
  auto views = SavedViews::open(std::make_unique<ProjectViewsStorage>(
      s.path(), [&s]() -> const PlanningState& { return s.state(); },
      [&s](Edit edit) { return s.apply(std::move(edit)); }));
  ASSERT_TRUE(views) << views.error().message;
  const int revision = s.revision();
  ASSERT_TRUE(views->save_view(view_named("meeting", 100.5)));
  EXPECT_GT(s.revision(), revision) << "the app sees the edit";
  EXPECT_EQ(s.history().entries().back().summary, "save view 'meeting'");
  ASSERT_TRUE(s.undo());
  ASSERT_TRUE(views->refresh());
  EXPECT_TRUE(views->views().empty());
  ASSERT_TRUE(s.redo());
  ASSERT_TRUE(views->refresh());
  ASSERT_EQ(views->views().size(), 1u);
  EXPECT_EQ(views->views()[0], view_named("meeting", 100.5));
  while (s.loading()) {
    s.take_layers();  // let the worker finish before the session goes
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

TEST(SavedViewsInAProject, TheCliListsWhatTheAppSaved) {
  const std::string path = demo_project("views_cli");
  {
    auto project = Project::open(path);
    ASSERT_TRUE(project) << project.error().message;
    auto views = project_views(*project);
    ASSERT_TRUE(views) << views.error().message;
    ASSERT_TRUE(views->save_view(view_named("อำเภอ 1", 100.25)));
    SavedView plain;
    plain.name = "plain";
    plain.lon = 100;
    plain.lat = 16;
    plain.pixels_per_degree = 300;
    ASSERT_TRUE(views->save_view(plain));
  }
  const auto listed = test::run_cli({"project", "views", path, "--json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const auto j = nlohmann::json::parse(listed.out);
  ASSERT_EQ(j["views"].size(), 2u) << listed.out;
  const auto& first = j["views"][0];
  EXPECT_EQ(first["name"], "อำเภอ 1");
  EXPECT_EQ(first["title"], "อำเภอ 1 title");
  EXPECT_EQ(first["drill"], "9902");
  EXPECT_EQ(first["measure"], "poor.JPT.MOFval.CNT");
  EXPECT_EQ(first["method"], "jenks");
  EXPECT_EQ(first["classes"], 4);
  EXPECT_EQ(first["palette"], "blue");
  const auto& second = j["views"][1];
  EXPECT_EQ(second["name"], "plain");
  EXPECT_EQ(second["drill"], "");
  EXPECT_EQ(second["method"], "quantile") << "SavedView's default method";
  EXPECT_EQ(second["classes"], 5);
  EXPECT_EQ(second["palette"], "orange_red");
}

}  // namespace
}  // namespace chipao::app
