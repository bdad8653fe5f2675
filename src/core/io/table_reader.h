// Reading tables of figures (CSV in UTF-8 with or without BOM or in TIS-620, and XLSX) into
// text cells, keeping each row's line number for messages.
//
// CSV is parsed here (RFC 4180 quoting, CRLF or LF); the delimiter is detected among
// , ; TAB | by the most consistent column count, unless given. XLSX goes through GDAL.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace chipao {

struct TextTable {
  std::string path;
  std::vector<std::string> columns;            // header, UTF-8
  std::vector<std::vector<std::string>> rows;  // cells, UTF-8, one per column
  std::vector<std::size_t> lines;              // 1-based line (CSV) or sheet row of each row
  std::string encoding;                        // "UTF-8", "CP874"
  std::string encoding_source;                 // "detected", "flag"
  char delimiter = ',';                        // CSV only

  // Index of a column by name (exact first, then ignoring case), or -1.
  int column(std::string_view name) const;
};

struct TableReadOptions {
  std::optional<std::string> encoding;  // "UTF-8", "CP874"
  std::optional<char> delimiter;
  std::optional<std::string> sheet;  // XLSX sheet name; the first sheet by default
};

Result<TextTable> read_table(const std::string& path, const TableReadOptions& options = {});

// Parses CSV text already in memory (used by read_table and by the fuzz target).
Result<TextTable> parse_csv(std::string_view bytes, const std::string& path_for_messages,
                            const TableReadOptions& options = {});

}  // namespace chipao
