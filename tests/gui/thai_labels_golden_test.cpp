// Thai and English labels drawn by TextRenderer into an off-screen target and compared with
// tests/gui/golden/thai_labels.png within a tolerance. The words are the ones unshaped Thai
// gets wrong: ปู่ (mark off the stem of ป), ญี่ปุ่น (marks beside tall consonants), ที่นี่ (tone
// mark above the upper vowel), สิ้น, น้ำ (mai tho above sara am's circle).
//
// CHIPAO_UPDATE_GOLDEN=1 rewrites the golden and fails, saying so, so that nobody updates it
// by accident in CI. Look at the image before committing it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <stb/stb_image.h>

#include "gl_test_context.h"
#include "render/gl_errors.h"
#include "render/image.h"
#include "render/offscreen_target.h"
#include "render/text/text_renderer.h"
#include "support/test_paths.h"

namespace chipao::render {
namespace {

constexpr int kWidth = 520;
constexpr int kHeight = 360;
const Rgba kPaper = rgb8(0xf4efe0);     // light fill, left half
const Rgba kDarkFill = rgb8(0x4b2c6b);  // dark fill, right half
const Rgba kInk = rgb8(0x1a1a1a);
const Rgba kHalo = rgb8(0xffffff);

// Tolerance: a pixel differs when any channel is off by more than this; the image passes
// while at most kMaxDifferingShare of its pixels differ (FreeType or Mesa updates move edges).
constexpr int kChannelTolerance = 48;
constexpr double kMaxDifferingShare = 0.005;

std::vector<TextItem> golden_items() {
  std::vector<TextItem> items;
  const char* words[] = {"ปู่", "ญี่ปุ่น", "ที่นี่", "สิ้น", "น้ำ"};
  float y = 40;
  for (const char* word : words) {
    // The same word on the light and on the dark half: the halo keeps it legible on both.
    items.push_back({word, kWidth * 0.25f, y, 30, kInk, kHalo, 2, TextAnchor::center});
    items.push_back({word, kWidth * 0.75f, y, 30, kInk, kHalo, 2, TextAnchor::center});
    y += 52;
  }
  // English and mixed text across the boundary between the fills.
  items.push_back(
      {"Mueang Khon Kaen", kWidth * 0.5f, y - 6, 26, kInk, kHalo, 2, TextAnchor::center});
  items.push_back({"อำเภอเมือง Mueang", kWidth * 0.5f, y + 30, 20, rgb8(0xffffff), rgb8(0x000000),
                   1.5f, TextAnchor::center});
  return items;
}

class ThaiLabelsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    context_ = chipao::test::GlTestContext::create(error);
    if (!context_) {
      setup_error_ = error;
      return;
    }
    auto fonts = FontSet::load_default();
    if (!fonts) {
      setup_error_ = fonts.error().message;
      return;
    }
    auto renderer = TextRenderer::create(*fonts);
    if (!renderer) {
      setup_error_ = renderer.error().message;
      return;
    }
    renderer_ = std::make_unique<TextRenderer>(std::move(*renderer));
    auto target = OffscreenTarget::create(kWidth, kHeight);
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

  RgbaImage render(const std::vector<TextItem>& items) {
    return render_with([&] { renderer_->draw(items, kWidth, kHeight); });
  }

