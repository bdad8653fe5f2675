#include "core/stats/registry_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <optional>

#include "core/admin/admin_code.h"
#include "core/io/table_reader.h"
#include "core/io/text_encoding.h"
#include "core/layer/boundary_layer.h"
#include "core/stats/national_id.h"
#include "core/stats/number_parse.h"

namespace fs = std::filesystem;

namespace chipao {

namespace {

constexpr std::array<std::string_view, kRegistryIssueKinds> kIssueKeys{
    "invalid_national_id", "invalid_house_id", "invalid_village_code", "unknown_village",
    "flags_disagree"};

constexpr std::uint32_t kNone = 0xFFFFFFFFu;

// A cell shown in a message: a run of nine or more digits may be a national ID or house ID
// typed into the wrong column, so such a value is masked like one.
std::string shown(std::string_view cell) {
  std::size_t run = 0;
  for (char c : cell) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    if (run >= 9) return mask_national_id(cell);
  }
  if (cell.size() > 40) {
    // Cut before a character, never inside one: a cut Thai letter is not UTF-8, and the
    // message is printed as JSON too.
    std::size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(cell[cut]) & 0xC0u) == 0x80u) --cut;
    return std::string(cell.substr(0, cut)) + "...";
  }
  return std::string(cell);
}

// A reason from a check (normalise_code, check_national_id) may quote the value it refused:
// "has a fractional part (3990161338239.0)", an ID exported from a spreadsheet as a number.
// Its runs of nine or more digits are masked like a shown cell, keeping the last three.
std::string masked_reason(std::string_view reason) {
  std::string out(reason);
  std::size_t i = 0;
  while (i < out.size()) {
    if (out[i] < '0' || out[i] > '9') {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < out.size() && out[end] >= '0' && out[end] <= '9') ++end;
    if (end - i >= 9)
      std::fill(out.begin() + static_cast<std::ptrdiff_t>(i),
                out.begin() + static_cast<std::ptrdiff_t>(end - 3), 'x');
    i = end;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A whole non-negative number: plain ASCII digits without a detour through parse_number
// (31 indicator cells a row), anything else as planners type it (Thai digits, "1,234").
enum class CountCell { number, blank, invalid };
CountCell read_count(std::string_view cell, std::uint32_t& value) {
  const std::string_view t = trim(cell);
  if (!t.empty() && t.size() <= 9 &&
      std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    value = 0;
    std::from_chars(t.data(), t.data() + t.size(), value);
    return CountCell::number;
  }
  const ParsedNumber n = parse_number(cell);
  if (n.kind == ParsedNumber::Kind::blank) return CountCell::blank;
  if (n.kind == ParsedNumber::Kind::invalid || n.value < 0 || n.value > 1e9 ||
      n.value != static_cast<double>(static_cast<std::uint32_t>(n.value)))
    return CountCell::invalid;
  value = static_cast<std::uint32_t>(n.value);
  return CountCell::number;
}

std::uint16_t tail_of(const std::string& digits) {
  std::uint16_t tail = 0;
  for (std::size_t i = digits.size() - 3; i < digits.size(); ++i)
    tail = static_cast<std::uint16_t>(tail * 10 + (digits[i] - '0'));
  return tail;
}

std::string indicator_list(DimensionMask dim) {
  std::string out;
  for (int n = 1; n <= kIndicatorCount; ++n) {
    if (indicator_dimension(n) == dim) out += (out.empty() ? "" : ", ") + std::to_string(n);
  }
  return out;
}

// Finds the end of the record that holds byte `target` (just past its '\n'), reading from
// `from`, which starts a record: a '\n' ends a record only outside quotes. Quotes are read as
// parse_csv reads them: a '"' opens a quoted cell only at the start of a cell (after a line
// end or the delimiter) and '""' inside one is a quote; elsewhere ('5" pipe') it is a letter,
// and counting it would cut a piece inside a later quoted cell. With the delimiter not known
// yet, any of the ones parse_csv detects starts a cell.
std::size_t record_end(std::string_view text, std::size_t from, std::size_t target,
                       std::optional<char> delimiter) {
  const auto separates = [&](char c) {
    return delimiter ? c == *delimiter : (c == ',' || c == ';' || c == '\t' || c == '|');
  };
  bool quoted = false;
  bool cell_start = true;
  for (std::size_t i = from; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"')
          ++i;
        else
          quoted = false;
      }
      continue;
    }
    if (c == '"' && cell_start) {
      quoted = true;
      cell_start = false;
    } else if (c == '\n') {
      if (i >= target) return i + 1;
      cell_start = true;
    } else {
      cell_start = separates(c);
    }
  }
  return text.size();
}

