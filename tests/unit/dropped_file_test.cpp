// Files handed to ChiPao go where they belong, by what they hold (core/io/dropped_file.h).
#include "core/io/dropped_file.h"

#include <gtest/gtest.h>

#include <fstream>

#include "support/test_paths.h"

namespace chipao {
namespace {

std::string demo(const std::string& rel) {
  return test::source_dir() + "/data/demo/" + rel;
}

TEST(DroppedFile, EachKindByWhatItHolds) {
  EXPECT_EQ(classify_dropped(demo("tambon.shp")).kind, DroppedKind::boundaries);
  EXPECT_EQ(classify_dropped(demo("tpmap/61_99_tambol_11111.csv")).kind, DroppedKind::table);
  const DroppedFile folder = classify_dropped(demo("tpmap"));
  EXPECT_EQ(folder.kind, DroppedKind::table_folder);
  EXPECT_GT(folder.tables.size(), 10u);

  const std::string dir = test::temp_dir("dropped");
  const std::string zones = dir + "/zones.geojson";
  std::ofstream(zones) << R"({"type":"FeatureCollection","features":[{"type":"Feature",
"properties":{"name":"z"},"geometry":{"type":"Polygon","coordinates":[[[102.7,15.9],[102.8,15.9],
[102.8,16.0],[102.7,15.9]]]}}]})";
  EXPECT_EQ(classify_dropped(zones).kind, DroppedKind::zones);

  const std::string project = dir + "/p.chipao";
  const auto made = test::run_cli({"project", "new", project, "--boundaries", demo("tambon.shp")});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_EQ(classify_dropped(project).kind, DroppedKind::project);
}

TEST(DroppedFile, WhatItCannotOpenIsSaidByName) {
  const std::string dir = test::temp_dir("dropped_bad");
  const std::string fake = dir + "/notes.chipao";
  std::ofstream(fake) << "not a project";
  const DroppedFile f = classify_dropped(fake);
  EXPECT_EQ(f.kind, DroppedKind::unknown);
  EXPECT_NE(f.reason.find(fake), std::string::npos);
  EXPECT_NE(f.reason.find("not a ChiPao project"), std::string::npos);
  const DroppedFile missing = classify_dropped(dir + "/nothing.shp");
  EXPECT_EQ(missing.kind, DroppedKind::unknown);
  EXPECT_NE(missing.reason.find("does not exist"), std::string::npos);
  const std::string word = dir + "/letter.docx";
  std::ofstream(word) << "x";
  EXPECT_EQ(classify_dropped(word).kind, DroppedKind::unknown);
}

}  // namespace
}  // namespace chipao
