// Saved views (app/saved_views.h): the JSON file round trip, replacing by name, renaming,
// deleting, stepping with wrap-around, and errors that name the file.
#include "app/saved_views.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

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

}  // namespace
}  // namespace chipao::app