// A record parse_csv skips as an empty line: nothing, or only "" (one empty quoted cell),
// before its line end ("\n" or "\r\n"; a '\r' alone is a letter to parse_csv).
bool blank_record(std::string_view record) {
  if (record.ends_with("\r\n"))
    record.remove_suffix(2);
  else if (record.ends_with('\n'))
    record.remove_suffix(1);
  return record.empty() || record == "\"\"";
}

// Whether every line of `text` is a record parse_csv skips.
bool blank_records(std::string_view text) {
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::size_t n = end == std::string_view::npos ? text.size() : end + 1;
    if (!blank_record(text.substr(0, n))) return false;
    text.remove_prefix(n);
  }
  return true;
}

using ChunkFn = std::function<Result<void>(const TextTable&)>;

// Reads a CSV in pieces of about `chunk_bytes`, each parsed by parse_csv with the header in
// front, so a registry of millions of rows never sits in memory as cells all at once; the
// next piece is parsed on a second thread while the rows of the current one are checked and
// hashed. Row lines are shifted to the file's. XLSX files are read whole by read_table.
// Returns the encoding read.
Result<std::string> read_in_chunks(const RegistryDescriptor& d, const RegistryReadOptions& o,
                                   const ChunkFn& on_chunk) {
  const std::string& path = d.source;
  TableReadOptions read;
  read.encoding = d.encoding;
  read.delimiter = d.delimiter;
  read.sheet = d.sheet;
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".xlsx") {
    auto table = read_table(path, read);
    if (!table) return std::unexpected(table.error());
    if (auto ok = on_chunk(*table); !ok) return std::unexpected(ok.error());
    return table->encoding;
  }
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in)
    return fail(fmt::format("{}: cannot be opened (the \"source\" of {}); check the path", path,
                            d.path.empty() ? std::string("the registry") : d.path));
  const std::streamoff size = in.tellg();
  if (size < 0 || fs::is_directory(path))
    return fail(fmt::format("{}: is not a file that can be read (the \"source\" of {})", path,
                            d.path.empty() ? std::string("the registry") : d.path));
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size())))
    return fail(fmt::format("{}: cannot be read to the end; check the file", path));
  if (!read.encoding) {
    EncodingDetector detector;
    detector.feed(bytes);
    read.encoding = std::string(encoding_name(detector.guess().encoding));
  }
  // parse_csv drops the bytes of a UTF-8 file that are not UTF-8 before it splits records; the
  // cuts below must see the same text, or a '"' after a dropped byte would start a quoted cell
  // for parse_csv and not here, and a line of such bytes would be blank there and not here.
  if (parse_encoding(*read.encoding) == TextEncoding::utf8 && !is_valid_utf8(bytes))
    bytes = sanitise_utf8(bytes);
  const std::string_view all(bytes);
  std::size_t start = all.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::size_t header_end = record_end(all, start, start, read.delimiter);
  // parse_csv skips empty lines before the header; so must the header put in front of every
  // later piece, or each piece would lose its first row to a blank header.
  while (header_end < all.size() && blank_record(all.substr(start, header_end - start))) {
    start = header_end;
    header_end = record_end(all, start, start, read.delimiter);
  }
  const std::string_view header = all.substr(start, header_end - start);
  const auto header_lines =
      static_cast<std::size_t>(std::count(header.begin(), header.end(), '\n'));
  const std::size_t chunk = std::max<std::size_t>(o.chunk_bytes, 1);

  std::size_t pos = header_end;
  // The file line at `pos`: past the header and any blank lines before it.
  std::size_t line = 1 + static_cast<std::size_t>(std::count(
                             all.begin(), all.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
  auto advance = [&](std::size_t cut) {
    line +=
        static_cast<std::size_t>(std::count(all.begin() + static_cast<std::ptrdiff_t>(pos),
                                            all.begin() + static_cast<std::ptrdiff_t>(cut), '\n'));
    pos = cut;
  };
  // The next piece from `pos`: its end, or nothing when only empty lines are left. A piece of
  // empty lines alone is passed over (its lines counted), not taken for the end of the file:
  // rows may follow it.
  auto next_cut = [&]() -> std::optional<std::size_t> {
    while (pos < all.size()) {
      const std::size_t cut = pos + chunk >= all.size()
                                  ? all.size()
                                  : record_end(all, pos, pos + chunk, read.delimiter);
      if (!blank_records(all.substr(pos, cut - pos))) return cut;
      advance(cut);
    }
    return std::nullopt;
  };

  // The first piece holds the header and settles the delimiter for the others.
  const std::size_t first_cut = next_cut().value_or(all.size());
  auto first = parse_csv(all.substr(0, first_cut), path, read);
  if (!first) return std::unexpected(first.error());
  read.delimiter = first->delimiter;
  advance(first_cut);

  // A later piece, parsed behind the header; its lines shifted to the file's.
  auto parse_piece = [all, header, header_lines, path, read](std::size_t from, std::size_t to,
                                                             std::size_t from_line) {
    const std::string_view body = all.substr(from, to - from);
    const std::size_t shift = from_line - 1 - header_lines;
    std::string text;
    text.reserve(header.size() + body.size());
    text.append(header);
    text.append(body);
    auto table = parse_csv(text, path, read);
    if (!table) {
      // Rarely: parse again behind as many empty lines as came before the piece (parse_csv
      // skips and counts them), so that the message names the file's line.
      text.assign(shift, '\n');
      text.append(header);
      text.append(body);
      return parse_csv(text, path, read);
    }
    for (std::size_t& l : table->lines) l += shift;
    return table;
  };
  std::future<Result<TextTable>> pending;
  auto launch = [&]() {
    const auto cut = pos < all.size() ? next_cut() : std::nullopt;
    if (!cut) return false;
    pending = std::async(std::launch::async, parse_piece, pos, *cut, line);
    advance(*cut);
    return true;
  };
  bool more = launch();
  if (auto ok = on_chunk(*first); !ok) return std::unexpected(ok.error());
  first = Result<TextTable>();
  while (more) {
    Result<TextTable> table = pending.get();
    if (!table) return std::unexpected(table.error());
    if (o.progress.cancelled()) return fail(path + ": reading cancelled");
    more = launch();
    if (auto ok = on_chunk(*table); !ok) return std::unexpected(ok.error());
    o.progress.report(static_cast<double>(pos) / static_cast<double>(all.size()));
  }
  return *read.encoding;
}

struct Columns {
  int house = -1;
  int village = -1;
  int ids = -1;
  int members = -1;
  std::array<int, kDimensionCount> dims{};
  std::array<int, kIndicatorCount> inds{};
};

Result<Columns> resolve_columns(const TextTable& t, const RegistryDescriptor& d) {
  Columns c;
  auto find = [&](const std::string& name, const char* key, const char* what) -> Result<int> {
    if (name.empty()) return -1;
    const int i = t.column(name);
    if (i >= 0) return i;
    std::string list;
    // Masked like cells: a file without a header row has a household's IDs as its "columns".
    for (std::size_t k = 0; k < t.columns.size() && k < 12; ++k)
      list += (k ? ", " : "") + shown(t.columns[k]);
    if (t.columns.size() > 12) list += fmt::format(", ... ({} in all)", t.columns.size());
    return fail(fmt::format(
        "{}: line 1 (the header): no column \"{}\" ({}, {} of {}); the file's columns are: {}; "
        "fix the descriptor or the file",
        t.path, name, what, key, d.path.empty() ? std::string("the descriptor") : d.path, list));
  };
  auto take = [&](int& slot, const std::string& name, const char* key,
                  const char* what) -> Result<void> {
    auto i = find(name, key, what);
    if (!i) return std::unexpected(i.error());
    slot = *i;
    return {};
  };
  if (auto r = take(c.house, d.house_id_column, "\"columns\".\"house_id\"", "the house ID"); !r)
    return std::unexpected(r.error());
  if (auto r =
          take(c.village, d.village_column, "\"columns\".\"village_code\"", "the village code");
      !r)
    return std::unexpected(r.error());
  if (auto r =
          take(c.ids, d.national_id_column, "\"columns\".\"national_ids\"", "the national IDs");
      !r)
    return std::unexpected(r.error());
  if (auto r = take(c.members, d.members_column, "\"columns\".\"members\"", "the member count"); !r)
    return std::unexpected(r.error());
  for (std::size_t i = 0; i < c.dims.size(); ++i) {
    const std::string key =
        fmt::format("\"dimensions\".\"{}\"", dimension_key(static_cast<DimensionId>(i)));
    if (auto r = take(c.dims[i], d.dimension_columns[i], key.c_str(), "a dimension flag"); !r)
      return std::unexpected(r.error());
  }
  for (std::size_t i = 0; i < c.inds.size(); ++i) {
    const std::string key = fmt::format("\"indicators\" (indicator {})", i + 1);
    if (auto r = take(c.inds[i], d.indicator_columns[i], key.c_str(), "an indicator"); !r)
      return std::unexpected(r.error());
  }
  return c;
}

// One person row, kept until the rows of a house are gathered into its record.
struct PersonRow {
  IdKey house;
  IdKey person;
  std::uint32_t line = 0;
  std::uint32_t village = 0;
  std::uint32_t failing = 0;
  std::uint16_t tail = 0;
  DimensionMask deprived = 0;
  DimensionMask given = 0;
  bool has_house = false;
  bool has_person = false;
};

class RowReader {
 public:
  RowReader(const RegistryDescriptor& d, const IdHasher& hasher, RegistrySource& out)
      : d_(d), hasher_(hasher), out_(out) {}

  Result<void> chunk(const TextTable& t) {
    if (!columns_) {
      auto c = resolve_columns(t, d_);
      if (!c) return std::unexpected(c.error());
      columns_ = *c;
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      if (auto ok = row(t.rows[r], static_cast<std::uint32_t>(t.lines[r])); !ok)
        return std::unexpected(ok.error());
    }
    out_.rows += t.rows.size();
    return {};
  }

  // Person rows: the rows of each house ID become one record, in the order houses first
  // appear; rows without a valid house ID stay a household of their own.
  void finish() {
    if (d_.row != RegistryRowKind::person) return;
    std::vector<std::pair<IdKey, std::uint32_t>> order;
    order.reserve(persons_.size());
    for (std::uint32_t i = 0; i < persons_.size(); ++i) {
      if (persons_[i].has_house) order.emplace_back(persons_[i].house, i);
    }
    std::sort(order.begin(), order.end());
    std::vector<std::uint32_t> group(persons_.size(), kNone);
    std::uint32_t groups = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
      if (i > 0 && order[i].first != order[i - 1].first) ++groups;
      group[order[i].second] = groups;
    }
    if (!order.empty()) ++groups;
    std::vector<std::uint32_t> record_of(groups, kNone);
    std::vector<std::uint32_t> record_of_row(persons_.size());
    std::vector<RegistryRecord>& records = out_.records;
    for (std::uint32_t i = 0; i < persons_.size(); ++i) {
      const PersonRow& p = persons_[i];
      std::uint32_t rec = group[i] == kNone ? kNone : record_of[group[i]];
      if (rec == kNone) {
        rec = static_cast<std::uint32_t>(records.size());
        if (group[i] != kNone) record_of[group[i]] = rec;
        RegistryRecord r;
        r.house = p.house;
        r.house_tail = p.tail;
        r.flags = p.has_house ? RegistryRecord::kHasHouse : 0;
        r.line = p.line;
        records.push_back(r);
      }
      record_of_row[i] = rec;
      RegistryRecord& r = records[rec];
      if (r.village == 0) r.village = p.village;
      r.members += 1;
      r.deprived |= p.deprived;
      r.given |= p.given;
      r.failing_indicators |= p.failing;
      if (p.has_person) r.member_keys += 1;
    }
    std::uint32_t offset = 0;
    for (RegistryRecord& r : records) {
      r.first_member = offset;
      offset += r.member_keys;
      r.member_keys = 0;
    }
    out_.member_keys.resize(offset);
    for (std::uint32_t i = 0; i < persons_.size(); ++i) {
      if (!persons_[i].has_person) continue;
      RegistryRecord& r = records[record_of_row[i]];
      out_.member_keys[r.first_member + r.member_keys++] = persons_[i].person;
    }
    persons_.clear();
    persons_.shrink_to_fit();
  }

 private:
  void issue(RegistryIssueKind kind, std::uint32_t line, const std::string& column,
             std::string value, std::string reason) {
    out_.issues.add(
        RegistryIssue{kind, d_.source, line, column, std::move(value), std::move(reason)});
  }

  std::string_view cell(const std::vector<std::string>& row, int column) const {
    return column < 0 ? std::string_view()
                      : std::string_view(row[static_cast<std::size_t>(column)]);
  }

  // The house ID's key and tail, or nothing (reported) when it is not 11 digits.
  bool house(std::string_view raw, std::uint32_t line, IdKey& key, std::uint16_t& tail) {
    const IdCheck check = check_house_id(raw);
    if (!check.ok()) {
      issue(RegistryIssueKind::invalid_house_id, line, d_.house_id_column, mask_house_id(raw),
            masked_reason(check.problem));
      return false;
    }
    key = hasher_.key(check.digits);
    tail = tail_of(check.digits);
    return true;
  }

  std::uint32_t village(std::string_view raw, std::uint32_t line) {
    const CodeCheck check = normalise_code(raw, AdminLevel::village);
    if (!check.value) {
      issue(RegistryIssueKind::invalid_village_code, line, d_.village_column, shown(raw),
            masked_reason(check.problem));
      return 0;
    }
    std::uint32_t v = 0;
    const std::string& code = check.value->code;
    std::from_chars(code.data(), code.data() + code.size(), v);
    return v;
  }

  bool person(std::string_view raw, std::uint32_t line, IdKey& key) {
    ++out_.ids_listed;
    const IdCheck check = check_national_id(raw);
    if (!check.ok()) {
      issue(RegistryIssueKind::invalid_national_id, line, d_.national_id_column,
            mask_national_id(raw), masked_reason(check.problem));
      return false;
    }
    key = hasher_.key(check.digits);
    return true;
  }

  Result<void> flags(const std::vector<std::string>& row, std::uint32_t line,
                     DimensionMask& deprived, DimensionMask& given, std::uint32_t& failing) {
    DimensionMask own_column = 0;
    for (std::size_t i = 0; i < columns_->dims.size(); ++i) {
      const int c = columns_->dims[i];
      if (c < 0) continue;
      const auto bit = static_cast<DimensionMask>(1u << i);
      own_column |= bit;
      switch (read_flag(d_, cell(row, c))) {
        case FlagCell::yes:
          deprived |= bit;
          given |= bit;
          break;
        case FlagCell::no:
          given |= bit;
          break;
        case FlagCell::blank:
          break;
        case FlagCell::invalid:
          return fail(flag_message(line, d_.dimension_columns[i], cell(row, c)));
      }
    }
    DimensionMask by_indicator = 0;
    for (std::size_t i = 0; i < columns_->inds.size(); ++i) {
      const int c = columns_->inds[i];
      if (c < 0) continue;
      const int n = static_cast<int>(i) + 1;
      bool fails = false;
      if (d_.indicator_values == IndicatorValues::flag) {
        const FlagCell f = read_flag(d_, cell(row, c));
        if (f == FlagCell::invalid)
          return fail(flag_message(line, d_.indicator_columns[i], cell(row, c)));
        if (f == FlagCell::blank) continue;
        fails = f == FlagCell::yes;
      } else {
        std::uint32_t count = 0;
        const CountCell k = read_count(cell(row, c), count);
        if (k == CountCell::invalid)
          return fail(fmt::format(
              "{}: line {}, column {}: '{}' is not a count of members failing indicator {}; "
              "write a whole number (0 when no member fails it), or set \"indicators\".\"values\" "
              "to \"flag\" in {}",
              d_.source, line, d_.indicator_columns[i], shown(cell(row, c)), n,
              d_.path.empty() ? std::string("the descriptor") : d_.path));
        if (k == CountCell::blank) continue;
        fails = count > 0;
      }
      by_indicator |= indicator_dimension(n);
      if (fails) failing |= 1u << i;
    }
    const DimensionMask derived = dimensions_from_indicators(failing);
    // Where a dimension has its own flag and its indicators are given too, the two should
    // agree; the flag wins, and a disagreement is reported for the registry's keepers.
    const DimensionMask both = own_column & given & by_indicator;
    const DimensionMask differ = both & (deprived ^ derived);
    for (int dim = 0; dim < kDimensionCount; ++dim) {
      const auto bit = static_cast<DimensionMask>(1u << dim);
      if ((differ & bit) == 0) continue;
      const auto id = static_cast<DimensionId>(dim);
      issue(RegistryIssueKind::flags_disagree, line,
            d_.dimension_columns[static_cast<std::size_t>(dim)],
            std::string(cell(row, columns_->dims[static_cast<std::size_t>(dim)])),
            (deprived & bit) != 0
                ? fmt::format("says deprived in {}, but none of its indicators ({}) fails",
                              dimension_key(id), indicator_list(bit))
                : fmt::format("says not deprived in {}, but one of its indicators ({}) fails",
                              dimension_key(id), indicator_list(bit)));
    }
    const DimensionMask from_indicators = static_cast<DimensionMask>(~own_column) & kAllDimensions;
    deprived |= derived & from_indicators;
    given |= by_indicator & from_indicators;
    return {};
  }

  std::string flag_message(std::uint32_t line, const std::string& column, std::string_view v) {
    auto join = [](const std::vector<std::string>& values) {
      std::string out;
      for (const std::string& s : values) out += (out.empty() ? "" : ", ") + s;
      return out;
    };
    return fmt::format(
        "{}: line {}, column {}: '{}' is neither a value meaning true ({}) nor one meaning "
        "false ({}); fix the cell, or list it in \"true_values\"/\"false_values\" of {}",
        d_.source, line, column, shown(v),
        d_.true_values.empty() ? "1, Y, yes, true, ใช่" : join(d_.true_values),
        d_.true_values.empty() ? "0, N, no, false, ไม่ใช่, ไม่" : join(d_.false_values),
        d_.path.empty() ? std::string("the descriptor") : d_.path);
  }

  Result<void> row(const std::vector<std::string>& row, std::uint32_t line) {
    const Columns& c = *columns_;
    if (d_.row == RegistryRowKind::person) {
      PersonRow p;
      p.line = line;
      p.has_house = house(cell(row, c.house), line, p.house, p.tail);
      p.village = village(cell(row, c.village), line);
      p.has_person = person(cell(row, c.ids), line, p.person);
      if (auto ok = flags(row, line, p.deprived, p.given, p.failing); !ok) return ok;
      persons_.push_back(p);
      return {};
    }
    RegistryRecord r;
    r.line = line;
    if (house(cell(row, c.house), line, r.house, r.house_tail))
      r.flags |= RegistryRecord::kHasHouse;
    r.village = village(cell(row, c.village), line);
    r.first_member = static_cast<std::uint32_t>(out_.member_keys.size());
    std::uint32_t listed = 0;
    if (c.ids >= 0) {
      const std::string_view all = cell(row, c.ids);
      std::size_t from = 0;
      while (from <= all.size()) {
        std::size_t to = all.find(d_.id_separator, from);
        if (to == std::string_view::npos) to = all.size();
        const std::string_view one = trim(all.substr(from, to - from));
        if (!one.empty()) {
          ++listed;
          IdKey key;
          if (person(one, line, key)) {
            out_.member_keys.push_back(key);
            ++r.member_keys;
          }
        }
        from = to + d_.id_separator.size();
      }
    }
    r.members = listed;
    if (c.members >= 0) {
      std::uint32_t members = 0;
      const CountCell k = read_count(cell(row, c.members), members);
      if (k == CountCell::invalid)
        return fail(fmt::format(
            "{}: line {}, column {}: '{}' is not a member count; write the number of persons "
            "in the household",
            d_.source, line, d_.members_column, shown(cell(row, c.members))));
      if (k == CountCell::number) r.members = members;
    }
    if (auto ok = flags(row, line, r.deprived, r.given, r.failing_indicators); !ok) return ok;
    out_.records.push_back(r);
    return {};
  }

  const RegistryDescriptor& d_;
  const IdHasher& hasher_;
  RegistrySource& out_;
  std::optional<Columns> columns_;
  std::vector<PersonRow> persons_;
};

}  // namespace

