#include "render/layer_mesh.h"

#include "core/geo/simplify.h"
#include "core/geo/triangulate.h"

namespace chipao::render {

namespace {

std::size_t level_cost(const MeshLevel& level) {
  return level.triangle_count() + level.outline_segment_count();
}

class MeshBuilder {
 public:
  explicit MeshBuilder(LayerMesh& mesh) : mesh_(mesh) {}

  // Adds the feature's full-resolution vertices (ring closing points dropped: they map to the
  // ring's first vertex) and, for point features, their point indices.
  void add_vertices(const FeatureGeometry& geometry, std::uint32_t feature) {
    vertex_of_point_.assign(geometry.points.size(), 0);
    point_first_ = static_cast<std::uint32_t>(mesh_.point_indices.size());
    if (geometry.kind == GeometryKind::polygon) {
      for (std::size_t r = 0; r < geometry.ring_count(); ++r) {
        const std::uint32_t begin = geometry.ring_begin(r);
        const std::uint32_t end = geometry.ring_ends[r];
        const std::uint32_t open = open_count(geometry, r);
        for (std::uint32_t i = begin; i < begin + open; ++i) {
          vertex_of_point_[i] = add_vertex(geometry.points[i], feature);
        }
        for (std::uint32_t i = begin + open; i < end; ++i)
          vertex_of_point_[i] = vertex_of_point_[begin];
      }
    } else if (geometry.kind == GeometryKind::point) {
      for (std::size_t i = 0; i < geometry.points.size(); ++i) {
        vertex_of_point_[i] = add_vertex(geometry.points[i], feature);
        mesh_.point_indices.push_back(vertex_of_point_[i]);
      }
    }
    point_count_ = static_cast<std::uint32_t>(mesh_.point_indices.size()) - point_first_;
  }

  // Triangles and outline edges of `geometry` (the feature itself, or a simplification whose
  // point i is the feature's point source[i]) appended to `level`.
  void add_polygons(MeshLevel& level, const FeatureGeometry& geometry,
                    std::span<const std::uint32_t> source) {
    const auto vertex = [&](std::uint32_t point) {
      return vertex_of_point_[source.empty() ? point : source[point]];
    };
    FeatureSpan span;
    span.triangle_first = static_cast<std::uint32_t>(level.triangle_indices.size());
    span.outline_first = static_cast<std::uint32_t>(level.outline_indices.size());
    span.point_first = point_first_;
    span.point_count = point_count_;
    if (geometry.kind == GeometryKind::polygon) {
      triangles_.clear();
      for (std::size_t p = 0; p < geometry.polygon_count(); ++p) {
        triangulate_polygon(geometry, p, triangles_);
      }
      for (const std::uint32_t point : triangles_) level.triangle_indices.push_back(vertex(point));
      for (std::size_t r = 0; r < geometry.ring_count(); ++r) {
        const std::uint32_t begin = geometry.ring_begin(r);
        const std::uint32_t open = open_count(geometry, r);
        if (open < 2) continue;
        for (std::uint32_t i = 0; i < open; ++i) {
          level.outline_indices.push_back(vertex(begin + i));
          level.outline_indices.push_back(vertex(begin + (i + 1) % open));
        }
      }
    }
    span.triangle_count =
        static_cast<std::uint32_t>(level.triangle_indices.size()) - span.triangle_first;
    span.outline_count =
        static_cast<std::uint32_t>(level.outline_indices.size()) - span.outline_first;
    level.features.push_back(span);
  }

 private:
  // Points of ring r without its closing repeat.
  static std::uint32_t open_count(const FeatureGeometry& geometry, std::size_t r) {
    const std::uint32_t begin = geometry.ring_begin(r);
    std::uint32_t n = geometry.ring_ends[r] - begin;
    if (n >= 2 && geometry.points[begin] == geometry.points[begin + n - 1]) --n;
    return n;
  }

  std::uint32_t add_vertex(Vec2 world, std::uint32_t feature) {
    const auto index = static_cast<std::uint32_t>(mesh_.vertex_count());
    mesh_.positions.push_back(static_cast<float>(world.x - mesh_.origin.x));
    mesh_.positions.push_back(static_cast<float>(world.y - mesh_.origin.y));
    mesh_.vertex_features.push_back(feature);
    return index;
  }

  LayerMesh& mesh_;
  std::vector<std::uint32_t> vertex_of_point_;  // scratch: feature point -> mesh vertex
  std::vector<std::uint32_t> triangles_;        // scratch
  std::uint32_t point_first_ = 0, point_count_ = 0;
};

}  // namespace

LayerMesh build_layer_mesh(std::span<const BoundaryFeature> features, const MeshOptions& options) {
  LayerMesh mesh;
  std::size_t point_total = 0;
  for (const BoundaryFeature& feature : features) {
    for (const Vec2& p : feature.geometry.points) mesh.extent.expand(p);
    point_total += feature.geometry.points.size();
  }
  if (!mesh.extent.empty()) {
    mesh.origin = {0.5 * (mesh.extent.min_x + mesh.extent.max_x),
                   0.5 * (mesh.extent.min_y + mesh.extent.max_y)};
  }
  mesh.positions.reserve(2 * point_total);
  mesh.vertex_features.reserve(point_total);

  // Candidate levels: full resolution, then one per tolerance.
  std::vector<MeshLevel> levels(1 + options.level_tolerances_deg.size());
  for (std::size_t k = 1; k < levels.size(); ++k) {
    levels[k].tolerance_deg = options.level_tolerances_deg[k - 1];
  }
  levels[0].triangle_indices.reserve(3 * point_total);
  levels[0].outline_indices.reserve(2 * point_total);
  for (MeshLevel& level : levels) level.features.reserve(features.size());

  MeshBuilder builder(mesh);
  for (std::size_t f = 0; f < features.size(); ++f) {
    const FeatureGeometry& geometry = features[f].geometry;
    builder.add_vertices(geometry, static_cast<std::uint32_t>(f));
    builder.add_polygons(levels[0], geometry, {});
    for (std::size_t k = 1; k < levels.size(); ++k) {
      if (geometry.kind != GeometryKind::polygon) {
        builder.add_polygons(levels[k], geometry, {});
        continue;
      }
      const SimplifiedGeometry simplified = simplify_polygons(geometry, levels[k].tolerance_deg);
      builder.add_polygons(levels[k], simplified.geometry, simplified.source);
    }
  }

  // A coarser level is worth its memory only when it draws clearly less.
  mesh.features = levels[0].features;
  mesh.levels.push_back(std::move(levels[0]));
  for (std::size_t k = 1; k < levels.size(); ++k) {
    const std::size_t cost = level_cost(levels[k]);
    const std::size_t finer = level_cost(mesh.levels.back());
    if (cost < finer &&
        static_cast<double>(cost) <= options.min_level_reduction * static_cast<double>(finer)) {
      mesh.levels.push_back(std::move(levels[k]));
    }
  }
  return mesh;
}

std::size_t choose_level(std::span<const double> tolerances, double degrees_per_pixel) {
  std::size_t chosen = 0;
  for (std::size_t k = 1; k < tolerances.size(); ++k) {
    if (tolerances[k] <= kLevelMaxTolerancePx * degrees_per_pixel) chosen = k;
  }
  return chosen;
}

}  // namespace chipao::render
