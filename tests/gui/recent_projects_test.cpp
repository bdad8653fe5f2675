// The start screen's recent projects: newest first, once each, at most ten, kept across runs,
// a broken file never stopping the app; and the dates as a Thai planner reads them.
#include "app/recent_projects.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <fstream>

#include "app/start_screen.h"
#include "support/test_paths.h"

namespace chipao::app {
namespace {

TEST(RecentProjects, NewestFirstOnceEachAndKeptAcrossRuns) {
  const std::string file = test::temp_dir("recent") + "/chipao/recent.json";
  {
    RecentProjects recent = RecentProjects::load(file);
    EXPECT_TRUE(recent.entries().empty());
    ASSERT_TRUE(recent.add("/p/a.chipao", "9901", "2026-12-01"));
    ASSERT_TRUE(recent.add("/p/b.chipao", "", "2026-12-02"));
    ASSERT_TRUE(recent.add("/p/a.chipao", "9902", "2026-12-03"));  // again: moves first
  }
  const RecentProjects again = RecentProjects::load(file);
  ASSERT_EQ(again.entries().size(), 2u);
  EXPECT_EQ(again.entries()[0].path, "/p/a.chipao");
  EXPECT_EQ(again.entries()[0].amphoe, "9902");
  EXPECT_EQ(again.entries()[0].opened, "2026-12-03");
  EXPECT_EQ(again.entries()[1].path, "/p/b.chipao");
}

TEST(RecentProjects, KeepsAtMostTenAndForgets) {
  const std::string file = test::temp_dir("recent_max") + "/recent.json";
  RecentProjects recent = RecentProjects::load(file);
  for (int i = 0; i < 14; ++i)
    ASSERT_TRUE(recent.add(fmt::format("/p/{}.chipao", i), "", "2026-12-04"));
  EXPECT_EQ(recent.entries().size(), RecentProjects::kMaxEntries);
  EXPECT_EQ(recent.entries().front().path, "/p/13.chipao");
  ASSERT_TRUE(recent.remove("/p/13.chipao"));
  EXPECT_EQ(RecentProjects::load(file).entries().front().path, "/p/12.chipao");
}

TEST(RecentProjects, ABrokenListIsEmptyWithAWarning) {
  const std::string file = test::temp_dir("recent_broken") + "/recent.json";
  std::ofstream(file) << "{not json";
  const RecentProjects recent = RecentProjects::load(file);
  EXPECT_TRUE(recent.entries().empty());
  EXPECT_NE(recent.warning().find(file), std::string::npos);
}

TEST(RecentProjects, DatesInBuddhistEraForThai) {
  EXPECT_EQ(recent_date_text("2026-12-04", Language::thai), "4 ธ.ค. 2569");
  EXPECT_EQ(recent_date_text("2026-12-04", Language::english), "4 Dec 2026");
  EXPECT_EQ(recent_date_text("yesterday", Language::thai), "yesterday");
}

}  // namespace
}  // namespace chipao::app
