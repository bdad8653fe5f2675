// The planning figures of a zone — target poor, households, deprived per dimension — and the
// one rule that says which joined column each comes from. The app's tallies, its intervention
// defaults and coverage, the exports, the plan sheet and `chipao-cli plan add` all read
// through here, so they cannot pick different columns and disagree.
//
// TPMAP writes one table per dimension mask; joined side by side, their shared columns are
// named "<column>@tpmap_<mask>" (core/join/join.h). A mask table counts only the dimensions it
// selects (a person counts once when deprived in any of them), so:
//   - every figure of the whole population of poor (target poor, poor households, deprived
//     persons per dimension, the poverty rate, the per-indicator counts) comes from the
//     all-dimensions table (tpmap_11111); without it, from the first table that has no mask (a
//     table of one's own, the common file); never from a table with fewer dimensions;
//   - households deprived in one dimension are poor.household.CNT of the table whose mask
//     selects that dimension alone (tpmap_00010 for income); unknown without it.
// Figures are TPMAP persons except households; NaN where no column or no unit has a figure.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>

#include "core/join/join.h"
#include "core/plan/tally.h"
#include "core/stats/deprivation.h"

namespace chipao {

// TPMAP column names (a table's own names; joined columns may carry "@table").
inline constexpr const char* kTargetPoorColumn = "poor.JPT.MOFval.CNT";
inline constexpr const char* kHouseholdsColumn = "household.CNT";
inline constexpr const char* kPersonsColumn = "HOUSEMEMBER_CNT";
inline constexpr const char* kPoorHouseholdsColumn = "poor.household.CNT";
inline constexpr const char* kPovertyRateColumn = "JPT.MOFval.pov.rate";
// "poor.JPT.MOFval.health", ... "poor.JPT.MOFval.accessibility" (TPMAP's key for access).
std::string deprived_column(DimensionId d);
// "poor.JPT.MOFval.ind17.CNT".
std::string indicator_column(int indicator);

// The joined column (its name, as ZoneTally::Figure::name) a figure of table column `base`
// is read from under the rule above; nullptr when the project joined none.
const JoinedColumn* planning_column(std::span<const JoinedColumn> columns, std::string_view base);
// The same rule over input tables (amphoe totals): the all-dimensions TPMAP table, else the
// first without a mask; nullptr when none has `base`.
const MeasureTable* planning_table(std::span<const MeasureTable> tables, std::string_view base);

// The joined column holding households deprived in `dimension` (poor.household.CNT of its
// single-dimension mask table), or nullptr.
const JoinedColumn* deprived_households_column(std::span<const JoinedColumn> columns,
                                               DimensionId dimension);

// The columns chosen once per set of joined columns; names empty where there is none.
struct ZoneFigureColumns {
  std::string target_poor, households, persons, poor_households, poverty_rate;
  std::array<std::string, kDimensionCount> deprived_persons;
  std::array<std::string, kDimensionCount> deprived_households;
};
ZoneFigureColumns zone_figure_columns(std::span<const JoinedColumn> columns);

struct ZoneFigures {
  double target_poor = 0;                                  // persons
  double households = 0;                                   // households surveyed
  double persons = 0;                                      // persons surveyed
  double poor_households = 0;                              // households with a target poor member
  double poverty_rate = 0;                                 // 100 x target poor / persons surveyed
  std::array<double, kDimensionCount> deprived_persons{};  // target poor, per dimension
  std::array<double, kDimensionCount> deprived_households{};  // households, per dimension
};
ZoneFigures zone_figures(const ZoneTally& tally, const ZoneFigureColumns& columns);

}  // namespace chipao
