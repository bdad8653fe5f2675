#include "core/geo/polygon_overlay.h"

#include <algorithm>
#include <cmath>

namespace chipao {

namespace {

double cross(Vec2 u, Vec2 v) {
  return u.x * v.y - u.y * v.x;
}
double dot(Vec2 u, Vec2 v) {
  return u.x * v.x + u.y * v.y;
}
Vec2 sub(Vec2 u, Vec2 v) {
  return {u.x - v.x, u.y - v.y};
}
double orient(Vec2 a, Vec2 b, Vec2 c) {
  return cross(sub(b, a), sub(c, a));
}

// Twice the signed area of a ring, relative to its first vertex so that large coordinates
// (projected metres run to 1e7) do not cancel away the digits that matter.
double ring_twice_area(std::span<const Vec2> ring) {
  if (ring.size() < 3) return 0;
  double sum = 0;
  for (std::size_t i = 1; i + 1 < ring.size(); ++i)
    sum += cross(sub(ring[i], ring[0]), sub(ring[i + 1], ring[0]));
  return sum;
}

// A place where an edge is cut, as a parameter 0..1 along the edge.
struct Cut {
  std::uint32_t edge;
  double t;
  bool operator<(const Cut& o) const { return edge != o.edge ? edge < o.edge : t < o.t; }
};

// A stretch of an edge that lies on the other polygon's boundary.
struct Overlap {
  std::uint32_t edge;
  double t0, t1;
  bool same_direction;
  bool operator<(const Overlap& o) const { return edge < o.edge; }
};

struct EdgeEvents {
  std::vector<Cut> cuts;
  std::vector<Overlap> overlaps;
};

// Records where edge e (index ie of its polygon) and edge f (index jf of the other) meet.
void meet(const Segment2& e, std::uint32_t ie, const Segment2& f, std::uint32_t jf,
          EdgeEvents& on_e, EdgeEvents& on_f) {
  const double d1 = orient(e.a, e.b, f.a);
  const double d2 = orient(e.a, e.b, f.b);
  if (d1 == 0 && d2 == 0) {
    // Collinear: the common stretch, if any, as parameters on both edges.
    const Vec2 u = sub(e.b, e.a), v = sub(f.b, f.a);
    const double uu = dot(u, u), vv = dot(v, v);
    if (uu == 0 || vv == 0) return;
    const double tc = dot(sub(f.a, e.a), u) / uu, td = dot(sub(f.b, e.a), u) / uu;
    const double lo = std::max(0.0, std::min(tc, td)), hi = std::min(1.0, std::max(tc, td));
    if (lo > hi) return;
    const double ta = dot(sub(e.a, f.a), v) / vv, tb = dot(sub(e.b, f.a), v) / vv;
    const double lo2 = std::max(0.0, std::min(ta, tb)), hi2 = std::min(1.0, std::max(ta, tb));
    on_e.cuts.push_back({ie, lo});
    on_e.cuts.push_back({ie, hi});
    on_f.cuts.push_back({jf, lo2});
    on_f.cuts.push_back({jf, hi2});
    if (hi > lo) {
      const bool same = dot(u, v) > 0;
      on_e.overlaps.push_back({ie, lo, hi, same});
      on_f.overlaps.push_back({jf, lo2, hi2, same});
    }
    return;
  }
  if ((d1 > 0 && d2 > 0) || (d1 < 0 && d2 < 0)) return;
  const double d3 = orient(f.a, f.b, e.a);
  const double d4 = orient(f.a, f.b, e.b);
  if ((d3 > 0 && d4 > 0) || (d3 < 0 && d4 < 0)) return;
  if (d3 == 0 && d4 == 0) return;  // rounding called it collinear one way only: a touch
  // Exact zeros mean a vertex on the other edge (T-junction or shared vertex): cut there
  // exactly, so that pieces meet at the vertex itself.
  const double te = d3 == 0 ? 0.0 : d4 == 0 ? 1.0 : d3 / (d3 - d4);
  const double tf = d1 == 0 ? 0.0 : d2 == 0 ? 1.0 : d1 / (d1 - d2);
  on_e.cuts.push_back({ie, std::clamp(te, 0.0, 1.0)});
  on_f.cuts.push_back({jf, std::clamp(tf, 0.0, 1.0)});
}

Vec2 at(const Segment2& s, double t) {
  if (t <= 0) return s.a;
  if (t >= 1) return s.b;
  return {s.a.x + t * (s.b.x - s.a.x), s.a.y + t * (s.b.y - s.a.y)};
}

// Sums twice the signed area contributed by the pieces of `edge` inside `other`, where `cuts`
// and `overlaps` are this edge's (sorted ranges). `own_shared`: whether shared stretches
// running the same way are counted from this polygon's side (exactly one side counts them).
double edge_contribution(const Segment2& edge, std::span<const Cut> cuts,
                         std::span<const Overlap> overlaps, const PreparedPolygon& other,
                         bool own_shared, Vec2 origin) {
  double sum = 0;
  double t0 = 0;
  const auto piece = [&](double ta, double tb) {
    if (!(tb > ta)) return;
    const double mid = 0.5 * (ta + tb);
    bool inside = false;
    bool on_boundary = false;
    for (const Overlap& o : overlaps) {
      if (mid >= o.t0 && mid <= o.t1) {
        on_boundary = true;
        inside = own_shared && o.same_direction;
        break;
      }
    }
    if (!on_boundary) inside = other.contains(at(edge, mid));
    if (inside) sum += cross(sub(at(edge, ta), origin), sub(at(edge, tb), origin));
  };
  for (const Cut& c : cuts) {
    piece(t0, c.t);
    t0 = std::max(t0, c.t);
  }
  piece(t0, 1.0);
  return sum;
}

}  // namespace

PreparedPolygon::PreparedPolygon(const FeatureGeometry& g, bool indexed) {
  if (g.kind != GeometryKind::polygon) return;
  for (std::size_t p = 0; p < g.polygon_count(); ++p) {
    const std::uint32_t first = g.polygon_first_ring(p);
    for (std::uint32_t r = first; r < g.polygon_ends[p]; ++r) {
      const std::span<const Vec2> ring = g.ring(r);
      const double twice = ring_twice_area(ring);
      if (twice == 0) continue;
      // Shells run counter-clockwise, holes clockwise: interior on the left either way.
      const bool want_ccw = r == first;
      const bool reverse = (twice > 0) != want_ccw;
      area_ += (want_ccw ? 0.5 : -0.5) * std::abs(twice);
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        Segment2 s{ring[i], ring[i + 1]};
        if (s.a == s.b) continue;
        if (reverse) std::swap(s.a, s.b);
        edges_.push_back(s);
        bounds_.expand(s.a);
        bounds_.expand(s.b);
      }
      // Rings should be closed; an open one is closed here rather than leaking area.
      if (ring.size() >= 2 && !(ring.front() == ring.back())) {
        Segment2 s{ring.back(), ring.front()};
        if (reverse) std::swap(s.a, s.b);
        edges_.push_back(s);
      }
    }
  }
  indexed_ = indexed && !edges_.empty();
  if (!indexed_) return;
  std::vector<Bbox> boxes;
  boxes.reserve(edges_.size());
  for (const Segment2& s : edges_) boxes.push_back(s.box());
  grid_ = SpatialGrid::build(boxes, 1.0, 256);
  // Slabs: about two edges per slab on average; an edge is listed in every slab it spans.
  slabs_ = static_cast<int>(std::clamp<std::size_t>(edges_.size() / 2, 1, 1024));
  slab_y0_ = bounds_.min_y;
  const double h = bounds_.max_y - bounds_.min_y;
  slab_h_ = h > 0 ? h / slabs_ : 1;
  const auto slab_of = [&](double y) {
    return std::clamp(static_cast<int>(std::floor((y - slab_y0_) / slab_h_)), 0, slabs_ - 1);
  };
  slab_start_.assign(static_cast<std::size_t>(slabs_) + 1, 0);
  for (const Segment2& s : edges_) {
    for (int k = slab_of(std::min(s.a.y, s.b.y)); k <= slab_of(std::max(s.a.y, s.b.y)); ++k)
      ++slab_start_[static_cast<std::size_t>(k) + 1];
  }
  for (std::size_t k = 1; k < slab_start_.size(); ++k) slab_start_[k] += slab_start_[k - 1];
  slab_items_.resize(slab_start_.back());
  std::vector<std::uint32_t> fill(slab_start_.begin(), slab_start_.end() - 1);
  for (std::uint32_t i = 0; i < edges_.size(); ++i) {
    const Segment2& s = edges_[i];
    for (int k = slab_of(std::min(s.a.y, s.b.y)); k <= slab_of(std::max(s.a.y, s.b.y)); ++k)
      slab_items_[fill[static_cast<std::size_t>(k)]++] = i;
  }
}

