#include "render/label_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace chipao::render {

namespace {

struct Box {
  float min_x, min_y, max_x, max_y;
  bool overlaps(const Box& o) const {
    return min_x < o.max_x && o.min_x < max_x && min_y < o.max_y && o.min_y < max_y;
  }
};

Box box_at(const LabelCandidate& c, LabelPosition position) {
  const float w = c.width_px;
  const float h = c.height_px;
  float cx = c.x_px;
  float cy = c.y_px;
  switch (position) {
    case LabelPosition::center:
      break;
    case LabelPosition::above:
      cy -= c.gap_px + h / 2;
      break;
    case LabelPosition::below:
      cy += c.gap_px + h / 2;
      break;
    case LabelPosition::right:
      cx += c.gap_px + w / 2;
      break;
    case LabelPosition::left:
      cx -= c.gap_px + w / 2;
      break;
  }
  return {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
}

// Accepted boxes (padded) and, per grid cell, the accepted boxes that reach into it.
class OccupancyGrid {
 public:
  OccupancyGrid(int viewport_w, int viewport_h, float cell_px)
      : cell_(std::max(cell_px, 4.0f)),
        columns_(std::max(1, static_cast<int>(std::ceil(static_cast<float>(viewport_w) / cell_)))),
        rows_(std::max(1, static_cast<int>(std::ceil(static_cast<float>(viewport_h) / cell_)))),
        cells_(static_cast<std::size_t>(columns_) * static_cast<std::size_t>(rows_)) {}

  bool free(const Box& b) const {
    bool clear = true;
    for_cells(b, [&](std::vector<std::uint32_t>& cell) {
      for (const std::uint32_t i : cell)
        if (clear && boxes_[i].overlaps(b)) clear = false;
    });
    return clear;
  }

  void add(const Box& b) {
    const auto id = static_cast<std::uint32_t>(boxes_.size());
    boxes_.push_back(b);
    for_cells(b, [&](std::vector<std::uint32_t>& cell) { cell.push_back(id); });
  }

 private:
  template <class F>
  void for_cells(const Box& b, F&& visit) const {
    const int c0 = std::clamp(static_cast<int>(std::floor(b.min_x / cell_)), 0, columns_ - 1);
    const int c1 = std::clamp(static_cast<int>(std::floor(b.max_x / cell_)), 0, columns_ - 1);
    const int r0 = std::clamp(static_cast<int>(std::floor(b.min_y / cell_)), 0, rows_ - 1);
    const int r1 = std::clamp(static_cast<int>(std::floor(b.max_y / cell_)), 0, rows_ - 1);
    for (int r = r0; r <= r1; ++r)
      for (int c = c0; c <= c1; ++c)
        visit(cells_[static_cast<std::size_t>(r) * static_cast<std::size_t>(columns_) +
                     static_cast<std::size_t>(c)]);
  }

  float cell_;
  int columns_, rows_;
  mutable std::vector<std::vector<std::uint32_t>> cells_;
  std::vector<Box> boxes_;
};

}  // namespace

std::vector<PlacedLabel> layout_labels(std::span<const LabelCandidate> candidates, int viewport_w,
                                       int viewport_h, const LabelLayoutOptions& options) {
  std::vector<PlacedLabel> placed;
  if (viewport_w <= 0 || viewport_h <= 0) return placed;
  std::vector<std::size_t> order(candidates.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return candidates[a].priority > candidates[b].priority;
  });

  OccupancyGrid grid(viewport_w, viewport_h, options.cell_px);
  const float pad = std::max(options.padding_px, 0.0f);
  const auto w = static_cast<float>(viewport_w);
  const auto h = static_cast<float>(viewport_h);
  constexpr LabelPosition kAlternatives[] = {LabelPosition::above, LabelPosition::below,
                                             LabelPosition::right, LabelPosition::left};

  for (const std::size_t index : order) {
    const LabelCandidate& c = candidates[index];
    // NaN sizes fail these comparisons too.
    if (!(c.width_px > 0 && c.height_px > 0)) continue;
    auto try_position = [&](LabelPosition position) {
      const Box b = box_at(c, position);
      if (!(b.min_x >= 0 && b.min_y >= 0 && b.max_x <= w && b.max_y <= h)) return false;
      // Padding on one side of each box keeps `pad` pixels between any two accepted boxes.
      const Box padded{b.min_x - pad / 2, b.min_y - pad / 2, b.max_x + pad / 2, b.max_y + pad / 2};
      if (!grid.free(padded)) return false;
      grid.add(padded);
      placed.push_back({index, position, b.min_x, b.min_y, b.max_x, b.max_y});
      return true;
    };
    if (try_position(c.preferred) || !c.try_alternatives) continue;
    for (const LabelPosition position : kAlternatives)
      if (position != c.preferred && try_position(position)) break;
  }
  return placed;
}

std::vector<std::size_t> place_labels(std::span<const LabelCandidate> candidates, int viewport_w,
                                      int viewport_h) {
  std::vector<std::size_t> indices;
  for (const PlacedLabel& p : layout_labels(candidates, viewport_w, viewport_h))
    indices.push_back(p.index);
  return indices;
}

}  // namespace chipao::render
