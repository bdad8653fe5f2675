// The intervention catalogue a new project starts with: a few standard interventions per
// TPMAP dimension, each with the provincial or district agency that usually delivers it and
// a plausible cost per household in baht. Planners edit, add and remove entries freely;
// these are examples to start from, not official rates.
#pragma once

#include <vector>

#include "core/plan/intervention.h"

namespace chipao {

// At least one entry per dimension; ids are unique and stable across versions.
const std::vector<CatalogueEntry>& default_catalogue();

}  // namespace chipao
