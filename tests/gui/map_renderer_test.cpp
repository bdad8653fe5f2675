// MapRenderer into an off-screen target: triangulated fills are exact for holes, concave rings
// and multipolygons; per-feature colours change without re-uploading geometry; "no data" is
// hatched; hidden, hovered and selected features draw as such; the level of detail follows the
// zoom; outlines draw over every fill; wide outlines and points have their pixel size. Also
// shader errors and PNG round trips.
#include "render/map_renderer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <stb/stb_image.h>

#include "gl_test_context.h"
#include "render/gl_errors.h"
#include "render/image.h"
#include "render/layer_mesh.h"
#include "render/offscreen_target.h"
#include "render/shader_program.h"
#include "wkt_feature.h"

namespace chipao::render {
namespace {

using chipao::test::features_from_wkt;

constexpr int kSize = 200;
const Rgba kBackground = rgb8(0xffffff);
const Rgba kRed = rgb8(0xff0000);
const Rgba kBlue = rgb8(0x0000ff);
const Rgba kGreen = rgb8(0x00ff00);

struct Rgb8 {
  int r, g, b;
  friend bool operator==(const Rgb8&, const Rgb8&) = default;
};
std::ostream& operator<<(std::ostream& out, const Rgb8& c) {
  return out << "rgb(" << c.r << ", " << c.g << ", " << c.b << ")";
}
Rgb8 to_rgb8(const Rgba& c) {
  return {static_cast<int>(c.r * 255.0f + 0.5f), static_cast<int>(c.g * 255.0f + 0.5f),
          static_cast<int>(c.b * 255.0f + 0.5f)};
}

class MapRendererTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    context_ = chipao::test::GlTestContext::create(error);
    if (!context_) {
      setup_error_ = error;
      return;
    }
    auto renderer = MapRenderer::create();
    if (!renderer) {
      setup_error_ = renderer.error().message;
      return;
    }
    renderer_ = std::make_unique<MapRenderer>(std::move(*renderer));
    auto target = OffscreenTarget::create(kSize, kSize);
    if (!target) {
      setup_error_ = target.error().message;
      return;
    }
    target_ = std::make_unique<OffscreenTarget>(std::move(*target));
  }
  static void TearDownTestSuite() {
    target_.reset();
    renderer_.reset();
    context_.reset();
  }
  void SetUp() override { ASSERT_TRUE(setup_error_.empty()) << setup_error_; }

  // Draws the layers (bottom first) with the camera fitted to `extent`, 20 px clear all round.
  RgbaImage render(const std::vector<std::pair<std::vector<std::string>, LayerDrawStyle>>& layers,
                   Bbox extent) {
    std::vector<LayerGpu> gpu;
    gpu.reserve(layers.size());
    for (const auto& [wkts, style] : layers) gpu.push_back(upload(wkts));
    std::vector<LayerDrawItem> items;
    for (std::size_t i = 0; i < layers.size(); ++i) items.push_back({&gpu[i], layers[i].second});
    return draw(items, extent);
  }

  static LayerGpu upload(const std::vector<std::string>& wkts) {
    return LayerGpu::upload(build_layer_mesh(features_from_wkt(wkts)));
  }

  RgbaImage draw(const std::vector<LayerDrawItem>& items, Bbox extent, DrawStats* stats = nullptr) {
    camera_.set_viewport(kSize, kSize);
    camera_.fit(extent, FitPadding{20, 20, 20, 20});
    target_->bind();
    renderer_->clear(kBackground);
    const DrawStats drawn = renderer_->draw(items, camera_);
    if (stats != nullptr) *stats = drawn;
    RgbaImage image = read_framebuffer(0, 0, kSize, kSize);
    OffscreenTarget::bind_window();
    EXPECT_EQ(take_gl_errors(), "");
    return image;
  }

  Rgb8 pixel(const RgbaImage& image, int x, int y) const {
    const std::uint8_t* p = image.pixel(x, y);
    return {p[0], p[1], p[2]};
  }

  Rgb8 at(const RgbaImage& image, Vec2 world) const {
    const Vec2 px = camera_.world_to_screen(world);
    const std::uint8_t* p = image.pixel(static_cast<int>(px.x), static_cast<int>(px.y));
    return {p[0], p[1], p[2]};
  }

