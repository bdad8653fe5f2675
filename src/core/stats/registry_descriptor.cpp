#include "core/stats/registry_descriptor.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using nlohmann::json;

namespace chipao {

namespace {

const std::vector<std::string> kDefaultTrue = {"1", "y", "yes", "true", "ใช่"};
const std::vector<std::string> kDefaultFalse = {"0", "n", "no", "false", "ไม่ใช่", "ไม่"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// ASCII letters compared without case (Thai has none); no locale lookup per cell.
bool same_ignoring_case(std::string_view a, std::string_view b) {
  const auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return fold(x) == fold(y); });
}

bool listed(const std::vector<std::string>& values, std::string_view cell) {
  return std::any_of(values.begin(), values.end(),
                     [&](const std::string& v) { return same_ignoring_case(v, cell); });
}

// Reads the descriptor's JSON members one by one, each error naming the descriptor and key.
class Reader {
 public:
  Reader(const json& j, const std::string& path) : j_(j), path_(path) {}

  Result<std::string> text(const json& obj, const std::string& key, const std::string& where) {
    if (!obj.contains(key) || obj[key].is_null()) return std::string();
    if (!obj[key].is_string())
      return fail(fmt::format("{}: {}\"{}\" must be a string", path_, where, key));
    return obj[key].get<std::string>();
  }

  Result<std::vector<std::string>> texts(const std::string& key) {
    std::vector<std::string> out;
    if (!j_.contains(key) || j_[key].is_null()) return out;
    if (!j_[key].is_array())
      return fail(
          fmt::format("{}: \"{}\" must be a list of strings, e.g. [\"1\", \"Y\"]", path_, key));
    for (const json& v : j_[key]) {
      if (!v.is_string())
        return fail(fmt::format("{}: \"{}\" must list strings (write \"1\", not 1)", path_, key));
      out.push_back(std::string(trim(v.get<std::string>())));
    }
    return out;
  }

  // Unknown keys are most often typos ("colums"); saying so beats ignoring them silently.
  Result<void> only_keys(const json& obj, const std::set<std::string>& known,
                         const std::string& where) {
    for (const auto& [key, value] : obj.items()) {
      if (!known.contains(key)) {
        std::string list;
        for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
        return fail(
            fmt::format("{}: {}unknown key \"{}\"; the keys are: {}", path_, where, key, list));
      }
    }
    return {};
  }

 private:
  const json& j_;
  const std::string& path_;
};

Result<void> read_indicators(const json& ind, const std::string& path, RegistryDescriptor& d) {
  if (!ind.is_object())
    return fail(fmt::format(
        "{}: \"indicators\" must be an object like {{\"columns\": \"ind{{n}}\", \"values\": "
        "\"count\"}}",
        path));
  for (const auto& [key, value] : ind.items()) {
    if (key != "columns" && key != "values")
      return fail(fmt::format(
          "{}: \"indicators\": unknown key \"{}\"; the keys are: columns, values", path, key));
  }
  if (ind.contains("values")) {
    const json& v = ind["values"];
    if (v == "count") {
      d.indicator_values = IndicatorValues::count;
    } else if (v == "flag") {
      d.indicator_values = IndicatorValues::flag;
    } else {
      return fail(fmt::format(
          "{}: \"indicators\".\"values\" must be \"count\" (members failing) or \"flag\"", path));
    }
  }
  if (!ind.contains("columns"))
    return fail(fmt::format(
        "{}: \"indicators\".\"columns\" is missing: a pattern like \"ind{{n}}\" or an object "
        "{{\"1\": \"ind1\", ...}}",
        path));
  const json& cols = ind["columns"];
  if (cols.is_string()) {
    const std::string pattern = cols.get<std::string>();
    const std::size_t at = pattern.find("{n}");
    if (at == std::string::npos)
      return fail(fmt::format(
          "{}: \"indicators\".\"columns\" pattern \"{}\" has no {{n}} for the indicator number",
          path, pattern));
    for (int n = 1; n <= kIndicatorCount; ++n) {
      std::string name = pattern;
      name.replace(at, 3, std::to_string(n));
      d.indicator_columns[static_cast<std::size_t>(n - 1)] = name;
    }
  } else if (cols.is_object()) {
    for (const auto& [key, value] : cols.items()) {
      int n = 0;
      std::istringstream in(key);
      if (!(in >> n) || !in.eof() || n < 1 || n > kIndicatorCount)
        return fail(fmt::format(
            "{}: \"indicators\".\"columns\": \"{}\" is not an indicator number 1..31", path, key));
      if (!value.is_string())
        return fail(
            fmt::format("{}: \"indicators\".\"columns\".\"{}\" must be a column name", path, key));
      d.indicator_columns[static_cast<std::size_t>(n - 1)] = value.get<std::string>();
    }
  } else {
    return fail(fmt::format(
        "{}: \"indicators\".\"columns\" must be a pattern like \"ind{{n}}\" or an object", path));
  }
  return {};
}

}  // namespace

