// The saved-views JSON (core/plan/saved_views_json.h): written and read back equal; fields an
// older view lacks take the documented defaults; numbers that would break the map later
// (classes out of range or fractional, a zoom of 0, a negative span) are refused
// with a message naming the origin, the view and the field, ending in the remedy. (1e999
// never reaches the view: the JSON reader refuses it.)
#include "core/plan/saved_views_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace chipao {
namespace {

SavedViewRecord sample(std::string name) {
  SavedViewRecord v;
  v.name = std::move(name);
  v.title = "ความยากจน \"อำเภอ\" 1\nบรรทัดสอง";
  v.lon = 104.312345678912;
  v.lat = -0.0;
  v.pixels_per_degree = 913.25;
  v.span_lon = 0.8;
  v.span_lat = 0.5;
  v.drill = "9901";
  v.measure = "poor.JPT.MOFval.CNT";
  v.method = ClassMethod::manual;
  v.classes = 4;
  v.palette = PaletteId::viridis_like;
  v.high_contrast = true;
  v.manual_breaks = {1.5, 2.25, 1e-300};
  v.labels = ViewLabels::value;
  return v;
}

TEST(SavedViewsJson, WrittenAndReadBackEqual) {
  const std::vector<SavedViewRecord> views = {sample("อำเภอ 1"), sample("🚜"), SavedViewRecord{}};
  std::vector<SavedViewRecord> with_zoom = views;
  with_zoom[2].pixels_per_degree = 1;
  const std::string text = saved_views_to_json(with_zoom);
  const auto back = saved_views_from_json(text, "views.json");
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, with_zoom);
  const auto root = nlohmann::json::parse(text);
  EXPECT_EQ(root["version"], 1);
  EXPECT_EQ(root["views"][0]["method"], "manual");
  EXPECT_EQ(root["views"][0]["labels"], "value");
  EXPECT_EQ(root["views"][0]["palette"], "viridis_like");
}

TEST(SavedViewsJson, AnOlderViewTakesTheDefaults) {
  const auto views = saved_views_from_json(
      R"({"views": [{"name": "a", "center": [100, 16], "pixels_per_degree": 50}]})", "x");
  ASSERT_TRUE(views) << views.error().message;
  ASSERT_EQ(views->size(), 1u);
  SavedViewRecord expected;
  expected.name = "a";
  expected.lon = 100;
  expected.lat = 16;
  expected.pixels_per_degree = 50;
  EXPECT_EQ((*views)[0], expected);
  EXPECT_EQ(expected.method, ClassMethod::quantile);
  EXPECT_EQ(expected.classes, 5);
  EXPECT_EQ(expected.palette, PaletteId::orange_red);
  EXPECT_EQ(expected.labels, ViewLabels::name);
}

TEST(SavedViewsJson, BadFieldsAreRefusedNamingTheViewAndTheField) {
  const std::string head =
      R"({"views": [{"name": "ok", "center": [100, 16], "pixels_per_degree": 5},
                                          {"name": "อำเภอ", "center": [100, 16], )";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"("pixels_per_degree": 0})", "pixels_per_degree"},
      {R"("pixels_per_degree": "5"})", "pixels_per_degree"},
      {R"("classes": 1e10, "pixels_per_degree": 5})", "classes"},
      {R"("classes": 4.5, "pixels_per_degree": 5})", "classes"},
      {R"("classes": 50, "pixels_per_degree": 5})", "classes"},
      {R"("classes": -3, "pixels_per_degree": 5})", "classes"},
      {R"("span": [-1, 1], "pixels_per_degree": 5})", "span"},
      {R"("manual_breaks": "1,2", "pixels_per_degree": 5})", "manual_breaks"},
      {R"("title": 7, "pixels_per_degree": 5})", "title"},
      {R"("high_contrast": 1, "pixels_per_degree": 5})", "high_contrast"},
      {R"("palette": "rainbow", "pixels_per_degree": 5})", "rainbow"},
      {R"("labels": "all", "pixels_per_degree": 5})", "all"},
  };
  for (const auto& [tail, field] : cases) {
    SCOPED_TRACE(tail);
    const auto views = saved_views_from_json(head + tail + "]}", "P: setting saved_views",
                                             "undo the edit that wrote it");
    ASSERT_FALSE(views) << "accepted";
    const std::string& m = views.error().message;
    EXPECT_TRUE(m.starts_with("P: setting saved_views: view 2 ('อำเภอ')")) << m;
    EXPECT_NE(m.find(field), std::string::npos) << m;
    EXPECT_TRUE(m.ends_with("undo the edit that wrote it")) << m;
  }
  // Numbers past a double are refused by the JSON reader itself, never read as infinity.
  for (const std::string& tail :
       {std::string(R"("pixels_per_degree": 1e999})"),
        std::string(R"("span": [1e999, 1], "pixels_per_degree": 5})"),
        std::string(R"("manual_breaks": [1, -1e400], "pixels_per_degree": 5})")}) {
    SCOPED_TRACE(tail);
    const auto views = saved_views_from_json(head + tail + "]}", "P", "undo it");
    ASSERT_FALSE(views) << "accepted";
    EXPECT_TRUE(views.error().message.starts_with("P: ")) << views.error().message;
    EXPECT_TRUE(views.error().message.ends_with("undo it")) << views.error().message;
  }
  // Missing members, a list that is not one, an item that is no object.
  for (const std::string& text :
       {std::string(R"({"views": [{"name": "x"}]})"),
        std::string(R"({"views": [{"center": [1, 2]}]})"),
        std::string(R"({"views": [{"name": "x", "center": [1], "pixels_per_degree": 5}]})"),
        std::string(R"({"views": [3]})"), std::string(R"({"views": {}})"), std::string("[]"),
        std::string("not json")}) {
    SCOPED_TRACE(text);
    const auto views = saved_views_from_json(text, "views.json");
    ASSERT_FALSE(views);
    EXPECT_TRUE(views.error().message.starts_with("views.json: ")) << views.error().message;
    EXPECT_TRUE(views.error().message.ends_with("fix or delete it")) << views.error().message;
  }
}

}  // namespace
}  // namespace chipao
