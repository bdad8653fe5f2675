#include "core/geo/simplify.h"

#include <algorithm>
#include <cmath>
#include <limits>
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

// The point a ring flatter than the tolerance keeps as its third: the farthest from the line
// between point 0 and point `far`.
std::size_t rescue_point(std::span<const Vec2> ring, std::size_t n, std::size_t far) {
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
  return third;
}

// The point farthest from point 0 (the first of equals), where a closed ring is split.
std::size_t split_point(std::span<const Vec2> ring, std::size_t n) {
  std::size_t far = 1;
  double far_d2 = -1;
  for (std::size_t i = 1; i < n; ++i) {
    const double dx = ring[i].x - ring[0].x, dy = ring[i].y - ring[0].y;
    if (dx * dx + dy * dy > far_d2) {
      far_d2 = dx * dx + dy * dy;
      far = i;
    }
  }
  return far;
}

// Appends ring `r` of `input`, reduced to the points `kept` (indices into the ring, ascending,
// at least 3), to `out` when its area reaches min_area; says whether it did.
bool append_ring(const FeatureGeometry& input, std::size_t r, std::span<const std::uint32_t> kept,
                 double min_area, SimplifiedGeometry& out, std::vector<Vec2>& points) {
  const std::span<const Vec2> ring = input.ring(r);
  points.clear();
  for (const std::uint32_t k : kept) points.push_back(ring[k]);
  points.push_back(points.front());
  if (std::abs(ring_signed_area(points)) < min_area) return false;
  FeatureGeometry& g = out.geometry;
  g.points.insert(g.points.end(), points.begin(), points.end());
  const std::uint32_t ring_begin = input.ring_begin(r);
  for (const std::uint32_t k : kept) out.source.push_back(ring_begin + k);
  out.source.push_back(ring_begin + kept.front());
  g.ring_ends.push_back(static_cast<std::uint32_t>(g.points.size()));
  return true;
}

// Polygons of `input` with each ring reduced by kept_of(r) (indices into ring r, as
// douglas_peucker_ring returns them), dropping rings under min_area and, with an exterior,
// its holes.
template <typename KeptOf>
SimplifiedGeometry assemble(const FeatureGeometry& input, double min_area, const KeptOf& kept_of) {
  SimplifiedGeometry out;
  out.geometry.kind = input.kind;
  FeatureGeometry& g = out.geometry;
  std::vector<Vec2> points;
  for (std::size_t p = 0; p < input.polygon_count(); ++p) {
    const std::size_t first_ring = input.polygon_first_ring(p);
    const std::size_t end_ring = input.polygon_ends[p];
    const std::size_t rings_before = g.ring_ends.size();
    for (std::size_t r = first_ring; r < end_ring; ++r) {
      const std::vector<std::uint32_t>& kept = kept_of(r);
      const bool keep_ring = kept.size() >= 3 && append_ring(input, r, kept, min_area, out, points);
      if (!keep_ring && r == first_ring) break;  // no exterior: the holes go with it
    }
    if (g.ring_ends.size() > rings_before) {
      g.polygon_ends.push_back(static_cast<std::uint32_t>(g.ring_ends.size()));
    }
  }
  return out;
}

SimplifiedGeometry copy_of(const FeatureGeometry& input) {
  SimplifiedGeometry out;
  out.geometry = input;
  out.source.resize(input.points.size());
  for (std::size_t i = 0; i < out.source.size(); ++i) out.source[i] = static_cast<std::uint32_t>(i);
  return out;
}

}  // namespace

std::vector<double> douglas_peucker_significance(std::span<const Vec2> ring) {
  const std::size_t n = open_size(ring);
  constexpr double kAlways = std::numeric_limits<double>::infinity();
  std::vector<double> significance(n, kAlways);
  if (n <= 3) return significance;
  const std::size_t far = split_point(ring, n);
  // The same recursion as douglas_peucker_ring at tolerance 0: a span's worst point does not
  // depend on the tolerance, and it is reached at tolerance t only if every span around it
  // was split, so its significance is capped by that of the point that made its span.
  struct Span {
    std::size_t i, j;
    double cap;
  };
  std::vector<Span> spans{{0, far, kAlways}, {far, n, kAlways}};
  for (std::size_t k = 1; k < n; ++k) {
    if (k != far) significance[k] = 0;
  }
  while (!spans.empty()) {
    const auto [i, j, cap] = spans.back();
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
    if (worst_d2 > 0) {
      significance[worst] = std::min(worst_d2, cap);
      spans.push_back({i, worst, significance[worst]});
      spans.push_back({worst, j, significance[worst]});
    }
  }
  return significance;
}

std::vector<SimplifiedGeometry> simplify_polygons_at(const FeatureGeometry& input,
                                                     std::span<const double> tolerances_deg) {
  std::vector<SimplifiedGeometry> out;
  out.reserve(tolerances_deg.size());
  if (input.kind != GeometryKind::polygon) {
    for (std::size_t k = 0; k < tolerances_deg.size(); ++k) out.push_back(copy_of(input));
    return out;
  }
  std::vector<std::vector<double>> significance(input.ring_count());
  std::vector<std::size_t> rescue(input.ring_count(), 0);
  for (std::size_t r = 0; r < input.ring_count(); ++r) {
    const std::span<const Vec2> ring = input.ring(r);
    significance[r] = douglas_peucker_significance(ring);
    const std::size_t n = significance[r].size();
    if (n > 3) rescue[r] = rescue_point(ring, n, split_point(ring, n));
  }
  std::vector<std::uint32_t> kept;
  for (const double tolerance : tolerances_deg) {
    if (tolerance <= 0) {
      out.push_back(copy_of(input));
      continue;
    }
    const double tolerance2 = tolerance * tolerance;
    out.push_back(
        assemble(input, tolerance2, [&](std::size_t r) -> const std::vector<std::uint32_t>& {
          const std::vector<double>& s = significance[r];
          kept.clear();
          for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] > tolerance2) kept.push_back(static_cast<std::uint32_t>(i));
          }
          if (s.size() > 3 && kept.size() < 3) {
            kept.insert(std::upper_bound(kept.begin(), kept.end(), rescue[r]),
                        static_cast<std::uint32_t>(rescue[r]));
          }
          return kept;
        }));
  }
  return out;
}

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
  const std::size_t far = split_point(ring, n);
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
  if (std::count(keep.begin(), keep.end(), 1) < 3) keep[rescue_point(ring, n, far)] = 1;
  for (std::size_t i = 0; i < n; ++i) {
    if (keep[i]) kept.push_back(static_cast<std::uint32_t>(i));
  }
  return kept;
}

SimplifiedGeometry simplify_polygons(const FeatureGeometry& input, double tolerance_deg,
                                     double min_area) {
  if (input.kind != GeometryKind::polygon || tolerance_deg <= 0) return copy_of(input);
  if (min_area < 0) min_area = tolerance_deg * tolerance_deg;
  std::vector<std::uint32_t> kept;
  return assemble(input, min_area, [&](std::size_t r) -> const std::vector<std::uint32_t>& {
    kept = douglas_peucker_ring(input.ring(r), tolerance_deg);
    return kept;
  });
}

}  // namespace chipao
