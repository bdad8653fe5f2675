#include "core/stats/measure_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/admin/admin_code.h"
#include "core/stats/number_parse.h"
#include "core/stats/tpmap_schema.h"

namespace chipao {

int MeasureTable::measure(std::string_view column) const {
  for (std::size_t i = 0; i < measures.size(); ++i) {
    if (measures[i].column == column) return static_cast<int>(i);
  }
  return -1;
}

std::string MeasureTable::label() const {
  return std::filesystem::path(path).stem().string();
}

namespace {

constexpr double kBlank = std::numeric_limits<double>::quiet_NaN();

std::string list_columns(const TextTable& t) {
  std::string s;
  for (std::size_t i = 0; i < t.columns.size() && i < 12; ++i) s += (i ? ", " : "") + t.columns[i];
  if (t.columns.size() > 12) s += ", ...";
  return s;
}

Result<int> find_key_column(const TextTable& text, const MeasureTableOptions& options,
                            AdminLevel& level, bool& tpmap) {
  if (options.descriptor) {
    const int idx = text.column(options.descriptor->key_column);
    if (idx < 0) {
      return fail(fmt::format("{}: key column '{}' (descriptor) is missing; the columns are: {}",
                              text.path, options.descriptor->key_column, list_columns(text)));
    }
    tpmap = false;
    return idx;
  }
  for (std::size_t i = 0; i < text.columns.size(); ++i) {
    // The finest TPMAP key wins: mask files also carry province_ID.
    if (auto l = tpmap_key_level(text.columns[i]); l && *l != AdminLevel::province) {
      level = *l;
      tpmap = true;
      return static_cast<int>(i);
    }
  }
  if (const int p = text.column("province_ID"); p >= 0) {
    level = AdminLevel::province;
    tpmap = true;
    return p;
  }
  std::string hint;
  if (text.columns.size() == 1 && text.columns[0].find_first_of(",;\t|") != std::string::npos) {
    hint = fmt::format(
        " The header reads as one column '{}': the file may use another delimiter "
        "than the {} detected; pass --delimiter.",
        text.columns[0].substr(0, 60), text.delimiter == ',' ? "comma" : "one");
  }
  return fail(
      fmt::format("{}: no key column: a TPMAP table keys its rows by province_ID, amphur_ID, "
                  "tumbol_ID or village_ID; for another table name the key in a table "
                  "descriptor. The columns are: {}.{}",
                  text.path, list_columns(text), hint));
}

struct KeyCheck {
  std::string code, suffix, note;
  std::optional<AdminLevel> other_level;  // the key is a valid code of another level
  std::string problem;
};

KeyCheck check_key(std::string_view raw, AdminLevel level) {
  KeyCheck k;
  if (level == AdminLevel::village) {
    std::string digits;
    for (char c : raw) {
      if (c != ' ' && c != '"') digits.push_back(c);
    }
    if (digits.size() == 10) {
      const CodeCheck c = normalise_code(digits.substr(0, 8), AdminLevel::village);
      if (c.value) {
        k.code = c.value->code;
        k.suffix = digits.substr(8);
        return k;
      }
      k.problem = c.problem;
      return k;
    }
  }
  const CodeCheck c = normalise_code(raw, level);
  if (c.value) {
    k.code = c.value->code;
    k.note = c.value->fix_note;
    return k;
  }
  for (AdminLevel other :
       {AdminLevel::province, AdminLevel::amphoe, AdminLevel::tambon, AdminLevel::village}) {
    if (other != level && normalise_code(raw, other).value) k.other_level = other;
  }
  k.problem = c.problem;
  return k;
}

// A column of a table without descriptor is a measure when its first rows are all numbers
// or blanks; a bad cell further down is then reported, not skipped.
bool looks_numeric(const TextTable& text, std::size_t column) {
  bool any_number = false;
  for (std::size_t r = 0; r < text.rows.size() && r < 50; ++r) {
    const ParsedNumber n = parse_number(text.rows[r][column]);
    if (n.kind == ParsedNumber::Kind::invalid) return false;
    any_number = any_number || n.kind == ParsedNumber::Kind::number;
  }
  return any_number;
}

std::vector<MeasureSpec> measures_for(const TextTable& text, int key, bool tpmap,
                                      const MeasureTableOptions& options,
                                      std::vector<int>& columns) {
  std::vector<MeasureSpec> specs;
  if (options.descriptor && !options.descriptor->measures.empty()) {
    for (const MeasureSpec& m : options.descriptor->measures) {
      specs.push_back(m);
      columns.push_back(text.column(m.column));
    }
    return specs;
  }
  for (std::size_t i = 0; i < text.columns.size(); ++i) {
    if (static_cast<int>(i) == key) continue;
    if (tpmap && is_tpmap_id_column(text.columns[i])) continue;
    if (!tpmap && !looks_numeric(text, i)) continue;  // names and notes are not measures
    MeasureSpec spec;
    spec.column = text.columns[i];
    specs.push_back(tpmap ? tpmap_measure(text.columns[i]) : spec);
    columns.push_back(static_cast<int>(i));
  }
  return specs;
}

}  // namespace

Result<MeasureTable> measure_table_from_text(const TextTable& text,
                                             const MeasureTableOptions& options) {
  MeasureTable table;
  table.path = text.path;
  AdminLevel level = AdminLevel::tambon;
  bool tpmap = false;
  auto key = find_key_column(text, options, level, tpmap);
  if (!key) return std::unexpected(key.error());
  table.key_column = text.columns[static_cast<std::size_t>(*key)];
  if (options.descriptor && options.descriptor->level) level = *options.descriptor->level;
  const bool level_known = tpmap || (options.descriptor && options.descriptor->level);
  if (!level_known) {
    // The first key that is a code of some level decides.
    for (const auto& row : text.rows) {
      const std::string& raw = row[static_cast<std::size_t>(*key)];
      bool found = false;
      for (AdminLevel l :
           {AdminLevel::province, AdminLevel::amphoe, AdminLevel::tambon, AdminLevel::village}) {
        if (normalise_code(raw, l).value) {
          level = l;
          found = true;
          break;
        }
      }
      if (found) break;
    }
  }
  table.level = level;
  if (tpmap) {
    const bool common = text.column("HOUSEMEMBER_CNT") >= 0;
    table.kind = common ? "tpmap-common" : "tpmap-mask";
    if (!common) {
      table.mask = tpmap_mask_from_filename(text.path);
      if (table.mask.empty()) table.mask = "11111";
    }
  } else {
    table.kind = "table";
  }
  std::vector<int> columns;
  table.measures = measures_for(text, *key, tpmap, options, columns);
  for (std::size_t m = 0; m < table.measures.size(); ++m) {
    if (columns[m] < 0) {
      return fail(
          fmt::format("{}: measure column '{}' (descriptor) is missing; the columns are: {}",
                      text.path, table.measures[m].column, list_columns(text)));
    }
  }

  std::unordered_map<std::string, std::size_t> seen;  // code+suffix -> row index
  for (std::size_t r = 0; r < text.rows.size(); ++r) {
    const auto& cells = text.rows[r];
    const std::size_t line = text.lines[r];
    const std::string& raw = cells[static_cast<std::size_t>(*key)];
    KeyCheck k = check_key(raw, level);
    if (k.code.empty()) {
      if (k.other_level) {
        return fail(fmt::format(
            "{}: line {}, column {}: '{}' is a {} code in a {} table (mixed levels); "
            "put each level in its own file",
            text.path, line, table.key_column, raw, level_name(*k.other_level), level_name(level)));
      }
      return fail(fmt::format(
          "{}: line {}, column {}: '{}' is not a {} code ({}); correct the row or remove it",
          text.path, line, table.key_column, raw, level_name(level), k.problem));
    }
    if (!k.note.empty()) table.fixed_codes.push_back({line, raw, k.code, k.note});
    MeasureRow row;
    row.code = k.code;
    row.suffix = k.suffix;
    row.line = line;
    row.values.resize(table.measures.size(), kBlank);
    for (std::size_t m = 0; m < table.measures.size(); ++m) {
      const std::string& cell = cells[static_cast<std::size_t>(columns[m])];
      const ParsedNumber n = parse_number(cell);
      if (n.kind == ParsedNumber::Kind::invalid) {
        return fail(fmt::format(
            "{}: line {}, column {}: '{}' is not a number; correct the cell (blank, '-' "
            "or NA mean no figure)",
            text.path, line, table.measures[m].column, cell.substr(0, 40)));
      }
      if (n.kind == ParsedNumber::Kind::number) {
        if (table.measures[m].count && n.value < 0) {
          return fail(fmt::format(
              "{}: line {}, column {}: {} is negative, but a count cannot be; correct the "
              "cell",
              text.path, line, table.measures[m].column, cell));
        }
        row.values[m] = n.value;
      }
    }
    const std::string full_key = row.code + row.suffix;
    if (const auto it = seen.find(full_key); it != seen.end()) {
      const MeasureRow& first = table.rows[it->second];
      for (std::size_t m = 0; m < table.measures.size(); ++m) {
        const double a = first.values[m], b = row.values[m];
        const bool same = (std::isnan(a) && std::isnan(b)) || a == b;
        if (!same) {
          return fail(fmt::format(
              "{}: lines {} and {} both have key {} with different figures (column {}: {} "
              "vs {}); keep one row per {}",
              text.path, first.line, line, raw, table.measures[m].column,
              std::isnan(a) ? "blank" : fmt::format("{}", a),
              std::isnan(b) ? "blank" : fmt::format("{}", b), level_name(level)));
        }
      }
      auto dup = std::find_if(table.duplicates.begin(), table.duplicates.end(),
                              [&](const MeasureTable::Duplicate& d) { return d.code == full_key; });
      if (dup == table.duplicates.end()) {
        table.duplicates.push_back({full_key, {first.line, line}});
      } else {
        dup->lines.push_back(line);
      }
      continue;
    }
    seen.emplace(full_key, table.rows.size());
    table.rows.push_back(std::move(row));
  }
  if (!table.duplicates.empty()) {
    table.warnings.push_back(
        fmt::format("{}: {} key(s) appear on more than one line with the same figures "
                    "(first: {} on lines {} and {}); the repeats were dropped",
                    text.path, table.duplicates.size(), table.duplicates[0].code,
                    table.duplicates[0].lines[0], table.duplicates[0].lines[1]));
  }
  return table;
}

Result<MeasureTable> load_measure_table(const std::string& path,
                                        const MeasureTableOptions& options) {
  auto text = read_table(path, options.read);
  if (!text) return std::unexpected(text.error());
  return measure_table_from_text(*text, options);
}

Result<TableDescriptor> read_table_descriptor(const std::string& path) {
  std::ifstream in(path);
  if (!in) return fail(path + ": table descriptor cannot be opened; check the path");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in, nullptr, true, true);
  } catch (const nlohmann::json::parse_error& e) {
    return fail(fmt::format("{}: not valid JSON (byte {}); fix the descriptor", path, e.byte));
  }
  TableDescriptor d;
  if (!j.contains("key") || !j["key"].is_string())
    return fail(path + ": \"key\" (the key column's name) is missing");
  d.key_column = j["key"].get<std::string>();
  if (j.contains("level") && j["level"].is_string()) {
    d.level = parse_level(j["level"].get<std::string>());
    if (!d.level) return fail(path + ": \"level\" must be province, amphoe, tambon or village");
  }
  if (j.contains("measures") && j["measures"].is_array()) {
    for (const auto& m : j["measures"]) {
      MeasureSpec spec;
      if (m.is_string()) {
        spec.column = m.get<std::string>();
      } else if (m.is_object() && m.contains("column")) {
        spec.column = m["column"].get<std::string>();
        const std::string rule = m.value("rule", "sum");
        if (rule == "ratio") {
          spec.rule = MeasureRule::ratio;
          spec.numerator = m.value("numerator", "");
          spec.denominator = m.value("denominator", "");
          spec.scale = m.value("scale", 1.0);
          spec.count = false;
        } else if (rule == "weighted_mean") {
          spec.rule = MeasureRule::weighted_mean;
          spec.weight = m.value("weight", "");
          spec.count = false;
        } else if (rule != "sum") {
          return fail(fmt::format("{}: rule '{}' of measure {} must be sum, ratio or weighted_mean",
                                  path, rule, spec.column));
        }
      } else {
        return fail(path +
                    ": each of \"measures\" is a column name or {\"column\": ..., \"rule\": ...}");
      }
      d.measures.push_back(spec);
    }
  }
  return d;
}

}  // namespace chipao
