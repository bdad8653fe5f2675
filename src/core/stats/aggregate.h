// Rolling tables up the hierarchy (village -> tambon -> amphoe -> province) with each
// measure's own rule: counts add, rates are recomputed from their aggregated numerator and
// denominator, means are re-weighted. Never an average of rates.
#pragma once

#include <vector>

#include "core/stats/measure_table.h"

namespace chipao {

// Aggregates every table to `target` (its own level or coarser). Tables go in together so a
// ratio or weighted mean can take its denominator or weight from a sibling table (TPMAP's
// poverty rate divides by HOUSEMEMBER_CNT of the common file). A ratio whose parts are in no
// table is left blank and named in the result's warnings.
Result<std::vector<MeasureTable>> aggregate_tables(const std::vector<MeasureTable>& tables,
                                                   AdminLevel target);

}  // namespace chipao