  static Bbox box(double min_x, double min_y, double max_x, double max_y) {
    Bbox b;
    b.expand(Vec2{min_x, min_y});
    b.expand(Vec2{max_x, max_y});
    return b;
  }

  static LayerDrawStyle fill_only(const Rgba& fill) {
    LayerDrawStyle style;
    style.fill = fill;
    style.outline = Rgba{0, 0, 0, 0};  // invisible, so only the fill shows
    return style;
  }

  Camera2D camera_;
  static inline std::unique_ptr<chipao::test::GlTestContext> context_;
  static inline std::unique_ptr<MapRenderer> renderer_;
  static inline std::unique_ptr<OffscreenTarget> target_;
  static inline std::string setup_error_;
};

// A 0.1-degree square near the equator (cos(latitude) ~ 1) with a hole in its middle.
const std::string kSquareWithHole =
    "POLYGON ((100 0, 100.1 0, 100.1 0.1, 100 0.1, 100 0), "
    "(100.03 0.03, 100.07 0.03, 100.07 0.07, 100.03 0.07, 100.03 0.03))";

TEST_F(MapRendererTest, HoleStaysBackgroundAndRingIsFilled) {
  const RgbaImage image = render({{{kSquareWithHole}, fill_only(kRed)}}, box(100, 0, 100.1, 0.1));
  EXPECT_EQ(at(image, {100.05, 0.05}), to_rgb8(kBackground)) << "inside the hole";
  EXPECT_EQ(at(image, {100.015, 0.015}), to_rgb8(kRed)) << "inside the ring";
  EXPECT_EQ(at(image, {100.085, 0.05}), to_rgb8(kRed)) << "inside the ring, east side";
  EXPECT_EQ(at(image, {100.12, 0.05}), to_rgb8(kBackground)) << "outside";
}

TEST_F(MapRendererTest, HoleWoundLikeTheShellIsStillAHole) {
  // Both rings counter-clockwise: the triangulator reorients rings itself.
  const std::string same_winding =
      "POLYGON ((100 0, 100.1 0, 100.1 0.1, 100 0.1, 100 0), "
      "(100.03 0.03, 100.03 0.07, 100.07 0.07, 100.07 0.03, 100.03 0.03))";
  const RgbaImage image = render({{{same_winding}, fill_only(kRed)}}, box(100, 0, 100.1, 0.1));
  EXPECT_EQ(at(image, {100.05, 0.05}), to_rgb8(kBackground));
  EXPECT_EQ(at(image, {100.015, 0.015}), to_rgb8(kRed));
}

TEST_F(MapRendererTest, ConcaveRingLeavesItsNotchEmpty) {
  // A "C" open to the east: no triangle may span the notch.
  const std::string c_shape =
      "POLYGON ((100 0, 100.1 0, 100.1 0.03, 100.03 0.03, 100.03 0.07, 100.1 0.07, "
      "100.1 0.1, 100 0.1, 100 0))";
  const RgbaImage image = render({{{c_shape}, fill_only(kRed)}}, box(100, 0, 100.1, 0.1));
  EXPECT_EQ(at(image, {100.07, 0.05}), to_rgb8(kBackground)) << "in the notch";
  EXPECT_EQ(at(image, {100.015, 0.05}), to_rgb8(kRed)) << "in the spine";
  EXPECT_EQ(at(image, {100.08, 0.015}), to_rgb8(kRed)) << "in the lower arm";
  EXPECT_EQ(at(image, {100.08, 0.085}), to_rgb8(kRed)) << "in the upper arm";
}

TEST_F(MapRendererTest, MultipolygonPartsFillAndTheGapBetweenDoesNot) {
  const std::string two_parts =
      "MULTIPOLYGON (((100 0, 100.04 0, 100.04 0.1, 100 0.1, 100 0)), "
      "((100.06 0, 100.1 0, 100.1 0.1, 100.06 0.1, 100.06 0)))";
  const RgbaImage image = render({{{two_parts}, fill_only(kRed)}}, box(100, 0, 100.1, 0.1));
  EXPECT_EQ(at(image, {100.02, 0.05}), to_rgb8(kRed));
  EXPECT_EQ(at(image, {100.08, 0.05}), to_rgb8(kRed));
  EXPECT_EQ(at(image, {100.05, 0.05}), to_rgb8(kBackground));
}

