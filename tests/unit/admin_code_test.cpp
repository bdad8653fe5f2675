#include "core/admin/admin_code.h"

#include <gtest/gtest.h>

namespace chipao {
namespace {

TEST(NormaliseCode, AcceptsPlainCodesOfEachLevel) {
  EXPECT_EQ(normalise_code("34", AdminLevel::province).value->code, "34");
  EXPECT_EQ(normalise_code("3401", AdminLevel::amphoe).value->code, "3401");
  EXPECT_EQ(normalise_code("340101", AdminLevel::tambon).value->code, "340101");
  EXPECT_EQ(normalise_code("40010601", AdminLevel::village).value->code, "40010601");
}

TEST(NormaliseCode, StripsTheHdxPrefixAndNumericTailsWithoutCallingThemFixes) {
  const CodeCheck th = normalise_code("TH340101", AdminLevel::tambon);
  ASSERT_TRUE(th.value);
  EXPECT_EQ(th.value->code, "340101");
  EXPECT_EQ(th.value->fix_note, "");
  const CodeCheck real = normalise_code("340101.0", AdminLevel::tambon);
  ASSERT_TRUE(real.value);
  EXPECT_EQ(real.value->code, "340101");
  EXPECT_FALSE(normalise_code("340101.5", AdminLevel::tambon).value);
}

TEST(NormaliseCode, TrimsSpacesAndConvertsThaiDigitsAsFixes) {
  const CodeCheck spaced = normalise_code("  340101 ", AdminLevel::tambon);
  ASSERT_TRUE(spaced.value);
  EXPECT_EQ(spaced.value->fix_note, "trimmed spaces");
  const CodeCheck thai = normalise_code("๓๔๐๑๐๑", AdminLevel::tambon);
  ASSERT_TRUE(thai.value);
  EXPECT_EQ(thai.value->code, "340101");
  EXPECT_EQ(thai.value->fix_note, "converted Thai digits");
}

TEST(NormaliseCode, RejectsWrongLengthsWithTheExpectedDigitCount) {
  const CodeCheck short_code = normalise_code("34010", AdminLevel::tambon);
  EXPECT_FALSE(short_code.value);
  EXPECT_NE(short_code.problem.find("6 digits expected"), std::string::npos);
  EXPECT_NE(short_code.problem.find("not a lost leading zero"), std::string::npos);
  EXPECT_FALSE(normalise_code("3401011", AdminLevel::tambon).value);
  EXPECT_FALSE(normalise_code("", AdminLevel::tambon).value);
  EXPECT_EQ(normalise_code("abc", AdminLevel::tambon).problem, "not a number");
}

TEST(NormaliseCode, RejectsUnknownProvincesAndZeroParts) {
  EXPECT_NE(normalise_code("290101", AdminLevel::tambon).problem.find("unknown province"),
            std::string::npos);
  EXPECT_NE(normalise_code("340001", AdminLevel::tambon).problem.find("00"), std::string::npos);
  EXPECT_NE(normalise_code("340100", AdminLevel::tambon).problem.find("00"), std::string::npos);
}

TEST(NormaliseCompositeCode, RestoresLeadingZerosOfTwoDigitParts) {
  const CodeCheck c = normalise_composite_code({"34", "1", "01"});
  ASSERT_TRUE(c.value);
  EXPECT_EQ(c.value->code, "340101");
  EXPECT_EQ(c.value->fix_note, "restored leading zero");
  const CodeCheck clean = normalise_composite_code({"40", "01", "06", "01"});
  ASSERT_TRUE(clean.value);
  EXPECT_EQ(clean.value->code, "40010601");
  EXPECT_EQ(clean.value->fix_note, "");
  EXPECT_FALSE(normalise_composite_code({"34", "101", "01"}).value);
  EXPECT_FALSE(normalise_composite_code({"34", "", "01"}).value);
  // Found by fuzzing: five parts made a 10-digit "code".
  EXPECT_FALSE(normalise_composite_code({"34", "01", "01", "01", "01"}).value);
  EXPECT_FALSE(normalise_composite_code({"34"}).value);
}

TEST(AdminCode, AncestorsAndMunicipalTambons) {
  EXPECT_EQ(ancestor_code("40010601", AdminLevel::province), "40");
  EXPECT_EQ(ancestor_code("40010601", AdminLevel::amphoe), "4001");
  EXPECT_EQ(ancestor_code("40010601", AdminLevel::tambon), "400106");
  EXPECT_EQ(ancestor_code("40", AdminLevel::tambon), "");
  EXPECT_TRUE(is_municipal_tambon("350151"));
  EXPECT_FALSE(is_municipal_tambon("350150"));
  EXPECT_FALSE(is_municipal_tambon("350101"));
}

TEST(AdminLevel, ParsesNamesInEnglishAndThai) {
  EXPECT_EQ(parse_level("tambon"), AdminLevel::tambon);
  EXPECT_EQ(parse_level("Subdistrict"), AdminLevel::tambon);
  EXPECT_EQ(parse_level("อำเภอ"), AdminLevel::amphoe);
  EXPECT_EQ(parse_level("muban"), AdminLevel::village);
  EXPECT_FALSE(parse_level("region"));
  EXPECT_EQ(code_digits(AdminLevel::village), 8);
  EXPECT_EQ(parent_level(AdminLevel::tambon), AdminLevel::amphoe);
  EXPECT_FALSE(parent_level(AdminLevel::province));
}

TEST(ProvinceTable, KnowsTheProvincesOfTheRealDataAndTheDemo) {
  ASSERT_NE(find_province("33"), nullptr);
  EXPECT_EQ(find_province("33")->name_en, "Si Sa Ket");
  EXPECT_EQ(find_province("96")->name_th, "นราธิวาส");
  EXPECT_NE(find_province("99"), nullptr);
  EXPECT_EQ(find_province("28"), nullptr);
}

}  // namespace
}  // namespace chipao
