// The app's export dialog (app/export_dialog.h), CPU only (no window, no GL): on a demo project
// made with chipao-cli (project new, zones paint, plan add), the dialog's export (export_now(),
// what Save runs) writes byte for byte the files chipao-cli export writes for the same options
// — shapefile in UTF-8 and CP874, CSV under the area rule without suppression — which shows
// both faces run one operation. Also: the worker job exports off the calling thread, a
// cancelled export leaves the folder empty, the sheet preview is an A4 image of the preview's
// width and is the PNG sheet Save writes at that width, and the script verb's argument parses.
#include "app/export_dialog.h"

#include <gtest/gtest.h>
#include <stb/stb_image.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "core/plan/export_project.h"
#include "support/test_paths.h"

namespace chipao::app {
namespace {

namespace fs = std::filesystem;

std::string demo(const std::string& rel) {
  return test::source_dir() + "/data/demo/" + rel;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every entry of a folder, hidden ones included (a leftover temp folder would show).
std::set<std::string> listing(const std::string& dir) {
  std::set<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) names.insert(e.path().filename().string());
  return names;
}

void run_ok(const std::vector<std::string>& args) {
  const auto r = test::run_cli(args);
  ASSERT_EQ(r.exit_code, 0) << args[0] << " " << args[1] << ": " << r.err;
}

// One demo project for the suite: two painted zones and an intervention.
class ExportDialogTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(test::temp_dir("export_dialog"));
    project_ = new std::string(*dir_ + "/demo.chipao");
    run_ok({"project", "new", *project_, "--boundaries", demo("tambon.shp"), "--table",
            demo("tpmap/61_99_tambol_11111.csv"), "--table", demo("tpmap/61_99_tambol_common.csv"),
            "--assign", "990151=990101"});
    run_ok({"zones", "paint", *project_, "--zone", "เขตเร่งด่วน", "--units", "990102,990103"});
    run_ok({"zones", "paint", *project_, "--zone", "ชนบท", "--units", "990202"});
    run_ok({"plan", "add", *project_, "--zone", "เขตเร่งด่วน", "--catalogue",
            "income-occupation-training", "--households", "40", "--start", "1/10/2569", "--end",
            "30/9/2570"});
  }
  static void TearDownTestSuite() {
    delete project_;
    delete dir_;
  }

  void SetUp() override {
    auto session = ProjectSession::open(*project_, {});
    ASSERT_TRUE(session) << session.error().message;
    session_ = std::move(*session);
  }

  // chipao-cli export into `out` with these flags.
  static void cli_export(const std::string& out, std::vector<std::string> flags) {
    std::vector<std::string> args{"export", *project_, "--out", out};
    args.insert(args.end(), flags.begin(), flags.end());
    run_ok(args);
  }

  // The two folders hold the same files, and `compared` of them have the same bytes.
  static void expect_same(const std::string& cli, const std::string& app,
                          const std::vector<std::string>& compared) {
    EXPECT_EQ(listing(cli), listing(app));
    for (const std::string& name : compared) {
      const std::string a = read_bytes(fs::path(cli) / name);
      EXPECT_FALSE(a.empty()) << name;
      EXPECT_EQ(a, read_bytes(fs::path(app) / name)) << name << " differs between the faces";
    }
  }

  static std::string* dir_;
  static std::string* project_;
  std::unique_ptr<ProjectSession> session_;
};

std::string* ExportDialogTest::dir_ = nullptr;
std::string* ExportDialogTest::project_ = nullptr;

TEST_F(ExportDialogTest, ShapefileIsWhatTheCliWrites) {
  const std::string cli = *dir_ + "/shp_cli";
  cli_export(cli, {"--format", "shp"});
  ExportChoices choices;                       // shapefile UTF-8, centroid, the project's threshold
  choices.folder = *dir_ + "/shp_app/nested";  // created when missing
  auto message = ExportDialog::export_now(*session_, choices);
  ASSERT_TRUE(message) << message.error().message;
  EXPECT_NE(message->find("Saved"), std::string::npos) << *message;
  EXPECT_NE(message->find(choices.folder), std::string::npos) << *message;
  EXPECT_NE(message->find(std::to_string(listing(cli).size()) + " files"), std::string::npos)
      << "the count of files written: " << *message;
  expect_same(cli, choices.folder,
              {"zones.shp", "zones.shx", "zones.dbf", "zones.cpg", "zones.fields.json",
               "interventions.dbf", "plan_summary.csv"});
}

TEST_F(ExportDialogTest, Cp874ShapefileIsWhatTheCliWrites) {
  const std::string cli = *dir_ + "/cp874_cli";
  cli_export(cli, {"--format", "shp", "--encoding", "cp874", "--suppress", "5"});
  ExportChoices choices;
  choices.kind = ExportKind::shapefile_cp874;
  choices.suppress_below = 5;
  choices.folder = *dir_ + "/cp874_app";
  auto message = ExportDialog::export_now(*session_, choices, Language::thai);
  ASSERT_TRUE(message) << message.error().message;
  EXPECT_NE(message->find("บันทึก"), std::string::npos) << *message;
  expect_same(cli, choices.folder,
              {"zones.dbf", "zones.cpg", "interventions.dbf", "plan_summary.csv"});
  EXPECT_NE(read_bytes(fs::path(choices.folder) / "zones.cpg").find("874"), std::string::npos);
}

TEST_F(ExportDialogTest, CsvUnderTheAreaRuleIsWhatTheCliWrites) {
  const std::string cli = *dir_ + "/csv_cli";
  cli_export(cli, {"--format", "csv", "--rule", "area", "--suppress", "0"});
  ExportChoices choices;
  choices.kind = ExportKind::csv;
  choices.rule = TallyRule::area;
  choices.suppress_below = 0;
  choices.folder = *dir_ + "/csv_app";
  auto message = ExportDialog::export_now(*session_, choices);
  ASSERT_TRUE(message) << message.error().message;
  expect_same(cli, choices.folder, {"zones.csv", "interventions.csv", "plan_summary.csv"});
}