  template <typename Draw>
  RgbaImage render_with(Draw draw) {
    target_->bind();
    glDisable(GL_SCISSOR_TEST);
    glClearColor(kPaper.r, kPaper.g, kPaper.b, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_SCISSOR_TEST);
    glScissor(kWidth / 2, 0, kWidth / 2, kHeight);
    glClearColor(kDarkFill.r, kDarkFill.g, kDarkFill.b, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
    draw();
    glFinish();
    return read_framebuffer(0, 0, kWidth, kHeight);
  }

  static inline std::unique_ptr<chipao::test::GlTestContext> context_;
  static inline std::unique_ptr<TextRenderer> renderer_;
  static inline std::unique_ptr<OffscreenTarget> target_;
  static inline std::string setup_error_;
};

std::string golden_path() {
  return chipao::test::source_dir() + "/tests/gui/golden/thai_labels.png";
}

TEST_F(ThaiLabelsTest, MatchesTheGoldenImage) {
  const RgbaImage image = render(golden_items());
  EXPECT_EQ(take_gl_errors(), "");

  const char* update = std::getenv("CHIPAO_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    auto written = write_png(golden_path(), image);
    ASSERT_TRUE(written) << written.error().message;
    FAIL() << "CHIPAO_UPDATE_GOLDEN=1: rewrote " << golden_path()
           << "; look at it, then run again without the variable";
  }

  const std::string actual_path = chipao::test::temp_dir("thai_labels") + "/thai_labels.png";
  ASSERT_TRUE(write_png(actual_path, image));
  int w = 0, h = 0, channels = 0;
  stbi_uc* golden = stbi_load(golden_path().c_str(), &w, &h, &channels, 4);
  ASSERT_NE(golden, nullptr) << "no golden image at " << golden_path()
                             << ": run with CHIPAO_UPDATE_GOLDEN=1 to create it (this run's "
                                "image is at "
                             << actual_path << ")";
  std::unique_ptr<stbi_uc, void (*)(void*)> owner(golden, stbi_image_free);
  ASSERT_EQ(w, image.width);
  ASSERT_EQ(h, image.height);

  std::size_t differing = 0;
  RgbaImage diff{w, h, std::vector<std::uint8_t>(image.pixels.size(), 255)};
  for (std::size_t i = 0; i < image.pixels.size(); i += 4) {
    int worst = 0;
    for (std::size_t c = 0; c < 3; ++c)
      worst = std::max(worst, std::abs(int{image.pixels[i + c]} - int{golden[i + c]}));
    if (worst > kChannelTolerance) {
      ++differing;
      diff.pixels[i + 1] = diff.pixels[i + 2] = 0;  // red where it differs
    }
  }
  const double share = static_cast<double>(differing) / (static_cast<double>(w) * h);
  if (share > kMaxDifferingShare) {
    const std::string diff_path = chipao::test::temp_dir("thai_labels_diff") + "/diff.png";
    (void)write_png(diff_path, diff);
    FAIL() << differing << " pixels (" << share * 100 << "%) differ from " << golden_path()
           << " by more than " << kChannelTolerance << " (allowed " << kMaxDifferingShare * 100
           << "%); this run: " << actual_path << ", differences in red: " << diff_path;
  }
}

// Independent of the golden: each word leaves dark ink on both fills, and on the dark fill
// the halo puts light pixels around it.
TEST_F(ThaiLabelsTest, EveryWordIsInkedWithAHaloOnBothFills) {
  const std::vector<TextItem> items = golden_items();
  const RgbaImage image = render(items);
  for (std::size_t k = 0; k < 10; ++k) {
    const TextItem& item = items[k];
    int dark = 0, light = 0;
    for (int y = static_cast<int>(item.y_px) - 24; y < static_cast<int>(item.y_px) + 24; ++y) {
      for (int x = static_cast<int>(item.x_px) - 60; x < static_cast<int>(item.x_px) + 60; ++x) {
        const std::uint8_t* p = image.pixel(x, y);
        if (p[0] < 60 && p[1] < 60 && p[2] < 60) ++dark;
        if (p[0] > 230 && p[1] > 230 && p[2] > 230) ++light;
      }
    }
    EXPECT_GT(dark, 20) << item.text << " at x " << item.x_px;
    EXPECT_GT(light, 20) << item.text << " at x " << item.x_px << ": no halo";
  }
}

TEST_F(ThaiLabelsTest, RedrawingReusesTheAtlasAndGivesTheSameImage) {
  const RgbaImage first = render(golden_items());
  const std::size_t glyphs = renderer_->atlas_glyph_count();
  ASSERT_GT(glyphs, 0u);
  const RgbaImage second = render(golden_items());
  EXPECT_EQ(renderer_->atlas_glyph_count(), glyphs);
  EXPECT_TRUE(first.pixels == second.pixels);
}

// A batch built once draws what draw(items) draws; moved by a pan offset it draws what the
// moved items draw (whole pixels, so the same texels land on the moved pixels).
TEST_F(ThaiLabelsTest, ABatchDrawsLikeItsItemsAndMovesByTheOffset) {
  const std::vector<TextItem> items = golden_items();
  const RgbaImage direct = render(items);
  TextBatch batch = renderer_->build(items);
  EXPECT_EQ(batch.quad_count(), 2 * items.size());  // one halo and one ink quad per label
  const RgbaImage batched = render_with([&] { renderer_->draw(batch, kWidth, kHeight); });
  EXPECT_TRUE(batched.pixels == direct.pixels);

  std::vector<TextItem> moved = items;
  for (TextItem& item : moved) {
    item.x_px += 17;
    item.y_px -= 9;
  }
  const RgbaImage expected = render(moved);
  const RgbaImage panned =
      render_with([&] { renderer_->draw(batch, kWidth, kHeight, 17.0f, -9.0f); });
  EXPECT_TRUE(panned.pixels == expected.pixels);
  EXPECT_FALSE(panned.pixels == batched.pixels);
  EXPECT_EQ(take_gl_errors(), "");
}

// Starting the atlas over moves every label image; a batch built before rebuilds itself.
TEST_F(ThaiLabelsTest, ABatchSurvivesTheAtlasStartingOver) {
  const std::vector<TextItem> items = golden_items();
  TextBatch batch = renderer_->build(items);
  const RgbaImage before = render_with([&] { renderer_->draw(batch, kWidth, kHeight); });
  renderer_->clear_caches();
  // Other labels first, so the old slots now hold different images.
  const std::vector<TextItem> others = {
      {"Ban Nong Bua", 100, 100, 18, kInk, kHalo, 2, TextAnchor::center},
      {"บ้านโนนสูง", 300, 200, 24, kInk, kHalo, 1, TextAnchor::center}};
  (void)render(others);
  const RgbaImage after = render_with([&] { renderer_->draw(batch, kWidth, kHeight); });
  EXPECT_TRUE(after.pixels == before.pixels);
}

}  // namespace
}  // namespace chipao::render
