#include "core/geo/simplify.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace chipao {

namespace {

// Squared distance from q to the closed segment a-b.
double squared_distance_to_segment(Vec2 q, Vec2 a, Vec2 b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double length2 = dx * dx + dy * dy;
  double t = 0;
  if (length2 > 0) t = std::clamp(((q.x - a.x) * dx + (q.y - a.y) * dy) / length2, 0.0, 1.0);
  const double ex = a.x + t * dx - q.x, ey = a.y + t * dy - q.y;
  return ex * ex + ey * ey;
}

std::size_t open_size(std::span<const Vec2> ring) {
  std::size_t n = ring.size();
  if (n >= 2 && ring.front() == ring.back()) --n;
  return n;
}

}  // namespace

double ring_signed_area(std::span<const Vec2> ring) {
  const std::size_t n = open_size(ring);
  if (n < 3) return 0;
  double twice = 0;
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    twice += (ring[j].x - ring[i].x) * (ring[j].y + ring[i].y);
  }
  return 0.5 * twice;
}

std::vector<std::uint32_t> douglas_peucker_ring(std::span<const Vec2> ring, double tolerance) {
  const std::size_t n = open_size(ring);
  std::vector<std::uint32_t> kept;
  if (n == 0) return kept;
  if (n <= 3 || tolerance <= 0) {
    for (std::size_t i = 0; i < n; ++i) kept.push_back(static_cast<std::uint32_t>(i));
    return kept;
  }
  // A closed ring has no natural end points: split it at point 0 and the point farthest from it,
  // which both belong to any faithful simplification.
  std::size_t far = 1;
  double far_d2 = -1;
  for (std::size_t i = 1; i < n; ++i) {
    const double dx = ring[i].x - ring[0].x, dy = ring[i].y - ring[0].y;
    if (dx * dx + dy * dy > far_d2) {
      far_d2 = dx * dx + dy * dy;
      far = i;
    }
  }
  std::vector<char> keep(n, 0);
  keep[0] = keep[far] = 1;
  const double tolerance2 = tolerance * tolerance;
  // Spans [i, j] of the ring to refine; j == n stands for point 0 again (the ring closing).
  std::vector<std::pair<std::size_t, std::size_t>> spans{{0, far}, {far, n}};
  while (!spans.empty()) {
    const auto [i, j] = spans.back();
    spans.pop_back();
    if (j <= i + 1) continue;
    const Vec2 a = ring[i], b = ring[j % n];
    std::size_t worst = i;
    double worst_d2 = -1;
    for (std::size_t k = i + 1; k < j; ++k) {
      const double d2 = squared_distance_to_segment(ring[k], a, b);
      if (d2 > worst_d2) {
        worst_d2 = d2;
        worst = k;
      }
    }
    if (worst_d2 > tolerance2) {
      keep[worst] = 1;
      spans.emplace_back(i, worst);
      spans.emplace_back(worst, j);
    }
  }
  // A ring flatter than the tolerance would collapse to a line; keep the point farthest from
  // that line so it stays a ring (whether it is still worth drawing is the caller's call).
  if (std::count(keep.begin(), keep.end(), 1) < 3) {
    std::size_t third = 0;
    double third_d2 = -1;
    for (std::size_t k = 1; k < n; ++k) {
      if (k == far) continue;
      const double d2 = squared_distance_to_segment(ring[k], ring[0], ring[far]);
      if (d2 > third_d2) {
        third_d2 = d2;
        third = k;
      }
    }
    keep[third] = 1;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (keep[i]) kept.push_back(static_cast<std::uint32_t>(i));
  }
  return kept;
}

SimplifiedGeometry simplify_polygons(const FeatureGeometry& input, double tolerance_deg,
                                     double min_area) {
  SimplifiedGeometry out;
  out.geometry.kind = input.kind;
  if (input.kind != GeometryKind::polygon || tolerance_deg <= 0) {
    out.geometry = input;
    out.source.resize(input.points.size());
    for (std::size_t i = 0; i < out.source.size(); ++i) {
      out.source[i] = static_cast<std::uint32_t>(i);
    }
    return out;
  }
  if (min_area < 0) min_area = tolerance_deg * tolerance_deg;

  FeatureGeometry& g = out.geometry;
  for (std::size_t p = 0; p < input.polygon_count(); ++p) {
    const std::size_t first_ring = input.polygon_first_ring(p);
    const std::size_t end_ring = input.polygon_ends[p];
    const std::size_t rings_before = g.ring_ends.size();
    for (std::size_t r = first_ring; r < end_ring; ++r) {
      const std::span<const Vec2> ring = input.ring(r);
      const std::uint32_t ring_begin = input.ring_begin(r);
      const std::vector<std::uint32_t> kept = douglas_peucker_ring(ring, tolerance_deg);
      bool keep_ring = kept.size() >= 3;
      if (keep_ring) {
        std::vector<Vec2> points;
        points.reserve(kept.size() + 1);
        for (const std::uint32_t k : kept) points.push_back(ring[k]);
        points.push_back(points.front());
        keep_ring = std::abs(ring_signed_area(points)) >= min_area;
        if (keep_ring) {
          g.points.insert(g.points.end(), points.begin(), points.end());
          for (const std::uint32_t k : kept) out.source.push_back(ring_begin + k);
          out.source.push_back(ring_begin + kept.front());
          g.ring_ends.push_back(static_cast<std::uint32_t>(g.points.size()));
        }
      }
      if (!keep_ring && r == first_ring) break;  // no exterior: the holes go with it
    }
    if (g.ring_ends.size() > rings_before) {
      g.polygon_ends.push_back(static_cast<std::uint32_t>(g.ring_ends.size()));
    }
  }
  return out;
}

}  // namespace chipao
