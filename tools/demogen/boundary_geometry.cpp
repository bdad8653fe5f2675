#include "boundary_geometry.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_set>

#include "rng.h"

namespace chipao::demogen {
namespace {

std::size_t at(int i) {
  return static_cast<std::size_t>(i);
}

// Turns mesh ids into final coordinates, caching per vertex and per undirected edge so every
// polygon that uses an edge gets the very same points.
class BorderShaper {
 public:
  BorderShaper(const CellMesh& mesh, const SmoothWarp& warp, const BorderStyle& style)
      : mesh_(mesh), warp_(warp), style_(style), corners_(mesh.vertices.size()) {}

  std::vector<Point> ring_of_cell(int cell) {
    const std::vector<int>& ids = mesh_.rings[at(cell)];
    std::vector<Point> ring;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const int a = ids[i];
      const int b = ids[(i + 1) % ids.size()];
      ring.push_back(corner(a));
      const std::vector<Point>& inner = interior(a, b);
      // The cache holds the points from the edge's canonical start; walk them either way.
      if (starts_edge(a, b)) {
        ring.insert(ring.end(), inner.begin(), inner.end());
      } else {
        ring.insert(ring.end(), inner.rbegin(), inner.rend());
      }
    }
    // Snapping can merge points closer than the grid; both neighbours merge them alike.
    std::vector<Point> out;
    for (const Point& p : ring) {
      if (out.empty() || !(out.back() == p)) out.push_back(p);
    }
    while (out.size() > 1 && out.front() == out.back()) out.pop_back();
    return out;
  }

 private:
  Point shaped(Point p) const { return snap_to_grid(warp_.apply(p)); }

  Point corner(int id) {
    std::optional<Point>& cached = corners_[at(id)];
    if (!cached) cached = shaped(mesh_.vertices[at(id)]);
    return *cached;
  }

  // Whether a is the canonical start of edge (a, b): the lexicographically smaller position.
  bool starts_edge(int a, int b) const {
    const Point pa = mesh_.vertices[at(a)];
    const Point pb = mesh_.vertices[at(b)];
    return lexicographically_less(pa, pb) || (pa == pb && a < b);
  }

  const std::vector<Point>& interior(int a, int b) {
    const EdgeKey key = edge_key(a, b);
    const auto found = edges_.find(key);
    if (found != edges_.end()) return found->second;
    const int from = starts_edge(a, b) ? a : b;
    const int to = from == a ? b : a;
    const Point p = mesh_.vertices[at(from)];
    const Point q = mesh_.vertices[at(to)];
    const double length = distance(p, q);
    const int pieces = static_cast<int>(std::ceil(length / style_.densify_step_deg));
    // The edge's own random stream, keyed by its canonical start so it is the same from both
    // sides: whether it stays straight and where its meander starts.
    Rng edge_rng(mix_seed(
        style_.seed, mix_seed(static_cast<std::uint64_t>(from), static_cast<std::uint64_t>(to))));
    const bool straight = edge_rng.chance(style_.straight_share);
    const double phase = edge_rng.uniform(0.0, 1000.0);
    const double amplitude =
        straight ? 0.0 : std::min(style_.meander_ratio * length, style_.meander_max_deg);
    const Point normal = Point{p.y - q.y, q.x - p.x} * (1.0 / length);
    std::vector<Point> points;
    for (int k = 1; k < pieces; ++k) {
      const double t = static_cast<double>(k) / static_cast<double>(pieces);
      // The taper (4t(1-t))^2 is flat at both ends, so the edge leaves each corner straight
      // and cannot cross the other edges meeting there.
      const double taper = 16.0 * t * t * (1.0 - t) * (1.0 - t);
      const double along = phase + t * length / style_.meander_wavelength_deg;
      const double offset = amplitude * taper * value_noise(along, 0.5, style_.seed);
      points.push_back(shaped(p + (q - p) * t + normal * offset));
    }
    return edges_.emplace(key, std::move(points)).first->second;
  }

