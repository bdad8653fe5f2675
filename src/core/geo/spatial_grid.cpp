#include "core/geo/spatial_grid.h"

#include <algorithm>
#include <cmath>

namespace chipao {

SpatialGrid SpatialGrid::build(std::span<const Bbox> boxes, double items_per_cell,
                               int max_cells_per_axis) {
  SpatialGrid g;
  g.boxes_.assign(boxes.begin(), boxes.end());
  std::size_t non_empty = 0;
  for (const Bbox& b : boxes) {
    if (b.empty()) continue;
    g.extent_.expand(b);
    ++non_empty;
  }
  if (non_empty == 0) return g;
  const double w = g.extent_.max_x - g.extent_.min_x;
  const double h = g.extent_.max_y - g.extent_.min_y;
  // Square cells sized so that the extent holds about non_empty / items_per_cell of them; a
  // degenerate extent (all boxes on one line) gets one cell across its flat side.
  const double cells =
      std::max(1.0, static_cast<double>(non_empty) / std::max(items_per_cell, 1e-9));
  double side = std::sqrt(std::max(w * h, 0.0) / cells);
  if (!(side > 0)) side = std::max(w, h) / cells;
  if (!(side > 0)) side = 1;
  const auto axis = [&](double length) {
    const double n = std::ceil(length / side);
    return static_cast<int>(std::clamp(n, 1.0, static_cast<double>(max_cells_per_axis)));
  };
  g.columns_ = axis(w);
  g.rows_ = axis(h);
  g.cell_w_ = w > 0 ? w / g.columns_ : 1;
  g.cell_h_ = h > 0 ? h / g.rows_ : 1;

  const std::size_t cell_count =
      static_cast<std::size_t>(g.columns_) * static_cast<std::size_t>(g.rows_);
  g.cell_start_.assign(cell_count + 1, 0);
  // Two passes (count, then fill) keep the lists in one array without per-cell vectors.
  for (const Bbox& b : boxes) {
    if (b.empty()) continue;
    for (int r = g.row_of(b.min_y); r <= g.row_of(b.max_y); ++r)
      for (int c = g.column_of(b.min_x); c <= g.column_of(b.max_x); ++c)
        ++g.cell_start_[static_cast<std::size_t>(r) * static_cast<std::size_t>(g.columns_) +
                        static_cast<std::size_t>(c) + 1];
  }
  for (std::size_t i = 1; i <= cell_count; ++i) g.cell_start_[i] += g.cell_start_[i - 1];
  g.items_.resize(g.cell_start_[cell_count]);
  std::vector<std::uint32_t> fill(g.cell_start_.begin(), g.cell_start_.end() - 1);
  for (std::size_t id = 0; id < boxes.size(); ++id) {
    const Bbox& b = boxes[id];
    if (b.empty()) continue;
    for (int r = g.row_of(b.min_y); r <= g.row_of(b.max_y); ++r)
      for (int c = g.column_of(b.min_x); c <= g.column_of(b.max_x); ++c)
        g.items_[fill[static_cast<std::size_t>(r) * static_cast<std::size_t>(g.columns_) +
                      static_cast<std::size_t>(c)]++] = static_cast<std::uint32_t>(id);
  }
  return g;
}

int SpatialGrid::column_of(double x) const {
  const double c = std::floor((x - extent_.min_x) / cell_w_);
  return static_cast<int>(std::clamp(c, 0.0, static_cast<double>(columns_ - 1)));
}

int SpatialGrid::row_of(double y) const {
  const double r = std::floor((y - extent_.min_y) / cell_h_);
  return static_cast<int>(std::clamp(r, 0.0, static_cast<double>(rows_ - 1)));
}

std::vector<std::uint32_t> SpatialGrid::query(const Bbox& q) const {
  std::vector<std::uint32_t> out;
  visit(q, [&](std::uint32_t id) { out.push_back(id); });
  return out;
}

}  // namespace chipao