TEST_F(MapRendererTest, UpperLayerFillCoversLowerLayersHole) {
  // The upper layer covers the lower one's hole: nothing of the lower layer may show through.
  const std::string cover =
      "POLYGON ((99.99 -0.01, 100.11 -0.01, 100.11 0.11, 99.99 0.11, 99.99 -0.01))";
  const RgbaImage image = render(
      {{{kSquareWithHole}, fill_only(kRed)}, {{cover}, fill_only(kBlue)}}, box(100, 0, 100.1, 0.1));
  EXPECT_EQ(at(image, {100.05, 0.05}), to_rgb8(kBlue));
  EXPECT_EQ(at(image, {100.015, 0.015}), to_rgb8(kBlue));
}

TEST_F(MapRendererTest, LowerLayersOutlinesDrawOverUpperFills) {
  LayerDrawStyle lower;
  lower.fill.reset();
  lower.outline = kGreen;
  lower.outline_width_px = 3.0f;
  const std::string line_across =
      "POLYGON ((100.05 -0.05, 100.0501 -0.05, 100.0501 0.15, 100.05 0.15, 100.05 -0.05))";
  const std::string cover = "POLYGON ((100 0, 100.1 0, 100.1 0.1, 100 0.1, 100 0))";
  const RgbaImage image =
      render({{{line_across}, lower}, {{cover}, fill_only(kBlue)}}, box(100, 0, 100.1, 0.1));
  EXPECT_EQ(at(image, {100.05, 0.05}), to_rgb8(kGreen));
  EXPECT_EQ(at(image, {100.02, 0.05}), to_rgb8(kBlue));
}

TEST_F(MapRendererTest, OutlineWidthIsInPixels) {
  for (const float width : {1.0f, 6.0f}) {
    LayerDrawStyle style;
    style.fill.reset();
    style.outline = kBlue;
    style.outline_width_px = width;
    const RgbaImage image =
        render({{{"POLYGON ((100 0, 100.1 0, 100.1 0.1, 100 0.1, 100 0))"}, style}},
               box(100, 0, 100.1, 0.1));
    // Count blue pixels along the middle row, across the west edge.
    const int y = kSize / 2;
    const int edge_x = static_cast<int>(camera_.world_to_screen({100.0, 0.05}).x);
    int blue = 0;
    for (int x = edge_x - 8; x <= edge_x + 8; ++x) {
      const std::uint8_t* p = image.pixel(x, y);
      if (p[0] == 0 && p[1] == 0 && p[2] == 255) ++blue;
    }
    EXPECT_NEAR(blue, static_cast<int>(width), 1) << "outline width " << width;
  }
}

TEST_F(MapRendererTest, PointsDrawAsMarkersOfTheirSize) {
  LayerDrawStyle style;
  style.point_fill = kRed;
  style.point_outline = kRed;
  style.point_size_px = 11.0f;
  const RgbaImage image =
      render({{{"POINT (100.05 0.05)", "POINT (100.02 0.08)"}, style}}, box(100, 0, 100.1, 0.1));
  EXPECT_EQ(at(image, {100.05, 0.05}), to_rgb8(kRed));
  EXPECT_EQ(at(image, {100.02, 0.08}), to_rgb8(kRed));
  EXPECT_EQ(at(image, {100.035, 0.05}), to_rgb8(kBackground));
}

TEST_F(MapRendererTest, ImageRowsComeTopFirst) {
  // Only the northern half is filled: the image's top rows must be red.
  const std::string north = "POLYGON ((100 0.05, 100.1 0.05, 100.1 0.1, 100 0.1, 100 0.05))";
  const RgbaImage image = render({{{north}, fill_only(kRed)}}, box(100, 0, 100.1, 0.1));
  const std::uint8_t* top = image.pixel(kSize / 2, 30);
  const std::uint8_t* bottom = image.pixel(kSize / 2, kSize - 30);
  EXPECT_EQ((Rgb8{top[0], top[1], top[2]}), to_rgb8(kRed));
  EXPECT_EQ((Rgb8{bottom[0], bottom[1], bottom[2]}), to_rgb8(kBackground));
}

