#include "core/classify/palette.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "core/classify/color_space.h"
#include "core/classify/color_vision.h"

namespace chipao {
namespace {

// Thresholds on OKLab's scale, where about 0.02 is just noticeable.
constexpr double kMinLightnessStep = 0.06;   // 9 classes over the normal span leave ~0.07
constexpr double kMinCvdDeltaE = 0.05;       // adjacent classes, any colour vision
constexpr double kMinProjectedStep = 0.025;  // adjacent classes on the washed-out projector
constexpr double kMinNoDataDeltaE = 0.10;    // no-data grey vs the lightest class

std::string where(PaletteId id, int classes, bool high_contrast) {
  return std::string(palette_name(id)) + " " + std::to_string(classes) + " classes" +
         (high_contrast ? " high contrast" : "");
}

Oklab seen_as(Rgb8 c, ColorVision vision) {
  return to_oklab(simulate_color_vision(to_linear(c), vision));
}

TEST(ColorSpace, OklabEndsAndRoundTrip) {
  const Oklab white = to_oklab(Rgb8{255, 255, 255});
  EXPECT_NEAR(white.L, 1.0, 1e-4);
  EXPECT_NEAR(white.a, 0.0, 1e-4);
  EXPECT_NEAR(white.b, 0.0, 1e-4);
  EXPECT_NEAR(to_oklab(Rgb8{0, 0, 0}).L, 0.0, 1e-9);
  // Greys have no chroma; blue lies at negative b, red at positive a.
  const Oklab grey = to_oklab(Rgb8{119, 119, 119});
  EXPECT_NEAR(grey.a, 0, 1e-4);
  EXPECT_NEAR(grey.b, 0, 1e-4);
  EXPECT_LT(to_oklab(Rgb8{0, 0, 255}).b, -0.2);
  EXPECT_GT(to_oklab(Rgb8{255, 0, 0}).a, 0.2);
  std::mt19937 rng(1);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int i = 0; i < 1000; ++i) {
    const Rgb8 c{static_cast<std::uint8_t>(byte(rng)), static_cast<std::uint8_t>(byte(rng)),
                 static_cast<std::uint8_t>(byte(rng))};
    EXPECT_EQ(to_rgb8(to_linear(to_oklab(c))), c);
  }
}

TEST(ColorVision, KeepsGreysAndCollapsesTheConfusedAxis) {
  for (const ColorVision v : all_color_visions()) {
    for (const std::uint8_t g : {0, 128, 255}) {
      const Rgb8 grey{g, g, g};
      EXPECT_LT(delta_e(seen_as(grey, v), to_oklab(grey)), 0.01) << color_vision_name(v);
    }
  }
  // Red against green: plain for normal vision and tritanopes, much closer for protanopes and
  // deuteranopes. Blue against green the other way round for tritanopes.
  const Rgb8 red{255, 0, 0}, green{0, 128, 0}, blue{40, 90, 230}, teal{40, 170, 150};
  const auto apart = [](Rgb8 x, Rgb8 y, ColorVision v) {
    return delta_e(seen_as(x, v), seen_as(y, v));
  };
  const double rg = apart(red, green, ColorVision::normal);
  EXPECT_LT(apart(red, green, ColorVision::protanopia), 0.4 * rg);
  EXPECT_LT(apart(red, green, ColorVision::deuteranopia), 0.4 * rg);
  EXPECT_GT(apart(red, green, ColorVision::tritanopia), 0.7 * rg);
  EXPECT_LT(apart(blue, teal, ColorVision::tritanopia),
            0.6 * apart(blue, teal, ColorVision::normal));
}

TEST(Palette, NamesRoundTripAndAliasesParse) {
  EXPECT_EQ(all_palettes().size(), 6u);
  for (const PaletteId id : all_palettes()) EXPECT_EQ(parse_palette(palette_name(id)), id);
  EXPECT_EQ(parse_palette("Orange-Red"), PaletteId::orange_red);
  EXPECT_EQ(parse_palette("viridis"), PaletteId::viridis_like);
  EXPECT_EQ(parse_palette("rainbow"), std::nullopt);
}

TEST(Palette, GivesTheAskedNumberOfColoursAndTheEndsForTwo) {
  for (const PaletteId id : all_palettes()) {
    for (int n = 1; n <= 9; ++n) EXPECT_EQ(sequential_palette(id, n).size(), std::size_t(n));
    const auto two = sequential_palette(id, 2);
    const auto nine = sequential_palette(id, 9);
    EXPECT_EQ(two.front(), nine.front());
    EXPECT_EQ(two.back(), nine.back());
  }
}

TEST(Palette, LightnessFallsStrictlyWithAMinimumStep) {
  for (const bool hc : {false, true}) {
    for (const PaletteId id : all_palettes()) {
      for (int n = 3; n <= 9; ++n) {
        const auto colors = sequential_palette(id, n, hc);
        for (int i = 0; i + 1 < n; ++i) {
          const double step = to_oklab(colors[i]).L - to_oklab(colors[i + 1]).L;
          EXPECT_GE(step, kMinLightnessStep) << where(id, n, hc) << " class " << i;
        }
      }
    }
  }
}

TEST(Palette, AdjacentClassesStayApartForEveryColourVision) {
  for (const bool hc : {false, true}) {
    for (const PaletteId id : all_palettes()) {
      for (int n = 3; n <= 9; ++n) {
        const auto colors = sequential_palette(id, n, hc);
        for (const ColorVision v : all_color_visions()) {
          for (int i = 0; i + 1 < n; ++i) {
            EXPECT_GE(delta_e(seen_as(colors[i], v), seen_as(colors[i + 1], v)), kMinCvdDeltaE)
                << where(id, n, hc) << " " << color_vision_name(v) << " class " << i;
          }
        }
      }
    }
  }
}

TEST(Palette, OrderSurvivesAWashedOutProjector) {
  for (const bool hc : {false, true}) {
    for (const PaletteId id : all_palettes()) {
      for (int n = 3; n <= 9; ++n) {
        const auto colors = sequential_palette(id, n, hc);
        for (int i = 0; i + 1 < n; ++i) {
          const double step = to_oklab(project(to_linear(colors[i]))).L -
                              to_oklab(project(to_linear(colors[i + 1]))).L;
          EXPECT_GE(step, kMinProjectedStep) << where(id, n, hc) << " class " << i;
        }
      }
    }
  }
  // The model does compress: black is lifted and the span shrinks.
  const double black = to_oklab(project(LinearRgb{0, 0, 0})).L;
  const double white = to_oklab(project(LinearRgb{1, 1, 1})).L;
  EXPECT_GT(black, 0.25);
  EXPECT_LT(white - black, 0.6);
}

TEST(Palette, HighContrastSpansMoreLightness) {
  for (const PaletteId id : all_palettes()) {
    for (int n = 3; n <= 9; ++n) {
      const auto normal = sequential_palette(id, n, false);
      const auto high = sequential_palette(id, n, true);
      const double normal_span = to_oklab(normal.front()).L - to_oklab(normal.back()).L;
      const double high_span = to_oklab(high.front()).L - to_oklab(high.back()).L;
      EXPECT_GT(high_span, normal_span + 0.1) << where(id, n, true);
    }
  }
}

TEST(Palette, PalettesDifferFromEachOther) {
  const auto all = all_palettes();
  for (std::size_t a = 0; a < all.size(); ++a) {
    for (std::size_t b = a + 1; b < all.size(); ++b) {
      // Their middle classes are different colours (same lightness by design, other hue).
      const auto x = sequential_palette(all[a], 5)[2];
      const auto y = sequential_palette(all[b], 5)[2];
      EXPECT_GT(delta_e(to_oklab(x), to_oklab(y)), 0.05)
          << palette_name(all[a]) << " vs " << palette_name(all[b]);
    }
  }
}

TEST(Palette, NoDataIsANeutralGreyApartFromEveryLightestClass) {
  for (const bool hc : {false, true}) {
    const Rgb8 grey = no_data_color(hc);
    EXPECT_EQ(grey.r, grey.g);
    EXPECT_EQ(grey.g, grey.b);
    for (const PaletteId id : all_palettes()) {
      for (int n = 3; n <= 9; ++n) {
        const Rgb8 first = sequential_palette(id, n, hc).front();
        for (const ColorVision v : all_color_visions()) {
          EXPECT_GE(delta_e(seen_as(grey, v), seen_as(first, v)), kMinNoDataDeltaE)
              << where(id, n, hc) << " " << color_vision_name(v);
        }
      }
    }
  }
}

}  // namespace
}  // namespace chipao
