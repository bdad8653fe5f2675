// Plan totals: what a plan adds up to — interventions, target households and cost in baht per
// zone, per agency, per TPMAP dimension and per agency and dimension — how much of each
// zone's deprived population the plan reaches per dimension, and whether it fits the budget.
//
// Money is in Thai baht; households are the interventions' target households (the planner's
// numbers, never tallied from data). Coverage compares them with the zone's households
// deprived in the same dimension — households over households, never over TPMAP's persons
// (core/plan/zone_figures.h says where that count comes from). Everything here is plain
// arithmetic over the plan; nothing fails.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/plan/plan.h"
#include "core/plan/zone.h"
#include "core/stats/deprivation.h"

namespace chipao {

struct PlanAmount {
  std::int64_t interventions = 0;
  std::int64_t households = 0;
  double cost_baht = 0;

  void add(const Intervention& i);
  friend bool operator==(const PlanAmount&, const PlanAmount&) = default;
};

struct ZonePlanTotals {
  std::int64_t zone_id = 0;
  std::string zone_name;  // empty when the plan names a zone the list does not hold
  PlanAmount all;
  std::array<PlanAmount, kDimensionCount> by_dimension{};  // index: DimensionId
};

struct PlanTotals {
  PlanAmount all;
  // One entry per zone given, in their order, then one per unknown zone id the plan uses.
  std::vector<ZonePlanTotals> zones;
  std::map<std::string, PlanAmount> by_agency;  // agency text as typed
  std::array<PlanAmount, kDimensionCount> by_dimension{};
  std::map<std::pair<std::string, DimensionId>, PlanAmount> by_agency_dimension;
};

PlanTotals plan_totals(const Plan& plan, std::span<const Zone> zones);

// Coverage of one dimension in one zone: target households of the zone's interventions of
// that dimension over the zone's households deprived in it (both households).
struct DimensionCoverage {
  DimensionId dimension = DimensionId::health;
  double planned_households = 0;
  double deprived_households = 0;  // NaN when the tally has no figure
  double coverage = 0;             // planned / deprived; NaN when deprived is NaN or 0
};

// How coverage is stated wherever it is shown (Thai, English).
inline constexpr const char* kCoverageRuleTh = "ครัวเรือนในแผน / ครัวเรือนที่ขาดแคลนด้านนั้น";
inline constexpr const char* kCoverageRuleEn =
    "planned households / households deprived in the dimension";

// The one coverage computation of the app, the exports and the summary. `deprived_households`
// is indexed by DimensionId (NaN where unknown: the project lacks the dimension's table).
std::array<DimensionCoverage, kDimensionCount> zone_coverage(
    const ZonePlanTotals& zone, const std::array<double, kDimensionCount>& deprived_households);

// A budget over its cap: by how much, and the sentence to show.
struct BudgetWarning {
  double total_baht = 0;
  double cap_baht = 0;
  double excess_baht = 0;
  std::string message;  // "budget exceeded by 1,250,000 baht (total 6,250,000 of cap 5,000,000)"
};

// nullopt when no cap is set (cap <= 0) or the total fits it.
std::optional<BudgetWarning> check_budget(double total_baht, double cap_baht);

}  // namespace chipao
