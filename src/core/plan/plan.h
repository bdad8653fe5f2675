// A plan: the interventions of a project and the budget they must fit in (Thai baht).
#pragma once

#include <vector>

#include "core/plan/intervention.h"

namespace chipao {

struct Plan {
  double budget_cap_baht = 0;               // 0: no cap set
  std::vector<Intervention> interventions;  // sorted by id

  double total_cost_baht() const {
    double total = 0;
    for (const Intervention& i : interventions) total += i.cost_baht();
    return total;
  }
  friend bool operator==(const Plan&, const Plan&) = default;
};

}  // namespace chipao
