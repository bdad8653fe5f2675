#include "core/join/join_report_json.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace chipao {

namespace {

// Ordered: a report reads in the order the join made it (matched before unmatched, ...).
using nlohmann::ordered_json;

}  // namespace

std::string join_report_to_json(const JoinReport& r, int indent) {
  ordered_json j;
  j["level"] = r.level;
  j["boundaries"] = r.boundaries;
  j["matched"] = r.matched;
  ordered_json units = ordered_json::array();
  for (const auto& u : r.unmatched_boundaries)
    units.push_back({{"code", u.code}, {"name_th", u.name_th}, {"name_en", u.name_en}});
  j["unmatched_boundaries"] = units;
  ordered_json rows = ordered_json::array();
  for (const auto& u : r.unmatched_rows)
    rows.push_back({{"table", u.table}, {"code", u.code}, {"row", u.line}, {"name", u.name}});
  j["unmatched_rows"] = rows;
  ordered_json rolled = ordered_json::array();
  for (const auto& u : r.rolled_up) {
    rolled.push_back({{"table", u.table},
                      {"code", u.code},
                      {"kind", u.kind},
                      {"to", u.to},
                      {"on_map", u.on_map},
                      {"rows", u.lines}});
  }
  j["rolled_up"] = rolled;
  ordered_json duplicates = ordered_json::array();
  for (const auto& d : r.duplicates)
    duplicates.push_back({{"table", d.table}, {"code", d.code}, {"rows", d.lines}});
  j["duplicates"] = duplicates;
  ordered_json fixed = ordered_json::array();
  for (const auto& f : r.fixed_codes) {
    fixed.push_back({{"table", f.table},
                     {"row", f.line},
                     {"value", f.value},
                     {"code", f.code},
                     {"note", f.note}});
  }
  j["fixed_codes"] = fixed;
  ordered_json assigned = ordered_json::array();
  for (const auto& a : r.assigned)
    assigned.push_back({{"municipal", a.municipal_code}, {"tambons", a.tambons}});
  j["assigned"] = assigned;
  ordered_json suggestions = ordered_json::array();
  for (const auto& s : r.suggestions) {
    suggestions.push_back({{"municipal", s.municipal_code},
                           {"amphoe", s.amphoe},
                           {"amphoe_name", s.amphoe_name},
                           {"suggested_tambons", s.tambons}});
  }
  j["municipal_suggestions"] = suggestions;
  ordered_json recoded = ordered_json::array();
  for (const auto& c : r.recoded)
    recoded.push_back({{"table", c.table}, {"row", c.line}, {"from", c.from}, {"to", c.to}});
  j["recoded"] = recoded;
  ordered_json renumbered = ordered_json::array();
  for (const auto& n : r.renumbered) {
    renumbered.push_back({{"layer_code", n.layer_code},
                          {"layer_name", n.layer_name},
                          {"table_code", n.table_code},
                          {"table_name", n.table_name},
                          {"recode", n.table_code + "=" + n.layer_code}});
  }
  j["renumbered"] = renumbered;
  // Keyed by measure (names are unique: shared names carry "@table").
  ordered_json totals = ordered_json::object();
  for (const auto& t : r.totals) {
    totals[t.measure] = {{"table", t.table},         {"input", t.input},
                         {"joined", t.joined},       {"rolled_up", t.rolled_up},
                         {"unmatched", t.unmatched}, {"on_map", t.on_map},
                         {"balanced", t.balanced}};
  }
  j["totals"] = totals;
  j["balanced"] = r.balanced;
  j["warnings"] = r.warnings;
  return j.dump(indent);
}

Result<JoinReport> join_report_from_json(std::string_view text) {
  JoinReport r;
  try {
    const ordered_json j = ordered_json::parse(text);
    if (!j.is_object()) return fail("a stored join report is not a JSON object");
    if (j.empty()) return r;
    r.level = j.value("level", "");
    r.boundaries = j.value("boundaries", std::size_t{0});
    r.matched = j.value("matched", std::size_t{0});
    for (const auto& u : j.value("unmatched_boundaries", ordered_json::array()))
      r.unmatched_boundaries.push_back(
          {u.value("code", ""), u.value("name_th", ""), u.value("name_en", "")});
    for (const auto& u : j.value("unmatched_rows", ordered_json::array()))
      r.unmatched_rows.push_back({u.value("table", ""), u.value("code", ""),
                                  u.value("row", std::size_t{0}), u.value("name", "")});
    for (const auto& u : j.value("rolled_up", ordered_json::array())) {
      r.rolled_up.push_back({u.value("table", ""), u.value("code", ""), u.value("kind", ""),
                             u.value("to", ""), u.value("on_map", false),
                             u.value("rows", std::vector<std::size_t>{})});
    }
    for (const auto& d : j.value("duplicates", ordered_json::array()))
      r.duplicates.push_back(
          {d.value("table", ""), d.value("code", ""), d.value("rows", std::vector<std::size_t>{})});
    for (const auto& f : j.value("fixed_codes", ordered_json::array())) {
      r.fixed_codes.push_back({f.value("table", ""), f.value("value", ""), f.value("code", ""),
                               f.value("note", ""), f.value("row", std::size_t{0})});
    }
    for (const auto& a : j.value("assigned", ordered_json::array()))
      r.assigned.push_back(
          {a.value("municipal", ""), a.value("tambons", std::vector<std::string>{})});
    for (const auto& s : j.value("municipal_suggestions", ordered_json::array())) {
      r.suggestions.push_back({s.value("municipal", ""), s.value("amphoe", ""),
                               s.value("suggested_tambons", std::vector<std::string>{}),
                               s.value("amphoe_name", "")});
    }
    for (const auto& c : j.value("recoded", ordered_json::array()))
      r.recoded.push_back({c.value("table", ""), c.value("from", ""), c.value("to", ""),
                           c.value("row", std::size_t{0})});
    for (const auto& n : j.value("renumbered", ordered_json::array()))
      r.renumbered.push_back({n.value("layer_code", ""), n.value("layer_name", ""),
                              n.value("table_code", ""), n.value("table_name", "")});
    // Named: items() of a temporary would dangle inside the loop.
    const ordered_json all_totals = j.value("totals", ordered_json::object());
    for (const auto& [measure, t] : all_totals.items()) {
      JoinReport::Totals totals;
      totals.measure = measure;
      totals.table = t.value("table", "");
      totals.input = t.value("input", 0.0);
      totals.joined = t.value("joined", 0.0);
      totals.rolled_up = t.value("rolled_up", 0.0);
      totals.unmatched = t.value("unmatched", 0.0);
      totals.on_map = t.value("on_map", 0.0);
      totals.balanced = t.value("balanced", false);
      r.totals.push_back(std::move(totals));
    }
    r.balanced = j.value("balanced", true);
    r.warnings = j.value("warnings", std::vector<std::string>{});
  } catch (const ordered_json::exception& e) {
    return fail(fmt::format("a stored join report is not valid ({}); the project may be damaged",
                            e.what()));
  }
  return r;
}

}  // namespace chipao
