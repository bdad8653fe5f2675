// The measures a layer's joined tables offer, grouped as a planner looks for them: counts,
// rates, per dimension, per indicator, other. Each carries its Thai and English name (TPMAP
// columns through tpmap_labels; indicator columns numbered; a column several TPMAP tables
// share says what its table counts, so no two read alike) and the source line for the legend.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/join/join.h"

namespace chipao::app {

enum class MeasureGroup { counts, rates, dimensions, indicators, other };

struct MeasureEntry {
  std::size_t column = 0;  // index into JoinResult::columns
  std::string name;        // the column name as joined ("poor.JPT.MOFval.CNT")
  std::string label_th;
  std::string label_en;
  MeasureGroup group = MeasureGroup::other;
  bool is_rate = false;  // shown with decimals and "%"
  int indicator = 0;     // jor-por-chor indicator number, 0 when not an indicator column
};

struct MeasureCatalog {
  std::vector<MeasureEntry> entries;  // grouped in MeasureGroup order, table order within
  // The target poor column zone tallies and exports read (core/plan/zone_figures.h), which
  // the map opens on; empty when the tables have none fit for it.
  std::string target_name;

  // The entry for a column name (exact, or the name before "@table"); nullptr when absent.
  const MeasureEntry* find(const std::string& column) const;
  // The measure a map opens on: target poor persons when present, else the first count.
  const MeasureEntry* default_entry() const;
};

MeasureCatalog build_measure_catalog(const JoinResult& join);

// "TPMAP 2561" for TPMAP tables (the Buddhist year from the "61_" file prefix), else the
// table's label.
std::string measure_source_text(const std::vector<MeasureTable>& tables, const JoinResult& join,
                                const MeasureEntry& entry);

}  // namespace chipao::app