  const CellMesh& mesh_;
  const SmoothWarp& warp_;
  BorderStyle style_;
  std::vector<std::optional<Point>> corners_;
  std::map<EdgeKey, std::vector<Point>> edges_;
};

struct PointHash {
  std::size_t operator()(const Point& p) const {
    std::uint64_t x = 0;
    std::uint64_t y = 0;
    std::memcpy(&x, &p.x, sizeof x);
    std::memcpy(&y, &p.y, sizeof y);
    return static_cast<std::size_t>((x * 0x9E3779B97F4A7C15ULL) ^ (y + 0x632BE59BD9B4E019ULL));
  }
};
struct PointEqual {
  bool operator()(const Point& a, const Point& b) const { return a == b; }
};
using PointSet = std::unordered_set<Point, PointHash, PointEqual>;

void require_valid(const GeosContext& geos, const GEOSGeometry* g, const std::string& what) {
  std::string reason;
  if (!geos.is_valid(g, &reason)) throw std::runtime_error(what + " is invalid: " + reason);
}

// Unions parts and checks the result is one valid polygon made only of the parts' vertices.
GeomPtr union_in_one_piece(const GeosContext& geos, const std::vector<const GEOSGeometry*>& parts,
                           const PointSet& known_vertices, const std::string& what) {
  GeomPtr merged = geos.union_of(parts);
  require_valid(geos, merged.get(), what);
  if (GEOSGeomTypeId_r(geos.handle(), merged.get()) != GEOS_POLYGON) {
    throw std::runtime_error(what + " is not one contiguous polygon");
  }
  for (const Point& p : geos.vertices(merged.get())) {
    if (known_vertices.count(p) == 0) {
      throw std::runtime_error(what + ": the union created a vertex no village has");
    }
  }
  return merged;
}

void normalize(const GeosContext& geos, GeomPtr& g) {
  if (GEOSNormalize_r(geos.handle(), g.get()) != 0) {
    throw std::runtime_error("GEOS could not normalize a polygon");
  }
}

}  // namespace

AdminPolygons build_admin_polygons(const GeosContext& geos, const CellMesh& mesh,
                                   const AdminTree& tree, const SmoothWarp& warp,
                                   const BorderStyle& style) {
  BorderShaper shaper(mesh, warp, style);
  AdminPolygons out;
  PointSet known_vertices;
  for (const VillageUnit& village : tree.villages) {
    const std::vector<Point> ring = shaper.ring_of_cell(village.cell);
    known_vertices.insert(ring.begin(), ring.end());
    GeomPtr polygon = geos.polygon(ring);
    require_valid(geos, polygon.get(), "village " + village.code);
    GeomPtr inside = geos.own(GEOSPointOnSurface_r(geos.handle(), polygon.get()), "pointOnSurface");
    const Point p = snap_to_grid(geos.vertices(inside.get()).front());
    out.village_points.push_back(
        geos.own(GEOSGeom_createPointFromXY_r(geos.handle(), p.x, p.y), "createPoint"));
    out.villages.push_back(std::move(polygon));
  }
  for (const TambonUnit& tambon : tree.tambons) {
    std::vector<const GEOSGeometry*> parts;
    for (const int v : tambon.villages) parts.push_back(out.villages[at(v)].get());
    out.tambons.push_back(union_in_one_piece(geos, parts, known_vertices, "tambon " + tambon.code));
  }
  for (const AmphoeUnit& amphoe : tree.amphoes) {
    std::vector<const GEOSGeometry*> parts;
    for (const int t : amphoe.tambons) parts.push_back(out.tambons[at(t)].get());
    out.amphoes.push_back(union_in_one_piece(geos, parts, known_vertices, "amphoe " + amphoe.code));
  }
  std::vector<const GEOSGeometry*> parts;
  for (const GeomPtr& amphoe : out.amphoes) parts.push_back(amphoe.get());
  out.province = union_in_one_piece(geos, parts, known_vertices, "the province");

  // A canonical form (clockwise shells, fixed start vertex) makes the files independent of how
  // GEOS happened to order the union's rings.
  for (GeomPtr& g : out.villages) normalize(geos, g);
  for (GeomPtr& g : out.tambons) normalize(geos, g);
  for (GeomPtr& g : out.amphoes) normalize(geos, g);
  normalize(geos, out.province);
  return out;
}

}  // namespace chipao::demogen