std::string RegistryDescriptor::label() const {
  const std::string file = fs::path(source).filename().string();
  return name.empty() ? file : fmt::format("{} ({})", name, file);
}

FlagCell read_flag(const RegistryDescriptor& d, std::string_view cell) {
  cell = trim(cell);
  if (cell.empty()) return FlagCell::blank;
  const bool defaults = d.true_values.empty();
  if (listed(defaults ? kDefaultTrue : d.true_values, cell)) return FlagCell::yes;
  if (defaults) return listed(kDefaultFalse, cell) ? FlagCell::no : FlagCell::invalid;
  if (d.false_values.empty()) return FlagCell::no;
  return listed(d.false_values, cell) ? FlagCell::no : FlagCell::invalid;
}

Result<RegistryDescriptor> parse_registry_descriptor(std::string_view json_text,
                                                     const std::string& path) {
  json j;
  try {
    j = json::parse(json_text, nullptr, true, /*ignore_comments=*/true);
  } catch (const json::parse_error& e) {
    return fail(
        fmt::format("{}: not valid JSON (byte {}): fix the registry descriptor", path, e.byte));
  } catch (const json::exception&) {
    // The parser throws out_of_range, not parse_error, for a number past a double (1e999).
    return fail(path +
                ": not valid JSON (a number too large to read): fix the registry descriptor");
  }
  if (!j.is_object()) return fail(path + ": a registry descriptor must be a JSON object");
  Reader r(j, path);
  if (auto ok = r.only_keys(j,
                            {"name", "title_th", "title_en", "source", "encoding", "delimiter",
                             "sheet", "row", "columns", "id_separator", "dimensions", "indicators",
                             "true_values", "false_values", "comment"},
                            "");
      !ok)
    return std::unexpected(ok.error());

  RegistryDescriptor d;
  d.path = path;
  std::string source, encoding, delimiter, sheet, row, separator;
  for (auto [key, slot] : {std::pair{"name", &d.name}, std::pair{"title_th", &d.title_th},
                           std::pair{"title_en", &d.title_en}, std::pair{"source", &source},
                           std::pair{"encoding", &encoding}, std::pair{"delimiter", &delimiter},
                           std::pair{"sheet", &sheet}, std::pair{"row", &row},
                           std::pair{"id_separator", &separator}}) {
    auto v = r.text(j, key, "");
    if (!v) return std::unexpected(v.error());
    *slot = std::move(*v);
  }
  if (source.empty())
    return fail(path +
                ": \"source\" is missing: name the registry file, relative to the descriptor");
  const fs::path base = fs::path(path).parent_path();
  d.source = fs::path(source).is_absolute() ? source : (base / source).lexically_normal().string();
  if (d.name.empty()) d.name = fs::path(path).stem().string();
  if (!encoding.empty()) d.encoding = encoding;
  if (!sheet.empty()) d.sheet = sheet;
  if (!delimiter.empty()) {
    if (delimiter == "\\t" || delimiter == "tab") delimiter = "\t";
    if (delimiter.size() != 1)
      return fail(
          fmt::format("{}: \"delimiter\" must be one character (\",\", \";\", \"\\t\")", path));
    d.delimiter = delimiter[0];
  }
  if (row.empty() || row == "household") {
    d.row = RegistryRowKind::household;
  } else if (row == "person") {
    d.row = RegistryRowKind::person;
  } else {
    return fail(
        fmt::format("{}: \"row\": \"{}\" must be \"household\" (one row per household) "
                    "or \"person\" (one row per person)",
                    path, row));
  }
  if (!separator.empty()) d.id_separator = separator;

  if (!j.contains("columns") || !j["columns"].is_object())
    return fail(path +
                ": \"columns\" is missing: an object naming the house_id, village_code and "
                "national_ids columns");
  const json& cols = j["columns"];
  if (auto ok =
          r.only_keys(cols, {"house_id", "village_code", "national_ids", "national_id", "members"},
                      "\"columns\": ");
      !ok)
    return std::unexpected(ok.error());
  for (auto [key, slot] :
       {std::pair{"house_id", &d.house_id_column}, std::pair{"village_code", &d.village_column},
        std::pair{"national_ids", &d.national_id_column},
        std::pair{"national_id", &d.national_id_column}, std::pair{"members", &d.members_column}}) {
    auto v = r.text(cols, key, "\"columns\": ");
    if (!v) return std::unexpected(v.error());
    if (!v->empty()) *slot = std::move(*v);
  }
  if (d.house_id_column.empty())
    return fail(path +
                ": \"columns\".\"house_id\" is missing: name the column of the 11-digit house ID");
  if (d.village_column.empty())
    return fail(path +
                ": \"columns\".\"village_code\" is missing: name the column of the 8-digit "
                "village (muban) code");
  if (d.row == RegistryRowKind::person && d.national_id_column.empty())
    return fail(path +
                ": \"columns\".\"national_id\" is missing: a registry of one row per person "
                "needs the column of the 13-digit national ID");
  if (d.row == RegistryRowKind::person && !d.members_column.empty())
    return fail(path +
                ": \"columns\".\"members\" applies to one row per household; with one row per "
                "person the rows of a house are its members: remove it");

  if (j.contains("dimensions") && !j["dimensions"].is_null()) {
    const json& dims = j["dimensions"];
    if (!dims.is_object())
      return fail(path + ": \"dimensions\" must be an object like {\"health\": \"dim_health\"}");
    for (const auto& [key, value] : dims.items()) {
      const auto dim = parse_dimension_key(key);
      if (!dim)
        return fail(fmt::format(
            "{}: \"dimensions\": \"{}\" is not a dimension; use health, living, education, "
            "income, access",
            path, key));
      if (!value.is_string())
        return fail(fmt::format("{}: \"dimensions\".\"{}\" must be a column name", path, key));
      d.dimension_columns[static_cast<std::size_t>(*dim)] = value.get<std::string>();
    }
  }
  if (j.contains("indicators") && !j["indicators"].is_null()) {
    if (auto ok = read_indicators(j["indicators"], path, d); !ok)
      return std::unexpected(ok.error());
  }
  const bool any_dimension = std::any_of(d.dimension_columns.begin(), d.dimension_columns.end(),
                                         [](const std::string& c) { return !c.empty(); });
  const bool any_indicator = std::any_of(d.indicator_columns.begin(), d.indicator_columns.end(),
                                         [](const std::string& c) { return !c.empty(); });
  if (!any_dimension && !any_indicator)
    return fail(path +
                ": neither \"dimensions\" nor \"indicators\" is given: name the columns of the "
                "deprivation flags");

  auto t = r.texts("true_values");
  if (!t) return std::unexpected(t.error());
  auto f = r.texts("false_values");
  if (!f) return std::unexpected(f.error());
  if (t->empty() && !f->empty())
    return fail(path + ": \"false_values\" without \"true_values\": list the values meaning true");
  d.true_values = std::move(*t);
  d.false_values = std::move(*f);
  return d;
}

Result<RegistryDescriptor> read_registry_descriptor(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(path + ": registry descriptor cannot be opened; check the path");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_registry_descriptor(text.str(), path);
}

}  // namespace chipao