// Two squares sharing the border x = 100.05.
const std::vector<std::string> kTwoSquares = {
    "POLYGON ((100 0, 100.05 0, 100.05 0.1, 100 0.1, 100 0))",
    "POLYGON ((100.05 0, 100.1 0, 100.1 0.1, 100.05 0.1, 100.05 0))"};
const Vec2 kWestMiddle{100.025, 0.05};
const Vec2 kEastMiddle{100.075, 0.05};

LayerDrawStyle per_feature_style() {
  LayerDrawStyle style;
  style.fill.reset();                // per-feature colours only
  style.outline = Rgba{0, 0, 0, 0};  // invisible, so only the fill shows
  return style;
}

TEST_F(MapRendererTest, PerFeatureColoursAndChangingThem) {
  LayerGpu gpu = upload(kTwoSquares);
  const std::vector<LayerDrawItem> items{{&gpu, per_feature_style()}};
  const Bbox extent = box(100, 0, 100.1, 0.1);

  const std::vector<Rgba> first{kRed, kBlue};
  gpu.set_feature_colors(first);
  RgbaImage image = draw(items, extent);
  EXPECT_EQ(at(image, kWestMiddle), to_rgb8(kRed));
  EXPECT_EQ(at(image, kEastMiddle), to_rgb8(kBlue));
  EXPECT_EQ(at(image, {100.12, 0.05}), to_rgb8(kBackground));

  const std::vector<Rgba> second{kGreen, kRed};
  gpu.set_feature_colors(second);
  image = draw(items, extent);
  EXPECT_EQ(at(image, kWestMiddle), to_rgb8(kGreen));
  EXPECT_EQ(at(image, kEastMiddle), to_rgb8(kRed));

  // Back to the style's single colour.
  gpu.clear_feature_colors();
  LayerDrawStyle uniform = per_feature_style();
  uniform.fill = kBlue;
  image = draw({{&gpu, uniform}}, extent);
  EXPECT_EQ(at(image, kWestMiddle), to_rgb8(kBlue));
  EXPECT_EQ(at(image, kEastMiddle), to_rgb8(kBlue));
}

TEST_F(MapRendererTest, NoDataIsHatchedNotAClassColour) {
  LayerGpu gpu = upload(kTwoSquares);
  const std::vector<Rgba> colors{kRed, kBlue};
  gpu.set_feature_colors(colors);
  const std::vector<std::uint8_t> flags{feature_flag::no_data, 0};
  gpu.set_feature_flags(flags);
  const LayerDrawStyle style = per_feature_style();
  const RgbaImage image = draw({{&gpu, style}}, box(100, 0, 100.1, 0.1));

  // Along a row through the no-data square: only the base and the hatch colour, both present.
  const Vec2 west = camera_.world_to_screen({100.005, 0.05});
  const Vec2 east = camera_.world_to_screen({100.045, 0.05});
  int base = 0, hatch = 0, other = 0;
  for (int x = static_cast<int>(west.x); x <= static_cast<int>(east.x); ++x) {
    const Rgb8 c = pixel(image, x, static_cast<int>(west.y));
    if (c == to_rgb8(style.highlight.no_data_base)) {
      ++base;
    } else if (c == to_rgb8(style.highlight.no_data_hatch)) {
      ++hatch;
    } else {
      ++other;
    }
  }
  EXPECT_GT(base, 0);
  EXPECT_GT(hatch, 0);
  EXPECT_EQ(other, 0) << "neither the class colour nor anything else";
  EXPECT_EQ(at(image, kEastMiddle), to_rgb8(kBlue)) << "the other feature keeps its colour";
}