TEST_F(ExportDialogTest, FailuresAreTheCoresOneLine) {
  ExportChoices choices;
  choices.folder = "  ";
  EXPECT_FALSE(ExportDialog::export_now(*session_, choices));
  // A folder that cannot be made: its parent is a file.
  const std::string file = *dir_ + "/a_file";
  std::ofstream(file) << "x";
  choices.folder = file + "/out";
  auto failed = ExportDialog::export_now(*session_, choices);
  ASSERT_FALSE(failed);
  EXPECT_NE(failed.error().message.find(choices.folder), std::string::npos)
      << failed.error().message;
  EXPECT_EQ(failed.error().message.find('\n'), std::string::npos) << "one line";
}

TEST_F(ExportDialogTest, TheWorkerExportsAndACancelledExportWritesNothing) {
  ExportJob job;
  ExportChoices choices;
  choices.kind = ExportKind::geopackage;
  choices.sheet = SheetFormat::pdf;
  choices.folder = *dir_ + "/job";
  ASSERT_TRUE(job.start_export(*project_, choices));
  EXPECT_FALSE(job.start_preview(*project_, {}, {})) << "one job at a time";
  std::optional<ExportOutcome> outcome;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (!(outcome = job.take()) && std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_TRUE(outcome && outcome->exported);
  ASSERT_TRUE(*outcome->exported) << outcome->exported->error().message;
  EXPECT_DOUBLE_EQ(job.progress(), 1.0);
  EXPECT_TRUE(listing(choices.folder).contains("plan.gpkg"));
  EXPECT_TRUE(listing(choices.folder).contains("plan_sheet.pdf"));

  // Cancel as core sees it: the flag is up at the first step between writes.
  std::atomic<bool> cancel{true};
  Progress progress;
  progress.cancel_flag = &cancel;
  const std::string cancelled = *dir_ + "/cancelled";
  auto result = export_project(*project_, cancelled, plan_export_options(choices), progress);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("cancelled"), std::string::npos);
  EXPECT_TRUE(listing(cancelled).empty()) << "nothing moved into place, no temp folder left";
}

TEST_F(ExportDialogTest, ThePreviewIsTheSheetSaveWrites) {
  ExportChoices choices;
  choices.sheet = SheetFormat::png;
  choices.sheet_width_px = ExportDialog::kPreviewWidthPx;
  auto preview = ExportDialog::preview_now(*session_, choices);
  ASSERT_TRUE(preview) << preview.error().message;
  EXPECT_EQ(preview->width, 827);
  EXPECT_EQ(preview->height, 1170) << "A4's proportions";
  ASSERT_EQ(preview->rgba.size(), std::size_t{827} * 1170 * 4);
  std::size_t inked = 0;
  for (std::size_t i = 0; i < preview->rgba.size(); i += 4)
    if (preview->rgba[i] < 200 || preview->rgba[i + 1] < 200 || preview->rgba[i + 2] < 200) ++inked;
  EXPECT_GT(inked, preview->rgba.size() / 4 / 50) << "a drawn page, not a blank one";

  choices.folder = *dir_ + "/sheet";
  auto saved = ExportDialog::export_now(*session_, choices);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_NE(saved->find("plan_sheet.png"), std::string::npos) << *saved;
  int w = 0, h = 0, channels = 0;
  const std::string png = (fs::path(choices.folder) / "plan_sheet.png").string();
  unsigned char* pixels = stbi_load(png.c_str(), &w, &h, &channels, 4);
  ASSERT_NE(pixels, nullptr) << stbi_failure_reason();
  EXPECT_EQ(w, preview->width);
  EXPECT_EQ(h, preview->height);
  if (w == preview->width && h == preview->height) {
    EXPECT_TRUE(std::equal(preview->rgba.begin(), preview->rgba.end(), pixels))
        << "the preview shows the sheet Save writes";
  }
  stbi_image_free(pixels);
}

TEST(ExportChoices, ScriptArgumentAndFolders) {
  auto shp = export_choices_from_script("shp /tmp/out dir");
  ASSERT_TRUE(shp) << shp.error().message;
  EXPECT_EQ(shp->kind, ExportKind::shapefile_utf8);
  EXPECT_EQ(shp->folder, "/tmp/out dir");
  EXPECT_FALSE(shp->sheet);
  auto cp = export_choices_from_script("shp-cp874+pdf /tmp/o");
  ASSERT_TRUE(cp) << cp.error().message;
  EXPECT_EQ(cp->kind, ExportKind::shapefile_cp874);
  EXPECT_EQ(cp->sheet, SheetFormat::pdf);
  EXPECT_EQ(plan_export_options(*cp).encoding, "CP874");
  EXPECT_EQ(export_choices_from_script("gpkg+png x")->sheet, SheetFormat::png);
  EXPECT_EQ(export_choices_from_script("csv x")->kind, ExportKind::csv);
  EXPECT_FALSE(export_choices_from_script("kml /tmp/o"));
  EXPECT_FALSE(export_choices_from_script("shp+svg /tmp/o"));
  EXPECT_FALSE(export_choices_from_script("shp"));

  setenv("HOME", "/home/planner", 1);
  EXPECT_EQ(default_export_folder("/data/อำเภอ.chipao"), "/home/planner/ChiPao exports/อำเภอ");
  EXPECT_EQ(expand_home(" ~/out "), "/home/planner/out");
  EXPECT_EQ(expand_home("/abs"), "/abs");
}

}  // namespace
}  // namespace chipao::app
