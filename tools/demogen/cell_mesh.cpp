#include "cell_mesh.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

namespace chipao::demogen {
namespace {

// Two coordinates GEOS computed for the same Voronoi vertex differ by rounding only.
constexpr double kSameVertexTolerance = 1e-9;

bool ring_contains(const std::vector<Point>& ring, Point p) {
  bool inside = false;
  const std::size_t n = ring.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const Point a = ring[i];
    const Point b = ring[j];
    if ((a.y > p.y) != (b.y > p.y)) {
      const double x_cross = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
      if (p.x < x_cross) inside = !inside;
    }
  }
  return inside;
}

double signed_area(const std::vector<Point>& ring) {
  double twice = 0.0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const Point a = ring[i];
    const Point b = ring[(i + 1) % ring.size()];
    twice += a.x * b.y - b.x * a.y;
  }
  return twice / 2.0;
}

// Buckets of site indices for finding which site a Voronoi cell belongs to.
class SiteBuckets {
 public:
  SiteBuckets(const std::vector<Point>& sites, double bucket) : sites_(sites), bucket_(bucket) {
    for (std::size_t i = 0; i < sites.size(); ++i) {
      buckets_[key(cell_of(sites[i].x), cell_of(sites[i].y))].push_back(static_cast<int>(i));
    }
  }

  // The one site inside the ring (a Voronoi cell contains exactly its own site).
  int site_inside(const std::vector<Point>& ring) const {
    Point lo = ring.front();
    Point hi = ring.front();
    for (const Point& p : ring) {
      lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
      hi = {std::max(hi.x, p.x), std::max(hi.y, p.y)};
    }
    int found = -1;
    for (std::int64_t cy = cell_of(lo.y); cy <= cell_of(hi.y); ++cy) {
      for (std::int64_t cx = cell_of(lo.x); cx <= cell_of(hi.x); ++cx) {
        const auto it = buckets_.find(key(cx, cy));
        if (it == buckets_.end()) continue;
        for (const int s : it->second) {
          if (ring_contains(ring, sites_[static_cast<std::size_t>(s)])) {
            if (found >= 0) throw std::runtime_error("Voronoi cell holds two seeds");
            found = s;
          }
        }
      }
    }
    if (found < 0) throw std::runtime_error("Voronoi cell holds no seed");
    return found;
  }

 private:
  std::int64_t cell_of(double v) const {
    return static_cast<std::int64_t>(std::floor(v / bucket_));
  }
  static std::int64_t key(std::int64_t cx, std::int64_t cy) { return cx * 1000003 + cy; }

  const std::vector<Point>& sites_;
  double bucket_;
  std::unordered_map<std::int64_t, std::vector<int>> buckets_;
};

// Gives one id to coordinates within kSameVertexTolerance of each other.
class VertexWelder {
 public:
  explicit VertexWelder(std::vector<Point>& vertices) : vertices_(vertices) {}

  int id_of(Point p) {
    const std::int64_t cx = cell_of(p.x);
    const std::int64_t cy = cell_of(p.y);
    for (std::int64_t dy = -1; dy <= 1; ++dy) {
      for (std::int64_t dx = -1; dx <= 1; ++dx) {
        const auto it = buckets_.find(key(cx + dx, cy + dy));
        if (it == buckets_.end()) continue;
        for (const int id : it->second) {
          const Point q = vertices_[static_cast<std::size_t>(id)];
          if (std::abs(q.x - p.x) <= kSameVertexTolerance &&
              std::abs(q.y - p.y) <= kSameVertexTolerance) {
            return id;
          }
        }
      }
    }
    const int id = static_cast<int>(vertices_.size());
    vertices_.push_back(p);
    buckets_[key(cx, cy)].push_back(id);
    return id;
  }

 private:
  static constexpr double kBucket = 1e-6;
  static std::int64_t cell_of(double v) {
    return static_cast<std::int64_t>(std::floor(v / kBucket));
  }
  static std::int64_t key(std::int64_t cx, std::int64_t cy) { return cx * 2000000011LL + cy; }

  std::vector<Point>& vertices_;
  std::unordered_map<std::int64_t, std::vector<int>> buckets_;
};

// Drops repeated consecutive ids, the ring being cyclic.
void remove_repeats(std::vector<int>& ring) {
  std::vector<int> out;
  for (const int id : ring) {
    if (out.empty() || out.back() != id) out.push_back(id);
  }
  while (out.size() > 1 && out.front() == out.back()) out.pop_back();
  ring = std::move(out);
}

int find_root(std::vector<int>& parent, int v) {
  while (parent[static_cast<std::size_t>(v)] != v) {
    parent[static_cast<std::size_t>(v)] =
        parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(v)])];
    v = parent[static_cast<std::size_t>(v)];
  }
  return v;
}