TEST_F(MapRendererTest, HiddenFeatureIsNeitherFilledNorOutlined) {
  LayerGpu gpu = upload(kTwoSquares);
  LayerDrawStyle style = per_feature_style();
  style.outline = kGreen;
  const std::vector<Rgba> colors{kRed, kBlue};
  gpu.set_feature_colors(colors);
  const std::vector<std::uint8_t> flags{feature_flag::hidden, 0};
  gpu.set_feature_flags(flags);
  const RgbaImage image = draw({{&gpu, style}}, box(100, 0, 100.1, 0.1));
  EXPECT_EQ(at(image, kWestMiddle), to_rgb8(kBackground));
  EXPECT_EQ(at(image, kEastMiddle), to_rgb8(kBlue));
  // The hidden square's west edge has no outline; the visible square's east edge has one.
  const auto green_near = [&](double lon) {
    const Vec2 px = camera_.world_to_screen({lon, 0.05});
    int green = 0;
    for (int x = static_cast<int>(px.x) - 2; x <= static_cast<int>(px.x) + 2; ++x) {
      if (pixel(image, x, static_cast<int>(px.y)) == to_rgb8(kGreen)) ++green;
    }
    return green;
  };
  EXPECT_EQ(green_near(100.0), 0);
  EXPECT_GT(green_near(100.1), 0);
}

TEST_F(MapRendererTest, HoverLightensAndSelectionOutlinesOnlySelectedFeatures) {
  LayerGpu gpu = upload(kTwoSquares);
  const LayerDrawStyle style = per_feature_style();
  const std::vector<Rgba> colors{kRed, kRed};
  gpu.set_feature_colors(colors);
  const std::vector<std::uint8_t> flags{feature_flag::hovered, feature_flag::selected};
  gpu.set_feature_flags(flags);
  ASSERT_EQ(gpu.selected_features(), std::vector<std::uint32_t>{1});
  const RgbaImage image = draw({{&gpu, style}}, box(100, 0, 100.1, 0.1));

  const Rgb8 hovered = at(image, kWestMiddle);
  const int lift = static_cast<int>(style.highlight.hover_lighten * 255.0f + 0.5f);
  EXPECT_EQ(hovered.r, 255);
  EXPECT_NEAR(hovered.g, lift, 2);
  EXPECT_NEAR(hovered.b, lift, 2);
  EXPECT_EQ(at(image, kEastMiddle), to_rgb8(kRed)) << "selection does not change the fill";

  const auto count_near = [&](double lon, const Rgba& color) {
    const Vec2 px = camera_.world_to_screen({lon, 0.05});
    int n = 0;
    for (int x = static_cast<int>(px.x) - 4; x <= static_cast<int>(px.x) + 4; ++x) {
      if (pixel(image, x, static_cast<int>(px.y)) == to_rgb8(color)) ++n;
    }
    return n;
  };
  const Rgba selection = style.highlight.selection_outline;
  EXPECT_NEAR(count_near(100.1, selection), style.highlight.selection_outline_width_px, 1)
      << "the selected square's east edge";
  EXPECT_EQ(count_near(100.0, selection), 0) << "the other square's west edge";
  EXPECT_GT(count_near(100.0, style.highlight.hover_outline), 0) << "hovered square's outline";
}

TEST_F(MapRendererTest, LevelOfDetailFollowsTheZoom) {
  // A detailed ring (4,000 points, 0.2 degrees across) seen up close and from far away.
  std::ostringstream wkt;
  wkt.precision(17);
  wkt << "POLYGON ((";
  const int n = 4000;
  for (int i = 0; i <= n; ++i) {
    const double a = 2 * 3.141592653589793 * (i % n) / n;
    const double r = 0.1 * (1 + 0.02 * std::sin(53 * a));
    wkt << (i ? ", " : "") << 100.1 + r * std::cos(a) << " " << 0.1 + r * std::sin(a);
  }
  wkt << "))";
  LayerGpu gpu = upload({wkt.str()});
  ASSERT_GT(gpu.level_count(), 1u);
  LayerDrawStyle style = fill_only(kRed);

  DrawStats near_stats, far_stats;
  const Bbox close_up = box(100.09, 0.09, 100.11, 0.11);
  const RgbaImage near_image = draw({{&gpu, style}}, close_up, &near_stats);
  const RgbaImage far_image = draw({{&gpu, style}}, box(95, -5, 105, 5), &far_stats);
  EXPECT_EQ(near_stats.fan_triangles, gpu.triangle_count(0));
  EXPECT_LT(far_stats.fan_triangles, near_stats.fan_triangles / 4);
  EXPECT_EQ(far_stats.fan_triangles,
            gpu.triangle_count(gpu.level_for(1.0 / camera_.pixels_per_degree())));
  // Still filled at its centre either way.
  EXPECT_EQ(at(far_image, {100.1, 0.1}), to_rgb8(kRed));
  camera_.fit(close_up, FitPadding{20, 20, 20, 20});
  EXPECT_EQ(at(near_image, {100.1, 0.1}), to_rgb8(kRed));
}

