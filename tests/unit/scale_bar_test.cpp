// Scale bars: ellipsoid lengths of a degree against published values, and round lengths that
// fit the space they are given.
#include "core/geo/scale_bar.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace chipao {
namespace {

// Lengths of a degree on WGS 84 as geodesy tables give them (e.g. the "Length of a degree"
// tables derived from the ellipsoid's radii of curvature), to the metre.
TEST(ScaleBar, DegreeLengthsMatchPublishedWgs84Values) {
  EXPECT_NEAR(metres_per_degree_longitude(0), 111'319.5, 1.0);  // a * pi / 180
  EXPECT_NEAR(metres_per_degree_longitude(15), 107'550.5, 1.0);
  EXPECT_NEAR(metres_per_degree_longitude(60), 55'800.0, 1.0);
  EXPECT_NEAR(metres_per_degree_longitude(90), 0.0, 1e-6);
  EXPECT_NEAR(metres_per_degree_latitude(0), 110'574.3, 1.0);
  EXPECT_NEAR(metres_per_degree_latitude(90), 111'693.9, 1.0);
}

TEST(ScaleBar, MetresPerPixelEastWestScalesWithTheView) {
  // At the equator a view of 1/1000 degree per pixel shows about 111 m per pixel.
  EXPECT_NEAR(metres_per_pixel_east_west(0, 0.001), 111.3195, 0.001);
  // Further north a degree of longitude is shorter, so a pixel covers less ground.
  EXPECT_LT(metres_per_pixel_east_west(18, 0.001), metres_per_pixel_east_west(6, 0.001));
}

TEST(ScaleBar, PicksTheLongestRoundLengthThatFits) {
  auto bar = choose_scale_bar(10.0, 120.0);  // up to 1,200 m fits: 1 km
  ASSERT_TRUE(bar);
  EXPECT_DOUBLE_EQ(bar->length_m, 1000.0);
  EXPECT_DOUBLE_EQ(bar->width_px, 100.0);
  EXPECT_EQ(bar->label, "1 km");

  bar = choose_scale_bar(37.0, 150.0);  // up to 5,550 m: 5 km at 135.1 px
  ASSERT_TRUE(bar);
  EXPECT_DOUBLE_EQ(bar->length_m, 5000.0);
  EXPECT_NEAR(bar->width_px, 5000.0 / 37.0, 1e-9);
  EXPECT_EQ(bar->label, "5 km");

  bar = choose_scale_bar(2.0, 300.0);  // up to 600 m: 500 m
  ASSERT_TRUE(bar);
  EXPECT_DOUBLE_EQ(bar->length_m, 500.0);
  EXPECT_EQ(bar->label, "500 m");

  bar = choose_scale_bar(1.0, 200.0);  // exactly 200 m fits
  ASSERT_TRUE(bar);
  EXPECT_DOUBLE_EQ(bar->length_m, 200.0);
  EXPECT_DOUBLE_EQ(bar->width_px, 200.0);
}

TEST(ScaleBar, EveryLengthIsRoundAndFillsAtLeastTwoFifthsOfTheTarget) {
  for (double mpp = 0.05; mpp < 5e5; mpp *= 1.137) {
    const double target = 160.0;
    auto bar = choose_scale_bar(mpp, target);
    ASSERT_TRUE(bar) << mpp;
    EXPECT_LE(bar->width_px, target + 1e-9) << mpp;
    EXPECT_GE(bar->width_px, 0.4 * target - 1e-9) << mpp;
    const double mantissa = bar->length_m / std::pow(10.0, std::floor(std::log10(bar->length_m)));
    const bool round = std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 ||
                       std::abs(mantissa - 5) < 1e-9;
    EXPECT_TRUE(round) << bar->length_m;
  }
}

TEST(ScaleBar, LabelsUseKilometresFromOneKilometre) {
  EXPECT_EQ(scale_length_label(1), "1 m");
  EXPECT_EQ(scale_length_label(500), "500 m");
  EXPECT_EQ(scale_length_label(1000), "1 km");
  EXPECT_EQ(scale_length_label(20'000), "20 km");
  EXPECT_EQ(scale_length_label(1'000'000), "1,000 km");
  EXPECT_EQ(scale_length_label(0.5), "0.5 m");
}

TEST(ScaleBar, RefusesImpossibleScales) {
  EXPECT_FALSE(choose_scale_bar(0.0, 100.0));
  EXPECT_FALSE(choose_scale_bar(-1.0, 100.0));
  EXPECT_FALSE(choose_scale_bar(std::nan(""), 100.0));
  EXPECT_FALSE(choose_scale_bar(10.0, 0.0));
  EXPECT_FALSE(choose_scale_bar(std::numeric_limits<double>::infinity(), 100.0));
}

}  // namespace
}  // namespace chipao
