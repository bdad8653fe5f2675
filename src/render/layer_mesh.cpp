#include "render/layer_mesh.h"

namespace chipao::render {

namespace {

class MeshBuilder {
 public:
  explicit MeshBuilder(LayerMesh& mesh) : mesh_(mesh) {}

  std::uint32_t add_vertex(Vec2 world) {
    const auto index = static_cast<std::uint32_t>(mesh_.vertex_count());
    mesh_.positions.push_back(static_cast<float>(world.x - mesh_.origin.x));
    mesh_.positions.push_back(static_cast<float>(world.y - mesh_.origin.y));
    return index;
  }

  void add_ring(std::span<const Vec2> ring) {
    // Rings arrive closed (last point repeats the first); drop the repeat so edges and fans
    // are not doubled. An unclosed ring is closed implicitly by the same code.
    std::size_t count = ring.size();
    if (count >= 2 && ring.front() == ring.back()) --count;
    if (count < 2) return;

    const std::uint32_t first = add_vertex(ring[0]);
    for (std::size_t i = 1; i < count; ++i) add_vertex(ring[i]);
    const auto n = static_cast<std::uint32_t>(count);

    for (std::uint32_t i = 0; i < n; ++i) {
      mesh_.outline_indices.push_back(first + i);
      mesh_.outline_indices.push_back(first + (i + 1) % n);
    }
    // Fan triangles (v0, vi, vi+1); a ring of n distinct points gives n - 2 of them.
    for (std::uint32_t i = 1; i + 1 < n; ++i) {
      mesh_.fan_indices.push_back(first);
      mesh_.fan_indices.push_back(first + i);
      mesh_.fan_indices.push_back(first + i + 1);
    }
  }

  void add_feature(const FeatureGeometry& geometry) {
    FeatureSpan span;
    span.fan_first = static_cast<std::uint32_t>(mesh_.fan_indices.size());
    span.outline_first = static_cast<std::uint32_t>(mesh_.outline_indices.size());
    span.point_first = static_cast<std::uint32_t>(mesh_.point_indices.size());

    if (geometry.kind == GeometryKind::polygon) {
      // Holes need no special case: the even-odd stencil rule makes any ring inside another a
      // hole, whatever its winding, and separate polygons of a multipolygon simply add up.
      for (std::size_t r = 0; r < geometry.ring_count(); ++r) add_ring(geometry.ring(r));
    } else if (geometry.kind == GeometryKind::point) {
      for (const Vec2& p : geometry.points) mesh_.point_indices.push_back(add_vertex(p));
    }

    span.fan_count = static_cast<std::uint32_t>(mesh_.fan_indices.size()) - span.fan_first;
    span.outline_count =
        static_cast<std::uint32_t>(mesh_.outline_indices.size()) - span.outline_first;
    span.point_count = static_cast<std::uint32_t>(mesh_.point_indices.size()) - span.point_first;
    mesh_.features.push_back(span);
  }

  void add_cover_quad() {
    if (mesh_.fan_indices.empty()) return;
    // Slightly larger than the extent, so float rounding at the edges cannot leave a pixel of a
    // fan outside the cover (its stencil bit would then survive into the next layer).
    const double pad_x = 1e-6 + 1e-4 * (mesh_.extent.max_x - mesh_.extent.min_x);
    const double pad_y = 1e-6 + 1e-4 * (mesh_.extent.max_y - mesh_.extent.min_y);
    mesh_.cover_first_vertex = add_vertex({mesh_.extent.min_x - pad_x, mesh_.extent.min_y - pad_y});
    add_vertex({mesh_.extent.max_x + pad_x, mesh_.extent.min_y - pad_y});
    add_vertex({mesh_.extent.min_x - pad_x, mesh_.extent.max_y + pad_y});
    add_vertex({mesh_.extent.max_x + pad_x, mesh_.extent.max_y + pad_y});
    mesh_.has_cover = true;
  }

 private:
  LayerMesh& mesh_;
};

}  // namespace

LayerMesh build_layer_mesh(std::span<const BoundaryFeature> features) {
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
  mesh.positions.reserve(2 * point_total + 8);
  mesh.outline_indices.reserve(2 * point_total);
  mesh.fan_indices.reserve(3 * point_total);
  mesh.features.reserve(features.size());

  MeshBuilder builder(mesh);
  for (const BoundaryFeature& feature : features) builder.add_feature(feature.geometry);
  builder.add_cover_quad();
  return mesh;
}

}  // namespace chipao::render
