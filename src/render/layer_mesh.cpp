#include "render/layer_mesh.h"

#include <algorithm>
#include <cstring>
#include <thread>

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

// Appends to `to` a copy of the primitives of the feature last added to `from`: a level whose
// simplification kept exactly the points of the finer one needs no new triangulation.
void copy_last_feature(const MeshLevel& from, MeshLevel& to) {
  const FeatureSpan& source = from.features.back();
  FeatureSpan span = source;
  span.triangle_first = static_cast<std::uint32_t>(to.triangle_indices.size());
  span.outline_first = static_cast<std::uint32_t>(to.outline_indices.size());
  const auto triangles = from.triangle_indices.begin() + source.triangle_first;
  to.triangle_indices.insert(to.triangle_indices.end(), triangles,
                             triangles + source.triangle_count);
  const auto outlines = from.outline_indices.begin() + source.outline_first;
  to.outline_indices.insert(to.outline_indices.end(), outlines, outlines + source.outline_count);
  to.features.push_back(span);
}

// Vertices and every candidate level of features [first, last), with vertex and index numbers
// local to this range (merge_range shifts them). `mesh.origin` must be set.
void build_range(std::span<const BoundaryFeature> features, std::size_t first, std::size_t last,
                 std::span<const double> tolerances, LayerMesh& mesh) {
  std::vector<MeshLevel> levels(1 + tolerances.size());
  for (std::size_t k = 1; k < levels.size(); ++k) levels[k].tolerance_deg = tolerances[k - 1];
  for (MeshLevel& level : levels) level.features.reserve(last - first);

  MeshBuilder builder(mesh);
  std::vector<std::uint32_t> finer_source;  // the previous level's points of this feature
  for (std::size_t f = first; f < last; ++f) {
    const FeatureGeometry& geometry = features[f].geometry;
    builder.add_vertices(geometry, static_cast<std::uint32_t>(f));
    builder.add_polygons(levels[0], geometry, {});
    finer_source.clear();
    bool finer_is_full = true;
    std::vector<SimplifiedGeometry> simplifications;
    if (geometry.kind == GeometryKind::polygon) {
      simplifications = simplify_polygons_at(geometry, tolerances);
    }
    for (std::size_t k = 1; k < levels.size(); ++k) {
      if (geometry.kind != GeometryKind::polygon) {
        copy_last_feature(levels[k - 1], levels[k]);
        continue;
      }
      SimplifiedGeometry& simplified = simplifications[k - 1];
      // Douglas-Peucker keeps a subsequence of the input: the same count means the same points.
      const bool same = finer_is_full ? simplified.source.size() == geometry.points.size()
                                      : simplified.source == finer_source;
      if (same) {
        copy_last_feature(levels[k - 1], levels[k]);
      } else {
        builder.add_polygons(levels[k], simplified.geometry, simplified.source);
        finer_source = std::move(simplified.source);
        finer_is_full = false;
      }
    }
  }
  mesh.levels = std::move(levels);
}

// Appends a range built by build_range to `mesh`, shifting its vertex and index numbers.
void merge_range(LayerMesh& mesh, LayerMesh&& part) {
  const auto vertex_offset = static_cast<std::uint32_t>(mesh.vertex_count());
  const auto point_offset = static_cast<std::uint32_t>(mesh.point_indices.size());
  mesh.positions.insert(mesh.positions.end(), part.positions.begin(), part.positions.end());
  mesh.vertex_features.insert(mesh.vertex_features.end(), part.vertex_features.begin(),
                              part.vertex_features.end());
  for (const std::uint32_t v : part.point_indices) mesh.point_indices.push_back(v + vertex_offset);
  if (mesh.levels.empty()) mesh.levels.resize(part.levels.size());
  for (std::size_t k = 0; k < part.levels.size(); ++k) {
    MeshLevel& to = mesh.levels[k];
    const MeshLevel& from = part.levels[k];
    to.tolerance_deg = from.tolerance_deg;
    const auto triangle_offset = static_cast<std::uint32_t>(to.triangle_indices.size());
    const auto outline_offset = static_cast<std::uint32_t>(to.outline_indices.size());
    for (const std::uint32_t v : from.triangle_indices) {
      to.triangle_indices.push_back(v + vertex_offset);
    }
    for (const std::uint32_t v : from.outline_indices) {
      to.outline_indices.push_back(v + vertex_offset);
    }
    for (FeatureSpan span : from.features) {
      span.triangle_first += triangle_offset;
      span.outline_first += outline_offset;
      span.point_first += point_offset;
      to.features.push_back(span);
    }
  }
}

