#include "core/classify/legend.h"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

#include "core/classify/feature_colors.h"
#include "core/classify/palette.h"

namespace chipao {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Classification manual(std::vector<double> values, std::vector<double> bounds) {
  auto c = classify(values, ClassMethod::manual, static_cast<int>(bounds.size()) - 1, bounds);
  EXPECT_TRUE(c.has_value());
  return *c;
}

TEST(Legend, CountLabelsStartOneAboveThePreviousClass) {
  const Classification c = manual({0, 800, 1200, 1201, 2450, 5000, kNaN}, {0, 1200, 2450, 9999});
  const auto colors = sequential_palette(PaletteId::red, 3);
  const Legend legend =
      build_legend(c, colors, {"คนจนเป้าหมาย", "TPMAP 2561", LegendLanguage::thai, 0, false, false});
  EXPECT_EQ(legend.title, "คนจนเป้าหมาย");
  EXPECT_EQ(legend.subtitle, "TPMAP 2561 · กำหนดช่วงเอง 3 ชั้น");
  ASSERT_EQ(legend.entries.size(), 4u);
  EXPECT_EQ(legend.entries[0].label, "0 – 1,200");
  EXPECT_EQ(legend.entries[1].label, "1,201 – 2,450");
  EXPECT_EQ(legend.entries[2].label, "2,451 – 9,999");
  EXPECT_EQ(legend.entries[0].count, 3u);
  EXPECT_EQ(legend.entries[1].count, 2u);
  EXPECT_EQ(legend.entries[2].count, 1u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(legend.entries[i].color, colors[i]);
    EXPECT_FALSE(legend.entries[i].no_data);
  }
  EXPECT_EQ(legend.entries[3].label, "ไม่มีข้อมูล");
  EXPECT_EQ(legend.entries[3].count, 1u);
  EXPECT_TRUE(legend.entries[3].no_data);
  EXPECT_EQ(legend.entries[3].color, no_data_color(false));
}

TEST(Legend, RatesShowPercentAndShareNonRoundBreaks) {
  const Classification c = manual({2.5, 10, 17.25, 30}, {0, 12.5, 17.25, 40});
  const auto colors = sequential_palette(PaletteId::blue, 3);
  const Legend legend = build_legend(
      c, colors, {"Poverty rate", "TPMAP 2561", LegendLanguage::english, 1, true, true});
  EXPECT_EQ(legend.subtitle, "TPMAP 2561 · manual breaks, 3 classes");
  ASSERT_EQ(legend.entries.size(), 3u);  // no "no data" entry without missing figures
  EXPECT_EQ(legend.entries[0].label, "0.0% – 12.5%");
  EXPECT_EQ(legend.entries[1].label, "12.6% – 17.2%");
  EXPECT_EQ(legend.entries[2].label, "17.2% – 40.0%");
}

TEST(Legend, EnglishNoDataEntryWithHighContrastGrey) {
  std::vector<double> v{1, 2, 3, 4, 5, 6, kNaN, kNaN};
  const auto c = classify(v, ClassMethod::quantile, 3);
  ASSERT_TRUE(c);
  const auto colors = sequential_palette(PaletteId::green, 3, true);
  const Legend legend =
      build_legend(*c, colors, {"Target poor", "", LegendLanguage::english, 0, false, true});
  EXPECT_EQ(legend.subtitle, "quantiles, 3 classes");
  ASSERT_EQ(legend.entries.size(), 4u);
  EXPECT_EQ(legend.entries[0].label, "1 – 2");
  EXPECT_EQ(legend.entries[1].label, "3 – 4");
  EXPECT_EQ(legend.entries[2].label, "5 – 6");
  EXPECT_EQ(legend.entries.back().label, "No data");
  EXPECT_EQ(legend.entries.back().count, 2u);
  EXPECT_EQ(legend.entries.back().color, no_data_color(true));
}

TEST(Legend, AClassOfOneValueSaysItOnce) {
  // Many areas with no poor: quantiles give 0 a class of its own.
  std::vector<double> v{0, 0, 0, 0, 0, 0, 5, 9, 14, 20};
  const auto c = classify(v, ClassMethod::quantile, 5);
  ASSERT_TRUE(c);
  const auto colors = sequential_palette(PaletteId::purple, c->classes());
  const Legend legend = build_legend(*c, colors, {"x", "y", LegendLanguage::english, 0, false});
  ASSERT_EQ(legend.entries.size(), 3u);
  EXPECT_EQ(legend.entries[0].label, "0");
  EXPECT_EQ(legend.entries[1].label, "1 – 9");
  EXPECT_EQ(legend.entries[2].label, "10 – 20");
}

TEST(Legend, ColoursSpreadWhenThePaletteHasMoreClassesThanTheData) {
  std::vector<double> v{1, 2, 1};
  const auto c = classify(v, ClassMethod::jenks, 5);
  ASSERT_TRUE(c);
  ASSERT_EQ(c->classes(), 2);
  const auto five = sequential_palette(PaletteId::blue, 5);
  const Legend legend = build_legend(*c, five, {"x", "y", LegendLanguage::thai, 0, false});
  ASSERT_EQ(legend.entries.size(), 2u);
  EXPECT_EQ(legend.entries[0].color, five.front());
  EXPECT_EQ(legend.entries[1].color, five.back());
  EXPECT_EQ(legend.entries[0].label, "1");
  EXPECT_EQ(legend.entries[1].label, "2");
}

TEST(FeatureColors, EachFeatureGetsItsClassColourOrNoData) {
  const std::vector<double> v{5, kNaN, 15, 25, 10, 30};
  const Classification c = manual(v, {0, 10, 20, 30});
  const auto colors = sequential_palette(PaletteId::orange_red, 3);
  const Rgb8 grey = no_data_color();
  const auto out = class_colors_per_feature(v, c, colors, grey);
  ASSERT_EQ(out.size(), v.size());
  EXPECT_EQ(out[0], colors[0]);
  EXPECT_EQ(out[1], grey);
  EXPECT_EQ(out[2], colors[1]);
  EXPECT_EQ(out[3], colors[2]);
  EXPECT_EQ(out[4], colors[0]);
  EXPECT_EQ(out[5], colors[2]);
  EXPECT_EQ(classification_colors(c, PaletteId::orange_red), colors);
}

TEST(FeatureColors, NoClassesMeansEveryFeatureIsNoData) {
  const std::vector<double> v{kNaN, kNaN};
  const auto c = classify(v, ClassMethod::quantile, 4);
  ASSERT_TRUE(c);
  const auto out = class_colors_per_feature(v, *c, {}, no_data_color());
  EXPECT_EQ(out, (std::vector<Rgb8>{no_data_color(), no_data_color()}));
}

}  // namespace
}  // namespace chipao