// A grid of 12 x 12 small squares, each split in two triangles' worth of detail, with a
// different colour per square, for culling and border tests.
std::vector<std::string> square_grid(int n, double size) {
  std::vector<std::string> wkts;
  for (int j = 0; j < n; ++j) {
    for (int i = 0; i < n; ++i) {
      const double x = 100 + i * size, y = j * size;
      std::ostringstream wkt;
      wkt.precision(17);
      wkt << "POLYGON ((" << x << " " << y << ", " << x + size << " " << y << ", " << x + size
          << " " << y + size << ", " << x << " " << y + size << ", " << x << " " << y << "))";
      wkts.push_back(wkt.str());
    }
  }
  return wkts;
}

TEST_F(MapRendererTest, CullingSkipsFeaturesOutOfViewAndChangesNoPixel) {
  constexpr int n = 12;
  LayerGpu gpu = upload(square_grid(n, 0.01));
  std::vector<Rgba> colors;
  for (int k = 0; k < n * n; ++k) {
    colors.push_back(Rgba{static_cast<float>(k % n) / n, static_cast<float>(k / n) / n, 0.5f, 1});
  }
  gpu.set_feature_colors(colors);
  std::vector<std::uint8_t> flags(n * n, 0);
  flags[5 * n + 5] = feature_flag::no_data;
  gpu.set_feature_flags(flags);
  LayerDrawStyle style;
  style.fill.reset();
  style.outline = kBlue;
  style.outline_width_px = 3.0f;
  // A view of about 3 x 3 squares in the middle of the grid, cutting squares at its edges.
  const Bbox view = box(100.045, 0.045, 100.072, 0.072);
  DrawStats culled, whole;
  const RgbaImage with_culling = draw({{&gpu, style}}, view, &culled);
  renderer_->set_culling(false);
  const RgbaImage without = draw({{&gpu, style}}, view, &whole);
  renderer_->set_culling(true);
  EXPECT_EQ(whole.fan_triangles, gpu.triangle_count(0));
  EXPECT_LT(culled.fan_triangles, whole.fan_triangles / 4) << "most squares are out of view";
  EXPECT_GT(culled.fan_triangles, 0u);
  EXPECT_LT(culled.outline_segments, whole.outline_segments / 4);
  ASSERT_EQ(with_culling.pixels.size(), without.pixels.size());
  EXPECT_TRUE(with_culling.pixels == without.pixels) << "culling changed pixels";
  // The view is covered: no background pixel anywhere.
  int background = 0;
  for (int y = 0; y < kSize; ++y) {
    for (int x = 0; x < kSize; ++x) background += pixel(with_culling, x, y) == to_rgb8(kBackground);
  }
  EXPECT_EQ(background, 0);
}

TEST_F(MapRendererTest, SharedBorderIsDrawnOnceAndSurvivesHidingEitherSide) {
  LayerGpu gpu = upload(kTwoSquares);
  LayerDrawStyle style = per_feature_style();
  style.outline = kGreen;
  const std::vector<Rgba> colors{kRed, kBlue};
  gpu.set_feature_colors(colors);
  DrawStats stats;
  const Bbox extent = box(100, 0, 100.1, 0.1);
  const auto green_near = [&](const RgbaImage& image, double lon) {
    const Vec2 px = camera_.world_to_screen({lon, 0.05});
    int green = 0;
    for (int x = static_cast<int>(px.x) - 2; x <= static_cast<int>(px.x) + 2; ++x) {
      if (pixel(image, x, static_cast<int>(px.y)) == to_rgb8(kGreen)) ++green;
    }
    return green;
  };
  const RgbaImage both = draw({{&gpu, style}}, extent, &stats);
  EXPECT_EQ(stats.outline_segments, 7u) << "4 + 4 edges, the shared one once";
  EXPECT_GT(green_near(both, 100.05), 0);
  // The shared border belongs to the first square in the border list; hiding either square
  // must leave the other one outlined on that side.
  for (const std::size_t hidden : {0u, 1u}) {
    std::vector<std::uint8_t> flags(2, 0);
    flags[hidden] = feature_flag::hidden;
    gpu.set_feature_flags(flags);
    const RgbaImage image = draw({{&gpu, style}}, extent, &stats);
    EXPECT_EQ(stats.outline_segments, 8u) << "every ring's own edges while one is hidden";
    EXPECT_GT(green_near(image, 100.05), 0) << "square " << hidden << " hidden";
  }
}

