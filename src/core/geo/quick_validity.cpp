#include "core/geo/quick_validity.h"

#include <algorithm>
#include <cmath>

namespace chipao {

namespace {

// Orientation of c relative to a->b, with values within a relative tolerance of zero returned
// as exactly zero. Treating near-collinear as collinear only sends more features to GEOS; it
// cannot make an invalid polygon pass.
int orientation(Vec2 a, Vec2 b, Vec2 c) {
  const double abx = b.x - a.x, aby = b.y - a.y, acx = c.x - a.x, acy = c.y - a.y;
  const double det = abx * acy - aby * acx;
  const double scale = std::abs(abx * acy) + std::abs(aby * acx);
  if (std::abs(det) <= scale * 1e-12) return 0;
  return det > 0 ? 1 : -1;
}

bool within_box(Vec2 a, Vec2 b, Vec2 p) {
  return p.x >= std::min(a.x, b.x) && p.x <= std::max(a.x, b.x) && p.y >= std::min(a.y, b.y) &&
         p.y <= std::max(a.y, b.y);
}

// Any contact at all between closed segments, including touching endpoints and overlap.
bool segments_touch(Vec2 p1, Vec2 p2, Vec2 q1, Vec2 q2) {
  const int o1 = orientation(p1, p2, q1), o2 = orientation(p1, p2, q2);
  const int o3 = orientation(q1, q2, p1), o4 = orientation(q1, q2, p2);
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  if (o1 == 0 && within_box(p1, p2, q1)) return true;
  if (o2 == 0 && within_box(p1, p2, q2)) return true;
  if (o3 == 0 && within_box(q1, q2, p1)) return true;
  if (o4 == 0 && within_box(q1, q2, p2)) return true;
  return false;
}

// Neighbouring segments of one ring share a vertex; they are fine unless they fold back
// onto each other (a spike), which shows as the far end of one lying on the other's line
// on the same side.
bool neighbours_fold(Vec2 shared, Vec2 other_a, Vec2 other_b) {
  if (orientation(other_a, shared, other_b) != 0) return false;
  const double dot = (other_a.x - shared.x) * (other_b.x - shared.x) +
                     (other_a.y - shared.y) * (other_b.y - shared.y);
  return dot > 0;
}

using Segment = QuickValidityScratch::Segment;

bool are_neighbours(const Segment& s, const Segment& t) {
  if (s.ring != t.ring) return false;
  const std::uint32_t n = s.ring_segments;
  const std::uint32_t d = s.index > t.index ? s.index - t.index : t.index - s.index;
  return d == 1 || d == n - 1;
}

bool pair_conflicts(const Segment& s, const Segment& t) {
  if (are_neighbours(s, t)) {
    if (s.ring_segments < 3) return true;
    // The vertex they share is s.b == t.a (t follows s) or s.a == t.b (s follows t).
    const bool t_follows =
        (t.index == s.index + 1) || (s.index + 1 == s.ring_segments && t.index == 0);
    return t_follows ? neighbours_fold(s.b, s.a, t.b) : neighbours_fold(s.a, s.b, t.a);
  }
  return segments_touch(s.a, s.b, t.a, t.b);
}

// Crossing-number point-in-ring; points on the boundary were already caught as touches.
bool inside_ring(std::span<const Vec2> ring, Vec2 p) {
  bool inside = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const Vec2 a = ring[i], b = ring[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) {
      inside = !inside;
    }
  }
  return inside;
}

bool rings_well_formed(const FeatureGeometry& g) {
  for (std::size_t r = 0; r < g.ring_count(); ++r) {
    const auto ring = g.ring(r);
    if (ring.size() < 4 || !(ring.front() == ring.back())) return false;
    for (const Vec2& p : ring) {
      if (!std::isfinite(p.x) || !std::isfinite(p.y)) return false;
    }
  }
  return true;
}

// Collects non-degenerate segments (repeated points are allowed and skipped). False when a
// ring has fewer than three distinct edges, which cannot enclose area.
bool collect_segments(const FeatureGeometry& g, std::vector<Segment>& out) {
  out.clear();
  bool every_ring_encloses = true;
  for (std::size_t r = 0; r < g.ring_count(); ++r) {
    const auto ring = g.ring(r);
    const std::size_t first = out.size();
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
      if (ring[i] == ring[i + 1]) continue;
      const Vec2 a = ring[i], b = ring[i + 1];
      out.push_back(Segment{a, b, std::min(a.x, b.x), std::max(a.x, b.x), std::min(a.y, b.y),
                            std::max(a.y, b.y), static_cast<std::uint32_t>(r), 0, 0});
    }
    const auto count = static_cast<std::uint32_t>(out.size() - first);
    if (count < 3) every_ring_encloses = false;
    for (std::uint32_t k = 0; k < count; ++k) {
      out[first + k].index = k;
      out[first + k].ring_segments = count;
    }
  }
  return every_ring_encloses;
}

