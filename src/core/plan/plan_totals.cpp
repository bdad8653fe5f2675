#include "core/plan/plan_totals.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "core/util/number_format.h"

namespace chipao {

namespace {

// Baht as planners write them: whole baht without decimals, satang only when there are any.
std::string baht_text(double baht) {
  const bool whole = std::abs(baht - std::round(baht)) < 0.005;
  return format_thousands(baht, whole ? 0 : 2);
}

}  // namespace

void PlanAmount::add(const Intervention& i) {
  ++interventions;
  households += i.households;
  cost_baht += i.cost_baht();
}

PlanTotals plan_totals(const Plan& plan, std::span<const Zone> zones) {
  PlanTotals t;
  std::map<std::int64_t, std::size_t> slot;
  for (const Zone& z : zones) {
    slot.emplace(z.id, t.zones.size());
    t.zones.push_back({z.id, z.name, {}, {}});
  }
  for (const Intervention& i : plan.interventions) {
    auto it = slot.find(i.zone_id);
    if (it == slot.end()) {
      // Deleting a zone deletes its interventions, so this is a damaged or hand-edited
      // project; its money still counts, under the zone id it names.
      it = slot.emplace(i.zone_id, t.zones.size()).first;
      t.zones.push_back({i.zone_id, std::string(), {}, {}});
    }
    const auto d = static_cast<std::size_t>(i.dimension);
    ZonePlanTotals& z = t.zones[it->second];
    z.all.add(i);
    z.by_dimension[d].add(i);
    t.all.add(i);
    t.by_agency[i.agency].add(i);
    t.by_dimension[d].add(i);
    t.by_agency_dimension[{i.agency, i.dimension}].add(i);
  }
  return t;
}

std::array<DimensionCoverage, kDimensionCount> zone_coverage(
    const ZonePlanTotals& zone, const std::array<double, kDimensionCount>& deprived_households) {
  std::array<DimensionCoverage, kDimensionCount> out{};
  for (std::size_t d = 0; d < out.size(); ++d) {
    DimensionCoverage& c = out[d];
    c.dimension = static_cast<DimensionId>(d);
    c.planned_households = static_cast<double>(zone.by_dimension[d].households);
    c.deprived_households = deprived_households[d];
    c.coverage = std::isnan(c.deprived_households) || c.deprived_households <= 0
                     ? std::numeric_limits<double>::quiet_NaN()
                     : c.planned_households / c.deprived_households;
  }
  return out;
}

std::optional<BudgetWarning> check_budget(double total_baht, double cap_baht) {
  if (!(cap_baht > 0) || total_baht <= cap_baht) return std::nullopt;
  BudgetWarning w;
  w.total_baht = total_baht;
  w.cap_baht = cap_baht;
  w.excess_baht = total_baht - cap_baht;
  w.message = fmt::format("budget exceeded by {} baht (total {} of cap {})",
                          baht_text(w.excess_baht), baht_text(total_baht), baht_text(cap_baht));
  return w;
}

}  // namespace chipao
