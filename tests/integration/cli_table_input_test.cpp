// Bad tables of figures through the real chipao-cli: each gives one line naming the file, the
// line and the column, and what to do. And the join's output, re-read with GDAL.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/io/text_encoding.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

std::string write_file(const std::string& name, const std::string& text) {
  const std::string path = test::temp_dir("tables") + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string demo(const std::string& rel) {
  return test::source_dir() + "/data/demo/" + rel;
}

test::CommandResult stats(const std::string& table) {
  return test::run_cli({"stats", "--table", table, "--level", "amphoe"});
}

void expect_one_line_failure(const test::CommandResult& r, const std::vector<std::string>& words) {
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  for (const std::string& w : words)
    EXPECT_NE(r.err.find(w), std::string::npos) << "missing '" << w << "' in: " << r.err;
}

const char* kHeader =
    "\"tumbol_ID\",\"poor.household.CNT\",\"poor.JPT.MOFval.CNT\",\"province_ID\"\n";

TEST(CliTableInput, MissingKeyColumn) {
  const std::string path = write_file("nokey.csv", "code,poor\n990101,3\n");
  expect_one_line_failure(stats(path),
                          {"nokey.csv", "no key column", "tumbol_ID", "descriptor", "code, poor"});
}

TEST(CliTableInput, WrongDelimiterIsNamed) {
  const std::string path = write_file("semi.csv", "\"tumbol_ID\",\"a\";\"b\"\n\"990102\",1;2\n");
  const test::CommandResult r = stats(path);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("semi.csv"), std::string::npos) << r.err;
  const std::string one_column = write_file("one.csv", "tumbol_ID;poor\n990102;1\n990103;2\n");
  // Detected as semicolons, so this one reads fine ...
  EXPECT_EQ(stats(one_column).exit_code, 0) << stats(one_column).err;
  // ... unless the user forces the wrong delimiter, and then the message says so.
  const test::CommandResult forced =
      test::run_cli({"stats", "--table", one_column, "--level", "amphoe", "--delimiter", ","});
  expect_one_line_failure(forced, {"one.csv", "no key column", "delimiter"});
}

TEST(CliTableInput, NonNumericCount) {
  const std::string path =
      write_file("text.csv", std::string(kHeader) + "\"990102\",5,abc,\"99\"\n");
  expect_one_line_failure(stats(path),
                          {"text.csv", "line 2", "poor.JPT.MOFval.CNT", "'abc' is not a number"});
}

TEST(CliTableInput, NegativeCount) {
  const std::string path = write_file(
      "neg.csv", std::string(kHeader) + "\"990102\",5,3,\"99\"\n\"990103\",-2,1,\"99\"\n");
  expect_one_line_failure(stats(path), {"neg.csv", "line 3", "poor.household.CNT", "negative"});
}