bool boxes_apart(const Segment& a, const Segment& b) {
  return std::max(a.a.x, a.b.x) < std::min(b.a.x, b.b.x) ||
         std::max(b.a.x, b.b.x) < std::min(a.a.x, a.b.x) ||
         std::max(a.a.y, a.b.y) < std::min(b.a.y, b.b.y) ||
         std::max(b.a.y, b.b.y) < std::min(a.a.y, a.b.y);
}

// Small geometries: sort by the left edge of each box and sweep, so a segment meets only
// those whose x-range overlaps its own. Cheaper than a hash grid below a few hundred segments.
bool any_conflict_sweep(std::vector<Segment>& segments) {
  std::sort(segments.begin(), segments.end(),
            [](const Segment& a, const Segment& b) { return a.min_x < b.min_x; });
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& a = segments[i];
    for (std::size_t j = i + 1; j < segments.size() && segments[j].min_x <= a.max_x; ++j) {
      const Segment& b = segments[j];
      if (a.max_y < b.min_y || b.max_y < a.min_y) continue;
      if (pair_conflicts(a, b)) return true;
    }
  }
  return false;
}

// Tests every pair of segments that share a cell of a sparse grid. A boundary is a curve,
// so a dense grid would leave most cells empty and pile many segments into the few it
// crosses; here cells are about two segments long and only occupied cells exist, in a hash
// table, which keeps each cell's list to a handful of segments.
bool any_segment_conflict(QuickValidityScratch& s) {
  const std::size_t n = s.segments.size();
  if (n <= 256) return any_conflict_sweep(s.segments);
  double total = 0, longest = 0;
  for (const Segment& seg : s.segments) {
    // The larger side of the box stands in for the length: only the scale matters here.
    const double len = std::max(seg.max_x - seg.min_x, seg.max_y - seg.min_y);
    total += len;
    longest = std::max(longest, len);
  }
  // Twice the mean segment length (so neighbours mostly share cells), and at least 1/16 of
  // the longest segment, so no segment spans more than 17 x 17 cells.
  const double cell = std::max({2 * total / static_cast<double>(n), longest / 16.0, 1e-12});
  const double inv = 1.0 / cell;
  auto cell_of = [&](double v) { return static_cast<std::int64_t>(std::floor(v * inv)); };
  std::size_t covered = 0;
  for (const Segment& seg : s.segments) {
    covered += static_cast<std::size_t>(
        (cell_of(std::max(seg.a.x, seg.b.x)) - cell_of(std::min(seg.a.x, seg.b.x)) + 1) *
        (cell_of(std::max(seg.a.y, seg.b.y)) - cell_of(std::min(seg.a.y, seg.b.y)) + 1));
  }
  // Occupied cells are at most `covered`; twice that keeps probe sequences short.
  std::size_t capacity = 1;
  while (capacity < covered * 2) capacity <<= 1;
  constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  s.slots.assign(capacity, QuickValidityScratch::Slot{kEmpty, kNone});
  s.entries.clear();
  const std::size_t mask = capacity - 1;
  for (std::uint32_t i = 0; i < n; ++i) {
    const Segment& seg = s.segments[i];
    const std::int64_t x0 = cell_of(std::min(seg.a.x, seg.b.x)),
                       x1 = cell_of(std::max(seg.a.x, seg.b.x));
    const std::int64_t y0 = cell_of(std::min(seg.a.y, seg.b.y)),
                       y1 = cell_of(std::max(seg.a.y, seg.b.y));
    for (std::int64_t y = y0; y <= y1; ++y) {
      for (std::int64_t x = x0; x <= x1; ++x) {
        const std::uint64_t key =
            (static_cast<std::uint64_t>(x) << 32) ^ static_cast<std::uint64_t>(y & 0xFFFFFFFF);
        std::size_t h = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 20) & mask;
        while (s.slots[h].key != kEmpty && s.slots[h].key != key) h = (h + 1) & mask;
        // Occupied cells never exceed `covered`, so the table stays at most half full.
        if (s.slots[h].key == kEmpty) s.slots[h].key = key;
        // Test the new segment against those already in the cell, then link it in.
        for (std::uint32_t e = s.slots[h].head; e != kNone; e = s.entries[e].next) {
          const Segment& other = s.segments[s.entries[e].segment];
          if (!boxes_apart(seg, other) && pair_conflicts(seg, other)) return true;
        }
        s.entries.push_back({i, s.slots[h].head});
        s.slots[h].head = static_cast<std::uint32_t>(s.entries.size() - 1);
      }
    }
  }
  return false;
}

