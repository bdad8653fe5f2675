#include "core/geo/triangulate.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace chipao {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
// Below this many vertices walking the whole ring per ear test is cheaper than building and
// maintaining the z-order index.
constexpr std::size_t kZOrderMinVertices = 64;
// A stuck ring is split along a diagonal; finding one is quadratic, so the search is bounded
// (per split) and so is the number of splits per polygon, after which convex corners are
// clipped by force. Valid polygons never get here.
constexpr std::size_t kMaxDiagonalTries = 4096;
constexpr int kMaxSplits = 32;

// Twice the signed area of triangle (o, a, b): positive when counter-clockwise.
double cross(Vec2 o, Vec2 a, Vec2 b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

int sign(double v) {
  return (v > 0) - (v < 0);
}

bool on_segment(Vec2 a, Vec2 b, Vec2 q) {
  return std::min(a.x, b.x) <= q.x && q.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= q.y &&
         q.y <= std::max(a.y, b.y);
}

// Whether closed segments a-b and c-d share any point.
bool segments_touch(Vec2 a, Vec2 b, Vec2 c, Vec2 d) {
  const int o1 = sign(cross(a, b, c));
  const int o2 = sign(cross(a, b, d));
  const int o3 = sign(cross(c, d, a));
  const int o4 = sign(cross(c, d, b));
  if (o1 != o2 && o3 != o4) return true;
  if (o1 == 0 && on_segment(a, b, c)) return true;
  if (o2 == 0 && on_segment(a, b, d)) return true;
  if (o3 == 0 && on_segment(c, d, a)) return true;
  if (o4 == 0 && on_segment(c, d, b)) return true;
  return false;
}

// Spreads the low 16 bits of v to the even bit positions (for Morton codes).
std::uint32_t spread_bits(std::uint32_t v) {
  v &= 0xFFFFu;
  v = (v | (v << 8)) & 0x00FF00FFu;
  v = (v | (v << 4)) & 0x0F0F0F0Fu;
  v = (v | (v << 2)) & 0x33333333u;
  v = (v | (v << 1)) & 0x55555555u;
  return v;
}

struct Node {
  Vec2 p;
  std::uint32_t source = 0;  // index into FeatureGeometry::points
  std::uint32_t prev = kNone, next = kNone;
  std::uint32_t z = 0;
  std::uint32_t prev_z = kNone, next_z = kNone;  // neighbours in z order (when indexed)
};

struct HoleStart {
  std::uint32_t node;
  Vec2 p;
};

// One polygon's ear clipping. Nodes live in a vector and link by index: rings are circular
// doubly linked lists, and a second list orders the live nodes by Morton code.
class EarClipper {
 public:
  explicit EarClipper(std::vector<std::uint32_t>& out) : out_(out) {}

  void run(const FeatureGeometry& geometry, std::size_t polygon) {
    const std::size_t first_ring = geometry.polygon_first_ring(polygon);
    const std::size_t end_ring = geometry.polygon_ends[polygon];
    if (first_ring >= end_ring) return;

    std::uint32_t outer = filter_degenerate(
        build_ring(geometry.ring(first_ring), geometry.ring_begin(first_ring), true));
    if (outer == kNone) return;

    std::vector<HoleStart> holes;
    for (std::size_t r = first_ring + 1; r < end_ring; ++r) {
      const std::uint32_t hole =
          filter_degenerate(build_ring(geometry.ring(r), geometry.ring_begin(r), false));
      if (hole != kNone) holes.push_back(rightmost(hole));
    }
    // Rightmost holes first: a hole's bridge then never has to cross a hole not yet joined,
    // since those lie entirely to the left of its starting vertex.
    std::sort(holes.begin(), holes.end(), [](const HoleStart& a, const HoleStart& b) {
      return a.p.x != b.p.x ? a.p.x > b.p.x : a.p.y < b.p.y;
    });
    for (const HoleStart& hole : holes) {
      const std::uint32_t target = find_bridge_target(hole.node, outer);
      // No target: the hole lies outside its exterior (invalid input); it is left out.
      if (target != kNone) outer = splice(target, hole.node);
    }

    outer = filter_degenerate(outer);
    if (outer == kNone) return;
    if (count_ring(outer) >= kZOrderMinVertices) build_z_index(outer);
    clip_all(outer);
  }

 private:
  // Ring construction ----------------------------------------------------------------------

  std::uint32_t insert_after(std::uint32_t after, Vec2 p, std::uint32_t source) {
    const auto id = static_cast<std::uint32_t>(nodes_.size());
    Node node;
    node.p = p;
    node.source = source;
    if (after == kNone) {
      node.prev = node.next = id;
    } else {
      node.prev = after;
      node.next = nodes_[after].next;
      nodes_[node.next].prev = id;
      nodes_[after].next = id;
    }
    nodes_.push_back(node);
    return id;
  }

  // Links the ring's points (closing repeat and consecutive duplicates dropped) counter-clockwise
  // for an exterior, clockwise for a hole; returns one of its nodes, kNone when it has no area.
  std::uint32_t build_ring(std::span<const Vec2> ring, std::uint32_t first_source, bool ccw) {
    std::size_t n = ring.size();
    if (n >= 2 && ring.front() == ring.back()) --n;
    if (n < 3) return kNone;
    double twice_area = 0;
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
      twice_area += (ring[j].x - ring[i].x) * (ring[j].y + ring[i].y);
    }
    if (twice_area == 0 || !std::isfinite(twice_area)) return kNone;
    const bool forward = (twice_area > 0) == ccw;
    std::uint32_t last = kNone;
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t i = forward ? k : n - 1 - k;
      if (last != kNone && nodes_[last].p == ring[i]) continue;
      last = insert_after(last, ring[i], first_source + static_cast<std::uint32_t>(i));
    }
    return last;
  }

  void remove(std::uint32_t id) {
    Node& node = nodes_[id];
    nodes_[node.prev].next = node.next;
    nodes_[node.next].prev = node.prev;
    if (node.prev_z != kNone) nodes_[node.prev_z].next_z = node.next_z;
    if (node.next_z != kNone) nodes_[node.next_z].prev_z = node.prev_z;
  }

  std::size_t count_ring(std::uint32_t start) const {
    std::size_t count = 0;
    std::uint32_t id = start;
    do {
      ++count;
      id = nodes_[id].next;
    } while (id != start);
    return count;
  }

  // Drops repeated points and vertices on a straight line (or at the tip of a zero-width
  // spike): they add no area and would stall the ear search. kNone when fewer than 3 remain.
  std::uint32_t filter_degenerate(std::uint32_t start) {
    if (start == kNone) return kNone;
    std::uint32_t id = start;
    std::uint32_t stop = start;
    while (true) {
      const Node& node = nodes_[id];
      if (node.next == id || node.prev == node.next) return kNone;
      const Vec2 prev = nodes_[node.prev].p;
      const Vec2 next = nodes_[node.next].p;
      if (node.p == next || cross(prev, node.p, next) == 0) {
        const std::uint32_t back = node.prev;
        remove(id);
        id = stop = back;
        continue;
      }
      id = node.next;
      if (id == stop) return id;
    }
  }

  // Holes -----------------------------------------------------------------------------------

  HoleStart rightmost(std::uint32_t start) const {
    std::uint32_t best = start;
    for (std::uint32_t id = nodes_[start].next; id != start; id = nodes_[id].next) {
      const Vec2 p = nodes_[id].p;
      const Vec2 b = nodes_[best].p;
      if (p.x > b.x || (p.x == b.x && p.y < b.y)) best = id;
    }
    return {best, nodes_[best].p};
  }

  // Whether direction a -> q leaves vertex a into the polygon's interior (interior is on the
  // left of a counter-clockwise ring). `strict` refuses directions along an edge.
  bool locally_inside(std::uint32_t a, Vec2 q, bool strict) const {
    const Vec2 p = nodes_[nodes_[a].prev].p;
    const Vec2 v = nodes_[a].p;
    const Vec2 n = nodes_[nodes_[a].next].p;
    const double left_of_next = cross(v, n, q);
    const double left_of_prev = cross(p, v, q);
    const bool in_next = strict ? left_of_next > 0 : left_of_next >= 0;
    const bool in_prev = strict ? left_of_prev > 0 : left_of_prev >= 0;
    if (cross(p, v, n) >= 0) return in_next && in_prev;  // convex corner: inside both edges
    return in_next || in_prev;                           // reflex corner: inside either
  }

  // Eberly: cast a ray from the hole's rightmost vertex M to +x, take the nearest boundary
  // edge it hits, and the end of that edge further right, P. If other vertices lie in the
  // triangle (M, hit point, P) they could block M-P; the one seen at the smallest angle from
  // the ray cannot be blocked.
  std::uint32_t find_bridge_target(std::uint32_t hole, std::uint32_t outer) const {
    const Vec2 m = nodes_[hole].p;
    double hit_x = std::numeric_limits<double>::infinity();
    std::uint32_t hit_edge = kNone;
    std::uint32_t id = outer;
    do {
      const Node& a = nodes_[id];
      const Node& b = nodes_[a.next];
      // Only edges going up (with the interior on their left, to the west) can be the first
      // boundary the ray meets from inside.
      if (a.p.y <= m.y && m.y <= b.p.y && a.p.y != b.p.y) {
        const double x = a.p.x + (m.y - a.p.y) * (b.p.x - a.p.x) / (b.p.y - a.p.y);
        if (x >= m.x && x < hit_x) {
          hit_x = x;
          hit_edge = id;
        }
      }
      id = a.next;
    } while (id != outer);
    if (hit_edge == kNone) return kNone;

    const Vec2 hit{hit_x, m.y};
    const std::uint32_t edge_end = nodes_[hit_edge].next;
    std::uint32_t candidate;
    if (nodes_[hit_edge].p == hit) {
      candidate = hit_edge;
    } else if (nodes_[edge_end].p == hit) {
      candidate = edge_end;
    } else {
      candidate = nodes_[hit_edge].p.x > nodes_[edge_end].p.x ? hit_edge : edge_end;
      const Vec2 p = nodes_[candidate].p;
      Vec2 best_dir{p.x - m.x, std::abs(p.y - m.y)};
      id = outer;
      do {
        const Vec2 r = nodes_[id].p;
        if (r == m) {  // the hole touches the boundary here: a bridge of length zero
          candidate = id;
          break;
        }
        if (id != candidate && r != p && r.x >= m.x) {
          const double d1 = cross(m, hit, r), d2 = cross(hit, p, r), d3 = cross(p, m, r);
          const bool inside = (d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0);
          if (inside) {
            const Vec2 dir{r.x - m.x, std::abs(r.y - m.y)};
            // Smaller angle to the ray: dir.y / dir.x < best.y / best.x; ties go to the nearer.
            const double lhs = dir.y * best_dir.x, rhs = best_dir.y * dir.x;
            if (lhs < rhs || (lhs == rhs && dir.x < best_dir.x)) {
              candidate = id;
              best_dir = dir;
            }
          }
        }
        id = nodes_[id].next;
      } while (id != outer);
    }

    // Earlier bridges leave several nodes at one position; use the one whose corner M is in.
    const Vec2 target = nodes_[candidate].p;
    id = outer;
    do {
      if (nodes_[id].p == target && locally_inside(id, m, false)) return id;
      id = nodes_[id].next;
    } while (id != outer);
    return candidate;
  }

  // Links a and b by a two-way edge. When they are on different rings the rings merge (a hole
  // joins its exterior); on the same ring it splits in two. Returns the copy of a, which lies on
  // the part that does not contain a (when splitting).
  std::uint32_t splice(std::uint32_t a, std::uint32_t b) {
    const std::uint32_t a2 = clone(a);
    const std::uint32_t b2 = clone(b);
    const std::uint32_t a_next = nodes_[a].next;
    const std::uint32_t b_prev = nodes_[b].prev;
    nodes_[a].next = b;
    nodes_[b].prev = a;
    nodes_[a2].next = a_next;
    nodes_[a_next].prev = a2;
    nodes_[b2].next = a2;
    nodes_[a2].prev = b2;
    nodes_[b_prev].next = b2;
    nodes_[b2].prev = b_prev;
    return a2;
  }

  std::uint32_t clone(std::uint32_t id) {
    const auto copy = static_cast<std::uint32_t>(nodes_.size());
    Node node = nodes_[id];
    node.prev = node.next = kNone;
    node.prev_z = node.next_z = kNone;
    nodes_.push_back(node);
    if (z_indexed_) {  // same Morton code: it goes right after the original
      Node& original = nodes_[id];
      nodes_[copy].prev_z = id;
      nodes_[copy].next_z = original.next_z;
      if (original.next_z != kNone) nodes_[original.next_z].prev_z = copy;
      original.next_z = copy;
    }
    return copy;
  }

  // Z-order index ---------------------------------------------------------------------------

  std::uint32_t z_key(double x, double y) const {
    const double fx = std::clamp((x - min_x_) * inv_size_, 0.0, 65535.0);
    const double fy = std::clamp((y - min_y_) * inv_size_, 0.0, 65535.0);
    return spread_bits(static_cast<std::uint32_t>(fx)) |
           (spread_bits(static_cast<std::uint32_t>(fy)) << 1);
  }

  void build_z_index(std::uint32_t start) {
    std::vector<std::uint32_t> order;
    Bbox box;
    std::uint32_t id = start;
    do {
      order.push_back(id);
      box.expand(nodes_[id].p);
      id = nodes_[id].next;
    } while (id != start);
    min_x_ = box.min_x;
    min_y_ = box.min_y;
    const double size = std::max(box.max_x - box.min_x, box.max_y - box.min_y);
    inv_size_ = size > 0 ? 65535.0 / size : 0.0;
    for (const std::uint32_t n : order) nodes_[n].z = z_key(nodes_[n].p.x, nodes_[n].p.y);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return nodes_[a].z != nodes_[b].z ? nodes_[a].z < nodes_[b].z : a < b;
    });
    for (std::size_t i = 0; i < order.size(); ++i) {
      nodes_[order[i]].prev_z = i == 0 ? kNone : order[i - 1];
      nodes_[order[i]].next_z = i + 1 == order.size() ? kNone : order[i + 1];
    }
    z_indexed_ = true;
  }

  // Ears ------------------------------------------------------------------------------------

  // Whether node p stops b (between a and c) from being clipped as an ear.
  bool blocks_ear(std::uint32_t p, std::uint32_t a, std::uint32_t b, std::uint32_t c) const {
    if (p == a || p == b || p == c) return false;
    const Vec2 q = nodes_[p].p;
    const Vec2 pa = nodes_[a].p, pb = nodes_[b].p, pc = nodes_[c].p;
    // A copy of a or c (left by a bridge) cannot make the ear overlap anything: an edge from
    // there into the triangle would have to end inside it or on b's edges, which is caught.
    if (q == pa || q == pc) return false;
    if (q == pb) {
      // The ring touches itself at b: the ear is wrong when the other visit's edges enter the
      // corner of the ear.
      // Edges along the ear's own sides do not count: bridges leave exactly such pairs.
      const auto in_corner = [&](Vec2 r) { return cross(pb, pc, r) > 0 && cross(pb, r, pa) > 0; };
      return in_corner(nodes_[nodes_[p].prev].p) || in_corner(nodes_[nodes_[p].next].p);
    }
    return cross(pa, pb, q) >= 0 && cross(pb, pc, q) >= 0 && cross(pc, pa, q) >= 0;
  }

  bool is_ear(std::uint32_t b) const {
    const std::uint32_t a = nodes_[b].prev;
    const std::uint32_t c = nodes_[b].next;
    const Vec2 pa = nodes_[a].p, pb = nodes_[b].p, pc = nodes_[c].p;
    if (cross(pa, pb, pc) <= 0) return false;  // reflex or flat corner

    if (z_indexed_) {
      // Every point inside the triangle's box has a Morton code between its corners' codes.
      const std::uint32_t z_min = z_key(std::min({pa.x, pb.x, pc.x}), std::min({pa.y, pb.y, pc.y}));
      const std::uint32_t z_max = z_key(std::max({pa.x, pb.x, pc.x}), std::max({pa.y, pb.y, pc.y}));
      for (std::uint32_t p = nodes_[b].prev_z; p != kNone && nodes_[p].z >= z_min;
           p = nodes_[p].prev_z) {
        if (blocks_ear(p, a, b, c)) return false;
      }
      for (std::uint32_t p = nodes_[b].next_z; p != kNone && nodes_[p].z <= z_max;
           p = nodes_[p].next_z) {
        if (blocks_ear(p, a, b, c)) return false;
      }
      return true;
    }
    for (std::uint32_t p = nodes_[c].next; p != a; p = nodes_[p].next) {
      if (blocks_ear(p, a, b, c)) return false;
    }
    return true;
  }

  void emit(std::uint32_t a, std::uint32_t b, std::uint32_t c) {
    out_.push_back(nodes_[a].source);
    out_.push_back(nodes_[b].source);
    out_.push_back(nodes_[c].source);
  }

  void clip_all(std::uint32_t start) {
    std::vector<std::uint32_t> pending{start};
    while (!pending.empty()) {
      const std::uint32_t ring = pending.back();
      pending.pop_back();
      clip_ring(ring, pending);
    }
  }

  // Clips ears until two vertices remain. When a full lap finds none, it first drops
  // degenerate vertices, then splits the ring along a diagonal (both parts go to `pending`),
  // and finally clips a convex corner by force, so every lap removes something or ends.
  void clip_ring(std::uint32_t ear, std::vector<std::uint32_t>& pending) {
    int stage = 0;
    std::uint32_t stop = ear;
    while (ear != kNone && nodes_[ear].prev != nodes_[ear].next) {
      const std::uint32_t a = nodes_[ear].prev;
      const std::uint32_t c = nodes_[ear].next;
      if (is_ear(ear)) {
        emit(a, ear, c);
        remove(ear);
        ear = stop = drop_degenerate_between(a, c);
        stage = 0;
        continue;
      }
      ear = c;
      if (ear != stop) continue;

      if (stage == 0) {
        ear = stop = filter_degenerate(ear);
        stage = 1;
        continue;
      }
      if (stage == 1 && splits_ < kMaxSplits) {
        ++splits_;
        if (split(ear, pending)) return;
      }
      ear = stop = force_clip(ear);
      stage = 0;
    }
  }

  bool degenerate(std::uint32_t id) const {
    const Node& node = nodes_[id];
    const Vec2 next = nodes_[node.next].p;
    return node.p == next || cross(nodes_[node.prev].p, node.p, next) == 0;
  }

  // After an ear between a and c is clipped, either may have become a straight vertex or the
  // tip of a zero-width spike; dropping them at once keeps such spikes from fooling the next
  // ear tests. Returns the node to continue from, kNone when no area is left.
  std::uint32_t drop_degenerate_between(std::uint32_t a, std::uint32_t c) {
    while (true) {
      if (nodes_[c].prev == nodes_[c].next) return kNone;
      if (degenerate(c)) {
        const std::uint32_t next = nodes_[c].next;
        remove(c);
        c = next;
        a = nodes_[c].prev;
      } else if (degenerate(a)) {
        const std::uint32_t prev = nodes_[a].prev;
        remove(a);
        a = prev;
      } else {
        return c;
      }
    }
  }

  bool valid_diagonal(std::uint32_t a, std::uint32_t b) const {
    const Vec2 pa = nodes_[a].p, pb = nodes_[b].p;
    if (pa == pb) return false;
    if (!locally_inside(a, pb, true) || !locally_inside(b, pa, true)) return false;
    std::uint32_t id = a;
    bool inside = false;
    const Vec2 mid{0.5 * (pa.x + pb.x), 0.5 * (pa.y + pb.y)};
    do {
      const std::uint32_t next = nodes_[id].next;
      const Vec2 p = nodes_[id].p, q = nodes_[next].p;
      if (id != a && id != b && next != a && next != b && segments_touch(pa, pb, p, q)) {
        return false;
      }
      // Even-odd crossing test for the diagonal's midpoint.
      if ((p.y > mid.y) != (q.y > mid.y) &&
          mid.x < p.x + (mid.y - p.y) * (q.x - p.x) / (q.y - p.y)) {
        inside = !inside;
      }
      id = next;
    } while (id != a);
    return inside;
  }

  bool split(std::uint32_t start, std::vector<std::uint32_t>& pending) {
    std::size_t tries = 0;
    std::uint32_t a = start;
    do {
      for (std::uint32_t b = nodes_[nodes_[a].next].next; b != nodes_[a].prev; b = nodes_[b].next) {
        if (++tries > kMaxDiagonalTries) return false;
        if (valid_diagonal(a, b)) {
          const std::uint32_t other = splice(a, b);
          const std::uint32_t first = filter_degenerate(a);
          const std::uint32_t second = filter_degenerate(other);
          if (first != kNone) pending.push_back(first);
          if (second != kNone) pending.push_back(second);
          return true;
        }
      }
      a = nodes_[a].next;
    } while (a != start);
    return false;
  }

  std::uint32_t force_clip(std::uint32_t start) {
    std::uint32_t id = start;
    do {
      const std::uint32_t a = nodes_[id].prev;
      const std::uint32_t c = nodes_[id].next;
      if (cross(nodes_[a].p, nodes_[id].p, nodes_[c].p) > 0) {
        emit(a, id, c);
        remove(id);
        return c;
      }
      id = c;
    } while (id != start);
    return kNone;  // no convex corner left: what remains encloses no area
  }

  std::vector<Node> nodes_;
  std::vector<std::uint32_t>& out_;
  bool z_indexed_ = false;
  double min_x_ = 0, min_y_ = 0, inv_size_ = 0;
  int splits_ = 0;
};

}  // namespace

void triangulate_polygon(const FeatureGeometry& geometry, std::size_t polygon,
                         std::vector<std::uint32_t>& out) {
  if (geometry.kind != GeometryKind::polygon || polygon >= geometry.polygon_count()) return;
  EarClipper clipper(out);
  clipper.run(geometry, polygon);
}

std::vector<std::uint32_t> triangulate(const FeatureGeometry& geometry) {
  std::vector<std::uint32_t> out;
  if (geometry.kind != GeometryKind::polygon) return out;
  for (std::size_t p = 0; p < geometry.polygon_count(); ++p) triangulate_polygon(geometry, p, out);
  return out;
}

}  // namespace chipao
