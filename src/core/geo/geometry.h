// Feature geometry in flat arrays, in the working CRS (WGS 84 longitude/latitude, degrees).
//
// One contiguous point array per feature keeps loading, validation, tessellation and GPU
// upload cache-friendly. Rings index into `points`; polygons index into `ring_ends`.
// The first ring of each polygon is its exterior; rings are closed (last point == first).
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace chipao {

struct Vec2 {
  double x = 0, y = 0;
  friend bool operator==(const Vec2&, const Vec2&) = default;
};

struct Bbox {
  double min_x = std::numeric_limits<double>::infinity();
  double min_y = std::numeric_limits<double>::infinity();
  double max_x = -std::numeric_limits<double>::infinity();
  double max_y = -std::numeric_limits<double>::infinity();

  bool empty() const { return min_x > max_x; }
  void expand(Vec2 p) {
    min_x = std::min(min_x, p.x);
    min_y = std::min(min_y, p.y);
    max_x = std::max(max_x, p.x);
    max_y = std::max(max_y, p.y);
  }
  void expand(const Bbox& b) {
    if (b.empty()) return;
    expand(Vec2{b.min_x, b.min_y});
    expand(Vec2{b.max_x, b.max_y});
  }
  bool intersects(const Bbox& b) const {
    return !(b.min_x > max_x || b.max_x < min_x || b.min_y > max_y || b.max_y < min_y);
  }
  bool operator==(const Bbox&) const = default;
};

enum class GeometryKind : std::uint8_t { none, point, polygon };

struct FeatureGeometry {
  GeometryKind kind = GeometryKind::none;
  std::vector<Vec2> points;
  std::vector<std::uint32_t> ring_ends;     // exclusive end index into points, per ring
  std::vector<std::uint32_t> polygon_ends;  // exclusive end index into ring_ends, per polygon

  bool empty() const { return points.empty(); }
  std::size_t ring_count() const { return ring_ends.size(); }
  std::size_t polygon_count() const { return polygon_ends.size(); }
  std::uint32_t ring_begin(std::size_t ring) const { return ring == 0 ? 0 : ring_ends[ring - 1]; }
  std::span<const Vec2> ring(std::size_t r) const {
    return {points.data() + ring_begin(r), points.data() + ring_ends[r]};
  }
  std::uint32_t polygon_first_ring(std::size_t p) const { return p == 0 ? 0 : polygon_ends[p - 1]; }
  Bbox bounds() const {
    Bbox b;
    for (const Vec2& p : points) b.expand(p);
    return b;
  }
};

}  // namespace chipao