// With no boundary contact anywhere, one vertex decides where a whole ring lies.
bool nesting_valid(const FeatureGeometry& g) {
  const std::size_t polygons = g.polygon_count();
  for (std::size_t p = 0; p < polygons; ++p) {
    const std::uint32_t shell = g.polygon_first_ring(p);
    const auto shell_ring = g.ring(shell);
    for (std::uint32_t h = shell + 1; h < g.polygon_ends[p]; ++h) {
      const Vec2 probe = g.ring(h)[0];
      if (!inside_ring(shell_ring, probe)) return false;  // hole outside its shell
      for (std::uint32_t k = shell + 1; k < g.polygon_ends[p]; ++k) {
        if (k != h && inside_ring(g.ring(k), probe)) return false;  // nested holes
      }
    }
  }
  if (polygons < 2) return true;
  std::vector<Bbox> boxes(polygons);
  for (std::size_t p = 0; p < polygons; ++p) {
    for (const Vec2& v : g.ring(g.polygon_first_ring(p))) boxes[p].expand(v);
  }
  for (std::size_t p = 0; p < polygons; ++p) {
    const Vec2 probe = g.ring(g.polygon_first_ring(p))[0];
    for (std::size_t q = 0; q < polygons; ++q) {
      if (q == p || !boxes[q].intersects(boxes[p])) continue;
      const std::uint32_t shell = g.polygon_first_ring(q);
      if (!inside_ring(g.ring(shell), probe)) continue;
      bool in_hole = false;
      for (std::uint32_t h = shell + 1; h < g.polygon_ends[q] && !in_hole; ++h) {
        in_hole = inside_ring(g.ring(h), probe);
      }
      if (!in_hole) return false;  // polygon p lies inside polygon q: they overlap
    }
  }
  return true;
}

}  // namespace

bool quick_valid_polygon(const FeatureGeometry& g, QuickValidityScratch& scratch) {
  if (g.kind != GeometryKind::polygon || g.polygon_count() == 0) return false;
  if (!rings_well_formed(g)) return false;
  if (!collect_segments(g, scratch.segments)) return false;
  if (any_segment_conflict(scratch)) return false;
  return nesting_valid(g);
}

}  // namespace chipao
