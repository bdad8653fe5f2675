// Layout of a map's title, legend and scale bar (CPU only: no GL context needed), measured
// with the real Thai font so boxes are checked against shaped text.
#include "render/map_decorations.h"

#include <gtest/gtest.h>

#include "core/classify/classification.h"
#include "core/classify/palette.h"

namespace chipao::render {
namespace {

Legend demo_legend() {
  Legend legend;
  legend.title = "คนจนเป้าหมาย";
  legend.subtitle = "TPMAP 2561 · ควอนไทล์ 3 ชั้น";
  const auto colors = sequential_palette(PaletteId::blue, 3);
  legend.entries = {{"1 – 10", colors[0], 4, false},
                    {"11 – 250", colors[1], 3, false},
                    {"251 – 1,200", colors[2], 3, false},
                    {"ไม่มีข้อมูล", no_data_color(), 1, true}};
  return legend;
}

bool inside(const DecorationRect& inner, const DecorationRect& outer) {
  return inner.x >= outer.x - 0.01f && inner.y >= outer.y - 0.01f &&
         inner.x + inner.w <= outer.x + outer.w + 0.01f &&
         inner.y + inner.h <= outer.y + outer.h + 0.01f;
}

class MapDecorationsLayout : public ::testing::Test {
 protected:
  void SetUp() override {
    auto f = FontSet::load_default();
    if (!f) GTEST_SKIP() << f.error().message;
    fonts_.emplace(std::move(*f));
  }
  std::optional<FontSet> fonts_;
};

TEST_F(MapDecorationsLayout, LegendSitsTopRightBelowTheTitleAndTheMapKeepsClearOfIt) {
  const Legend legend = demo_legend();
  MapDecorationContent content;
  content.title = "คนจนเป้าหมาย จังหวัดพนาสุข";
  content.legend = &legend;
  content.metres_per_pixel = 120;
  const auto layout = layout_map_decorations(content, *fonts_, 1600, 900, 1.0f);

  ASSERT_TRUE(layout.title_box && layout.legend_box && layout.scale_bar_box);
  const DecorationRect screen{0, 0, 1600, 900};
  EXPECT_TRUE(inside(*layout.title_box, screen));
  EXPECT_TRUE(inside(*layout.legend_box, screen));
  EXPECT_TRUE(inside(*layout.scale_bar_box, screen));
  EXPECT_GE(layout.legend_box->y, layout.title_box->y + layout.title_box->h);
  EXPECT_GT(layout.legend_box->x, 800.0f);
  // The map's padding leaves the legend, the title band and the scale bar uncovered.
  EXPECT_GE(layout.map_padding.right, layout.legend_box->w);
  EXPECT_GE(layout.map_padding.top, layout.title_box->y + layout.title_box->h);
  EXPECT_GE(layout.map_padding.bottom, 900 - layout.scale_bar_box->y);
  // Every class label and count is a text inside the legend box, on a baseline within it.
  for (const LegendEntry& e : legend.entries) {
    bool found = false;
    for (const DecorationText& t : layout.texts) {
      if (t.text != e.label) continue;
      found = true;
      EXPECT_TRUE(layout.legend_box->contains(t.x_px, t.y_px)) << e.label;
    }
    EXPECT_TRUE(found) << e.label;
  }
  // 120 m per pixel and a 160 px target: 10 km (83 px) is the longest round length that fits.
  ASSERT_TRUE(layout.scale_bar);
  EXPECT_EQ(layout.scale_bar->label, "10 km");
}

TEST_F(MapDecorationsLayout, EveryClassColourHasASwatchAndNoDataIsHatchedInside) {
  const Legend legend = demo_legend();
  MapDecorationContent content;
  content.legend = &legend;
  const auto layout = layout_map_decorations(content, *fonts_, 1600, 900, 1.0f);
  for (std::size_t i = 0; i + 1 < legend.entries.size(); ++i) {
    const Rgb8 c = legend.entries[i].color;
    const Rgba want{c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, 1.0f};
    bool found = false;
    for (const DecorationShape& s : layout.shapes) found = found || s.color == want;
    EXPECT_TRUE(found) << "class " << i;
  }
  const FeatureHighlightStyle style;
  const DecorationShape* hatch = nullptr;
  for (const DecorationShape& s : layout.shapes) {
    if (s.color == style.no_data_hatch) hatch = &s;
  }
  ASSERT_NE(hatch, nullptr);
  ASSERT_TRUE(hatch->clip);
  EXPECT_TRUE(inside(*hatch->clip, *layout.legend_box));
  EXPECT_GE(hatch->triangles.size(), 12u);  // at least two stripes
}

TEST_F(MapDecorationsLayout, UiScaleScalesTheLegend) {
  const Legend legend = demo_legend();
  MapDecorationContent content;
  content.legend = &legend;
  const auto small = layout_map_decorations(content, *fonts_, 3200, 1800, 1.0f);
  const auto large = layout_map_decorations(content, *fonts_, 3200, 1800, 2.0f);
  ASSERT_TRUE(small.legend_box && large.legend_box);
  EXPECT_NEAR(large.legend_box->w / small.legend_box->w, 2.0, 0.1);
  EXPECT_NEAR(large.legend_box->h / small.legend_box->h, 2.0, 0.1);
}

TEST_F(MapDecorationsLayout, NothingAskedNothingDrawn) {
  const auto layout = layout_map_decorations({}, *fonts_, 800, 600, 1.0f);
  EXPECT_TRUE(layout.shapes.empty());
  EXPECT_TRUE(layout.texts.empty());
  EXPECT_FALSE(layout.legend_box || layout.title_box || layout.scale_bar);
}

}  // namespace
}  // namespace chipao::render
