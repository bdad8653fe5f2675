// chipao-cli render on the demo province, with no display at all: DISPLAY and WAYLAND_DISPLAY
// are removed before the CLI starts, so it can only draw through EGL's surfaceless platform.
// The PNG is read back with GDAL and checked for what a planner must see: every class colour
// of the palette, the hatched "no data" area (tambon 990101 has no TPMAP row of its own), a
// title, and a different picture when the map is fitted to one amphoe.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_api.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/classify/palette.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

using test::run_cli;

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgb;  // 3 bytes per pixel, top row first

  Rgb8 at(int x, int y) const {
    const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                           static_cast<std::size_t>(x)) *
                          3;
    return {rgb[i], rgb[i + 1], rgb[i + 2]};
  }
  // Pixels of exactly this colour inside [x0, x1) x [y0, y1).
  std::size_t count(Rgb8 c, int x0, int y0, int x1, int y1) const {
    std::size_t n = 0;
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) n += at(x, y) == c ? 1 : 0;
    return n;
  }
  std::size_t count(Rgb8 c) const { return count(c, 0, 0, width, height); }
};

// Reads a PNG with GDAL (its PNG driver), independent of the stb writer that made it.
Image read_png(const std::string& path) {
  GDALAllRegister();
  Image image;
  GDALDatasetH ds = GDALOpen(path.c_str(), GA_ReadOnly);
  if (ds == nullptr) return image;
  auto* dataset = GDALDataset::FromHandle(ds);
  image.width = dataset->GetRasterXSize();
  image.height = dataset->GetRasterYSize();
  image.rgb.resize(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) *
                   3);
  int bands[] = {1, 2, 3};
  const CPLErr err = dataset->RasterIO(GF_Read, 0, 0, image.width, image.height, image.rgb.data(),
                                       image.width, image.height, GDT_Byte, 3, bands, 3,
                                       static_cast<GSpacing>(image.width) * 3, 1, nullptr);
  GDALClose(ds);
  if (err != CE_None) image = {};
  return image;
}