// About what each tolerance's level of features [first, last) would cost to draw, in
// triangles plus outline edges, after `full`, the cost at full resolution: a ring of n points
// has n - 2 triangles and n edges. A cheap forecast: it counts each ring's points above the
// tolerance's significance and ignores rings simplify_polygons drops for their area and the
// triangles holes add, so it errs towards keeping a level.
std::vector<std::size_t> forecast_costs(std::span<const BoundaryFeature> features,
                                        std::size_t first, std::size_t last,
                                        std::span<const double> tolerances) {
  std::vector<std::size_t> costs(1 + tolerances.size(), 0);
  const auto ring_cost = [](std::size_t n) { return n >= 3 ? 2 * n - 2 : 0; };
  for (std::size_t f = first; f < last; ++f) {
    const FeatureGeometry& geometry = features[f].geometry;
    if (geometry.kind != GeometryKind::polygon) continue;
    for (std::size_t r = 0; r < geometry.ring_count(); ++r) {
      const std::vector<double> significance = douglas_peucker_significance(geometry.ring(r));
      costs[0] += ring_cost(significance.size());
      for (std::size_t k = 0; k < tolerances.size(); ++k) {
        const double tolerance2 = tolerances[k] * tolerances[k];
        std::size_t kept = 0;
        for (const double s : significance) kept += s > tolerance2;
        costs[k + 1] += ring_cost(std::max(kept, std::min<std::size_t>(significance.size(), 3)));
      }
    }
  }
  return costs;
}

// A set of 64-bit keys (never ~0) with open addressing: a few times faster than sorting or
// std::unordered_set for the hundreds of thousands of edges of a national layer.
class KeyTable {
 public:
  explicit KeyTable(std::size_t capacity) {
    std::size_t size = 16;
    while (size < 2 * capacity) size *= 2;
    keys_.assign(size, kEmpty);
    values_.resize(size);
    mask_ = size - 1;
  }
  // The value stored under `key`, inserting `value` first when the key is new.
  std::uint32_t find_or_insert(std::uint64_t key, std::uint32_t value) {
    std::size_t slot = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & mask_;
    while (keys_[slot] != kEmpty && keys_[slot] != key) slot = (slot + 1) & mask_;
    if (keys_[slot] == kEmpty) {
      keys_[slot] = key;
      values_[slot] = value;
    }
    return values_[slot];
  }

 private:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t mask_ = 0;
};

// Per vertex, the first vertex at the same position: neighbours' shared border points are
// separate vertices (each feature has its own) with identical coordinates.
std::vector<std::uint32_t> first_vertex_at_each_position(const LayerMesh& mesh) {
  const std::size_t n = mesh.vertex_count();
  KeyTable table(n);
  std::vector<std::uint32_t> first(n);
  for (std::size_t v = 0; v < n; ++v) {
    std::uint32_t x = 0, y = 0;
    std::memcpy(&x, &mesh.positions[2 * v], sizeof x);
    std::memcpy(&y, &mesh.positions[2 * v + 1], sizeof y);
    first[v] = table.find_or_insert((std::uint64_t{x} << 32) | y, static_cast<std::uint32_t>(v));
  }
  return first;
}

// Fills level.border_indices: each feature's outline edges that no earlier feature has (an
// edge is its two end positions, either way round). Edges come in feature order, so the first
// of equal edges belongs to the earliest feature.
void build_borders(std::span<const std::uint32_t> position_of, MeshLevel& level) {
  const std::size_t edges = level.outline_indices.size() / 2;
  KeyTable seen(edges);
  std::vector<char> keep(edges, 0);
  for (std::size_t e = 0; e < edges; ++e) {
    const std::uint32_t a = position_of[level.outline_indices[2 * e]];
    const std::uint32_t b = position_of[level.outline_indices[2 * e + 1]];
    const std::uint64_t key = (std::uint64_t{std::min(a, b)} << 32) | std::max(a, b);
    keep[e] = seen.find_or_insert(key, static_cast<std::uint32_t>(e)) == e;
  }
  level.border_indices.clear();
  for (FeatureSpan& span : level.features) {
    span.border_first = static_cast<std::uint32_t>(level.border_indices.size());
    for (std::uint32_t i = span.outline_first; i < span.outline_first + span.outline_count;
         i += 2) {
      if (!keep[i / 2]) continue;
      level.border_indices.push_back(level.outline_indices[i]);
      level.border_indices.push_back(level.outline_indices[i + 1]);
    }
    span.border_count = static_cast<std::uint32_t>(level.border_indices.size()) - span.border_first;
  }
}

