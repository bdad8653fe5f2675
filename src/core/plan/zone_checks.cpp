#include "core/plan/zone_checks.h"

#include <fmt/format.h>

#include <cmath>

#include "core/geo/geos_repair.h"
#include "core/geo/polygon_overlay.h"
#include "core/geo/quick_validity.h"
#include "core/geo/spatial_grid.h"

namespace chipao {

namespace {

// What GEOS and the overlay code assume of the arrays: ring and polygon ends in order and
// inside the arrays, rings of 4 or more points (3 corners and the closing one), closed, finite.
std::string structure_problem(const FeatureGeometry& g) {
  if (g.kind != GeometryKind::polygon) return "it is not a polygon";
  if (g.ring_ends.empty() || g.polygon_ends.empty()) return "it has no rings";
  if (g.ring_ends.back() != g.points.size() || g.polygon_ends.back() != g.ring_ends.size())
    return "its rings do not match its points";
  std::uint32_t first_ring = 0;
  for (std::uint32_t end : g.polygon_ends) {
    if (end <= first_ring) return "a part has no rings";
    first_ring = end;
  }
  std::uint32_t begin = 0;
  for (std::size_t r = 0; r < g.ring_ends.size(); ++r) {
    const std::uint32_t end = g.ring_ends[r];
    if (end < begin) return "its rings do not match its points";
    if (end - begin < 4)
      return fmt::format("ring {} has {} points; a ring needs 3 corners and the closing point",
                         r + 1, end - begin);
    begin = end;
  }
  for (std::size_t i = 0; i < g.points.size(); ++i) {
    if (!std::isfinite(g.points[i].x) || !std::isfinite(g.points[i].y))
      return fmt::format("point {} is not a number", i + 1);
  }
  for (std::size_t r = 0; r < g.ring_ends.size(); ++r) {
    const std::span<const Vec2> ring = g.ring(r);
    if (!(ring.front() == ring.back()))
      return fmt::format("ring {} is not closed (its last point is not its first)", r + 1);
  }
  return {};
}

std::string range_text(const Bbox& b) {
  if (b.empty()) return "nothing";
  return fmt::format("{:.3f}..{:.3f} E, {:.3f}..{:.3f} N", b.min_x, b.max_x, b.min_y, b.max_y);
}

std::string problem_with(const FeatureGeometry& polygon, const GeosRepairer& geos,
                         QuickValidityScratch& scratch) {
  if (polygon.empty()) return {};
  if (std::string p = structure_problem(polygon); !p.empty()) return p;
  if (quick_valid_polygon(polygon, scratch)) return {};
  const GeosRepairer::Verdict v = geos.check(polygon);
  return v.valid ? std::string() : v.reason;
}

}  // namespace

struct ZoneChecker::State {
  const BoundaryLayer* units = nullptr;
  std::string label;
  std::vector<std::size_t> polygon_features;  // indices of units with a polygon
  SpatialGrid grid;                           // over their bounding boxes
  Bbox extent;
  GeosRepairer geos;
  mutable QuickValidityScratch scratch;
};

ZoneChecker::ZoneChecker(const BoundaryLayer& units, std::string layer_label)
    : state_(std::make_unique<State>()) {
  state_->units = &units;
  state_->label = std::move(layer_label);
  std::vector<Bbox> boxes;
  for (std::size_t i = 0; i < units.features.size(); ++i) {
    const FeatureGeometry& g = units.features[i].geometry;
    if (g.kind != GeometryKind::polygon || g.empty()) continue;
    const Bbox b = g.bounds();
    state_->polygon_features.push_back(i);
    boxes.push_back(b);
    state_->extent.expand(b);
  }
  state_->grid = SpatialGrid::build(boxes);
}

ZoneChecker::ZoneChecker(ZoneChecker&&) noexcept = default;
ZoneChecker& ZoneChecker::operator=(ZoneChecker&&) noexcept = default;
ZoneChecker::~ZoneChecker() = default;

std::vector<ZoneWarning> ZoneChecker::check(std::string_view zone_name,
                                            const FeatureGeometry& polygon) const {
  std::vector<ZoneWarning> warnings;
  if (polygon.empty()) return warnings;
  const State& s = *state_;
  const std::string problem = problem_with(polygon, s.geos, s.scratch);
  if (!problem.empty()) {
    warnings.push_back(
        {ZoneWarningKind::invalid_polygon,
         fmt::format("zone '{}' is not a valid polygon ({}); it will tally wrongly: redraw it, or "
                     "repair the file (e.g. QGIS Fix geometries)",
                     zone_name, problem)});
  }
  // The overlap test needs rings that index inside the arrays and finite points; a polygon
  // that is only self-intersecting is still measured (its overlap may be off, not absent).
  if (!structure_problem(polygon).empty()) return warnings;
  if (s.polygon_features.empty()) {
    warnings.push_back({ZoneWarningKind::outside_units,
                        fmt::format("zone '{}' cannot be checked against layer {}: it has no "
                                    "areas; add the project's boundaries first",
                                    zone_name, s.label)});
    return warnings;
  }
  const Bbox zone_box = polygon.bounds();
  const PreparedPolygon zone(polygon, true);
  // Shared borders give an overlap of rounding noise; a real one is far above this.
  const double noise = 1e-9 * std::max(zone.area(), 1e-12);
  bool overlaps = false;
  s.grid.visit(zone_box, [&](std::uint32_t id) {
    if (overlaps) return;
    const FeatureGeometry& unit = s.units->features[s.polygon_features[id]].geometry;
    const PreparedPolygon prepared(unit, false);
    if (intersection_area(zone, prepared) > noise) {
      overlaps = true;
      return;
    }
    // The overlap of a self-intersecting ring can cancel out (a bow tie has no signed area);
    // a corner inside the unit still shows the zone is here. Only then: a corner on a shared
    // border may count as inside, and a zone that only touches must still be reported.
    if (!problem.empty()) {
      for (const Vec2& p : polygon.points) {
        if (prepared.contains(p)) {
          overlaps = true;
          return;
        }
      }
    }
  });
  if (!overlaps) {
    warnings.push_back(
        {ZoneWarningKind::outside_units,
         fmt::format("zone '{}' overlaps no unit of layer {}: its bounds are {}, the layer "
                     "covers {}; check the file's CRS or that the zones belong to this project",
                     zone_name, s.label, range_text(zone_box), range_text(s.extent))});
  }
  return warnings;
}

std::vector<ZoneWarning> check_drawn_zone(std::string_view zone_name,
                                          const FeatureGeometry& polygon,
                                          const BoundaryLayer& units,
                                          const std::string& layer_label) {
  return ZoneChecker(units, layer_label).check(zone_name, polygon);
}

std::string polygon_problem(const FeatureGeometry& polygon) {
  const GeosRepairer geos;
  QuickValidityScratch scratch;
  return problem_with(polygon, geos, scratch);
}

}  // namespace chipao
