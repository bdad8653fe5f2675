#include "core/plan/zone_figures.h"

#include <fmt/format.h>

#include <limits>

#include "core/stats/tpmap_schema.h"

namespace chipao {

namespace {

// How well a table group suits figures of the whole population of poor: 0 the all-dimensions
// TPMAP table, 1 a table without a mask, -1 a mask table of fewer dimensions (never: its
// counts leave out the people deprived only in the dimensions it does not select).
int preference(std::string_view group) {
  const auto mask = tpmap_group_mask(group);
  if (!mask) return 1;
  return *mask == kAllDimensions ? 0 : -1;
}

// The group join_tables gives a table (core/join/join.cpp names mask tables "tpmap_<mask>").
std::string table_group(const MeasureTable& t) {
  return t.kind == "tpmap-mask" ? "tpmap_" + t.mask : t.label();
}

double figure_of(const ZoneTally& tally, const std::string& name) {
  if (name.empty()) return std::numeric_limits<double>::quiet_NaN();
  const ZoneTally::Figure* f = tally.figure(name);
  return f ? f->value : std::numeric_limits<double>::quiet_NaN();
}

std::string name_of(const JoinedColumn* c) {
  return c ? c->name : std::string();
}

}  // namespace

std::string deprived_column(DimensionId d) {
  return "poor.JPT.MOFval." + std::string(tpmap_dimensions()[static_cast<std::size_t>(d)].key);
}

std::string indicator_column(int indicator) {
  return fmt::format("poor.JPT.MOFval.ind{}.CNT", indicator);
}

const JoinedColumn* planning_column(std::span<const JoinedColumn> columns, std::string_view base) {
  const JoinedColumn* best = nullptr;
  int best_rank = -1;
  for (const JoinedColumn& c : columns) {
    if (c.spec.column != base) continue;
    const int rank = preference(c.table);
    if (rank < 0) continue;
    // The first of the best kind: with two unmasked tables the first joined is what the map
    // shows too.
    if (best == nullptr || rank < best_rank) {
      best = &c;
      best_rank = rank;
    }
  }
  return best;
}

const MeasureTable* planning_table(std::span<const MeasureTable> tables, std::string_view base) {
  const MeasureTable* best = nullptr;
  int best_rank = -1;
  for (const MeasureTable& t : tables) {
    if (t.measure(base) < 0) continue;
    const int rank = preference(table_group(t));
    if (rank < 0) continue;
    if (best == nullptr || rank < best_rank) {
      best = &t;
      best_rank = rank;
    }
  }
  return best;
}

const JoinedColumn* deprived_households_column(std::span<const JoinedColumn> columns,
                                               DimensionId dimension) {
  for (const JoinedColumn& c : columns) {
    if (c.spec.column != kPoorHouseholdsColumn) continue;
    if (tpmap_group_mask(c.table) == dimension_bit(dimension)) return &c;
  }
  return nullptr;
}

ZoneFigureColumns zone_figure_columns(std::span<const JoinedColumn> columns) {
  ZoneFigureColumns out;
  out.target_poor = name_of(planning_column(columns, kTargetPoorColumn));
  out.households = name_of(planning_column(columns, kHouseholdsColumn));
  out.persons = name_of(planning_column(columns, kPersonsColumn));
  out.poor_households = name_of(planning_column(columns, kPoorHouseholdsColumn));
  out.poverty_rate = name_of(planning_column(columns, kPovertyRateColumn));
  for (int d = 0; d < kDimensionCount; ++d) {
    const auto id = static_cast<DimensionId>(d);
    const auto i = static_cast<std::size_t>(d);
    out.deprived_persons[i] = name_of(planning_column(columns, deprived_column(id)));
    out.deprived_households[i] = name_of(deprived_households_column(columns, id));
  }
  return out;
}

ZoneFigures zone_figures(const ZoneTally& tally, const ZoneFigureColumns& columns) {
  ZoneFigures f;
  f.target_poor = figure_of(tally, columns.target_poor);
  f.households = figure_of(tally, columns.households);
  f.persons = figure_of(tally, columns.persons);
  f.poor_households = figure_of(tally, columns.poor_households);
  f.poverty_rate = figure_of(tally, columns.poverty_rate);
  for (std::size_t d = 0; d < f.deprived_persons.size(); ++d) {
    f.deprived_persons[d] = figure_of(tally, columns.deprived_persons[d]);
    f.deprived_households[d] = figure_of(tally, columns.deprived_households[d]);
  }
  return f;
}

}  // namespace chipao
