#include "core/join/join.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "core/admin/admin_code.h"
#include "core/geo/area.h"
#include "core/join/recode.h"
#include "core/stats/aggregate.h"

namespace chipao {

namespace {

// Tables with the same schema (the 76 provincial files of one TPMAP mask) join as one.
std::string signature(const MeasureTable& t) {
  std::string s = std::string(level_name(t.level)) + "|" + t.kind + "|" + t.mask;
  for (const MeasureSpec& m : t.measures) s += "|" + m.column;
  return s;
}

std::string group_label(const MeasureTable& t, std::size_t files) {
  if (t.kind == "tpmap-mask") return "tpmap_" + t.mask;
  if (t.kind == "tpmap-common") return "tpmap_common";
  return files > 1 ? t.label() + "+" : t.label();
}

struct TableGroup {
  MeasureTable merged;  // rows of all files; path lists the first file
  std::string label;
  std::vector<std::string> paths;
};

Result<std::vector<TableGroup>> merge_by_schema(const std::vector<MeasureTable>& tables) {
  std::vector<TableGroup> groups;
  std::unordered_map<std::string, std::size_t> by_signature;
  for (const MeasureTable& t : tables) {
    const std::string sig = signature(t);
    auto [it, fresh] = by_signature.emplace(sig, groups.size());
    if (fresh) {
      groups.push_back(TableGroup{t, {}, {t.path}});
      continue;
    }
    TableGroup& g = groups[it->second];
    g.paths.push_back(t.path);
    g.merged.rows.insert(g.merged.rows.end(), t.rows.begin(), t.rows.end());
  }
  for (TableGroup& g : groups) {
    g.label = group_label(g.merged, g.paths.size());
    // The same key in two files of one schema: figures counted twice unless they agree.
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < g.merged.rows.size(); ++i) {
      const MeasureRow& r = g.merged.rows[i];
      auto [it, fresh] = seen.emplace(r.code + r.suffix, i);
      if (!fresh) {
        return fail(fmt::format(
            "{} and another file of the same kind both have key {}{} (lines {} and {}); "
            "give each area's figures once",
            g.paths.front(), r.code, r.suffix, g.merged.rows[it->second].line, r.line));
      }
    }
  }
  return groups;
}

// What the report calls a row's code: its gazetteer name, or the nearest enclosing unit's
// (retired codes, municipal pseudo-tambons); empty when even the province is unknown.
std::string place_name(const Gazetteer& g, const std::string& code) {
  const GazetteerEntry* e = g.nearest(code);
  if (!e) return "";
  const std::string label = gazetteer_label(g, e->code);
  if (e->code == code) return label;
  return fmt::format("in {} {} {}", level_name(e->level), e->code, label);
}

enum class Fate { joined, suffix, municipal, assigned, unmatched };

struct Placement {
  Fate fate = Fate::unmatched;
  std::vector<std::pair<std::string, double>> targets;  // polygon code and share of the figures
};

}  // namespace

Result<MunicipalAssignment> parse_assignment(std::string_view text) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos) {
    return fail(fmt::format(
        "--assign {}: write MUNICIPAL=TAMBON or MUNICIPAL=TAMBON+TAMBON, e.g. 350151=350101",
        text));
  }
  MunicipalAssignment a;
  const CodeCheck m = normalise_code(text.substr(0, eq), AdminLevel::tambon);
  if (!m.value || !is_municipal_tambon(m.value->code)) {
    return fail(fmt::format(
        "--assign {}: '{}' is not a municipal pseudo-tambon code (6 digits, tambon part 51 or "
        "more)",
        text, text.substr(0, eq)));
  }
  a.municipal_code = m.value->code;
  std::string_view rest = text.substr(eq + 1);
  while (!rest.empty()) {
    const auto plus = rest.find('+');
    const std::string_view part = rest.substr(0, plus);
    const CodeCheck t = normalise_code(part, AdminLevel::tambon);
    if (!t.value || is_municipal_tambon(t.value->code) ||
        ancestor_code(t.value->code, AdminLevel::amphoe) !=
            ancestor_code(a.municipal_code, AdminLevel::amphoe)) {
      return fail(fmt::format("--assign {}: '{}' is not a tambon of amphoe {}", text, part,
                              ancestor_code(a.municipal_code, AdminLevel::amphoe)));
    }
    a.tambons.push_back(t.value->code);
    if (plus == std::string_view::npos) break;
    rest.remove_prefix(plus + 1);
  }
  if (a.tambons.empty())
    return fail(fmt::format("--assign {}: name at least one tambon after '='", text));
  return a;
}