TEST(CliTableInput, DuplicateKeysWithDifferentFigures) {
  const std::string path = write_file(
      "dup.csv", std::string(kHeader) + "\"990102\",5,3,\"99\"\n\"990102\",5,4,\"99\"\n");
  expect_one_line_failure(stats(path),
                          {"dup.csv", "lines 2 and 3", "990102", "poor.JPT.MOFval.CNT", "3 vs 4"});
  // The same figures twice are dropped with a warning, not summed twice.
  const std::string same = write_file(
      "same.csv", std::string(kHeader) + "\"990102\",5,3,\"99\"\n\"990102\",5,3,\"99\"\n");
  const test::CommandResult r =
      test::run_cli({"stats", "--table", same, "--level", "amphoe", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("dropped"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(r.out)[0]["rows"][0]["poor.JPT.MOFval.CNT"], 3);
}

TEST(CliTableInput, MixedLevels) {
  const std::string path = write_file(
      "mixed.csv", std::string(kHeader) + "\"990102\",5,3,\"99\"\n\"9901\",5,3,\"99\"\n");
  expect_one_line_failure(
      stats(path), {"mixed.csv", "line 3", "'9901' is a amphoe code in a tambon table", "mixed"});
}

TEST(CliTableInput, EmptyFile) {
  expect_one_line_failure(stats(write_file("empty.csv", "")), {"empty.csv", "empty"});
  expect_one_line_failure(stats(write_file("header.csv", kHeader)), {"header.csv", "no rows"});
}

TEST(CliTableInput, ThaiDigitsThousandsAndTis620AreRead) {
  std::string text =
      std::string(kHeader) + "\"990102\",\"1,200\",๑๒,\"99\"\n\"990103\",\"\",3,\"99\"\n";
  const std::string path = write_file("thai.csv", utf8_to_cp874(text));
  const test::CommandResult r =
      test::run_cli({"stats", "--table", path, "--level", "amphoe", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j[0]["rows"][0]["poor.household.CNT"], 1200);  // the blank is missing, not zero
  EXPECT_EQ(j[0]["rows"][0]["poor.JPT.MOFval.CNT"], 15);
}

TEST(CliJoin, ShapefileExportReadsBackWithThaiTextCrsAndFigures) {
  for (const std::string encoding : {"UTF-8", "CP874"}) {
    const std::string out = test::temp_dir("join") + "/plan.shp";
    const test::CommandResult r = test::run_cli(
        {"join", "--boundaries", demo("tambon.shp"), "--table",
         demo("tpmap/61_99_tambol_11111.csv"), "--table", demo("tpmap/61_99_tambol_common.csv"),
         "--out", out, "--assign", "990151=990101", "--encoding-out", encoding, "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto report = nlohmann::json::parse(r.out);
    EXPECT_TRUE(report["balanced"].get<bool>());
    const double on_map = report["totals"]["poor.JPT.MOFval.CNT"]["on_map"];

    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    EXPECT_EQ(layer->GetFeatureCount(), 80);
    ASSERT_NE(layer->GetSpatialRef(), nullptr);
    EXPECT_STREQ(layer->GetSpatialRef()->GetAuthorityCode(nullptr), "4326");
    const int target = layer->GetLayerDefn()->GetFieldIndex("target");
    const int assigned = layer->GetLayerDefn()->GetFieldIndex("assigned_f");
    ASSERT_GE(target, 0);
    ASSERT_GE(assigned, 0) << "the assignment note must travel with the export";
    double sum = 0;
    bool thai = false;
    for (auto& f : *layer) {
      sum += f->GetFieldAsDouble(target);
      const std::string name = f->GetFieldAsString("name_th");
      thai = thai || name.find("\xE0\xB8") != std::string::npos;  // GDAL recodes from the .cpg
      if (std::string(f->GetFieldAsString("code")) == "990101") {
        EXPECT_NE(std::string(f->GetFieldAsString(assigned)).find("990151"), std::string::npos);
      }
    }
    EXPECT_NEAR(sum, on_map, 1e-6) << encoding;
    EXPECT_TRUE(thai) << encoding;
    std::ifstream sidecar(test::temp_dir("x").substr(0, 0) + out.substr(0, out.size() - 4) +
                          ".fields.json");
    ASSERT_TRUE(sidecar.good());
    const auto fields = nlohmann::json::parse(sidecar);
    bool labelled = false;
    for (const auto& f : fields)
      labelled = labelled || (f["field"] == "target" && f["label_th"] == "คนจนเป้าหมาย");
    EXPECT_TRUE(labelled);
  }
}

}  // namespace
}  // namespace chipao

namespace chipao {
namespace {

// A table from another agency: Thai headers, its own key name, a rate with its parts.
TEST(CliTableInput, OtherTablesThroughADescriptor) {
  const std::string table =
      write_file("agency.csv",
                 "รหัสตำบล,ชื่อ,ครัวเรือน,ครัวเรือนยากจน,ร้อยละ\n"
                 "990102,หนองบัว,\"1,000\",50,5\n990103,โนนสูง,500,100,20\n990201,ดอนแก้ว,200,2,1\n");
  const std::string descriptor = write_file("agency.json", R"({
    "key": "รหัสตำบล", "level": "tambon",
    "measures": ["ครัวเรือน", "ครัวเรือนยากจน",
                 {"column": "ร้อยละ", "rule": "ratio", "numerator": "ครัวเรือนยากจน",
                  "denominator": "ครัวเรือน", "scale": 100}]
  })");
  const test::CommandResult r = test::run_cli(
      {"stats", "--table", table, "--table-descriptor", descriptor, "--level", "amphoe", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = nlohmann::json::parse(r.out)[0]["rows"];
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["code"], "9901");
  EXPECT_EQ(rows[0]["ครัวเรือน"], 1500);
  EXPECT_NEAR(rows[0]["ร้อยละ"].get<double>(), 100.0 * 150 / 1500,
              1e-12);  // recomputed, not (5+20)/2
  const std::string bad = write_file("bad.json", R"({"key": "code"})");
  const test::CommandResult missing =
      test::run_cli({"stats", "--table", table, "--table-descriptor", bad, "--level", "amphoe"});
  expect_one_line_failure(missing, {"agency.csv", "key column 'code'", "รหัสตำบล"});
}

}  // namespace
}  // namespace chipao
