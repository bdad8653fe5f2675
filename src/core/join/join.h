// Joining tables of figures to a boundary layer by administrative code, with a report that
// accounts for every figure: input = joined + rolled up + unmatched, per measure, checked by
// the program itself.
//
// Joined: the row's own code (at the boundary level) is a polygon. Rolled up: the figures
// went to another unit — TPMAP village suffix communities into their muban, municipal
// pseudo-tambons (tambon digits 51+) to their amphoe, or, when the user assigns a municipal
// area to tambons, into those tambons by area share. Unmatched: the code matches nothing
// (a retired or unknown code).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/admin/gazetteer.h"
#include "core/layer/boundary_layer.h"
#include "core/stats/measure_table.h"
#include "core/util/result.h"

namespace chipao {

struct MunicipalAssignment {
  std::string municipal_code;        // 6 digits, tambon part 51+
  std::vector<std::string> tambons;  // where it lies; figures split by tambon area
};

// A code renumbered between sources (a new amphoe took over tambons under new codes): rows
// whose code begins with `from` are joined as `to` followed by the rest of their code. Both
// codes have the same number of digits (2, 4, 6 or 8).
struct CodeRecode {
  std::string from, to;
};

struct JoinOptions {
  std::vector<MunicipalAssignment> assignments;
  std::vector<CodeRecode> recodes = {};  // applied to every row before the join
  // Names the codes rows carry (for the report and renumbering); null: builtin_gazetteer().
  const Gazetteer* gazetteer = nullptr;
};

struct JoinedColumn {
  std::string name;  // the table's column, qualified "@<table>" when two tables share it
  std::string table;
  MeasureSpec spec;
  std::vector<double> values;  // per boundary feature; NaN: no figure
};

struct JoinReport {
  struct Unit {
    std::string code, name_th, name_en;
  };
  struct Row {
    std::string table, code;
    std::size_t line = 0;
    std::string name;  // gazetteer name of the code, or "in amphoe 5304 ..." when only a parent
  };
  struct RolledUp {
    std::string table, code, kind,
        to;  // kind: "village suffix", "municipal", "municipal (assigned)"
    bool on_map = false;
    std::vector<std::size_t> lines;
  };
  struct Fixed {
    std::string table, value, code, note;
    std::size_t line = 0;
  };
  struct Duplicate {
    std::string table, code;
    std::vector<std::size_t> lines;
  };
  struct Suggestion {
    std::string municipal_code, amphoe;
    std::vector<std::string> tambons;  // the amphoe's tambons left without figures
    std::string amphoe_name;           // from the gazetteer; empty when unknown
  };
  // A row taken under another code by a --recode.
  struct Recoded {
    std::string table, from, to;
    std::size_t line = 0;
  };
  // A unit of the layer without figures whose name (within its province) is the gazetteer
  // name of an unmatched row's code: probably the same place numbered differently. Offered as
  // `--recode table_code=layer_code`.
  struct Renumbered {
    std::string layer_code, layer_name, table_code, table_name;
  };
  struct Totals {
    std::string measure, table;
    double input = 0, joined = 0, rolled_up = 0, unmatched = 0, on_map = 0;
    bool balanced = false;
  };
  std::string level;
  std::size_t boundaries = 0;
  std::size_t matched = 0;  // boundary features that received figures
  std::vector<Unit> unmatched_boundaries;
  std::vector<Row> unmatched_rows;
  std::vector<RolledUp> rolled_up;
  std::vector<Duplicate> duplicates;
  std::vector<Fixed> fixed_codes;
  std::vector<MunicipalAssignment> assigned;
  std::vector<Suggestion> suggestions;
  std::vector<Recoded> recoded;
  std::vector<Renumbered> renumbered;
  std::vector<Totals> totals;
  std::vector<std::string> warnings;
  bool balanced = true;
};

struct JoinResult {
  std::vector<JoinedColumn> columns;
  // Per boundary feature: the municipal areas whose figures were assigned into it, e.g.
  // "350151 (62% by area)"; empty where none. Every export carries it.
  std::vector<std::string> assigned_from;
  JoinReport report;
};

Result<JoinResult> join_tables(const BoundaryLayer& boundaries,
                               const std::vector<MeasureTable>& tables,
                               const JoinOptions& options = {});

// "350151=350101" or "350151=350101+350102" (as typed after --assign).
Result<MunicipalAssignment> parse_assignment(std::string_view text);

}  // namespace chipao