// Merges the ends of every edge shorter than the limit into the smaller id.
void collapse_short_edges(CellMesh& mesh, double limit) {
  std::vector<int> parent(mesh.vertices.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (const std::vector<int>& ring : mesh.rings) {
    for (std::size_t i = 0; i < ring.size(); ++i) {
      const int a = ring[i];
      const int b = ring[(i + 1) % ring.size()];
      if (distance(mesh.vertices[static_cast<std::size_t>(a)],
                   mesh.vertices[static_cast<std::size_t>(b)]) < limit) {
        const int ra = find_root(parent, a);
        const int rb = find_root(parent, b);
        if (ra != rb) parent[static_cast<std::size_t>(std::max(ra, rb))] = std::min(ra, rb);
      }
    }
  }
  for (std::vector<int>& ring : mesh.rings) {
    for (int& id : ring) id = find_root(parent, id);
    remove_repeats(ring);
    if (ring.size() < 3) throw std::runtime_error("a Voronoi cell collapsed to a line");
  }
}

}  // namespace

CellMesh build_voronoi_mesh(const GeosContext& geos, const std::vector<Point>& sites,
                            double collapse_length_deg) {
  const GEOSContextHandle_t h = geos.handle();
  std::vector<GEOSGeometry*> points;
  points.reserve(sites.size());
  Point lo = sites.front();
  Point hi = sites.front();
  for (const Point& s : sites) {
    points.push_back(GEOSGeom_createPointFromXY_r(h, s.x, s.y));
    lo = {std::min(lo.x, s.x), std::min(lo.y, s.y)};
    hi = {std::max(hi.x, s.x), std::max(hi.y, s.y)};
  }
  const GeomPtr multipoint =
      geos.own(GEOSGeom_createCollection_r(h, GEOS_MULTIPOINT, points.data(),
                                           static_cast<unsigned int>(points.size())),
               "createCollection(multipoint)");
  const GeomPtr diagram =
      geos.own(GEOSVoronoiDiagram_r(h, multipoint.get(), nullptr, 0.0, 0), "VoronoiDiagram");

  CellMesh mesh;
  mesh.sites = sites;
  mesh.rings.assign(sites.size(), {});
  mesh.on_outer_boundary.assign(sites.size(), false);
  VertexWelder welder(mesh.vertices);
  const SiteBuckets buckets(sites, 0.05);

  const int cell_count = GEOSGetNumGeometries_r(h, diagram.get());
  if (static_cast<std::size_t>(cell_count) != sites.size()) {
    throw std::runtime_error("Voronoi diagram has a different number of cells than seeds");
  }
  // The diagram is clipped to the seeds' envelope expanded by GEOS; cells reaching that frame
  // are marked so the province never uses them.
  const double margin = 1e-6;
  for (int i = 0; i < cell_count; ++i) {
    const GEOSGeometry* cell = GEOSGetGeometryN_r(h, diagram.get(), i);
    std::vector<Point> ring = geos.vertices(GEOSGetExteriorRing_r(h, cell));
    ring.pop_back();  // GEOS repeats the first point
    if (signed_area(ring) < 0.0) std::reverse(ring.begin(), ring.end());
    const int site = buckets.site_inside(ring);
    std::vector<int>& ids = mesh.rings[static_cast<std::size_t>(site)];
    if (!ids.empty()) throw std::runtime_error("two Voronoi cells claim one seed");
    for (const Point& p : ring) {
      ids.push_back(welder.id_of(p));
      if (p.x < lo.x - margin || p.x > hi.x + margin || p.y < lo.y - margin ||
          p.y > hi.y + margin) {
        mesh.on_outer_boundary[static_cast<std::size_t>(site)] = true;
      }
    }
    remove_repeats(ids);
  }

  collapse_short_edges(mesh, collapse_length_deg);

  std::map<EdgeKey, std::vector<int>> cells_of_edge;
  for (std::size_t c = 0; c < mesh.rings.size(); ++c) {
    const std::vector<int>& ring = mesh.rings[c];
    for (std::size_t i = 0; i < ring.size(); ++i) {
      cells_of_edge[edge_key(ring[i], ring[(i + 1) % ring.size()])].push_back(static_cast<int>(c));
    }
  }
  mesh.neighbours.assign(sites.size(), {});
  for (const auto& [key, cells] : cells_of_edge) {
    if (cells.size() > 2) throw std::runtime_error("a Voronoi edge is shared by three cells");
    if (cells.size() == 2) {
      mesh.neighbours[static_cast<std::size_t>(cells[0])].push_back(cells[1]);
      mesh.neighbours[static_cast<std::size_t>(cells[1])].push_back(cells[0]);
    }
  }
  for (std::vector<int>& list : mesh.neighbours) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return mesh;
}

}  // namespace chipao::demogen
