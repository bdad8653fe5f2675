#include "app/feature_pick.h"

namespace chipao::app {

namespace {

// Even-odd crossing test of one closed ring.
bool ring_crosses(std::span<const Vec2> ring, Vec2 p) {
  bool inside = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const Vec2 a = ring[i], b = ring[j];
    if ((a.y > p.y) != (b.y > p.y)) {
      const double x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
      if (p.x < x) inside = !inside;
    }
  }
  return inside;
}

bool in_box(const Bbox& box, Vec2 p) {
  return p.x >= box.min_x && p.x <= box.max_x && p.y >= box.min_y && p.y <= box.max_y;
}

}  // namespace

bool feature_contains(const BoundaryFeature& feature, Vec2 lon_lat) {
  const FeatureGeometry& g = feature.geometry;
  if (g.kind != GeometryKind::polygon || !in_box(feature.bbox, lon_lat)) return false;
  // Over all rings of all polygons at once: rings of one multipolygon do not overlap, so the
  // parity over every ring is inside-ness (holes flip it back).
  bool inside = false;
  for (std::size_t r = 0; r < g.ring_count(); ++r) {
    const auto ring = g.ring(r);
    if (ring.size() >= 3 && ring_crosses(ring, lon_lat)) inside = !inside;
  }
  return inside;
}

std::optional<std::size_t> pick_feature(const BoundaryLayer& layer, Vec2 lon_lat,
                                        const std::vector<bool>* eligible) {
  for (std::size_t i = layer.features.size(); i-- > 0;) {
    if (eligible && (i >= eligible->size() || !(*eligible)[i])) continue;
    if (feature_contains(layer.features[i], lon_lat)) return i;
  }
  return std::nullopt;
}

std::vector<std::size_t> children_by_code(const BoundaryLayer& layer,
                                          const std::string& parent_code) {
  std::vector<std::size_t> children;
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    const std::string& code = layer.features[i].code;
    if (code.size() > parent_code.size() && code.starts_with(parent_code)) children.push_back(i);
  }
  return children;
}

std::optional<std::size_t> find_by_code(const BoundaryLayer& layer, const std::string& code) {
  for (std::size_t i = 0; i < layer.features.size(); ++i)
    if (layer.features[i].code == code) return i;
  return std::nullopt;
}

}  // namespace chipao::app
