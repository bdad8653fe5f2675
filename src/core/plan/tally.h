// Live zone tallies: what a zone drawn (a polygon) or painted (a list of units) holds —
// households, persons, target poor, deprived persons per dimension and indicator, the zone's
// share of its amphoe's target poor, and H/A/M0 where household data exist.
//
// Rules for a drawn zone that cuts through units (every figure states the rule that made it):
//   - centroid: a unit counts whole (weight 1) when its label point — its centroid, or a point
//     inside it where the centroid falls outside — lies in the zone;
//   - area: a unit counts by the share of its area inside the zone (0..1), exact for polygons
//     with holes (core/geo/polygon_overlay.h), on the Lambert cylindrical equal-area
//     projection of WGS 84 so shares are shares of true area.
// A painted zone counts each unit named with weight 1.
//
// Figures: sums are weighted by the unit weight; ratios are recomputed from the tallied
// numerator and denominator (never averaged); weighted means re-weighted. Areas in m2.
//
// TallyIndex is built once per unit layer (tambons, villages) and queried from any number of
// threads; zone_units() is the part that runs as the pointer moves.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/geo/geometry.h"
#include "core/geo/polygon_overlay.h"
#include "core/geo/spatial_grid.h"
#include "core/join/join.h"
#include "core/layer/boundary_layer.h"
#include "core/stats/deprivation.h"
#include "core/util/result.h"

namespace chipao {

enum class TallyRule { centroid, area, painted };
std::string_view tally_rule_name(TallyRule rule);  // "centroid", "area", "painted"
std::optional<TallyRule> parse_tally_rule(std::string_view text);

// Longitude/latitude (degrees) to the ellipsoidal Lambert cylindrical equal-area projection
// (metres), where planar areas are true areas on WGS 84.
Vec2 equal_area_xy(Vec2 lonlat);

class TallyIndex {
 public:
  struct Unit {
    std::string code;
    Vec2 label_lonlat;  // centroid, or a point inside where the centroid is outside
    Vec2 label_xy;      // the same, projected
    Bbox bbox_xy;       // projected
    double area_m2 = 0;
    FeatureGeometry geometry_xy;  // projected
  };
  // Units are the layer's features, in order (index i is feature i); features without a
  // polygon are kept (so indexes line up) but never tallied by geometry.
  static TallyIndex build(const BoundaryLayer& layer);
  static TallyIndex build(std::span<const FeatureGeometry> geometries,
                          std::span<const std::string> codes);

  std::span<const Unit> units() const { return units_; }
  const SpatialGrid& grid() const { return grid_; }
  std::optional<std::size_t> find(const std::string& code) const;

 private:
  std::vector<Unit> units_;
  SpatialGrid grid_;
  std::map<std::string, std::size_t> by_code_;
};

struct UnitWeight {
  std::size_t unit = 0;  // index into TallyIndex::units()
  double weight = 0;     // 1 for whole units; the area share (0..1] under the area rule
};

// A drawn zone (polygon or multipolygon, WGS 84 lon/lat) prepared once per edit; reusable
// against several indexes (villages and tambons).
class PreparedZone {
 public:
  explicit PreparedZone(const FeatureGeometry& zone_lonlat);
  const PreparedPolygon& polygon_xy() const { return polygon_; }
  double area_m2() const { return polygon_.area(); }

 private:
  PreparedPolygon polygon_;
};

// The units a drawn zone takes under `rule` (centroid or area), sorted by unit index; units
// with weight 0 are left out.
std::vector<UnitWeight> zone_units(const TallyIndex& index, const PreparedZone& zone,
                                   TallyRule rule);
// Units of a painted zone by code. Errors name the unknown code.
Result<std::vector<UnitWeight>> painted_units(const TallyIndex& index,
                                              std::span<const std::string> codes);

// Household tallies (core/stats/registry_households.h) per unit, added over a zone with the
// unit weights.
struct HouseholdFigures {
  double households = 0, persons = 0;
  std::array<double, kDimensionCount> deprived_persons{};
  double poor_persons = 0;  // Alkire-Foster poor (q)
  AlkireFoster af;
};

// The figures tallies are made of, per unit of one index: joined columns (join_tables on the
// same layer), amphoe totals of the target poor for the share, and optional household tallies.
struct TallyFigures {
  std::vector<JoinedColumn> columns;  // values per unit
  // A table's own column name; which joined table's is planning_column()'s choice.
  std::string target_column = "poor.JPT.MOFval.CNT";
  // Amphoe code -> the amphoe's target poor from the tables (municipal areas included).
  std::map<std::string, double> amphoe_target_poor;
  std::vector<AreaTally> households;          // per unit; empty when no registry was given
  std::optional<DeprivationMeasure> measure;  // set with households

  // From join_tables() on the index's layer and the tables it joined (for amphoe totals).
  static Result<TallyFigures> from_join(const JoinResult& joined,
                                        const std::vector<MeasureTable>& tables);
};

struct ZoneTally {
  std::string name;
  TallyRule rule = TallyRule::centroid;
  struct Unit {
    std::string code;
    double weight = 1;
  };
  std::vector<Unit> units;
  struct Figure {
    std::string name;  // the column's name, e.g. "poor.JPT.MOFval.CNT"
    MeasureRule rule = MeasureRule::sum;
    double value = 0;  // NaN when no unit had a figure (or a ratio's denominator is 0)
  };
  std::vector<Figure> figures;
  struct AmphoeShare {
    std::string amphoe;
    double zone_target_poor = 0, amphoe_target_poor = 0;
    double share = 0;  // zone_target_poor / amphoe_target_poor; NaN without a total
  };
  std::vector<AmphoeShare> amphoe_shares;
  // The zone's target poor over the target poor of the amphoe it touches; NaN without totals.
  double share_of_amphoe_target_poor = 0;
  std::optional<HouseholdFigures> households;

  const Figure* figure(std::string_view name) const;
};

// The amphoe totals a zone's share is measured against (TallyFigures::amphoe_target_poor):
// from the input tables at amphoe level or finer, aggregated to amphoes (municipal areas and
// rows no boundary matched included, so the share is of the amphoe TPMAP reports); the table
// holding `target_column` is chosen as the zones' own figure is (planning_table() in
// core/plan/zone_figures.h: the all-dimensions table). A table that cannot be aggregated is
// an error.
Result<std::map<std::string, double>> amphoe_target_poor_from_tables(
    const std::vector<MeasureTable>& tables, const std::string& target_column);
// When the input tables are not at hand (a project written before they were kept): the sum
// of the units' joined target poor per amphoe (figures no unit holds are left out), from the
// column planning_column() chooses.
std::map<std::string, double> amphoe_target_poor_from_units(
    const BoundaryLayer& units, const std::vector<JoinedColumn>& columns,
    const std::string& target_column);

ZoneTally tally_zone(const TallyIndex& index, const TallyFigures& figures,
                     std::span<const UnitWeight> units, TallyRule rule, std::string name);

}  // namespace chipao
