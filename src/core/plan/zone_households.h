// The default number of target households for an intervention: the households of a zone
// deprived in the intervention's dimension, from the project's joined TPMAP figures.
//
// TPMAP counts households deprived in one dimension only in its mask tables: the file whose
// mask selects that dimension alone (…_00010.csv: income) has poor.household.CNT = households
// with a poor member deprived in income. The project must have joined that table; the
// all-dimension file (…_11111.csv) cannot be split by dimension. A painted zone counts its
// units whole; a drawn zone counts the units whose label point lies inside it (centroid rule).
// The column is the one the app's default and coverage read (core/plan/zone_figures.h).
#pragma once

#include <cstdint>

#include "core/plan/zone.h"
#include "core/stats/deprivation.h"
#include "core/store/project_store.h"
#include "core/util/result.h"

namespace chipao {

// Households of `zone` deprived in `dimension`, tallied over `units` (a project layer with
// joined figures, at the zone's unit level for a painted zone). Errors say what is missing
// and what to give instead.
Result<std::int64_t> zone_deprived_households(const StoredLayer& units, const Zone& zone,
                                              DimensionId dimension);

}  // namespace chipao
