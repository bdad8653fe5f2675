#include "core/join/recode.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/admin/admin_code.h"

namespace chipao {

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// Names compared as people write them: spaces, hyphens and case do not matter, nor a level
// prefix some layers keep ("อำเภอเวียงเก่า", "ต.ในเมือง").
std::string name_key(std::string_view name) {
  for (std::string_view prefix : {"อำเภอ", "ตำบล", "จังหวัด", "อ.", "ต."}) {
    if (name.starts_with(prefix)) {
      name.remove_prefix(prefix.size());
      break;
    }
  }
  std::string out;
  for (const char c : name) {
    if (c == ' ' || c == '-' || c == '\'') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string display_name(std::string_view th, std::string_view en) {
  if (th.empty()) return std::string(en);
  return en.empty() ? std::string(th) : fmt::format("{} ({})", th, en);
}

}  // namespace

Result<CodeRecode> parse_recode(std::string_view text) {
  const auto eq = text.find('=');
  const std::string_view from = text.substr(0, eq);
  const std::string_view to = eq == std::string_view::npos ? "" : text.substr(eq + 1);
  const auto level = level_from_digits(from.size());
  if (!all_digits(from) || !all_digits(to) || from.size() != to.size() || !level) {
    return fail(fmt::format(
        "--recode {}: write OLD=NEW, two codes with the same number of digits (2, 4, 6 or 8), "
        "e.g. 4029=4026",
        text));
  }
  for (const std::string_view code : {from, to}) {
    if (const CodeCheck c = normalise_code(code, *level); !c.value)
      return fail(fmt::format("--recode {}: '{}' is not a {} code ({})", text, code,
                              level_name(*level), c.problem));
  }
  if (from == to) return fail(fmt::format("--recode {}: OLD and NEW are the same code", text));
  return CodeRecode{std::string(from), std::string(to)};
}

std::string recode_text(const CodeRecode& r) {
  return r.from + "=" + r.to;
}

std::string recodes_to_json(const std::vector<CodeRecode>& recodes) {
  nlohmann::json j = nlohmann::json::array();
  for (const CodeRecode& r : recodes) j.push_back(recode_text(r));
  return j.dump();
}

Result<std::vector<CodeRecode>> recodes_from_json(std::string_view json_text) {
  std::vector<CodeRecode> out;
  if (json_text.empty()) return out;
  const nlohmann::json j = nlohmann::json::parse(json_text, nullptr, false);
  if (!j.is_array())
    return fail(
        "project setting recodes: not a JSON array of \"OLD=NEW\" texts; the project "
        "may be damaged");
  for (const auto& item : j) {
    if (!item.is_string())
      return fail("project setting recodes: every item must be a text \"OLD=NEW\"");
    auto r = parse_recode(item.get<std::string>());
    if (!r) return fail("project setting recodes: " + r.error().message);
    out.push_back(*r);
  }
  return out;
}

Result<void> apply_recodes(std::vector<MeasureTable>& tables,
                           const std::vector<CodeRecode>& recodes) {
  for (MeasureTable& t : tables) {
    std::unordered_map<std::string, std::size_t> line_of;  // key -> line, before recoding
    for (const MeasureRow& r : t.rows) line_of.emplace(r.code + r.suffix, r.line);
    for (MeasureRow& r : t.rows) {
      for (const CodeRecode& c : recodes) {
        if (!r.code.starts_with(c.from)) continue;
        const std::string code = c.to + r.code.substr(c.from.size());
        if (const auto it = line_of.find(code + r.suffix); it != line_of.end()) {
          return fail(fmt::format(
              "--recode {}: {} row {} would become {}, which row {} already has; recode only "
              "codes that the boundaries lack",
              recode_text(c), t.path, r.line, code + r.suffix, it->second));
        }
        t.fixed_codes.push_back({r.line, r.code + r.suffix, code + r.suffix,
                                 std::string(kRecodedNote) + recode_text(c)});
        r.code = code;
        break;  // one recode per row: a chain A=B, B=C would be surprising
      }
    }
  }
  return {};
}

std::vector<JoinReport::Renumbered> find_renumbered(const JoinReport& report, AdminLevel level,
                                                    const Gazetteer& gazetteer) {
  struct Side {
    std::vector<std::pair<std::string, std::string>> units;  // code, display name
  };
  // (province, name key) -> units on each side; a pair is offered only when both are unique.
  std::map<std::pair<std::string, std::string>, std::pair<Side, Side>> by_name;
  for (const auto& u : report.unmatched_boundaries) {
    const std::string province = ancestor_code(u.code, AdminLevel::province);
    if (province.empty()) continue;
    for (const std::string& key : {name_key(u.name_th), "en:" + name_key(u.name_en)}) {
      if (key.empty() || key == "en:") continue;
      by_name[{province, key}].first.units.emplace_back(u.code, display_name(u.name_th, u.name_en));
    }
  }
  std::vector<std::string> row_codes;
  for (const auto& r : report.unmatched_rows) row_codes.push_back(ancestor_code(r.code, level));
  std::sort(row_codes.begin(), row_codes.end());
  row_codes.erase(std::unique(row_codes.begin(), row_codes.end()), row_codes.end());
  for (const std::string& code : row_codes) {
    const GazetteerEntry* e = gazetteer.find(code);
    if (!e) continue;
    const std::string province = ancestor_code(code, AdminLevel::province);
    for (const std::string& key : {name_key(e->name_th), "en:" + name_key(e->name_en)}) {
      if (key.empty() || key == "en:") continue;
      by_name[{province, key}].second.units.emplace_back(code,
                                                         display_name(e->name_th, e->name_en));
    }
  }
  std::map<std::string, JoinReport::Renumbered> found;  // by layer code: Thai and English agree
  for (const auto& [key, sides] : by_name) {
    const auto& [layer_side, table_side] = sides;
    if (layer_side.units.size() != 1 || table_side.units.size() != 1) continue;
    const auto& [layer_code, layer_name] = layer_side.units.front();
    const auto& [table_code, table_name] = table_side.units.front();
    found.emplace(layer_code,
                  JoinReport::Renumbered{layer_code, layer_name, table_code, table_name});
  }
  std::vector<JoinReport::Renumbered> out;
  for (auto& [code, r] : found) out.push_back(std::move(r));
  return out;
}

}  // namespace chipao
