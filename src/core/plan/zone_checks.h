// Checks on a drawn zone before it joins a project (chipao-cli zones import, the app's zone
// tool): warnings, not errors. A zone that lies outside the project's units tallies nothing,
// and an invalid polygon tallies wrongly; both are usually a mistake (the wrong file, a file
// whose CRS was not understood, a careless digitisation), but the planner decides.
//
// Contract:
//   - Input: the zone's polygon as core keeps it (WGS 84 longitude/latitude; the geometry
//     load_boundaries returns, or Zone::polygon) and the project's unit layer (its tambons or
//     villages, also WGS 84).
//   - Output: zero, one or two warnings, at most one of each kind, each one line that names the
//     zone and says what to do. The caller prefixes the file (and prints "warning: ").
//   - An empty polygon (a zone drawn later) gets no warning. A unit layer with no polygons
//     gives an outside_units warning saying so (nothing to check against).
//   - Nothing is changed and nothing throws, whatever the geometry holds (NaN, unclosed or
//     short rings, ring ends past the points).
//   - Note: load_boundaries repairs invalid polygons by default (LoadOptions::repair_invalid)
//     and lists them in LoadReport::repaired; an invalid_polygon warning on a loaded zone
//     therefore comes only with repair_invalid = false. Call it with the geometry the zone will
//     store.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo/geometry.h"
#include "core/layer/boundary_layer.h"

namespace chipao {

enum class ZoneWarningKind : std::uint8_t {
  outside_units,    // overlaps no unit of the layer (touching a border is not overlapping)
  invalid_polygon,  // not a valid OGC polygon: self-intersecting ring, unclosed ring, ...
};

struct ZoneWarning {
  ZoneWarningKind kind = ZoneWarningKind::outside_units;
  // "zone 'เขต 1' overlaps no tambon of layer tambon: its bounds 101.000..101.100 E,
  //  14.000..14.100 N; the layer covers 104.1..104.9 E, 14.6..15.5 N; check the file's CRS
  //  or that the zones belong to this project"
  std::string message;
};

// Prepares the unit layer once (a grid over the units' bounding boxes) for checking many zones.
// Keeps a reference: `units` must outlive the checker. Not for use from several threads at
// once (it holds a GEOS context).
class ZoneChecker {
 public:
  // `layer_label` names the layer in messages ("tambon", the layer's name).
  ZoneChecker(const BoundaryLayer& units, std::string layer_label);
  ZoneChecker(ZoneChecker&&) noexcept;
  ZoneChecker& operator=(ZoneChecker&&) noexcept;
  ~ZoneChecker();

  // `zone_name` names the zone in messages.
  std::vector<ZoneWarning> check(std::string_view zone_name, const FeatureGeometry& polygon) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// One zone, without keeping a checker.
std::vector<ZoneWarning> check_drawn_zone(std::string_view zone_name,
                                          const FeatureGeometry& polygon,
                                          const BoundaryLayer& units,
                                          const std::string& layer_label);

// Why `polygon` is not a valid polygon, or empty when it is (an empty geometry is valid here).
// Structure first (ring ends, rings of 4 or more points, closed, finite points), then the
// quick check, then GEOS for the reason and where.
std::string polygon_problem(const FeatureGeometry& polygon);

}  // namespace chipao
