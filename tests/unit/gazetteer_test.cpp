// The built-in gazetteer (core/admin/gazetteer.h): the committed CSV parses, names the codes
// planners meet, and a malformed gazetteer is refused with the line and field.
#include "core/admin/gazetteer.h"

#include <gtest/gtest.h>

namespace chipao {
namespace {

TEST(Gazetteer, BuiltinHoldsEveryProvinceAmphoeAndTambonOfTheSource) {
  const Gazetteer& g = builtin_gazetteer();
  std::size_t counts[5] = {};
  for (const GazetteerEntry& e : g.entries()) ++counts[static_cast<int>(e.level)];
  EXPECT_EQ(counts[1], 77u);
  EXPECT_EQ(counts[2], 928u);
  EXPECT_EQ(counts[3], 7425u);
  EXPECT_EQ(g.size(), 8430u);
}

TEST(Gazetteer, NamesProvinceAmphoeAndTambonByCode) {
  const Gazetteer& g = builtin_gazetteer();
  ASSERT_NE(g.find("38"), nullptr);
  EXPECT_EQ(g.find("38")->name_en, "Bueng Kan");
  ASSERT_NE(g.find("4029"), nullptr);
  EXPECT_EQ(g.find("4029")->name_th, "เวียงเก่า");
  EXPECT_EQ(g.find("4029")->level, AdminLevel::amphoe);
  ASSERT_NE(g.find("350101"), nullptr);
  EXPECT_EQ(g.find("350101")->level, AdminLevel::tambon);
  EXPECT_EQ(gazetteer_label(g, "4029"), "เวียงเก่า (Wiang Kao)");
}

TEST(Gazetteer, UnknownCodesFallBackToTheEnclosingUnit) {
  const Gazetteer& g = builtin_gazetteer();
  EXPECT_EQ(g.find("99"), nullptr);      // the demo province names itself
  EXPECT_EQ(g.find("350151"), nullptr);  // municipal pseudo-tambon
  ASSERT_NE(g.nearest("350151"), nullptr);
  EXPECT_EQ(g.nearest("350151")->code, "3501");
  ASSERT_NE(g.nearest("530407"), nullptr);  // retired in the source
  EXPECT_EQ(g.nearest("530407")->code, "5304");
  EXPECT_EQ(g.nearest("990101"), nullptr);
  EXPECT_EQ(gazetteer_label(g, "990101"), "");
}

TEST(Gazetteer, MalformedTextIsRefusedNamingLineAndField) {
  auto bad_header = Gazetteer::parse("code,name\n10,province,x,y\n", "g.csv");
  ASSERT_FALSE(bad_header);
  EXPECT_NE(bad_header.error().message.find("g.csv: line 1"), std::string::npos);
  auto bad_code = Gazetteer::parse("code,level,name_th,name_en\n1,province,x,y\n", "g.csv");
  ASSERT_FALSE(bad_code);
  EXPECT_NE(bad_code.error().message.find("line 2, field code"), std::string::npos);
  auto unsorted =
      Gazetteer::parse("code,level,name_th,name_en\n11,province,a,A\n10,province,b,B\n", "g.csv");
  ASSERT_FALSE(unsorted);
  EXPECT_NE(unsorted.error().message.find("line 3"), std::string::npos);
  auto ok = Gazetteer::parse("code,level,name_th,name_en\r\n10,province,a,A\r\n", "g.csv");
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->find("10")->name_en, "A");
}

}  // namespace
}  // namespace chipao
