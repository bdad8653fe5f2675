#include "render/map_decorations.h"

#include <algorithm>
#include <cmath>

#include "core/util/number_format.h"
#include "render/text/text_renderer.h"
#include "render/text/text_shaper.h"

namespace chipao::render {

namespace {

// Base sizes in pixels at ui_scale 1 (a 1600x900 export, a laptop screen).
constexpr float kMargin = 16;
constexpr float kTitleSize = 26;
constexpr float kSubtitleSize = 14;
constexpr float kLegendTitleSize = 15;
constexpr float kLegendSubtitleSize = 12;
constexpr float kEntrySize = 13;
constexpr float kBoxPadding = 12;
constexpr float kGap = 8;
constexpr float kSwatchW = 24;
constexpr float kSwatchH = 16;
constexpr float kRowH = 22;
constexpr float kScaleTargetW = 160;
constexpr float kScaleBarH = 6;
constexpr float kScaleLabelSize = 13;
constexpr float kNorthArrowH = 28;

constexpr Rgba kInk = rgb8(0x222222);
constexpr Rgba kMutedInk = rgb8(0x5c5c5c);
constexpr Rgba kBoxBorder = rgb8(0x8a8a8a);
constexpr Rgba kSwatchBorder = rgb8(0x666666);
constexpr Rgba kWhite = rgb8(0xffffff);

Rgba from_rgb8(Rgb8 c) {
  return Rgba{static_cast<float>(c.r) / 255.0f, static_cast<float>(c.g) / 255.0f,
              static_cast<float>(c.b) / 255.0f, 1.0f};
}

void add_rect(MapDecorationLayout& layout, const DecorationRect& r, Rgba color,
              std::optional<DecorationRect> clip = std::nullopt) {
  const float x0 = r.x, y0 = r.y, x1 = r.x + r.w, y1 = r.y + r.h;
  layout.shapes.push_back({{x0, y0, x1, y0, x1, y1, x0, y0, x1, y1, x0, y1}, color, clip});
}

// A rectangle with a border `border` px wide: the border colour underneath, the fill inset.
void add_framed_rect(MapDecorationLayout& layout, const DecorationRect& r, Rgba fill,
                     Rgba border_color, float border) {
  add_rect(layout, r, border_color);
  add_rect(layout, {r.x + border, r.y + border, r.w - 2 * border, r.h - 2 * border}, fill);
}

// The map's no-data look in a swatch: the base colour with "/" stripes, clipped to the swatch.
void add_hatched_rect(MapDecorationLayout& layout, const DecorationRect& r,
                      const FeatureHighlightStyle& style) {
  add_rect(layout, r, style.no_data_base);
  const float period = std::max(style.hatch_period_px, 2.0f);
  // As the fill shader draws it: stripes where (x + y_up) mod period < width, i.e. running
  // down to the right on screen like a backslash, hatch_width_px wide measured along a row.
  const float across = style.hatch_width_px;
  DecorationShape stripes{{}, style.no_data_hatch, r};
  const float top = r.y, bottom = r.y + r.h;
  for (float x = r.x - r.h; x < r.x + r.w; x += period) {
    stripes.triangles.insert(stripes.triangles.end(),
                             {x, top, x + across, top, x + across + r.h, bottom, x, top,
                              x + across + r.h, bottom, x + r.h, bottom});
  }
  layout.shapes.push_back(std::move(stripes));
}

struct TextMetrics {
  float width = 0, ascent = 0, descent = 0;
};

TextMetrics measure(FontSet& fonts, const std::string& text, float size_px) {
  // Font-wide ascent and descent keep rows of the legend evenly spaced whatever they say.
  return {shape_text(fonts, text, size_px).width_px, fonts.ascender_px(size_px),
          fonts.descender_px(size_px)};
}

}  // namespace

MapDecorationLayout layout_map_decorations(const MapDecorationContent& content, FontSet& fonts,
                                           int viewport_w, int viewport_h, float ui_scale) {
  MapDecorationLayout layout;
  const float s = ui_scale;
  const float vw = static_cast<float>(viewport_w), vh = static_cast<float>(viewport_h);
  const float margin = kMargin * s;
  const float hairline = std::max(1.0f, std::round(s));
  float content_top = margin;  // below the title band, where the map and the legend start

  if (!content.title.empty()) {
    const TextMetrics title = measure(fonts, content.title, kTitleSize * s);
    float baseline = margin + title.ascent;
    float width = title.width;
    layout.texts.push_back(
        {content.title, margin, baseline, kTitleSize * s, kInk, DecorationAnchor::left, true});
    float bottom = baseline + title.descent;
    if (!content.subtitle.empty()) {
      const TextMetrics sub = measure(fonts, content.subtitle, kSubtitleSize * s);
      baseline = bottom + 4 * s + sub.ascent;
      layout.texts.push_back({content.subtitle, margin, baseline, kSubtitleSize * s, kMutedInk,
                              DecorationAnchor::left, true});
      width = std::max(width, sub.width);
      bottom = baseline + sub.descent;
    }
    layout.title_box = DecorationRect{margin, margin, width, bottom - margin};
    content_top = bottom + margin;
  }
  layout.map_padding.top = content_top;
  layout.map_padding.left = margin;
  layout.map_padding.right = margin;
  layout.map_padding.bottom = margin;

  if (content.legend != nullptr) {
    const Legend& legend = *content.legend;
    const float pad = kBoxPadding * s, gap = kGap * s;
    const TextMetrics title = measure(fonts, legend.title, kLegendTitleSize * s);
    const TextMetrics sub = legend.subtitle.empty()
                                ? TextMetrics{}
                                : measure(fonts, legend.subtitle, kLegendSubtitleSize * s);
    float label_w = 0, count_w = 0;
    std::vector<std::string> counts;
    for (const LegendEntry& e : legend.entries) {
      counts.push_back(format_count(static_cast<std::int64_t>(e.count)));
      label_w = std::max(label_w, measure(fonts, e.label, kEntrySize * s).width);
      count_w = std::max(count_w, measure(fonts, counts.back(), kEntrySize * s).width);
    }
    const float row_w = kSwatchW * s + gap + label_w + 2 * gap + count_w;
    const float inner_w = std::max({title.width, sub.width, row_w});
    const float title_h = title.ascent + title.descent;
    const float sub_h = legend.subtitle.empty() ? 0 : 4 * s + sub.ascent + sub.descent;
    const float rows_h = static_cast<float>(legend.entries.size()) * kRowH * s;
    const DecorationRect box{vw - margin - (inner_w + 2 * pad), content_top, inner_w + 2 * pad,
                             pad + title_h + sub_h + gap + rows_h + pad};
    layout.legend_box = box;
    add_framed_rect(layout, box, Rgba{1, 1, 1, 0.94f}, kBoxBorder, hairline);

    const float left = box.x + pad;
    float y = box.y + pad + title.ascent;
    layout.texts.push_back(
        {legend.title, left, y, kLegendTitleSize * s, kInk, DecorationAnchor::left, false});
    y += title.descent;
    if (!legend.subtitle.empty()) {
      y += 4 * s + sub.ascent;
      layout.texts.push_back({legend.subtitle, left, y, kLegendSubtitleSize * s, kMutedInk,
                              DecorationAnchor::left, false});
      y += sub.descent;
    }
    y += gap;
    const float entry_ascent = fonts.ascender_px(kEntrySize * s);
    const float entry_descent = fonts.descender_px(kEntrySize * s);
    for (std::size_t i = 0; i < legend.entries.size(); ++i) {
      const LegendEntry& e = legend.entries[i];
      const float row_top = y + static_cast<float>(i) * kRowH * s;
      const DecorationRect swatch{left, row_top + (kRowH - kSwatchH) * s / 2, kSwatchW * s,
                                  kSwatchH * s};
      add_rect(layout, swatch, kSwatchBorder);
      const DecorationRect inside{swatch.x + hairline, swatch.y + hairline, swatch.w - 2 * hairline,
                                  swatch.h - 2 * hairline};
      if (e.no_data) {
        add_hatched_rect(layout, inside, content.no_data_style);
      } else {
        add_rect(layout, inside, from_rgb8(e.color));
      }
      // Text centred on the row: the baseline sits half the line's ink height below the middle.
      const float baseline = row_top + kRowH * s / 2 + (entry_ascent - entry_descent) / 2;
      layout.texts.push_back({e.label, swatch.x + swatch.w + gap, baseline, kEntrySize * s, kInk,
                              DecorationAnchor::left, false});
      layout.texts.push_back({counts[i], box.x + box.w - pad, baseline, kEntrySize * s, kMutedInk,
                              DecorationAnchor::right, false});
    }
    layout.map_padding.right = box.w + 2 * margin;
  }

  const float scale_label_ascent = fonts.ascender_px(kScaleLabelSize * s);
  const float scale_label_descent = fonts.descender_px(kScaleLabelSize * s);
  const float bottom_band = scale_label_ascent + scale_label_descent + 4 * s + kScaleBarH * s;
  if (content.metres_per_pixel > 0) {
    layout.scale_bar = choose_scale_bar(content.metres_per_pixel, kScaleTargetW * s);
  }
  if (layout.scale_bar) {
    const float bar_w = static_cast<float>(layout.scale_bar->width_px);
    const float bar_h = kScaleBarH * s;
    const DecorationRect bar{margin, vh - margin - bar_h, bar_w, bar_h};
    add_framed_rect(layout, bar, kWhite, kInk, hairline);
    add_rect(layout, {bar.x, bar.y, bar.w / 2, bar.h}, kInk);  // alternating halves
    const float baseline = bar.y - 4 * s - scale_label_descent;
    layout.texts.push_back(
        {"0", bar.x, baseline, kScaleLabelSize * s, kInk, DecorationAnchor::left, true});
    layout.texts.push_back({layout.scale_bar->label, bar.x + bar.w, baseline, kScaleLabelSize * s,
                            kInk, DecorationAnchor::right, true});
    layout.scale_bar_box = DecorationRect{bar.x, vh - margin - bottom_band, bar_w, bottom_band};
  }
  if (layout.scale_bar || content.north_arrow) {
    layout.map_padding.bottom = bottom_band + 2 * margin;
  }

  if (content.north_arrow) {
    // An upward triangle with a notched base and "N" above it, in the bottom-right corner.
    const float h = kNorthArrowH * s, w = h * 0.6f;
    const float cx = vw - margin - w / 2, base = vh - margin;
    const float tip = base - h * 0.75f;
    layout.shapes.push_back({{cx, tip, cx + w / 2, base, cx, base - h * 0.2f, cx, tip, cx,
                              base - h * 0.2f, cx - w / 2, base},
                             kInk,
                             std::nullopt});
    layout.texts.push_back(
        {"N", cx, tip - 2 * s, kScaleLabelSize * s, kInk, DecorationAnchor::center, true});
  }
  return layout;
}

Result<MapDecorations> MapDecorations::create() {
  // map.vert places x, y with a scale and an offset, which maps pixels to clip space as well as
  // it maps degrees; solid.frag paints one colour. No shader of its own needed.
  auto program = ShaderProgram::from_embedded("decorations", "map.vert", "", "solid.frag");
  if (!program) return std::unexpected(program.error());
  GlVertexArray vertex_array = make_vertex_array();
  GlBuffer vertices = make_buffer();
  glBindVertexArray(vertex_array.id());
  glBindBuffer(GL_ARRAY_BUFFER, vertices.id());
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  return MapDecorations(std::move(*program), std::move(vertex_array), std::move(vertices));
}

void MapDecorations::draw(const MapDecorationLayout& layout, TextRenderer* text, int viewport_w,
                          int viewport_h) const {
  glViewport(0, 0, viewport_w, viewport_h);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glDisable(GL_CULL_FACE);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

  // All shapes in one buffer, then one draw call per shape (a legend has a few dozen).
  std::vector<float> all;
  std::vector<std::pair<GLint, GLsizei>> ranges;
  for (const DecorationShape& shape : layout.shapes) {
    ranges.emplace_back(static_cast<GLint>(all.size() / 2),
                        static_cast<GLsizei>(shape.triangles.size() / 2));
    all.insert(all.end(), shape.triangles.begin(), shape.triangles.end());
  }
  if (!all.empty()) {
    program_.use();
    // Pixels (origin top-left, y down) to clip space (origin centre, y up).
    program_.set("u_scale", 2.0f / static_cast<float>(viewport_w),
                 -2.0f / static_cast<float>(viewport_h));
    program_.set("u_offset", -1.0f, 1.0f);
    glBindVertexArray(vertex_array_.id());
    glBindBuffer(GL_ARRAY_BUFFER, vertices_.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(all.size() * sizeof(float)), all.data(),
                 GL_STREAM_DRAW);
    for (std::size_t i = 0; i < layout.shapes.size(); ++i) {
      const DecorationShape& shape = layout.shapes[i];
      if (shape.clip) {
        // Scissor boxes count from the bottom-left in whole pixels.
        const auto& c = *shape.clip;
        glEnable(GL_SCISSOR_TEST);
        glScissor(static_cast<GLint>(std::lround(c.x)),
                  static_cast<GLint>(std::lround(static_cast<float>(viewport_h) - c.y - c.h)),
                  static_cast<GLsizei>(std::lround(c.w)), static_cast<GLsizei>(std::lround(c.h)));
      }
      program_.set("u_color", shape.color);
      glDrawArrays(GL_TRIANGLES, ranges[i].first, ranges[i].second);
      if (shape.clip) glDisable(GL_SCISSOR_TEST);
    }
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glUseProgram(0);
  }

  if (text == nullptr || layout.texts.empty()) return;
  std::vector<TextItem> items;
  items.reserve(layout.texts.size());
  for (const DecorationText& t : layout.texts) {
    // Layout positions are baselines; TextRenderer anchors at the pen origin for that.
    float x = t.x_px;
    if (t.anchor != DecorationAnchor::left) {
      const float width = text->shape(t.text, t.size_px).width_px;
      x -= t.anchor == DecorationAnchor::right ? width : width / 2;
    }
    TextItem item;
    item.text = t.text;
    item.x_px = x;
    item.y_px = t.y_px;
    item.size_px = t.size_px;
    item.color = t.color;
    item.halo_px = t.halo ? std::max(1.5f, t.size_px / 9) : 0.0f;
    item.anchor = TextAnchor::baseline_left;
    items.push_back(std::move(item));
  }
  text->draw(items, viewport_w, viewport_h);
}

}  // namespace chipao::render
