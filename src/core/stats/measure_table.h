// A table of figures keyed by administrative code, validated: every key a code of one level,
// every figure a number (or blank), no key twice with different figures. Each measure
// carries the rule by which it aggregates up the hierarchy.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/admin/admin_level.h"
#include "core/io/table_reader.h"
#include "core/util/result.h"

namespace chipao {

enum class MeasureRule {
  sum,            // counts: add
  weighted_mean,  // sum(value * weight) / sum(weight), weight another measure
  ratio,          // scale * numerator / denominator, recomputed from aggregated parts
};

struct MeasureSpec {
  std::string column;
  MeasureRule rule = MeasureRule::sum;
  std::string numerator;    // ratio
  std::string denominator;  // ratio (may live in a sibling table, e.g. the common file)
  double scale = 1;         // ratio
  std::string weight;       // weighted_mean
  bool count = true;        // a count of people or households: negative values are errors
};

struct MeasureRow {
  std::string code;    // normalised code at the table's level (villages: the 8-digit muban)
  std::string suffix;  // TPMAP village suffix ("01" the village itself, "02".. communities)
  std::size_t line = 0;
  std::vector<double> values;  // per measure; NaN where the cell was blank
};

struct MeasureTable {
  std::string path;
  AdminLevel level = AdminLevel::tambon;
  std::string key_column;
  std::string kind;  // "tpmap-mask", "tpmap-common" or "table"
  std::string mask;  // TPMAP dimension mask ("11111") for mask files, else empty
  std::vector<MeasureSpec> measures;
  std::vector<MeasureRow> rows;
  std::vector<std::string> warnings;
  struct FixedKey {
    std::size_t line;
    std::string value, code, note;
  };
  std::vector<FixedKey> fixed_codes;
  struct Duplicate {
    std::string code;
    std::vector<std::size_t> lines;
  };
  std::vector<Duplicate> duplicates;  // identical repeated rows, dropped after the first

  int measure(std::string_view column) const;
  std::string label() const;  // file stem, for qualifying column names across tables
};

// For tables that are not TPMAP exports: which column is the key and which are measures.
struct TableDescriptor {
  std::string key_column;
  std::optional<AdminLevel> level;
  std::vector<MeasureSpec> measures;  // empty: every numeric column, summed
};

struct MeasureTableOptions {
  TableReadOptions read;
  std::optional<TableDescriptor> descriptor;
};

Result<MeasureTable> load_measure_table(const std::string& path,
                                        const MeasureTableOptions& options = {});
Result<MeasureTable> measure_table_from_text(const TextTable& text,
                                             const MeasureTableOptions& options = {});
Result<TableDescriptor> read_table_descriptor(const std::string& path);

}  // namespace chipao