Result<JoinResult> join_tables(const BoundaryLayer& layer, const std::vector<MeasureTable>& tables,
                               const JoinOptions& options) {
  if (!layer.source.level) {
    return fail(layer.source.path +
                ": has no administrative code field, so figures cannot be joined to it; name "
                "the code field with --code-field");
  }
  const AdminLevel level = *layer.source.level;
  const Gazetteer& gazetteer = options.gazetteer ? *options.gazetteer : builtin_gazetteer();
  JoinResult result;
  JoinReport& report = result.report;
  report.level = std::string(level_name(level));
  report.boundaries = layer.features.size();
  // Copied only when something is recoded: the national tables are large.
  std::vector<MeasureTable> recoded_tables;
  if (!options.recodes.empty()) {
    recoded_tables = tables;
    if (auto r = apply_recodes(recoded_tables, options.recodes); !r)
      return std::unexpected(r.error());
  }
  const std::vector<MeasureTable>& input = options.recodes.empty() ? tables : recoded_tables;

  std::unordered_map<std::string, std::size_t> polygon;
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    if (!layer.features[i].code.empty()) polygon.emplace(layer.features[i].code, i);
  }
  for (const MeasureTable& t : input) {
    if (static_cast<int>(t.level) < static_cast<int>(level)) {
      return fail(fmt::format(
          "{}: is a {} table and the boundaries are {}; figures only roll up, they cannot "
          "be spread down — use {} boundaries",
          t.path, level_name(t.level), level_name(level), level_name(t.level)));
    }
    for (const auto& f : t.fixed_codes) {
      if (f.note.starts_with(kRecodedNote))  // by apply_recodes, now or before the table was kept
        report.recoded.push_back({t.path, f.value, f.code, f.line});
      else
        report.fixed_codes.push_back({t.path, f.value, f.code, f.note, f.line});
    }
    for (const auto& d : t.duplicates) report.duplicates.push_back({t.path, d.code, d.lines});
    for (const std::string& w : t.warnings) report.warnings.push_back(w);
  }
  auto groups = merge_by_schema(input);
  if (!groups) return std::unexpected(groups.error());

  // Municipal assignments split by tambon area.
  std::unordered_map<std::string, std::vector<std::pair<std::string, double>>> assigned_shares;
  for (const MunicipalAssignment& a : options.assignments) {
    double total_area = 0;
    std::vector<std::pair<std::string, double>> shares;
    for (const std::string& tambon : a.tambons) {
      const auto it = polygon.find(tambon);
      if (level != AdminLevel::tambon || it == polygon.end()) {
        return fail(fmt::format("assignment of {}: tambon {} is not in {}", a.municipal_code,
                                tambon, layer.source.path));
      }
      const double area = area_m2(layer.features[it->second].geometry);
      shares.emplace_back(tambon, area);
      total_area += area;
    }
    for (auto& [code, share] : shares)
      share = total_area > 0 ? share / total_area : 1.0 / static_cast<double>(shares.size());
    assigned_shares[a.municipal_code] = shares;
    report.assigned.push_back(a);
  }

  auto place = [&](const MeasureRow& r) {
    Placement p;
    const std::string code = ancestor_code(r.code, level);
    const bool suffix = level == AdminLevel::village && !r.suffix.empty() && r.suffix != "01";
    if (polygon.contains(code)) {
      p.fate = suffix ? Fate::suffix : Fate::joined;
      p.targets.emplace_back(code, 1.0);
      return p;
    }
    const std::string tambon = ancestor_code(r.code, AdminLevel::tambon);
    if (!tambon.empty() && is_municipal_tambon(tambon) &&
        static_cast<int>(level) >= static_cast<int>(AdminLevel::tambon)) {
      if (const auto it = assigned_shares.find(tambon);
          it != assigned_shares.end() && level == AdminLevel::tambon) {
        p.fate = Fate::assigned;
        p.targets = it->second;
      } else {
        p.fate = Fate::municipal;
      }
      return p;
    }
    return p;
  };

  std::set<std::string> codes_with_figures;
  std::map<std::string, int> name_uses;
  for (const TableGroup& g : *groups) {
    for (const MeasureSpec& m : g.merged.measures) ++name_uses[m.column];
  }

  // Rewrite every row onto the polygon it lands on, keeping a unique suffix so sibling tables
  // (the common file) still line up row by row, then let the aggregation apply each rule.
  std::vector<MeasureTable> placed;
  std::vector<std::vector<Placement>> placements;
  for (const TableGroup& g : *groups) {
    MeasureTable p = g.merged;
    p.rows.clear();
    p.level = level;
    std::vector<Placement> fates;
    std::map<std::pair<std::string, Fate>, JoinReport::RolledUp> rolled;
    for (const MeasureRow& r : g.merged.rows) {
      Placement where = place(r);
      if (where.fate == Fate::unmatched) {
        report.unmatched_rows.push_back(
            {g.label, r.code + r.suffix, r.line, place_name(gazetteer, r.code)});
      } else if (where.fate != Fate::joined) {
        const std::string unit = where.fate == Fate::suffix
                                     ? r.code + r.suffix
                                     : ancestor_code(r.code, AdminLevel::tambon);
        auto& entry = rolled[{unit, where.fate}];
        entry.table = g.label;
        entry.code = unit;
        entry.kind = where.fate == Fate::suffix      ? "village suffix"
                     : where.fate == Fate::municipal ? "municipal"
                                                     : "municipal (assigned)";
        entry.on_map = where.fate != Fate::municipal;
        if (where.fate == Fate::municipal) {
          const std::string amphoe = ancestor_code(r.code, AdminLevel::amphoe);
          const std::string name = gazetteer_label(gazetteer, amphoe);
          entry.to = fmt::format("amphoe {}{}{} (no polygon at this level)", amphoe,
                                 name.empty() ? "" : " ", name);
        } else {
          entry.to.clear();
          for (const auto& [code, share] : where.targets)
            entry.to += (entry.to.empty() ? "" : ", ") + code;
        }
        entry.lines.push_back(r.line);
      }
      for (const auto& [code, share] : where.targets) {
        codes_with_figures.insert(code);
        MeasureRow moved = r;
        moved.code = code;
        moved.suffix = r.code + r.suffix;
        for (std::size_t m = 0; m < p.measures.size(); ++m) {
          if (p.measures[m].rule == MeasureRule::sum && !std::isnan(moved.values[m]))
            moved.values[m] *= share;
        }
        p.rows.push_back(std::move(moved));
      }
      fates.push_back(std::move(where));
    }
    for (auto& [key, entry] : rolled) report.rolled_up.push_back(std::move(entry));
    placed.push_back(std::move(p));
    placements.push_back(std::move(fates));
  }
  auto per_polygon = aggregate_tables(placed, level);
  if (!per_polygon) return std::unexpected(per_polygon.error());

  for (std::size_t gi = 0; gi < groups->size(); ++gi) {
    const TableGroup& g = (*groups)[gi];
    const MeasureTable& agg = (*per_polygon)[gi];
    for (const std::string& w : agg.warnings) report.warnings.push_back(w);
    std::unordered_map<std::string, const MeasureRow*> by_code;
    for (const MeasureRow& r : agg.rows) by_code.emplace(r.code, &r);
    for (std::size_t m = 0; m < agg.measures.size(); ++m) {
      JoinedColumn col;
      col.spec = agg.measures[m];
      col.table = g.label;
      col.name = name_uses[col.spec.column] > 1 ? col.spec.column + "@" + g.label : col.spec.column;
      col.values.assign(layer.features.size(), std::nan(""));
      double on_map = 0;
      for (std::size_t f = 0; f < layer.features.size(); ++f) {
        const auto it = by_code.find(layer.features[f].code);
        if (it == by_code.end()) continue;
        col.values[f] = it->second->values[m];
        if (!std::isnan(col.values[f])) on_map += col.values[f];
      }
      if (col.spec.rule == MeasureRule::sum) {
        JoinReport::Totals t;
        t.measure = col.name;
        t.table = g.label;
        for (std::size_t r = 0; r < g.merged.rows.size(); ++r) {
          const double v = g.merged.rows[r].values[m];
          if (std::isnan(v)) continue;
          t.input += v;
          switch (placements[gi][r].fate) {
            case Fate::joined:
              t.joined += v;
              break;
            case Fate::unmatched:
              t.unmatched += v;
              break;
            default:
              t.rolled_up += v;
          }
        }
        t.on_map = on_map;
        const double tolerance = 1e-9 * std::max(1.0, std::abs(t.input));
        double rolled_on_map = 0;
        for (std::size_t r = 0; r < g.merged.rows.size(); ++r) {
          const Fate fate = placements[gi][r].fate;
          const double v = g.merged.rows[r].values[m];
          if (!std::isnan(v) && (fate == Fate::suffix || fate == Fate::assigned))
            rolled_on_map += v;
        }
        // Two checks: every figure is accounted for once, and the map shows exactly the
        // joined figures plus those rolled onto a polygon.
        t.balanced = std::abs(t.input - (t.joined + t.rolled_up + t.unmatched)) <= tolerance &&
                     std::abs(t.on_map - (t.joined + rolled_on_map)) <= tolerance * 10;
        report.balanced = report.balanced && t.balanced;
        report.totals.push_back(t);
      }
      result.columns.push_back(std::move(col));
    }
  }

  for (std::size_t f = 0; f < layer.features.size(); ++f) {
    const BoundaryFeature& feature = layer.features[f];
    if (codes_with_figures.contains(feature.code)) {
      ++report.matched;
    } else {
      report.unmatched_boundaries.push_back({feature.code, feature.name_th, feature.name_en});
    }
  }
  result.assigned_from.assign(layer.features.size(), "");
  for (const auto& [municipal, shares] : assigned_shares) {
    for (const auto& [tambon, share] : shares) {
      const std::size_t f = polygon.at(tambon);
      std::string& note = result.assigned_from[f];
      note +=
          fmt::format("{}{} ({:.0f}% by area)", note.empty() ? "" : "; ", municipal, share * 100);
    }
  }
  // Suggest, for each municipal area left unassigned, the tambons of its amphoe without figures.
  std::set<std::string> municipal_codes;
  for (const auto& r : report.rolled_up) {
    if (r.kind == "municipal") municipal_codes.insert(r.code);
  }
  for (const std::string& m : municipal_codes) {
    JoinReport::Suggestion s{m, ancestor_code(m, AdminLevel::amphoe), {}, {}};
    s.amphoe_name = gazetteer_label(gazetteer, s.amphoe);
    for (const auto& u : report.unmatched_boundaries) {
      if (level == AdminLevel::tambon && ancestor_code(u.code, AdminLevel::amphoe) == s.amphoe)
        s.tambons.push_back(u.code);
    }
    report.suggestions.push_back(std::move(s));
  }
  report.renumbered = find_renumbered(report, level, gazetteer);
  if (!report.balanced) {
    report.warnings.push_back(
        "the join report does not balance: input differs from joined + rolled up + unmatched; "
        "this is a bug in ChiPao, please report it with the files used");
  }
  return result;
}

}  // namespace chipao
