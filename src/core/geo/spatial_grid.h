// A uniform grid over bounding boxes, for "which boxes meet this box?" in a few microseconds.
//
// Built once over a set of boxes (units of a layer, edges of a zone); each box is listed in
// every cell it overlaps, in one flat array (CSR layout). A query visits each box whose own
// box meets the query box exactly once, without a visited-set: a box is reported only from the
// first cell (lowest column, lowest row) shared by its cells and the query's cells. That keeps
// queries const, allocation-free and safe from several threads.
//
// Coordinates are any planar units, used as given; boxes may be empty (never reported).
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "core/geo/geometry.h"

namespace chipao {

class SpatialGrid {
 public:
  SpatialGrid() = default;
  // `items_per_cell`: the average number of boxes per cell the grid aims for (> 0). The grid
  // has at most `max_cells_per_axis` cells along each axis.
  static SpatialGrid build(std::span<const Bbox> boxes, double items_per_cell = 2.0,
                           int max_cells_per_axis = 2048);

  // Calls visit(id) once for every box that intersects `query` (touching counts).
  template <class Visit>
  void visit(const Bbox& query, Visit&& visit) const;

  // The ids visit() would report, in cell order.
  std::vector<std::uint32_t> query(const Bbox& query) const;

  std::size_t size() const { return boxes_.size(); }
  int columns() const { return columns_; }
  int rows() const { return rows_; }

 private:
  int column_of(double x) const;
  int row_of(double y) const;

  std::vector<Bbox> boxes_;
  Bbox extent_;
  double cell_w_ = 1, cell_h_ = 1;
  int columns_ = 0, rows_ = 0;
  std::vector<std::uint32_t> cell_start_;  // columns_ * rows_ + 1 offsets into items_
  std::vector<std::uint32_t> items_;
};

template <class Visit>
void SpatialGrid::visit(const Bbox& q, Visit&& visit) const {
  if (columns_ == 0 || q.empty() || !q.intersects(extent_)) return;
  const int c0 = column_of(q.min_x), c1 = column_of(q.max_x);
  const int r0 = row_of(q.min_y), r1 = row_of(q.max_y);
  for (int r = r0; r <= r1; ++r) {
    for (int c = c0; c <= c1; ++c) {
      const std::size_t cell = static_cast<std::size_t>(r) * static_cast<std::size_t>(columns_) +
                               static_cast<std::size_t>(c);
      for (std::uint32_t k = cell_start_[cell]; k < cell_start_[cell + 1]; ++k) {
        const std::uint32_t id = items_[k];
        const Bbox& b = boxes_[id];
        if (!b.intersects(q)) continue;
        // Report from the first cell both ranges share only.
        if (c != std::max(c0, column_of(b.min_x)) || r != std::max(r0, row_of(b.min_y))) continue;
        visit(id);
      }
    }
  }
}

}  // namespace chipao
