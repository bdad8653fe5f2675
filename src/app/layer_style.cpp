#include "app/layer_style.h"

#include <algorithm>
#include <cctype>

namespace chipao::app {

using render::rgb8;

render::LayerDrawStyle default_style_for_level(std::optional<AdminLevel> level) {
  render::LayerDrawStyle style;
  switch (level.value_or(AdminLevel::tambon)) {
    case AdminLevel::province:
      style.fill.reset();  // an overlay: it would hide the finer levels' fills
      style.outline = rgb8(0x1f1a14);
      style.outline_width_px = 3.0f;
      break;
    case AdminLevel::amphoe:
      style.fill.reset();
      style.outline = rgb8(0x2e2a24);
      style.outline_width_px = 2.0f;
      break;
    case AdminLevel::tambon:
      style.fill = rgb8(0xece4d2);
      style.outline = rgb8(0x8c8272);
      style.outline_width_px = 1.0f;
      break;
    case AdminLevel::village:
      style.fill = rgb8(0xf5f0e4);
      style.outline = rgb8(0xbdb4a2);
      style.outline_width_px = 1.0f;
      break;
  }
  return style;
}

render::LayerDrawStyle style_from_descriptor(const LayerStyle& style,
                                             std::optional<AdminLevel> level,
                                             std::string& problem) {
  render::LayerDrawStyle draw = default_style_for_level(level);
  std::string fill = style.fill;
  std::transform(fill.begin(), fill.end(), fill.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (fill.empty() || fill == "none" || fill == "transparent") {
    draw.fill.reset();
  } else if (auto color = render::parse_hex_color(style.fill)) {
    draw.fill = *color;
  } else {
    problem = "fill colour '" + style.fill + "' is not #rrggbb; using the default";
  }
  if (auto color = render::parse_hex_color(style.outline)) {
    draw.outline = *color;
  } else {
    problem = "outline colour '" + style.outline + "' is not #rrggbb; using the default";
  }
  // Point layers draw markers filled with the fill colour and rimmed with the outline colour;
  // without a fill the marker is solid outline colour with a white rim, to stand out on fills.
  draw.point_fill = draw.fill.value_or(draw.outline);
  draw.point_outline = draw.fill ? draw.outline : render::rgb8(0xffffff);
  if (style.outline_width_px > 0) draw.outline_width_px = style.outline_width_px;
  return draw;
}

}  // namespace chipao::app
