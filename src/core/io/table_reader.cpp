#include "core/io/table_reader.h"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/io/gdal_support.h"
#include "core/io/text_encoding.h"

namespace chipao {

int TextTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) return static_cast<int>(i);
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].size() == name.size() &&
        std::equal(columns[i].begin(), columns[i].end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        })) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

namespace {

struct CsvRecord {
  std::vector<std::string> cells;
  std::size_t line = 0;
};

// Splits CSV text into records. Quoted cells may hold delimiters, quotes ("") and newlines.
Result<std::vector<CsvRecord>> split_records(std::string_view text, char delimiter,
                                             const std::string& path) {
  std::vector<CsvRecord> records;
  CsvRecord current;
  std::string cell;
  std::size_t line = 1;
  current.line = 1;
  bool in_quotes = false;
  bool cell_was_quoted = false;
  std::size_t quote_line = 0;
  auto end_cell = [&] {
    current.cells.push_back(std::move(cell));
    cell.clear();
    cell_was_quoted = false;
  };
  auto end_record = [&] {
    end_cell();
    const bool empty_line = current.cells.size() == 1 && current.cells[0].empty();
    if (!empty_line) records.push_back(std::move(current));
    current = CsvRecord{};
    current.line = line;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell.push_back('"');
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        cell.push_back(c);
      }
      continue;
    }
    if (c == '"' && cell.empty() && !cell_was_quoted) {
      in_quotes = true;
      cell_was_quoted = true;
      quote_line = line;
    } else if (c == delimiter) {
      end_cell();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;  // CRLF: the LF ends the record
    } else if (c == '\n') {
      ++line;
      end_record();
    } else {
      cell.push_back(c);
    }
  }
  if (in_quotes) {
    return fail(fmt::format("{}: line {}: a quoted cell is never closed; check for a stray '\"'",
                            path, quote_line));
  }
  if (!cell.empty() || !current.cells.empty()) end_record();
  return records;
}

// The delimiter whose header splits into more than one column and whose first rows agree
// with the header's column count most often.
char detect_delimiter(std::string_view text) {
  constexpr std::array<char, 4> candidates{',', ';', '\t', '|'};
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (lines.size() < 30 && start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  char best = ',';
  double best_score = -1;
  for (char d : candidates) {
    if (lines.empty()) break;
    const auto count = [d](std::string_view l) { return std::count(l.begin(), l.end(), d); };
    const auto header = count(lines[0]);
    if (header == 0) continue;
    int agree = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) agree += count(lines[i]) == header ? 1 : 0;
    const double score = static_cast<double>(header) + 1000.0 * agree;
    if (score > best_score) {
      best_score = score;
      best = d;
    }
  }
  return best;
}

std::string delimiter_name(char d) {
  switch (d) {
    case ',':
      return "comma";
    case ';':
      return "semicolon";
    case '\t':
      return "tab";
    case '|':
      return "bar";
    default:
      return std::string(1, d);
  }
}

Result<TextTable> read_xlsx(const std::string& path, const TableReadOptions& options) {
  gdal::ensure_registered();
  gdal::ErrorCapture errors;
  const char* open_options[] = {"HEADERS=FORCE", "FIELD_TYPES=STRING", nullptr};
  const char* drivers[] = {"XLSX", nullptr};
  GDALDatasetH h =
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, open_options, nullptr);
  if (h == nullptr) {
    return fail(
        fmt::format("{}: cannot be read as an XLSX workbook ({}); save it again from the "
                    "spreadsheet program, or export the sheet as CSV",
                    path, errors.last().empty() ? "unknown format" : errors.last()));
  }
  gdal::DatasetPtr ds(GDALDataset::FromHandle(h));
  OGRLayer* layer = options.sheet ? ds->GetLayerByName(options.sheet->c_str()) : ds->GetLayer(0);
  if (layer == nullptr) {
    std::string sheets;
    for (int i = 0; i < ds->GetLayerCount(); ++i)
      sheets += (i ? ", " : "") + std::string(ds->GetLayer(i)->GetName());
    return fail(fmt::format("{}: has no sheet '{}'; its sheets are: {}", path,
                            options.sheet.value_or(""), sheets));
  }
  TextTable table;
  table.path = path;
  table.encoding = "UTF-8";
  table.encoding_source = "detected";
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i)
    table.columns.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
  std::size_t row_number = 1;  // the header is sheet row 1
  for (auto& feature : *layer) {
    ++row_number;
    std::vector<std::string> cells(table.columns.size());
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
      if (feature->IsFieldSetAndNotNull(i))
        cells[static_cast<std::size_t>(i)] = feature->GetFieldAsString(i);
    }
    table.rows.push_back(std::move(cells));
    table.lines.push_back(row_number);
  }
  return table;
}

}  // namespace

Result<TextTable> parse_csv(std::string_view bytes, const std::string& path,
                            const TableReadOptions& options) {
  TextTable table;
  table.path = path;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::string_view probe = bytes;
  while (!probe.empty() && std::isspace(static_cast<unsigned char>(probe.front())))
    probe.remove_prefix(1);
  if (probe.empty())
    return fail(path + ": the file is empty; export the table again with its header and rows");

  std::string text;
  if (options.encoding) {
    auto parsed = parse_encoding(*options.encoding);
    if (!parsed)
      return fail(
          fmt::format("{}: encoding '{}' is not one ChiPao reads; use UTF-8 or CP874 (TIS-620)",
                      path, *options.encoding));
    table.encoding = std::string(encoding_name(*parsed));
    table.encoding_source = "flag";
    text = *parsed == TextEncoding::cp874 ? cp874_to_utf8(bytes) : sanitise_utf8(bytes);
  } else {
    EncodingDetector detector;
    detector.feed(bytes);
    const TextEncoding e = detector.guess().encoding;
    table.encoding = std::string(encoding_name(e));
    table.encoding_source = "detected";
    // The detector forgives a character cut at the very end (a DBF limit); the cells must
    // still be valid UTF-8, so anything broken is dropped here.
    text = e == TextEncoding::cp874 ? cp874_to_utf8(bytes)
                                    : (is_valid_utf8(bytes) ? std::string(bytes) : sanitise_utf8(bytes));
  }

  table.delimiter = options.delimiter.value_or(detect_delimiter(text));
  auto records = split_records(text, table.delimiter, path);
  if (!records) return std::unexpected(records.error());
  if (records->empty())
    return fail(path + ": the file is empty; export the table again with its header and rows");
  table.columns = std::move(records->front().cells);
  for (std::string& c : table.columns) {
    while (!c.empty() && std::isspace(static_cast<unsigned char>(c.back()))) c.pop_back();
  }
  if (records->size() == 1) {
    return fail(fmt::format(
        "{}: has a header but no rows of figures; export the table again with its rows", path));
  }
  for (std::size_t r = 1; r < records->size(); ++r) {
    CsvRecord& rec = (*records)[r];
    if (rec.cells.size() != table.columns.size()) {
      return fail(fmt::format(
          "{}: line {} has {} cells but the header has {} columns (read with the {} as "
          "delimiter); check the delimiter and the quoting of that line, or pass --delimiter",
          path, rec.line, rec.cells.size(), table.columns.size(), delimiter_name(table.delimiter)));
    }
    table.rows.push_back(std::move(rec.cells));
    table.lines.push_back(rec.line);
  }
  return table;
}

Result<TextTable> read_table(const std::string& path, const TableReadOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) return fail(path + ": no such file; check the path");
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".xlsx") return read_xlsx(path, options);
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(path + ": cannot be opened for reading (check its permissions)");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_csv(ss.str(), path, options);
}

}  // namespace chipao
