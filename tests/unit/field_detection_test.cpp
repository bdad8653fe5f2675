#include "core/admin/field_detection.h"

#include <gtest/gtest.h>

namespace chipao {
namespace {

FieldSamples samples_for(const std::vector<std::vector<std::string>>& columns) {
  return columns;
}

TEST(DetectCodeFields, HdxSchemePicksTheFinestLevel) {
  const std::vector<std::string> names{"ADM3_PCODE", "ADM3_TH", "ADM2_PCODE", "ADM1_PCODE"};
  const auto spec =
      detect_code_fields(names, samples_for({{"TH340101"}, {"ในเมือง"}, {"TH3401"}, {"TH34"}}));
  ASSERT_TRUE(spec);
  EXPECT_EQ(spec->level, AdminLevel::tambon);
  EXPECT_EQ(spec->describe(), "ADM3_PCODE");
  const auto parents =
      detect_parent_fields(names, *spec, samples_for({{"TH340101"}, {"x"}, {"TH3401"}, {"TH34"}}));
  ASSERT_EQ(parents.size(), 2u);
  EXPECT_EQ(parents[0].field, "ADM2_PCODE");
}

TEST(DetectCodeFields, ChingchaiWholeCodesInLowerCase) {
  const std::vector<std::string> names{"amp_code", "amp_th", "pro_code"};
  const auto spec = detect_code_fields(names, samples_for({{"3401", "3402"}, {"เมือง"}, {"34"}}));
  ASSERT_TRUE(spec);
  EXPECT_EQ(spec->level, AdminLevel::amphoe);
  EXPECT_EQ(spec->describe(), "amp_code");
}

TEST(DetectCodeFields, DopaCompositePartsHoldTwoDigits) {
  const std::vector<std::string> names{"PROV_CODE", "AMP_CODE", "TAM_CODE", "TAM_NAMT"};
  const auto spec = detect_code_fields(names, samples_for({{"34"}, {"1"}, {"01"}, {"ในเมือง"}}));
  ASSERT_TRUE(spec);
  EXPECT_EQ(spec->level, AdminLevel::tambon);
  EXPECT_TRUE(spec->composite());
  EXPECT_EQ(spec->describe(), "PROV_CODE+AMP_CODE+TAM_CODE");
}

TEST(DetectCodeFields, SameNamesHoldingWholeCodesAreNotComposite) {
  // A layer that writes PROV_CODE beside a 6-digit TAM_CODE: TAM_CODE is the whole code.
  const std::vector<std::string> names{"PROV_CODE", "TAM_CODE"};
  const auto spec = detect_code_fields(names, samples_for({{"34"}, {"340101"}}));
  ASSERT_TRUE(spec);
  EXPECT_EQ(spec->level, AdminLevel::tambon);
  EXPECT_EQ(spec->describe(), "TAM_CODE");
}

TEST(DetectCodeFields, DopaVillageLayerUsesVillIdnNotTheTwoDigitVillCode) {
  const std::vector<std::string> names{"PROV_CODE", "AMP_IDN", "TAM_IDN", "VILL_CODE", "VILL_IDN"};
  const auto spec =
      detect_code_fields(names, samples_for({{"40"}, {"4001"}, {"400106"}, {"01"}, {"40010601"}}));
  ASSERT_TRUE(spec);
  EXPECT_EQ(spec->level, AdminLevel::village);
  EXPECT_EQ(spec->describe(), "VILL_IDN");
}

TEST(DetectCodeFields, NothingWhenNoFieldNamesACode) {
  EXPECT_FALSE(detect_code_fields({"reg_nesdb", "area_sqkm"}, samples_for({{"North"}, {"1.0"}})));
}

TEST(DetectNameFields, KnownNamesForTheLevel) {
  const std::vector<std::string> names{"ADM3_PCODE", "ADM3_TH", "ADM3_EN", "ADM2_TH", "ADM2_EN"};
  const NameFields n = detect_name_fields(names, {}, AdminLevel::tambon,
                                          CodeFieldSpec{AdminLevel::tambon, {"ADM3_PCODE"}});
  EXPECT_EQ(n.th, "ADM3_TH");
  EXPECT_EQ(n.en, "ADM3_EN");
  const NameFields a = detect_name_fields(names, {}, AdminLevel::amphoe,
                                          CodeFieldSpec{AdminLevel::amphoe, {"ADM2_PCODE"}});
  EXPECT_EQ(a.th, "ADM2_TH");
}

TEST(DetectNameFields, FallsBackToContent) {
  const std::vector<std::string> names{"CODE6", "NAMA", "LABEL_NAME", "SHAPE_AREA"};
  const FieldSamples samples{
      {"340101", "340102"}, {"ในเมือง", "ขามใหญ่"}, {"Nai Mueang", "Kham Yai"}, {"0.1", "0.2"}};
  const NameFields n = detect_name_fields(names, samples, AdminLevel::tambon,
                                          CodeFieldSpec{AdminLevel::tambon, {"CODE6"}});
  EXPECT_EQ(n.th, "NAMA");
  EXPECT_EQ(n.en, "LABEL_NAME");
}

}  // namespace
}  // namespace chipao

namespace chipao {
namespace {

TEST(LevelFromSamples, TheCommonDigitCountDecides) {
  EXPECT_EQ(level_from_samples({"TH3401", "TH3402", "bad"}), AdminLevel::amphoe);
  EXPECT_EQ(level_from_samples({"40010601.0", "40010602.0"}), AdminLevel::village);
  EXPECT_FALSE(level_from_samples({"North", "South"}));
  EXPECT_FALSE(level_from_samples({"12345"}));
}

}  // namespace
}  // namespace chipao
