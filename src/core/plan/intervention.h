// Interventions: what an agency will do for the households of a zone, and the catalogue of
// standard interventions a planner picks from.
//
// Money is in Thai baht. Dates are text as the planner typed them: a Buddhist-era date
// ("1/10/2567") or year/month/day ("2024/10/01"); ChiPao does not reinterpret them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/stats/deprivation.h"

namespace chipao {

// One standard intervention: what it is, which TPMAP dimension it addresses, which agency
// delivers it, and what it costs per household.
struct CatalogueEntry {
  std::string id;  // stable key, e.g. "income-occupation-training"
  std::string name_th;
  std::string name_en;
  DimensionId dimension = DimensionId::income;
  std::string agency_th;
  std::string agency_en;
  double unit_cost_baht = 0;  // per household
  friend bool operator==(const CatalogueEntry&, const CatalogueEntry&) = default;
};

enum class InterventionStatus : std::uint8_t { planned, approved, in_progress, done };

// "planned", "approved", "in_progress", "done".
std::string_view intervention_status_key(InterventionStatus status);
std::optional<InterventionStatus> parse_intervention_status(std::string_view text);

struct Intervention {
  std::int64_t id = 0;                      // unique within a project, > 0
  std::int64_t zone_id = 0;                 // the zone it serves
  std::optional<std::string> catalogue_id;  // unset for a one-off intervention
  DimensionId dimension = DimensionId::income;
  std::int64_t households = 0;  // target households; the caller fills a default (e.g. the
                                // zone's deprived households)
  double unit_cost_baht = 0;    // per household
  std::string agency;           // UTF-8
  std::string start;            // date text, see above
  std::string end;
  InterventionStatus status = InterventionStatus::planned;

  double cost_baht() const { return static_cast<double>(households) * unit_cost_baht; }
  friend bool operator==(const Intervention&, const Intervention&) = default;
};

}  // namespace chipao
