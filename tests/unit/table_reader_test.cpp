#include "core/io/table_reader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "core/io/text_encoding.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

TEST(ParseCsv, QuotedTpmapStyleWithBom) {
  auto t = parse_csv(
      "\xEF\xBB\xBF\"tumbol_ID\",\"poor.JPT.CNT\",\"note\"\r\n\"350102\",12,\"a, "
      "b\"\r\n\"350103\",7,\"say \"\"hi\"\"\"\r\n",
      "t.csv");
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->columns.size(), 3u);
  EXPECT_EQ(t->columns[0], "tumbol_ID");
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0][2], "a, b");
  EXPECT_EQ(t->rows[1][2], "say \"hi\"");
  EXPECT_EQ(t->lines[1], 3u);
  EXPECT_EQ(t->column("POOR.jpt.cnt"), 1);
}

TEST(ParseCsv, DetectsSemicolonsAndTabs) {
  auto semi = parse_csv("a;b;c\n1;2;3\n4;5;6\n", "s.csv");
  ASSERT_TRUE(semi);
  EXPECT_EQ(semi->delimiter, ';');
  EXPECT_EQ(semi->rows[1][2], "6");
  auto tab = parse_csv("a\tb\n1,5\t2\n", "t.tsv");
  ASSERT_TRUE(tab);
  EXPECT_EQ(tab->delimiter, '\t');
  EXPECT_EQ(tab->rows[0][0], "1,5");
}

TEST(ParseCsv, Tis620IsConvertedToUtf8) {
  const std::string bytes = utf8_to_cp874("รหัสบ้าน,ชื่อ\n12345678901,บ้านหนองบัว\n");
  auto t = parse_csv(bytes, "thaiqm.csv");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->encoding, "CP874");
  EXPECT_EQ(t->columns[0], "รหัสบ้าน");
  EXPECT_EQ(t->rows[0][1], "บ้านหนองบัว");
}

TEST(ParseCsv, ClearMessagesForBrokenFiles) {
  auto empty = parse_csv("  \n", "e.csv");
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().message.find("e.csv: the file is empty"), std::string::npos);
  auto header_only = parse_csv("a,b\n", "h.csv");
  ASSERT_FALSE(header_only);
  EXPECT_NE(header_only.error().message.find("no rows"), std::string::npos);
  auto ragged = parse_csv("a,b,c\n1,2,3\n4,5\n", "r.csv");
  ASSERT_FALSE(ragged);
  EXPECT_NE(ragged.error().message.find("line 3 has 2 cells but the header has 3"),
            std::string::npos);
  auto open_quote = parse_csv("a,b\n\"1,2\n", "q.csv");
  ASSERT_FALSE(open_quote);
  EXPECT_NE(open_quote.error().message.find("line 2"), std::string::npos);
}

TEST(ReadTable, ReadsTheRealTpmapFiles) {
  CHIPAO_REQUIRE_SHARED(path, "tpmap2561_via_newknp/tambol/61_35_tambol_11111.csv");
  auto t = read_table(path);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->columns.front(), "tumbol_ID");
  EXPECT_EQ(t->columns.back(), "province_ID");
  EXPECT_EQ(t->rows.size(), 79u);
  EXPECT_EQ(t->encoding, "UTF-8");
}

TEST(ReadTable, MissingFile) {
  auto t = read_table("/nonexistent/x.csv");
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().message.find("no such file"), std::string::npos);
}

}  // namespace
}  // namespace chipao

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace chipao {
namespace {

// An XLSX written by GDAL itself, as a spreadsheet program would save one.
TEST(ReadTable, ReadsXlsxSheetsWithThaiText) {
  GDALAllRegister();
  const std::string path = test::temp_dir("xlsx") + "/figures.xlsx";
  {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    ASSERT_NE(driver, nullptr);
    std::unique_ptr<GDALDataset> ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_TRUE(ds);
    OGRLayer* sheet = ds->CreateLayer("ตำบล", nullptr, wkbNone, nullptr);
    OGRFieldDefn key("tumbol_ID", OFTString);
    OGRFieldDefn name("ชื่อ", OFTString);
    OGRFieldDefn value("poor.JPT.CNT", OFTInteger);
    ASSERT_EQ(sheet->CreateField(&key), OGRERR_NONE);
    ASSERT_EQ(sheet->CreateField(&name), OGRERR_NONE);
    ASSERT_EQ(sheet->CreateField(&value), OGRERR_NONE);
    for (int i = 0; i < 3; ++i) {
      OGRFeature f(sheet->GetLayerDefn());
      f.SetField(0, ("99010" + std::to_string(i + 2)).c_str());
      f.SetField(1, "หนองบัว");
      f.SetField(2, 10 * (i + 1));
      ASSERT_EQ(sheet->CreateFeature(&f), OGRERR_NONE);
    }
  }
  auto t = read_table(path);
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->columns.size(), 3u);
  EXPECT_EQ(t->columns[1], "ชื่อ");
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(t->rows[2][0], "990104");
  EXPECT_EQ(t->rows[2][1], "หนองบัว");
  EXPECT_EQ(t->rows[2][2], "30");
  EXPECT_EQ(t->lines[0], 2u);
  auto missing_sheet = read_table(path, {.encoding = {}, .delimiter = {}, .sheet = "nope"});
  ASSERT_FALSE(missing_sheet);
  EXPECT_NE(missing_sheet.error().message.find("ตำบล"), std::string::npos);
}

}  // namespace
}  // namespace chipao
