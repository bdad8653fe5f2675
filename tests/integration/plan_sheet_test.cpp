// The printable plan sheet through chipao-cli export --sheet on a demo project: the PDF is a
// whole PDF whose text (pdftotext, from poppler-utils) holds the Thai title, a zone name, a
// Buddhist-era year and the budget warning; the PNG has the size asked for and is not blank.
#include <gdal.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/plan/edit.h"
#include "core/store/project.h"
#include "support/fixtures.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

namespace fs = std::filesystem;

std::string demo(const std::string& rel) {
  return test::source_dir() + "/data/demo/" + rel;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class PlanSheet : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(test::temp_dir("plan_sheet"));
    project_ = new std::string(*dir_ + "/sheet.chipao");
    const auto made = test::run_cli(
        {"project", "new", *project_, "--boundaries", demo("tambon.shp"), "--table",
         demo("tpmap/61_99_tambol_11111.csv"), "--table", demo("tpmap/61_99_tambol_common.csv")});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    // Two drawn zones over the demo province (around 103.0 E, 16.0 N).
    test::FixtureLayer zones;
    zones.driver = "GeoJSON";
    zones.path = *dir_ + "/zones.geojson";
    zones.fields = {{"name"}};
    zones.features = {
        {"POLYGON ((102.7 16.0, 103.1 16.0, 103.1 16.35, 102.7 16.35, 102.7 16.0))", {"โซนเหนือ"}},
        {"POLYGON ((102.8 15.6, 103.3 15.6, 103.3 15.95, 102.8 15.95, 102.8 15.6))", {"โซนใต้"}}};
    ASSERT_EQ(test::write_fixture(zones), "");
    const auto imported = test::run_cli({"zones", "import", *project_, zones.path});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    auto project = Project::open(*project_);
    ASSERT_TRUE(project) << project.error().message;
    Intervention i;
    i.zone_id = project->state().zones.front().id;
    i.dimension = DimensionId::income;
    i.households = 120;
    i.unit_cost_baht = 3000;
    i.agency = "สำนักงานพัฒนาชุมชนจังหวัด";
    auto add = make_add_intervention(project->state(), i);
    ASSERT_TRUE(add) << add.error().message;
    ASSERT_TRUE(project->apply(std::move(*add)));
    // 360,000 baht against a 300,000 cap.
    auto cap = make_set_budget_cap(project->state(), 300000);
    ASSERT_TRUE(cap);
    ASSERT_TRUE(project->apply(std::move(*cap)));
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete project_;
  }
  static inline std::string* dir_ = nullptr;
  static inline std::string* project_ = nullptr;
};

TEST_F(PlanSheet, PdfIsWholeAndHoldsThaiText) {
  const std::string out = *dir_ + "/pdf";
  const auto r = test::run_cli({"export", *project_, "--out", out, "--sheet", "pdf"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string pdf = out + "/plan_sheet.pdf";
  ASSERT_TRUE(fs::exists(pdf));
  EXPECT_FALSE(fs::exists(pdf + ".tmp"));
  const std::string bytes = read_bytes(pdf);
  ASSERT_GT(bytes.size(), 1000u);
  EXPECT_TRUE(bytes.starts_with("%PDF-"));
  std::string tail = bytes.substr(bytes.size() - 16);
  while (!tail.empty() && (tail.back() == '\n' || tail.back() == '\r')) tail.pop_back();
  EXPECT_TRUE(tail.ends_with("%%EOF")) << tail;

  if (std::system("command -v pdftotext > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "pdftotext (poppler-utils, scripts/install-deps.sh) is absent: the PDF's "
                    "text was not checked";
  const std::string text_path = out + "/sheet.txt";
  ASSERT_EQ(std::system(("pdftotext -enc UTF-8 '" + pdf + "' '" + text_path + "'").c_str()), 0);
  // pdftotext guesses word breaks from glyph positions and puts spaces inside Thai words
  // after some marks ("ปั ญหา"); the glyphs and their order are what matter, so spaces go.
  std::string text = read_bytes(text_path);
  std::erase(text, ' ');
  EXPECT_NE(text.find("แผนแก้ไขปัญหาความยากจนรายพื้นที่"), std::string::npos) << text;
  EXPECT_NE(text.find("โซนเหนือ"), std::string::npos) << text;
  EXPECT_NE(text.find("โซนใต้"), std::string::npos) << text;
  // The date is in the Buddhist era: this year + 543.
  const auto now = std::chrono::year_month_day(
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  const int be = static_cast<int>(now.year()) + 543;
  EXPECT_NE(text.find(std::to_string(be)), std::string::npos) << text;
  // Budget: 120 x 3,000 = 360,000 over a 300,000 cap.
  EXPECT_NE(text.find("360,000"), std::string::npos) << text;
  EXPECT_NE(text.find("เกินวงเงิน60,000"), std::string::npos) << "the excess over the cap: " << text;
  EXPECT_NE(text.find("สำนักงานพัฒนาชุมชนจังหวัด"), std::string::npos) << text;
}

TEST_F(PlanSheet, PngHasTheAskedSizeAndContent) {
  const std::string out = *dir_ + "/png";
  const auto r =
      test::run_cli({"export", *project_, "--out", out, "--sheet", "png", "--sheet-width", "900"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string png = out + "/plan_sheet.png";
  ASSERT_TRUE(fs::exists(png));
  GDALAllRegister();
  GDALDatasetH ds = GDALOpen(png.c_str(), GA_ReadOnly);
  ASSERT_NE(ds, nullptr);
  EXPECT_EQ(GDALGetRasterXSize(ds), 900);
  // A4's proportions: 900 x 841.89 / 595.28.
  EXPECT_EQ(GDALGetRasterYSize(ds), 1273);
  ASSERT_GE(GDALGetRasterCount(ds), 3);
  const int w = GDALGetRasterXSize(ds), h = GDALGetRasterYSize(ds);
  // Count pixels that are not the white page, and colours that are neither grey nor white
  // (class colours, zone outlines).
  std::vector<std::uint8_t> r8(static_cast<std::size_t>(w) * static_cast<std::size_t>(h)),
      g8(r8.size()), b8(r8.size());
  for (auto [band, buf] : {std::pair{1, &r8}, std::pair{2, &g8}, std::pair{3, &b8}}) {
    ASSERT_EQ(GDALRasterIO(GDALGetRasterBand(ds, band), GF_Read, 0, 0, w, h, buf->data(), w, h,
                           GDT_Byte, 0, 0),
              CE_None);
  }
  GDALClose(ds);
  std::size_t inked = 0, coloured = 0;
  for (std::size_t i = 0; i < r8.size(); ++i) {
    if (r8[i] < 250 || g8[i] < 250 || b8[i] < 250) ++inked;
    const int spread = std::max({r8[i], g8[i], b8[i]}) - std::min({r8[i], g8[i], b8[i]});
    if (spread > 40) ++coloured;
  }
  EXPECT_GT(inked, r8.size() / 10) << "the sheet is nearly blank";
  EXPECT_GT(coloured, r8.size() / 50) << "the map has no colour";
}

TEST_F(PlanSheet, BadSheetFormatIsRefused) {
  const auto r = test::run_cli({"export", *project_, "--out", *dir_ + "/bad", "--sheet", "svg"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--sheet svg"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace chipao
