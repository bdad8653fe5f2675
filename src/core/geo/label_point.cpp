#include "core/geo/label_point.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>
#include <queue>
#include <span>
#include <vector>

namespace chipao {

namespace {

// Rings of one polygon in a local frame where x is shrunk by cos(latitude): a degree of
// longitude is shorter on the ground than a degree of latitude, and an unscaled search would
// drift labels east-west in long thin northern shapes.
struct LocalPolygon {
  std::vector<std::vector<Vec2>> rings;
  double origin_x = 0;
  double x_scale = 1;
  Bbox bounds;

  Vec2 to_local(Vec2 p) const { return {(p.x - origin_x) * x_scale, p.y}; }
  Vec2 to_world(Vec2 p) const { return {p.x / x_scale + origin_x, p.y}; }
};

LocalPolygon make_local(const FeatureGeometry& g, std::size_t polygon) {
  LocalPolygon local;
  const std::size_t first = g.polygon_first_ring(polygon);
  const std::size_t end = g.polygon_ends[polygon];
  Bbox world;
  for (std::size_t r = first; r < end; ++r)
    for (const Vec2& p : g.ring(r)) world.expand(p);
  local.origin_x = world.empty() ? 0 : world.min_x;
  const double mid_lat = world.empty() ? 0 : 0.5 * (world.min_y + world.max_y);
  // Near the poles the scale would vanish; clamp it so the search frame stays usable.
  local.x_scale = std::max(std::cos(mid_lat * std::numbers::pi / 180.0), 0.01);
  for (std::size_t r = first; r < end; ++r) {
    std::vector<Vec2> ring;
    ring.reserve(g.ring(r).size());
    for (const Vec2& p : g.ring(r)) {
      ring.push_back(local.to_local(p));
      local.bounds.expand(ring.back());
    }
    local.rings.push_back(std::move(ring));
  }
  return local;
}

double segment_distance_squared(Vec2 p, Vec2 a, Vec2 b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  double t = 0;
  const double length_sq = dx * dx + dy * dy;
  if (length_sq > 0) t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length_sq, 0.0, 1.0);
  const double ex = a.x + t * dx - p.x;
  const double ey = a.y + t * dy - p.y;
  return ex * ex + ey * ey;
}

// Even-odd inside test and nearest-edge distance in one pass over every edge of every ring,
// so holes count both as "outside" and as edges to keep away from.
double signed_distance(const LocalPolygon& poly, Vec2 p) {
  bool inside = false;
  double best_sq = std::numeric_limits<double>::infinity();
  for (const auto& ring : poly.rings) {
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      const Vec2 a = ring[i];
      const Vec2 b = ring[j];
      if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
        inside = !inside;
      best_sq = std::min(best_sq, segment_distance_squared(p, a, b));
    }
  }
  const double d = std::sqrt(best_sq);
  return inside ? d : -d;
}

double ring_signed_area(std::span<const Vec2> ring) {
  double twice = 0;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
    twice += (ring[j].x - ring[i].x) * (ring[j].y + ring[i].y);
  return 0.5 * twice;
}

// Exterior minus holes, in square degrees: enough to pick the largest part of a feature.
double polygon_area(const FeatureGeometry& g, std::size_t polygon) {
  const std::size_t first = g.polygon_first_ring(polygon);
  double area = 0;
  for (std::size_t r = first; r < g.polygon_ends[polygon]; ++r) {
    const double a = std::abs(ring_signed_area(g.ring(r)));
    area += r == first ? a : -a;
  }
  return area;
}

Vec2 area_centroid(const LocalPolygon& poly) {
  double twice_area = 0, cx = 0, cy = 0;
  for (const auto& ring : poly.rings) {
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      const double cross = ring[j].x * ring[i].y - ring[i].x * ring[j].y;
      twice_area += cross;
      cx += (ring[j].x + ring[i].x) * cross;
      cy += (ring[j].y + ring[i].y) * cross;
    }
  }
  if (twice_area == 0)
    return poly.rings.empty() || poly.rings[0].empty() ? Vec2{} : poly.rings[0][0];
  return {cx / (3 * twice_area), cy / (3 * twice_area)};
}

struct Cell {
  Vec2 center;
  double half = 0;      // half the side length
  double distance = 0;  // signed distance of the centre
  // No point of the cell can be farther from the edge than this.
  double bound() const { return distance + half * std::numbers::sqrt2; }
};

struct ByBound {
  bool operator()(const Cell& a, const Cell& b) const { return a.bound() < b.bound(); }
};

// Every cell popped costs one pass over all edges; a hard cap keeps a huge precise polygon
// with a tiny precision from running away (the best point so far is still inside).
constexpr std::size_t kMaxCells = 20000;

Vec2 pole_of_inaccessibility(const LocalPolygon& poly, double precision) {
  const Bbox& b = poly.bounds;
  const double width = b.max_x - b.min_x;
  const double height = b.max_y - b.min_y;
  const double side = std::min(width, height);
  if (side <= 0) return {b.min_x, b.min_y};
  if (!(precision > 0)) precision = side / 1000;

  auto make_cell = [&](Vec2 c, double half) { return Cell{c, half, signed_distance(poly, c)}; };

  // Start from the better of the centroid and the box centre, so a convex shape is done fast.
  Cell best = make_cell(area_centroid(poly), 0);
  const Cell box_center = make_cell({b.min_x + width / 2, b.min_y + height / 2}, 0);
  if (box_center.distance > best.distance) best = box_center;

  std::priority_queue<Cell, std::vector<Cell>, ByBound> queue;
  const double half = side / 2;
  for (double x = b.min_x; x < b.max_x; x += side)
    for (double y = b.min_y; y < b.max_y; y += side)
      queue.push(make_cell({x + half, y + half}, half));

  std::size_t visited = 0;
  while (!queue.empty() && visited < kMaxCells) {
    const Cell cell = queue.top();
    queue.pop();
    ++visited;
    if (cell.distance > best.distance) best = cell;
    // The queue is ordered by bound: once the top cannot beat the best by `precision`, none can.
    if (cell.bound() - best.distance <= precision) break;
    const double q = cell.half / 2;
    for (const double dx : {-q, q})
      for (const double dy : {-q, q})
        queue.push(make_cell({cell.center.x + dx, cell.center.y + dy}, q));
  }
  return best.center;
}

}  // namespace

double signed_distance_to_polygon(const FeatureGeometry& geometry, std::size_t polygon, Vec2 p) {
  const LocalPolygon local = make_local(geometry, polygon);
  return signed_distance(local, local.to_local(p));
}

Vec2 label_point(const FeatureGeometry& geometry, double precision_degrees) {
  if (geometry.points.empty()) return {};
  if (geometry.kind != GeometryKind::polygon || geometry.polygon_ends.empty())
    return geometry.points.front();

  std::size_t largest = 0;
  double largest_area = -1;
  for (std::size_t p = 0; p < geometry.polygon_count(); ++p) {
    const double area = polygon_area(geometry, p);
    if (area > largest_area) {
      largest_area = area;
      largest = p;
    }
  }
  const LocalPolygon local = make_local(geometry, largest);
  return local.to_world(pole_of_inaccessibility(local, precision_degrees));
}

}  // namespace chipao