bool PreparedPolygon::contains(Vec2 p) const {
  if (edges_.empty() || p.x < bounds_.min_x || p.x > bounds_.max_x || p.y < bounds_.min_y ||
      p.y > bounds_.max_y)
    return false;
  bool inside = false;
  // Ray to +x; the half-open test (a.y > p.y) != (b.y > p.y) counts a vertex on the ray once.
  const auto test = [&](const Segment2& s) {
    if ((s.a.y > p.y) != (s.b.y > p.y)) {
      const double x = s.a.x + (p.y - s.a.y) * (s.b.x - s.a.x) / (s.b.y - s.a.y);
      if (x > p.x) inside = !inside;
    }
  };
  if (!indexed_) {
    for (const Segment2& s : edges_) test(s);
    return inside;
  }
  const int k = std::clamp(static_cast<int>(std::floor((p.y - slab_y0_) / slab_h_)), 0, slabs_ - 1);
  for (std::uint32_t i = slab_start_[static_cast<std::size_t>(k)];
       i < slab_start_[static_cast<std::size_t>(k) + 1]; ++i)
    test(edges_[slab_items_[i]]);
  return inside;
}

double intersection_area(const PreparedPolygon& a, const PreparedPolygon& b) {
  if (a.empty() || b.empty() || !a.bounds().intersects(b.bounds())) return 0;
  // Pieces are summed relative to a point near both polygons: cross products of coordinates
  // in the millions would lose the digits of a small unit's area.
  Bbox common = a.bounds();
  common.min_x = std::max(common.min_x, b.bounds().min_x);
  common.min_y = std::max(common.min_y, b.bounds().min_y);
  common.max_x = std::min(common.max_x, b.bounds().max_x);
  common.max_y = std::min(common.max_y, b.bounds().max_y);
  const Vec2 origin{0.5 * (common.min_x + common.max_x), 0.5 * (common.min_y + common.max_y)};

  EdgeEvents on_a, on_b;
  std::vector<std::uint32_t> a_near;  // a's edges whose boxes meet b's bounds
  const std::span<const Segment2> ea = a.edges(), eb = b.edges();
  if (a.indexed()) {
    a.edge_grid().visit(b.bounds(), [&](std::uint32_t i) { a_near.push_back(i); });
  } else {
    for (std::uint32_t i = 0; i < ea.size(); ++i)
      if (ea[i].box().intersects(b.bounds())) a_near.push_back(i);
  }
  if (a_near.empty()) {
    // No edge of a comes near b: b lies wholly inside a or wholly outside it (a inside b
    // would put a's edges inside b's bounds).
    return a.contains(eb.front().a) ? b.area() : 0.0;
  }
  std::vector<Bbox> near_boxes;
  near_boxes.reserve(a_near.size());
  for (std::uint32_t i : a_near) near_boxes.push_back(ea[i].box());
  for (std::uint32_t j = 0; j < eb.size(); ++j) {
    const Bbox box = eb[j].box();
    if (!box.intersects(a.bounds())) continue;
    if (a.indexed()) {
      a.edge_grid().visit(box, [&](std::uint32_t i) { meet(eb[j], j, ea[i], i, on_b, on_a); });
    } else {
      for (std::size_t k = 0; k < a_near.size(); ++k)
        if (near_boxes[k].intersects(box)) meet(eb[j], j, ea[a_near[k]], a_near[k], on_b, on_a);
    }
  }
  std::sort(on_a.cuts.begin(), on_a.cuts.end());
  std::sort(on_b.cuts.begin(), on_b.cuts.end());
  std::stable_sort(on_a.overlaps.begin(), on_a.overlaps.end());
  std::stable_sort(on_b.overlaps.begin(), on_b.overlaps.end());

  const auto range = [](const auto& v, std::uint32_t edge) {
    using T = typename std::decay_t<decltype(v)>::value_type;
    const auto lo = std::lower_bound(v.begin(), v.end(), edge,
                                     [](const T& x, std::uint32_t e) { return x.edge < e; });
    auto hi = lo;
    while (hi != v.end() && hi->edge == edge) ++hi;
    return std::span<const T>(lo, hi);
  };
  double twice = 0;
  // b's edges inside a; shared stretches running the same way are counted from b's side.
  for (std::uint32_t j = 0; j < eb.size(); ++j) {
    twice +=
        edge_contribution(eb[j], range(on_b.cuts, j), range(on_b.overlaps, j), a, true, origin);
  }
  // a's edges inside b: only those near b can be.
  std::sort(a_near.begin(), a_near.end());
  for (std::uint32_t i : a_near) {
    twice +=
        edge_contribution(ea[i], range(on_a.cuts, i), range(on_a.overlaps, i), b, false, origin);
  }
  const double area = 0.5 * twice;
  return std::clamp(area, 0.0, std::min(a.area(), b.area()));
}

double intersection_area(const FeatureGeometry& a, const FeatureGeometry& b) {
  const PreparedPolygon pa(a, true);
  const PreparedPolygon pb(b, false);
  return intersection_area(pa, pb);
}

double planar_area(const FeatureGeometry& g) {
  if (g.kind != GeometryKind::polygon) return 0;
  double total = 0;
  for (std::size_t p = 0; p < g.polygon_count(); ++p) {
    const std::uint32_t first = g.polygon_first_ring(p);
    for (std::uint32_t r = first; r < g.polygon_ends[p]; ++r) {
      const double a = 0.5 * std::abs(ring_twice_area(g.ring(r)));
      total += r == first ? a : -a;
    }
  }
  return total;
}

}  // namespace chipao
