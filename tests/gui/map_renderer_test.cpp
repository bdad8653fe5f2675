// MapRenderer into an off-screen target: the stencil fill is exact for holes, concave rings and
// multipolygons; the stencil is clean between layers; outlines draw over every fill; wide
// outlines and points have their pixel size. Also shader errors and PNG round trips.
#include "render/map_renderer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <memory>
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
    for (const auto& [wkts, style] : layers) {
      gpu.push_back(LayerGpu::upload(build_layer_mesh(features_from_wkt(wkts))));
    }
    std::vector<LayerDrawItem> items;
    for (std::size_t i = 0; i < layers.size(); ++i) items.push_back({&gpu[i], layers[i].second});

    camera_.set_viewport(kSize, kSize);
    camera_.fit(extent, FitPadding{20, 20, 20, 20});
    target_->bind();
    renderer_->clear(kBackground);
    renderer_->draw(items, camera_);
    RgbaImage image = read_framebuffer(0, 0, kSize, kSize);
    OffscreenTarget::bind_window();
    EXPECT_EQ(take_gl_errors(), "");
    return image;
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
  // Both rings counter-clockwise: the even-odd stencil rule does not care about winding.
  const std::string same_winding =
      "POLYGON ((100 0, 100.1 0, 100.1 0.1, 100 0.1, 100 0), "
      "(100.03 0.03, 100.03 0.07, 100.07 0.07, 100.07 0.03, 100.03 0.03))";
  const RgbaImage image = render({{{same_winding}, fill_only(kRed)}}, box(100, 0, 100.1, 0.1));
  EXPECT_EQ(at(image, {100.05, 0.05}), to_rgb8(kBackground));
  EXPECT_EQ(at(image, {100.015, 0.015}), to_rgb8(kRed));
}

TEST_F(MapRendererTest, ConcaveRingLeavesItsNotchEmpty) {
  // A "C" open to the east: fans from the first vertex sweep across the notch and must cancel.
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

TEST_F(MapRendererTest, StencilIsCleanForTheNextLayer) {
  // The upper layer covers the lower one's hole: had the lower layer left stencil bits
  // behind, the upper fill would come out inverted there.
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