// The run itself: no display of any kind in the child's environment.
test::CommandResult render(std::vector<std::string> extra) {
  unsetenv("DISPLAY");
  unsetenv("WAYLAND_DISPLAY");
  // Mesa's llvmpipe keeps allocations until exit: under the sanitizer build a leak check would
  // report the driver, not ChiPao (as for the GL tests in tests/gui). Only the child reads it.
  const std::string asan =
      std::getenv("ASAN_OPTIONS") != nullptr ? std::getenv("ASAN_OPTIONS") : "";
  if (!asan.ends_with("detect_leaks=0")) {
    setenv("ASAN_OPTIONS", (asan + (asan.empty() ? "" : ":") + "detect_leaks=0").c_str(), 1);
  }
  const std::string demo = test::source_dir() + "/data/demo";
  std::vector<std::string> args = {"render",
                                   "--boundaries",
                                   demo + "/tambon.shp",
                                   "--table",
                                   demo + "/tpmap/61_99_tambol_11111.csv",
                                   "--table",
                                   demo + "/tpmap/61_99_tambol_common.csv"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_cli(args);
}

constexpr Rgb8 kBackground{0xf7, 0xf5, 0xf0};
// The map's no-data look (render/feature_style.h defaults): a light base with grey stripes.
constexpr Rgb8 kHatch{0x9a, 0x9a, 0x9a};

TEST(RenderCli, DrawsEveryClassColourHatchedNoDataAndATitleWithoutADisplay) {
  const std::string out = test::temp_dir("render") + "/map.png";
  const auto r = render({"--measure", "poor.JPT.MOFval.CNT", "--classes", "5", "--method",
                         "quantile", "--palette", "orange_red", "--title", "คนจนเป้าหมาย พนาสุข",
                         "--size", "1000x700", "--out", out, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_TRUE(std::filesystem::exists(out));
  const Image image = read_png(out);
  ASSERT_EQ(image.width, 1000);
  ASSERT_EQ(image.height, 700);

  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["features"], 80);
  ASSERT_EQ(j["classes"].size(), 5u);
  std::size_t classified = 0;
  for (const auto& c : j["classes"]) classified += c["count"].get<std::size_t>();
  EXPECT_EQ(classified + j["no_data"].get<std::size_t>(), 80u);
  EXPECT_EQ(j["no_data"], 1) << "990101 has no row of its own in the demo tables";

  // The map occupies the left part; the legend box sits at the top right. Each class colour
  // must fill real areas of the map, not just a legend swatch.
  const int map_x1 = image.width * 6 / 10;
  for (const Rgb8 c : sequential_palette(PaletteId::orange_red, 5)) {
    EXPECT_GT(image.count(c, 0, 0, map_x1, image.height), 200u)
        << "class colour " << int(c.r) << "," << int(c.g) << "," << int(c.b) << " missing";
  }
  EXPECT_GT(image.count(kHatch, 0, 0, map_x1, image.height), 200u) << "no hatched area";

  // The title's ink: the top-left band differs from the background.
  std::size_t ink = 0;
  for (int y = 10; y < 50; ++y)
    for (int x = 10; x < 300; ++x) ink += image.at(x, y) == kBackground ? 0 : 1;
  EXPECT_GT(ink, 300u) << "no title drawn";
}

TEST(RenderCli, AssigningTheTownToItsTambonLeavesNoHatchedArea) {
  const std::string out = test::temp_dir("render") + "/assigned.png";
  const auto r = render({"--measure", "poor.JPT.MOFval.CNT", "--assign", "990151=990101", "--size",
                         "1000x700", "--out", out, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["no_data"], 0);
  const Image image = read_png(out);
  ASSERT_EQ(image.width, 1000);
  // A stray anti-aliased text or outline pixel may share the grey; a hatched tambon gives
  // hundreds.
  EXPECT_LT(image.count(kHatch, 0, 0, image.width * 6 / 10, image.height), 20u);
}

TEST(RenderCli, AnAmphoeExtentGivesADifferentPicture) {
  const std::string dir = test::temp_dir("render");
  const auto full =
      render({"--measure", "poor.JPT.MOFval.CNT", "--size", "640x480", "--out", dir + "/full.png"});
  const auto zoomed = render({"--measure", "poor.JPT.MOFval.CNT", "--size", "640x480", "--out",
                              dir + "/amphoe.png", "--extent", "9901", "--json"});
  ASSERT_EQ(full.exit_code, 0) << full.err;
  ASSERT_EQ(zoomed.exit_code, 0) << zoomed.err;
  const auto report = nlohmann::json::parse(zoomed.out);
  EXPECT_EQ(report["extent"]["code"], "9901");
  // The legend counts the amphoe's tambons only (the others are context): classes + no data
  // add up to the tambons of 9901 in the demo file, counted here with GDAL.
  GDALAllRegister();
  GDALDatasetH ds = GDALOpenEx((test::source_dir() + "/data/demo/tambon.shp").c_str(),
                               GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  ASSERT_NE(ds, nullptr);
  OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
  std::size_t in_amphoe = 0;
  while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
    const std::string code = OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "tam_code"));
    in_amphoe += code.starts_with("9901") ? 1 : 0;
    OGR_F_Destroy(f);
  }
  GDALClose(ds);
  std::size_t counted = report["no_data"].get<std::size_t>();
  for (const auto& c : report["classes"]) counted += c["count"].get<std::size_t>();
  EXPECT_GT(in_amphoe, 0u);
  EXPECT_EQ(counted, in_amphoe);
  EXPECT_EQ(report["no_data"], 1) << "990101 (the town's tambon) has no row of its own";
  const Image a = read_png(dir + "/full.png");
  const Image b = read_png(dir + "/amphoe.png");
  ASSERT_EQ(a.rgb.size(), b.rgb.size());
  std::size_t differ = 0;
  for (int y = 0; y < a.height; ++y)
    for (int x = 0; x < a.width; ++x) differ += a.at(x, y) == b.at(x, y) ? 0 : 1;
  EXPECT_GT(differ, static_cast<std::size_t>(a.width * a.height / 10));
}

// Pixels that differ between two images of the same size inside [x0, x1) x [y0, y1).
std::size_t pixels_differing(const Image& a, const Image& b, int x0, int y0, int x1, int y1) {
  std::size_t differ = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) differ += a.at(x, y) == b.at(x, y) ? 0 : 1;
  return differ;
}

