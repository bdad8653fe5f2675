// Shaping Thai and English labels with HarfBuzz and the TLWG font, CPU only: tone marks keep
// off the tall stem of ป, sit above upper vowels, and never share ink with the consonant under
// them; English advances left to right; a missing font is a clear error.
//
// "Share ink" is judged on FreeType's own rasterisation of each glyph at its shaped position,
// not on anything the shaper computes.
#include "render/text/text_shaper.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "render/text/glyph_raster.h"

namespace chipao::render {
namespace {

constexpr float kSize = 32;

class TextShapingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto fonts = FontSet::load_default();
    ASSERT_TRUE(fonts) << fonts.error().message;
    fonts_ = std::make_unique<FontSet>(std::move(*fonts));
  }
  std::unique_ptr<FontSet> fonts_;
};

// Solidly inked pixels (coverage at least half) of a glyph drawn at its shaped position.
struct Ink {
  int count = 0;
  std::vector<std::pair<int, int>> pixels;
};

Ink ink_of(FontSet& fonts, const ShapedGlyph& g) {
  const GlyphBitmap bitmap = rasterize_glyph(fonts, g.glyph_id, kSize);
  Ink ink;
  const int ox = static_cast<int>(std::lround(g.x_px)) + bitmap.left;
  const int oy = static_cast<int>(std::lround(g.y_px)) - bitmap.top;
  for (int y = 0; y < bitmap.height; ++y)
    for (int x = 0; x < bitmap.width; ++x)
      if (bitmap.at(x, y) >= 128) ink.pixels.emplace_back(ox + x, oy + y);
  ink.count = static_cast<int>(ink.pixels.size());
  return ink;
}

int shared_pixels(const Ink& a, const Ink& b) {
  int shared = 0;
  for (const auto& p : a.pixels)
    for (const auto& q : b.pixels) shared += p == q ? 1 : 0;
  return shared;
}

// Every pair of glyphs in the text shares no solidly inked pixel.
void expect_no_ink_collisions(FontSet& fonts, const std::string& text) {
  const ShapedText shaped = shape_text(fonts, text, kSize);
  std::vector<Ink> inks;
  for (const ShapedGlyph& g : shaped.glyphs) inks.push_back(ink_of(fonts, g));
  for (std::size_t i = 0; i < inks.size(); ++i)
    for (std::size_t j = i + 1; j < inks.size(); ++j)
      EXPECT_EQ(shared_pixels(inks[i], inks[j]), 0)
          << text << ": glyphs " << i << " (id " << shaped.glyphs[i].glyph_id << ") and " << j
          << " (id " << shaped.glyphs[j].glyph_id << ") overlap";
}

// The glyph of `shaped` showing a character of the cluster at byte `cluster` whose ink lies
// highest (smallest top): the outermost mark above that consonant.
const ShapedGlyph* topmost_in_cluster(const ShapedText& shaped, std::uint32_t cluster) {
  const ShapedGlyph* best = nullptr;
  for (const ShapedGlyph& g : shaped.glyphs)
    if (g.cluster == cluster && !g.ink.empty() && (!best || g.ink.min_y < best->ink.min_y))
      best = &g;
  return best;
}

TEST_F(TextShapingTest, ThaiWordsHaveNoCollidingInk) {
  for (const char* word : {"ปู่", "ญี่ปุ่น", "ที่นี่", "สิ้น", "น้ำ"}) expect_no_ink_collisions(*fonts_, word);
}

// ป's stem is its ink's right edge, rising above the body to the ascender, about a tenth of
// the em wide. A tone mark over ป must end left of it.
float stem_left_of(const ShapedGlyph& po) {
  return po.ink.max_x - kSize * 0.1f;
}

TEST_F(TextShapingTest, ToneMarkOfPuuStaysLeftOfTheStem) {
  const ShapedText shaped = shape_text(*fonts_, "ปู่", kSize);
  const ShapedGlyph* po = nullptr;
  const ShapedGlyph* mark = nullptr;
  for (const ShapedGlyph& g : shaped.glyphs) {
    if (g.ink.empty()) continue;
    if (po == nullptr || g.ink.max_y - g.ink.min_y > po->ink.max_y - po->ink.min_y) po = &g;
  }
  ASSERT_NE(po, nullptr);
  for (const ShapedGlyph& g : shaped.glyphs)
    if (&g != po && g.ink.max_y < 0 && (mark == nullptr || g.ink.min_y < mark->ink.min_y))
      mark = &g;  // above the baseline and not ป: the tone mark (ู hangs below)
  ASSERT_NE(mark, nullptr) << "no tone mark glyph above the baseline";
  EXPECT_LE(mark->ink.max_x, stem_left_of(*po) + 0.5f)
      << "tone mark ink [" << mark->ink.min_x << ", " << mark->ink.max_x << "] reaches ป's stem at "
      << stem_left_of(*po);
  // And FreeType's pixels agree: the mark's rightmost solid pixel is left of the stem.
  const Ink mark_ink = ink_of(*fonts_, *mark);
  ASSERT_GT(mark_ink.count, 0);
  int right = -1000;
  for (const auto& p : mark_ink.pixels) right = std::max(right, p.first + 1);
  EXPECT_LE(static_cast<float>(right), stem_left_of(*po) + 1.0f);
}

