// Reader behaviour that needs a whole file but not the CLI: CRS guessing from codes,
// parallel reading, progress and cancellation.
#include "core/io/boundary_reader.h"

#include <gtest/gtest.h>

#include <atomic>

#include "support/fixtures.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

std::string square_wkt(double x, double y, double size) {
  return "POLYGON((" + std::to_string(x) + " " + std::to_string(y) + "," +
         std::to_string(x + size) + " " + std::to_string(y) + "," + std::to_string(x + size) + " " +
         std::to_string(y + size) + "," + std::to_string(x) + " " + std::to_string(y + size) + "," +
         std::to_string(x) + " " + std::to_string(y) + "))";
}

std::string utm_layer_without_prj(const std::string& code) {
  test::FixtureLayer layer;
  layer.path = test::temp_dir("utm") + "/tambon_" + code + ".shp";
  layer.epsg = 0;
  layer.fields = {{"tam_code"}};
  // Eastings around 490 km land in Thailand in both zone 47 (98.9 E) and zone 48 (104.9 E).
  layer.features = {{square_wkt(485000, 1660000, 5000), {code}}};
  EXPECT_EQ(test::write_fixture(layer), "");
  return layer.path;
}

TEST(BoundaryReader, ProvinceCodeSettlesTheUtmZoneOfAFileWithoutPrj) {
  auto ubon = load_boundaries(utm_layer_without_prj("340101"));
  ASSERT_TRUE(ubon) << ubon.error().message;
  EXPECT_EQ(ubon->source.crs, "EPSG:32648");
  EXPECT_EQ(ubon->source.crs_source, "guessed");
  EXPECT_NEAR((ubon->extent_wgs84.min_x + ubon->extent_wgs84.max_x) / 2, 104.9, 0.1);
  auto chiang_mai = load_boundaries(utm_layer_without_prj("500101"));
  ASSERT_TRUE(chiang_mai) << chiang_mai.error().message;
  EXPECT_EQ(chiang_mai->source.crs, "EPSG:32647");
  EXPECT_NEAR((chiang_mai->extent_wgs84.min_x + chiang_mai->extent_wgs84.max_x) / 2, 98.9, 0.1);
  ASSERT_FALSE(chiang_mai->report.warnings.empty());
  EXPECT_NE(chiang_mai->report.warnings[0].find("--crs"), std::string::npos);
}

test::FixtureLayer grid_layer(int columns, int rows) {
  test::FixtureLayer layer;
  layer.path = test::temp_dir("grid") + "/grid.shp";
  layer.fields = {{"tam_code"}, {"tam_th"}};
  layer.layer_options = {"ENCODING=UTF-8"};
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < columns; ++c) {
      const int n = r * columns + c;
      const std::string code = "34" + std::to_string(10 + n / 90) + std::to_string(10 + n % 90);
      layer.features.push_back({square_wkt(104 + c * 0.01, 15 + r * 0.01, 0.01), {code, "ตำบล"}});
    }
  }
  return layer;
}

TEST(BoundaryReader, ParallelReadGivesTheSameFeaturesInTheSameOrder) {
  const test::FixtureLayer layer = grid_layer(60, 30);
  ASSERT_EQ(test::write_fixture(layer), "");
  LoadOptions one;
  one.threads = 1;
  LoadOptions four;
  four.threads = 4;
  auto a = load_boundaries(layer.path, one);
  auto b = load_boundaries(layer.path, four);
  ASSERT_TRUE(a && b);
  ASSERT_EQ(a->features.size(), 1800u);
  ASSERT_EQ(b->features.size(), 1800u);
  for (std::size_t i = 0; i < a->features.size(); ++i) {
    EXPECT_EQ(a->features[i].fid, static_cast<std::int64_t>(i));
    EXPECT_EQ(a->features[i].fid, b->features[i].fid);
    EXPECT_EQ(a->features[i].code, b->features[i].code);
    EXPECT_EQ(a->features[i].geometry.points, b->features[i].geometry.points);
  }
  EXPECT_EQ(a->features[0].name_th, "ตำบล");
  EXPECT_TRUE(a->report.duplicates.empty());
}

TEST(BoundaryReader, ReportsProgressAndHonoursCancel) {
  const test::FixtureLayer layer = grid_layer(40, 25);
  ASSERT_EQ(test::write_fixture(layer), "");
  double last = 0;
  int calls = 0;
  LoadOptions options;
  options.progress.on_progress = [&](double f) {
    EXPECT_GE(f, last);
    last = f;
    ++calls;
  };
  ASSERT_TRUE(load_boundaries(layer.path, options));
  EXPECT_GE(calls, 1);
  EXPECT_DOUBLE_EQ(last, 1.0);

  std::atomic<bool> cancel{true};
  LoadOptions cancelled;
  cancelled.progress.cancel_flag = &cancel;
  auto r = load_boundaries(layer.path, cancelled);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("cancelled"), std::string::npos);
}

}  // namespace
}  // namespace chipao