// Runs body(first, last) over `parts` similar feature ranges, one thread each.
template <typename Body>
void for_each_range(std::size_t features, std::size_t parts, const Body& body) {
  std::vector<std::jthread> workers;
  for (std::size_t i = 1; i < parts; ++i) {
    workers.emplace_back(
        [&body, features, parts, i] { body(i, features * i / parts, features * (i + 1) / parts); });
  }
  body(0, 0, features / parts);
}  // workers join on destruction

}  // namespace

LayerMesh build_layer_mesh(std::span<const BoundaryFeature> features, const MeshOptions& options) {
  LayerMesh mesh;
  mesh.feature_bounds.resize(features.size());
  for (std::size_t f = 0; f < features.size(); ++f) {
    for (const Vec2& p : features[f].geometry.points) mesh.feature_bounds[f].expand(p);
    mesh.extent.expand(mesh.feature_bounds[f]);
  }
  if (!mesh.extent.empty()) {
    mesh.origin = {0.5 * (mesh.extent.min_x + mesh.extent.max_x),
                   0.5 * (mesh.extent.min_y + mesh.extent.max_y)};
  }

  // Feature ranges of similar size, one per thread; small layers stay on this thread.
  constexpr std::size_t kMinFeaturesPerThread = 256;
  const unsigned cores =
      options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t parts =
      std::clamp<std::size_t>(features.size() / kMinFeaturesPerThread, 1, cores);

  // Forecast each candidate level's size and triangulate only those that will draw clearly less
  // than the level before: most of the work is ear clipping, and on an already simplified layer
  // the fine tolerances barely change anything.
  const std::span<const double> candidates_deg = options.level_tolerances_deg;
  std::vector<std::vector<std::size_t>> costs(parts);
  for_each_range(features.size(), parts, [&](std::size_t i, std::size_t first, std::size_t last) {
    costs[i] = forecast_costs(features, first, last, candidates_deg);
  });
  const auto total_cost = [&](std::size_t k) {
    std::size_t sum = 0;
    for (const auto& part : costs) sum += part[k];
    return sum;
  };
  std::vector<double> tolerances;
  std::size_t finer_cost = total_cost(0);
  for (std::size_t k = 0; k < candidates_deg.size(); ++k) {
    const std::size_t cost = total_cost(k + 1);
    if (cost < finer_cost && static_cast<double>(cost) <=
                                 options.min_level_reduction * static_cast<double>(finer_cost)) {
      tolerances.push_back(candidates_deg[k]);
      finer_cost = cost;
    }
  }

  std::vector<LayerMesh> ranges(parts);
  for_each_range(features.size(), parts, [&](std::size_t i, std::size_t first, std::size_t last) {
    ranges[i].origin = mesh.origin;
    build_range(features, first, last, tolerances, ranges[i]);
  });
  for (LayerMesh& part : ranges) merge_range(mesh, std::move(part));
  if (mesh.levels.empty()) {
    mesh.levels.resize(1 + tolerances.size());
    for (std::size_t k = 1; k < mesh.levels.size(); ++k) {
      mesh.levels[k].tolerance_deg = tolerances[k - 1];
    }
  }

  // A coarser level is worth its memory only when it draws clearly less (checked again on the
  // real counts: the forecast above ignores dropped rings and holes).
  std::vector<MeshLevel> candidates = std::move(mesh.levels);
  mesh.levels.clear();
  mesh.levels.push_back(std::move(candidates[0]));
  for (std::size_t k = 1; k < candidates.size(); ++k) {
    const std::size_t cost = level_cost(candidates[k]);
    const std::size_t finer = level_cost(mesh.levels.back());
    if (cost < finer &&
        static_cast<double>(cost) <= options.min_level_reduction * static_cast<double>(finer)) {
      mesh.levels.push_back(std::move(candidates[k]));
    }
  }
  // Shared borders once per level, the levels spread over the threads.
  {
    const std::vector<std::uint32_t> position_of = first_vertex_at_each_position(mesh);
    std::vector<std::jthread> workers;
    for (std::size_t k = 1; k < mesh.levels.size(); ++k) {
      workers.emplace_back(
          [&mesh, &position_of, k] { build_borders(position_of, mesh.levels[k]); });
    }
    build_borders(position_of, mesh.levels[0]);
  }

  mesh.features = mesh.levels[0].features;
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
