#include "render/map_labels.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/geo/label_point.h"
#include "render/label_layout.h"
#include "render/text/text_renderer.h"

namespace chipao::render {

namespace {

Bbox feature_box(const BoundaryFeature& feature) {
  return feature.bbox.empty() ? feature.geometry.bounds() : feature.bbox;
}

// Group digits in threes with commas, as Thai reports print counts.
std::string group_thousands(const std::string& digits) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::optional<LabelContent> parse_label_content(const std::string& text) {
  if (text == "name") return LabelContent::name;
  if (text == "name-en") return LabelContent::name_en;
  if (text == "value") return LabelContent::value;
  if (text == "none") return LabelContent::none;
  return std::nullopt;
}

const char* label_content_name(LabelContent content) {
  switch (content) {
    case LabelContent::name:
      return "name";
    case LabelContent::name_en:
      return "name-en";
    case LabelContent::value:
      return "value";
    case LabelContent::none:
      return "none";
  }
  return "none";
}

std::vector<Vec2> feature_label_points(std::span<const BoundaryFeature> features) {
  std::vector<Vec2> points;
  points.reserve(features.size());
  for (const BoundaryFeature& feature : features) {
    const Bbox box = feature_box(feature);
    // 1% of the feature's size: finer costs time and moves the label by less than a pixel at
    // any zoom where the label fits inside the feature.
    const double size = box.empty() ? 0.0 : std::max(box.max_x - box.min_x, box.max_y - box.min_y);
    points.push_back(label_point(feature.geometry, std::max(size * 0.01, 1e-6)));
  }
  return points;
}

std::string format_label_value(double value, int decimals) {
  if (!std::isfinite(value)) return {};
  const std::string fixed = fmt::format("{:.{}f}", std::abs(value), std::max(decimals, 0));
  const auto dot = fixed.find('.');
  std::string text = group_thousands(fixed.substr(0, dot));
  if (dot != std::string::npos) text += fixed.substr(dot);
  return value < 0 ? "-" + text : text;
}

std::vector<TextItem> layout_map_labels(const MapLabelInput& input, const Camera2D& camera,
                                        TextRenderer& text) {
  std::vector<TextItem> labels;
  if (input.content == LabelContent::none) return labels;
  const int width = camera.viewport_width(), height = camera.viewport_height();
  if (width <= 0 || height <= 0) return labels;

  std::vector<LabelCandidate> candidates;
  std::vector<TextItem> items;  // parallel to candidates; keep-outs get an empty item
  // Keep-out boxes go first with the highest priority, so no label is placed over them.
  for (const LabelKeepOut& box : input.keep_out) {
    const float x0 = std::clamp(box.x, 0.0f, static_cast<float>(width));
    const float y0 = std::clamp(box.y, 0.0f, static_cast<float>(height));
    const float x1 = std::clamp(box.x + box.w, 0.0f, static_cast<float>(width));
    const float y1 = std::clamp(box.y + box.h, 0.0f, static_cast<float>(height));
    if (x1 - x0 < 1 || y1 - y0 < 1) continue;
    LabelCandidate c;
    c.x_px = (x0 + x1) / 2;
    c.y_px = (y0 + y1) / 2;
    c.width_px = x1 - x0 - 0.5f;  // inside the viewport whatever the padding
    c.height_px = y1 - y0 - 0.5f;
    c.priority = std::numeric_limits<double>::infinity();
    candidates.push_back(c);
    items.emplace_back();
  }
  const std::size_t first_label = candidates.size();

  for (std::size_t i = 0; i < input.features.size() && i < input.anchors.size(); ++i) {
    if (input.eligible && i < input.eligible->size() && !(*input.eligible)[i]) continue;
    const BoundaryFeature& feature = input.features[i];
    const double value =
        i < input.values.size() ? input.values[i] : std::numeric_limits<double>::quiet_NaN();
    std::string label;
    switch (input.content) {
      case LabelContent::name:
        label = feature.name_th.empty() ? feature.name_en : feature.name_th;
        break;
      case LabelContent::name_en:
        label = feature.name_en.empty() ? feature.name_th : feature.name_en;
        break;
      case LabelContent::value:
        label = format_label_value(value, input.decimals);
        break;
      case LabelContent::none:
        break;
    }
    if (label.empty()) continue;
    const Vec2 at = camera.world_to_screen(input.anchors[i]);
    if (at.x < 0 || at.y < 0 || at.x > width || at.y > height) continue;
    const Bbox box = feature_box(feature);
    // The feature's box in pixels (x scaled by the camera like the map: compare corners).
    const Vec2 a = camera.world_to_screen({box.min_x, box.min_y});
    const Vec2 b = camera.world_to_screen({box.max_x, box.max_y});
    const double box_w = std::abs(b.x - a.x), box_h = std::abs(b.y - a.y);
    const ShapedText& shaped = text.shape(label, input.size_px);
    const float label_h = shaped.ascent_px + shaped.descent_px;
    if (box_w < label_h || box_h < label_h) continue;

    LabelCandidate c;
    c.x_px = static_cast<float>(at.x);
    c.y_px = static_cast<float>(at.y);
    c.width_px = shaped.width_px;
    c.height_px = label_h;
    c.priority = input.content == LabelContent::value ? value : box_w * box_h;
    candidates.push_back(c);
    TextItem item;
    item.text = std::move(label);
    item.x_px = c.x_px;
    item.y_px = c.y_px;
    item.size_px = input.size_px;
    item.anchor = TextAnchor::center;
    items.push_back(std::move(item));
  }

  LabelLayoutOptions options;
  options.padding_px = std::max(2.0f, input.size_px * 0.25f);
  options.cell_px = std::max(32.0f, input.size_px * 5);
  for (const PlacedLabel& placed : layout_labels(candidates, width, height, options)) {
    if (placed.index < first_label) continue;
    TextItem item = items[placed.index];
    item.x_px = placed.center_x();
    item.y_px = placed.center_y();
    labels.push_back(std::move(item));
  }
  return labels;
}

}  // namespace chipao::render