TEST(RenderCli, LabelsAreDrawnOnTheMapAndCounted) {
  const std::string dir = test::temp_dir("render");
  const std::vector<std::string> common = {"--measure", "poor.JPT.MOFval.CNT", "--size", "1000x700",
                                           "--json"};
  const auto run = [&](const std::string& labels, const std::string& file) {
    std::vector<std::string> args = common;
    if (!labels.empty()) args.insert(args.end(), {"--labels", labels});
    args.insert(args.end(), {"--out", dir + "/" + file});
    return render(args);
  };
  const auto thai = run("", "thai.png");  // name is the default
  const auto none = run("none", "none.png");
  const auto english = run("name-en", "english.png");
  const auto values = run("value", "values.png");
  for (const auto* r : {&thai, &none, &english, &values}) ASSERT_EQ(r->exit_code, 0) << r->err;

  const auto placed = [](const test::CommandResult& r) {
    return nlohmann::json::parse(r.out)["labels"]["placed"].get<std::size_t>();
  };
  EXPECT_EQ(nlohmann::json::parse(thai.out)["labels"]["content"], "name");
  EXPECT_EQ(placed(none), 0u);
  // Some labels fit the 80 tambon, and never more than one per area.
  for (const auto* r : {&thai, &english, &values}) {
    EXPECT_GT(placed(*r), 5u) << r->out;
    EXPECT_LE(placed(*r), 80u) << r->out;
  }

  // The map area (left of the legend) carries the labels' ink; the pictures differ there.
  const Image with = read_png(dir + "/thai.png");
  const Image without = read_png(dir + "/none.png");
  const Image in_english = read_png(dir + "/english.png");
  ASSERT_EQ(with.rgb.size(), without.rgb.size());
  ASSERT_EQ(with.rgb.size(), in_english.rgb.size());
  const int map_x1 = with.width * 6 / 10;
  EXPECT_GT(pixels_differing(with, without, 0, 60, map_x1, with.height), 100 * placed(thai));
  EXPECT_GT(pixels_differing(with, in_english, 0, 60, map_x1, with.height), 1000u)
      << "Thai and English labels look the same";
}

TEST(RenderCli, AnUnknownLabelChoiceIsAUsageError) {
  const auto r = render({"--measure", "poor.JPT.MOFval.CNT", "--size", "320x240", "--out",
                         test::temp_dir("render") + "/l.png", "--labels", "names"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--labels names"), std::string::npos) << r.err;
}

TEST(RenderCli, AnUnknownExtentCodeSaysSo) {
  const auto r = render({"--measure", "poor.JPT.MOFval.CNT", "--size", "320x240", "--out",
                         test::temp_dir("render") + "/x.png", "--extent", "3501"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("3501"), std::string::npos) << r.err;
}

TEST(RenderCli, AMissingMeasureListsTheColumns) {
  const std::string out = test::temp_dir("render") + "/bad.png";
  const auto r = render({"--measure", "poor.nothing", "--size", "320x240", "--out", out});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("poor.nothing"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("poor.JPT.MOFval.CNT"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("poor.household.CNT"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(RenderCli, ABadSizeIsAUsageError) {
  for (const char* size : {"0x10", "1600", "axb", "1600x", "99999x10"}) {
    const auto r = render({"--measure", "poor.JPT.MOFval.CNT", "--size", size, "--out",
                           test::temp_dir("render") + "/s.png"});
    EXPECT_EQ(r.exit_code, 2) << size;
    EXPECT_NE(r.err.find("--size"), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace chipao