// Control for the test above: the nominal mai ek (U+0E48) drawn where an unshaped renderer
// (ImGui) puts it, at the pen after ป with no offset, does reach the stem, so the test can
// tell shaped from unshaped text.
TEST_F(TextShapingTest, UnshapedToneMarkWouldReachTheStem) {
  const ShapedText po = shape_text(*fonts_, "ป", kSize);
  ASSERT_EQ(po.glyphs.size(), 1u);
  ShapedGlyph naive_mark;
  naive_mark.glyph_id = fonts_->nominal_glyph(U'\u0E48');
  ASSERT_NE(naive_mark.glyph_id, 0u);
  naive_mark.x_px = po.width_px;
  const Ink mark = ink_of(*fonts_, naive_mark);
  ASSERT_GT(mark.count, 0);
  int right = -1000;
  for (const auto& p : mark.pixels) right = std::max(right, p.first + 1);
  EXPECT_GT(static_cast<float>(right), stem_left_of(po.glyphs[0]) + 1.0f)
      << "the unshaped mark would sit clear of ป's stem: the shaped test proves nothing";
}

TEST_F(TextShapingTest, ToneMarksSitAboveUpperVowels) {
  // ที่นี่: mai ek over sara ii on both syllables; สิ้น: mai tho over sara i; น้ำ: mai tho over
  // nikhahit (sara am's circle). In each cluster the topmost ink is the tone mark and it must
  // clear the other upper glyph's ink top (y down, so its bottom is smaller).
  const float tolerance = 0.5f;
  for (const char* word : {"ที่นี่", "สิ้น", "น้ำ", "ญี่ปุ่น"}) {
    const ShapedText shaped = shape_text(*fonts_, word, kSize);
    std::vector<std::uint32_t> clusters;
    for (const ShapedGlyph& g : shaped.glyphs)
      if (std::find(clusters.begin(), clusters.end(), g.cluster) == clusters.end())
        clusters.push_back(g.cluster);
    int checked = 0;
    for (const std::uint32_t cluster : clusters) {
      const ShapedGlyph* top = topmost_in_cluster(shaped, cluster);
      ASSERT_NE(top, nullptr);
      for (const ShapedGlyph& g : shaped.glyphs) {
        // Upper glyphs: ink wholly above the baseline and starting above x-height (0.5 em).
        if (&g == top || g.cluster != cluster || g.ink.empty()) continue;
        if (g.ink.max_y > -kSize * 0.5f) continue;
        EXPECT_LE(top->ink.max_y, g.ink.min_y + tolerance)
            << word << ": the mark at [" << top->ink.min_y << ", " << top->ink.max_y
            << "] does not clear the vowel at [" << g.ink.min_y << ", " << g.ink.max_y << "]";
        ++checked;
      }
    }
    EXPECT_GE(checked, 1) << word << ": no stacked upper vowel and tone mark found";
  }
}

TEST_F(TextShapingTest, EnglishAdvancesMonotonically) {
  const std::string text = "Mueang Khon Kaen";
  const ShapedText shaped = shape_text(*fonts_, text, kSize);
  ASSERT_EQ(shaped.glyphs.size(), text.size());  // Latin: one glyph per letter, no ligatures
  for (std::size_t i = 1; i < shaped.glyphs.size(); ++i) {
    EXPECT_GT(shaped.glyphs[i].x_px, shaped.glyphs[i - 1].x_px) << "glyph " << i;
    EXPECT_GT(shaped.glyphs[i].cluster, shaped.glyphs[i - 1].cluster);
  }
  EXPECT_GT(shaped.width_px, shaped.glyphs.back().x_px);
  // Capitals rise to about 0.7 em; the g descends below the baseline.
  EXPECT_GT(shaped.ascent_px, kSize * 0.5f);
  EXPECT_GT(shaped.descent_px, 0.0f);
  expect_no_ink_collisions(*fonts_, text);
}

TEST_F(TextShapingTest, MixedThaiAndEnglishKeepsBothRunsInOrder) {
  const std::string text = "อำเภอเมือง Mueang";
  const ShapedText shaped = shape_text(*fonts_, text, kSize);
  const ShapedText thai = shape_text(*fonts_, "อำเภอเมือง ", kSize);
  const ShapedText latin = shape_text(*fonts_, "Mueang", kSize);
  EXPECT_NEAR(shaped.width_px, thai.width_px + latin.width_px, 0.01);
  ASSERT_EQ(shaped.glyphs.size(), thai.glyphs.size() + latin.glyphs.size());
  EXPECT_EQ(shaped.glyphs.back().cluster, text.size() - 1);  // the final 'g'
}

TEST_F(TextShapingTest, ScalesWithSize) {
  const ShapedText small = shape_text(*fonts_, "ที่นี่", 16);
  const ShapedText large = shape_text(*fonts_, "ที่นี่", 32);
  EXPECT_NEAR(large.width_px, 2 * small.width_px, 0.1);
  EXPECT_NEAR(large.ascent_px, 2 * small.ascent_px, 0.1);
}

TEST(TextShapingErrors, MissingFontNamesTheFileAndThePackage) {
  auto fonts = FontSet::load("/nonexistent/Loma.ttf");
  ASSERT_FALSE(fonts);
  EXPECT_NE(fonts.error().message.find("/nonexistent/Loma.ttf"), std::string::npos);
  EXPECT_NE(fonts.error().message.find("fonts-tlwg-loma-ttf"), std::string::npos);
}

TEST(TextShapingErrors, AFileThatIsNotAFontIsRefused) {
  auto fonts = FontSet::load("/etc/hostname");
  ASSERT_FALSE(fonts);
  EXPECT_NE(fonts.error().message.find("/etc/hostname"), std::string::npos);
  EXPECT_NE(fonts.error().message.find("not a font"), std::string::npos);
}

}  // namespace
}  // namespace chipao::render