std::string_view issue_kind_key(RegistryIssueKind kind) {
  return kIssueKeys[static_cast<std::size_t>(kind)];
}

std::string RegistryIssue::message() const {
  std::string what;
  switch (kind) {
    case RegistryIssueKind::invalid_national_id:
      what = "national ID " + value;
      break;
    case RegistryIssueKind::invalid_house_id:
      what = "house ID " + value;
      break;
    case RegistryIssueKind::invalid_village_code:
    case RegistryIssueKind::unknown_village:
      what = "village code " + value;
      break;
    case RegistryIssueKind::flags_disagree:
      what = "flag '" + value + "'";
      break;
  }
  return fmt::format("{}: line {}, column {}: {}: {}", file, line, column, what, reason);
}

void RegistryIssues::add(RegistryIssue issue) {
  std::size_t& n = counts[static_cast<std::size_t>(issue.kind)];
  if (n < limit) listed.push_back(std::move(issue));
  ++n;
}

Result<RegistrySource> read_registry(const RegistryDescriptor& descriptor, const IdHasher& hasher,
                                     const RegistryReadOptions& options) {
  RegistrySource out;
  out.descriptor = descriptor;
  out.issues.limit = options.issue_limit;
  RowReader reader(descriptor, hasher, out);
  auto encoding =
      read_in_chunks(descriptor, options, [&](const TextTable& t) { return reader.chunk(t); });
  if (!encoding) return std::unexpected(encoding.error());
  reader.finish();
  out.encoding = *encoding;
  if (out.records.size() >= kNone)
    return fail(descriptor.source + ": more households than ChiPao counts (4 billion)");
  return out;
}

