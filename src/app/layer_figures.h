// The figures joined to a map layer: the tables it was given (by its descriptor or --table),
// the join of those tables to its features, and what went wrong loading them.
//
// Built on the loader thread (tables are read and joined there, never on the UI thread) and
// rebuilt when the planner assigns a municipal area to tambons in the join report panel.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/join/join.h"
#include "core/layer/boundary_layer.h"
#include "core/stats/measure_table.h"

namespace chipao::app {

struct LayerFigures {
  std::vector<MeasureTable> tables;
  JoinOptions options;              // the municipal assignments in force
  std::optional<JoinResult> join;   // unset when there are no tables or the join failed
  std::vector<std::string> errors;  // one line each: a table that did not load
  std::string join_error;           // the join's own failure (e.g. an impossible assignment)

  bool has_values() const { return join.has_value() && !join->columns.empty(); }
};

// Reads the tables and joins them. A table that does not load is reported and skipped; a
// table coarser than the layer (an amphoe table for a tambon layer) is skipped with a note,
// since figures cannot be split down without a rule.
LayerFigures load_layer_figures(const BoundaryLayer& layer, const std::vector<std::string>& paths);

// Joins again with other municipal assignments (the tables stay as they are).
void rejoin_layer_figures(const BoundaryLayer& layer, LayerFigures& figures,
                          std::vector<MunicipalAssignment> assignments);

// The table paths a layer gets: its descriptor's, then the --table paths.
std::vector<std::string> table_paths_for_layer(const std::vector<std::string>& descriptor_tables,
                                               const std::vector<std::string>& extra_tables);

}  // namespace chipao::app