TEST_F(MapRendererTest, TranslucentFillsStillBlend) {
  // Opaque fills are drawn without blending; a translucent one must still show what is below.
  const std::string cover = "POLYGON ((100 0, 100.1 0, 100.1 0.1, 100 0.1, 100 0))";
  LayerGpu lower = upload({cover});
  LayerGpu upper = upload({cover});
  const std::vector<Rgba> half_blue{Rgba{0, 0, 1, 0.5f}};
  upper.set_feature_colors(half_blue);
  EXPECT_FALSE(upper.feature_colors_opaque());
  const RgbaImage image =
      draw({{&lower, fill_only(kRed)}, {&upper, per_feature_style()}}, box(100, 0, 100.1, 0.1));
  const Rgb8 mixed = at(image, {100.05, 0.05});
  EXPECT_NEAR(mixed.r, 128, 2);
  EXPECT_EQ(mixed.g, 0);
  EXPECT_NEAR(mixed.b, 128, 2);
}

TEST_F(MapRendererTest, PngRoundTrip) {
  const RgbaImage image = render({{{kSquareWithHole}, fill_only(kRed)}}, box(100, 0, 100.1, 0.1));
  const auto path = std::filesystem::temp_directory_path() / "chipao_render_roundtrip.png";
  ASSERT_TRUE(write_png(path.string(), image).has_value());
  int width = 0, height = 0, channels = 0;
  unsigned char* loaded = stbi_load(path.c_str(), &width, &height, &channels, 4);
  ASSERT_NE(loaded, nullptr);
  EXPECT_EQ(width, kSize);
  EXPECT_EQ(height, kSize);
  EXPECT_TRUE(std::equal(image.pixels.begin(), image.pixels.end(), loaded));
  stbi_image_free(loaded);
  std::filesystem::remove(path);
}

TEST_F(MapRendererTest, PngToMissingFolderIsAnErrorNamingThePath) {
  RgbaImage image;
  image.width = image.height = 1;
  image.pixels = {0, 0, 0, 255};
  auto written = write_png("/nonexistent-folder/x.png", image);
  ASSERT_FALSE(written.has_value());
  EXPECT_NE(written.error().message.find("/nonexistent-folder/x.png"), std::string::npos);
}

TEST_F(MapRendererTest, ShaderCompileErrorNamesTheFileAndCarriesTheLog) {
  ProgramSources sources{
      "broken",
      {"map.vert",
       "#version 330 core\nlayout(location = 0) in vec2 position;\n"
       "void main() { gl_Position = vec4(position, 0.0, 1.0); }\n"},
      {},
      {"broken.frag", "#version 330 core\nout vec4 c;\nvoid main() { c = undefined_name; }\n"}};
  auto program = ShaderProgram::build(sources);
  ASSERT_FALSE(program.has_value());
  const std::string& message = program.error().message;
  EXPECT_NE(message.find("broken.frag"), std::string::npos) << message;
  EXPECT_NE(message.find("failed to compile"), std::string::npos) << message;
  EXPECT_NE(message.find("undefined_name"), std::string::npos) << message;
}

TEST_F(MapRendererTest, MissingEmbeddedShaderIsAnError) {
  auto program = ShaderProgram::from_embedded("missing", "map.vert", "", "no_such.frag");
  ASSERT_FALSE(program.has_value());
  EXPECT_NE(program.error().message.find("no_such.frag"), std::string::npos);
}

}  // namespace
}  // namespace chipao::render
