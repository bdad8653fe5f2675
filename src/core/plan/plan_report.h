// The figures of a project's plan, computed once and shown by every export and the printed
// plan sheet: each zone tallied against the project's unit layer (core/plan/tally.h), the
// figures planners read (target poor, households, deprived per dimension), the zone's
// interventions, the coverage of its deprived per dimension, and the plan's totals and
// budget check (core/plan/plan_totals.h).
//
// Rules: a drawn zone is tallied under the rule asked (centroid or area); a painted zone
// counts the units it names whole ("painted"). Figures are read from the columns
// core/plan/zone_figures.h chooses (as the app's tallies are): TPMAP persons except
// households; NaN where the project's tables had no such column. Coverage is households
// over households (zone_coverage()). Money in baht.
//
// Small counts: suppress_count() blanks counts from 1 to below the threshold before they are
// shown to partners; the report itself keeps the true figures.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/plan/edit.h"
#include "core/plan/plan_totals.h"
#include "core/plan/tally.h"
#include "core/plan/zone_figures.h"
#include "core/store/project_store.h"
#include "core/util/result.h"

namespace chipao {

struct ZoneReport {
  Zone zone;
  TallyRule rule = TallyRule::centroid;
  ZoneTally tally;
  double target_poor = 0;                          // persons; NaN when unknown
  double households = 0;                           // all households surveyed in the zone
  double poor_households = 0;                      // households with a poor member
  std::array<double, kDimensionCount> deprived{};  // target poor per dimension (persons)
  // Households deprived per dimension, from each dimension's single-dimension TPMAP table
  // (NaN where the project did not join it): what coverage is measured against.
  std::array<double, kDimensionCount> deprived_households{};
  // The amphoes the zone's units lie in ("9901;9902"), and the zone's target poor over theirs
  // (0..1; NaN when a total is unknown): PlanReport::amphoe_totals_source says from where.
  std::string amphoes;
  double share_of_amphoe_target_poor = 0;
  ZonePlanTotals plan;
  std::array<DimensionCoverage, kDimensionCount> coverage{};
  // Where figures of this zone came from a municipal area assigned to a tambon (TPMAP reports
  // the town, not its tambon): the stored notes of those units, e.g. "990151 (100% by area)".
  std::vector<std::string> assigned_from;
};

struct PlanReport {
  std::string unit_layer;  // the project layer zones were tallied against
  std::string unit_level;  // "tambon", "village", or empty
  TallyRule drawn_rule = TallyRule::centroid;
  std::vector<ZoneReport> zones;  // in the project's zone order
  PlanTotals totals;
  double budget_cap_baht = 0;
  std::optional<BudgetWarning> budget;
  std::vector<std::string> warnings;  // one line each, naming the zone
  // "tables": amphoe totals aggregated from the project's kept input tables (municipal areas
  // included); "units": summed over the unit layer's figures (a project without kept tables).
  std::string amphoe_totals_source;
};

// Tallies every zone of `state` against `units` (a project layer with its joined figures;
// with `units.tables` loaded (ProjectStore::load_tables), amphoe shares are measured against
// the tables' amphoe totals). drawn_rule must be centroid or area. A painted zone naming a
// unit the layer lacks keeps blank figures and a warning; nothing a project can hold makes
// this fail.
PlanReport build_plan_report(const PlanningState& state, const StoredLayer& units,
                             TallyRule drawn_rule);

// The polygons a zone covers: a drawn zone's own polygon, or the polygons of the units a
// painted zone holds (not dissolved: they share edges).
FeatureGeometry zone_footprint(const ZoneReport& zone, const StoredLayer& units);

// The project layer zones are tallied against: `requested` when given (an error lists the
// layers there are), else the polygon layer with the most joined columns.
Result<std::string> choose_unit_layer(ProjectStore& store, const std::string& requested);

// The project's small-count threshold ("suppression_threshold" setting; 3 when unset or not a
// whole number >= 0). 0 or 1 suppresses nothing.
int suppression_threshold(const PlanningState& state);

// NaN for a count from 1 to below `below` (0 < v < below); the count otherwise.
double suppress_count(double value, int below);

}  // namespace chipao