Result<void> KnownAreas::add_layer(const BoundaryLayer& layer) {
  if (!layer.source.level)
    return fail(fmt::format(
        "{}: the level of this boundary layer is unknown, so its codes cannot check village "
        "codes; pass a layer descriptor that names its level and code field",
        layer.source.path));
  for (const BoundaryFeature& f : layer.features) {
    if (!f.code.empty()) add(*layer.source.level, f.code);
  }
  return {};
}

void KnownAreas::add(AdminLevel level, std::string_view code) {
  std::uint32_t v = 0;
  const auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), v);
  if (ec != std::errc() || end != code.data() + code.size()) return;
  codes_[static_cast<std::size_t>(level)].push_back(v);
  sorted_ = false;
}

void KnownAreas::sort() const {
  if (sorted_) return;
  for (auto& c : codes_) {
    std::sort(c.begin(), c.end());
    c.erase(std::unique(c.begin(), c.end()), c.end());
  }
  sorted_ = true;
}

bool KnownAreas::empty() const {
  return std::all_of(codes_.begin(), codes_.end(), [](const auto& c) { return c.empty(); });
}

bool KnownAreas::has_level(AdminLevel level) const {
  return !codes_[static_cast<std::size_t>(level)].empty();
}

bool KnownAreas::knows(AdminLevel level, std::uint32_t code) const {
  if (empty()) return false;
  sort();
  for (int l = static_cast<int>(AdminLevel::province); l <= static_cast<int>(AdminLevel::village);
       ++l) {
    const auto& c = codes_[static_cast<std::size_t>(l)];
    if (c.empty()) continue;
    const int want = static_cast<int>(level);
    if (l <= want) {
      // This layer is as coarse or coarser: it must have the unit containing `code`.
      std::uint32_t ancestor = code;
      for (int k = want; k > l; --k) ancestor /= 100;
      if (!std::binary_search(c.begin(), c.end(), ancestor)) return false;
    } else {
      // A finer layer: some unit of it must lie inside `code`.
      std::uint32_t first = code;
      std::uint32_t span = 1;
      for (int k = want; k < l; ++k) {
        first *= 100;
        span *= 100;
      }
      const auto it = std::lower_bound(c.begin(), c.end(), first);
      if (it == c.end() || *it >= first + span) return false;
    }
  }
  return true;
}

void check_villages(RegistrySource& source, const KnownAreas& known) {
  if (known.empty()) return;
  for (RegistryRecord& r : source.records) {
    if (r.village == 0 || known.knows_village(r.village)) continue;
    r.flags |= RegistryRecord::kVillageUnknown;
    source.issues.add(RegistryIssue{
        RegistryIssueKind::unknown_village, source.descriptor.source, r.line,
        source.descriptor.village_column, fmt::format("{:08d}", r.village),
        "in no boundary layer given; check the village (หมู่) number against the village list"});
  }
}

}  // namespace chipao
