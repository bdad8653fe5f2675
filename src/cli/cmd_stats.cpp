// chipao-cli stats: tables of figures aggregated to a higher level with each measure's rule.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/table_options.h"
#include "core/admin/gazetteer.h"
#include "core/stats/aggregate.h"

namespace chipao::cli {

namespace {

// The gazetteer's English name (or Thai when it has none), padded to 30 columns; Thai
// combining marks take no column, so the padding counts code points that advance.
std::string padded_name(const std::string& code) {
  const GazetteerEntry* e = builtin_gazetteer().find(code);
  std::string name = !e ? "-" : e->name_en.empty() ? e->name_th : e->name_en;
  if (name.size() > 29) name = name.substr(0, 29);
  std::size_t columns = 0;
  for (const unsigned char c : name) columns += (c & 0xC0) != 0x80;
  return name + std::string(columns < 30 ? 30 - columns : 1, ' ');
}

}  // namespace

std::string stats_usage() {
  return "Usage: chipao-cli stats --table T [--table T2 ...] --level LEVEL [--json]\n\n"
         "Aggregates tables up to LEVEL (province, amphoe, tambon or village): counts add, rates "
         "are\n"
         "recomputed from their parts (give the TPMAP common file beside a mask file), means "
         "re-weighted.\n\n" +
         table_options_help() +
         "  --level LEVEL        the level to aggregate to\n  --json               JSON output\n";
}

int run_stats(const std::vector<std::string>& argv) {
  ArgSpec spec;
  add_table_options(spec);
  spec.values.insert("level");
  spec.flags.insert("json");
  spec.flags.insert("help");
  auto args = parse_args(argv, spec);
  if (!args) {
    std::cerr << "chipao-cli stats: " << args.error().message << "\n" << stats_usage();
    return 2;
  }
  if (args->has("help")) {
    std::cout << stats_usage();
    return 0;
  }
  const auto level_text = args->value("level");
  const auto level = level_text ? parse_level(*level_text) : std::nullopt;
  if (!level) {
    std::cerr << "chipao-cli stats: --level must be province, amphoe, tambon or village\n";
    return 2;
  }
  auto tables = tables_from_args(*args);
  if (!tables) {
    std::cerr << tables.error().message << "\n";
    return 1;
  }
  for (const MeasureTable& t : *tables) {
    for (const std::string& w : t.warnings) std::cerr << "warning: " << w << "\n";
  }
  auto aggregated = aggregate_tables(*tables, *level);
  if (!aggregated) {
    std::cerr << aggregated.error().message << "\n";
    return 1;
  }
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const MeasureTable& t : *aggregated) {
    for (const std::string& w : t.warnings) std::cerr << "warning: " << w << "\n";
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const MeasureRow& r : t.rows) {
      nlohmann::ordered_json row;
      row["code"] = r.code;
      // Tables carry codes only; the gazetteer names them (null where it does not know one).
      if (const GazetteerEntry* e = builtin_gazetteer().find(r.code)) {
        row["name_th"] = e->name_th;
        row["name_en"] = e->name_en;
      } else {
        row["name_th"] = nullptr;
        row["name_en"] = nullptr;
      }
      for (std::size_t m = 0; m < t.measures.size(); ++m) {
        row[t.measures[m].column] = std::isnan(r.values[m]) ? nlohmann::ordered_json(nullptr)
                                                            : nlohmann::ordered_json(r.values[m]);
      }
      rows.push_back(row);
    }
    out.push_back({{"table", t.path}, {"level", std::string(level_name(t.level))}, {"rows", rows}});
  }
  if (args->has("json")) {
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  for (const MeasureTable& t : *aggregated) {
    std::cout << t.path << " -> " << level_name(t.level) << " (" << t.rows.size() << " rows)\n";
    const std::size_t shown = std::min<std::size_t>(t.measures.size(), 6);
    std::cout << "  code     name                          ";
    for (std::size_t m = 0; m < shown; ++m)
      std::cout << fmt::format(" {:>20.20}", t.measures[m].column);
    std::cout << "\n";
    for (const MeasureRow& r : t.rows) {
      std::cout << fmt::format("  {:<8} {}", r.code, padded_name(r.code));
      for (std::size_t m = 0; m < shown; ++m) std::cout << fmt::format(" {:>20.6g}", r.values[m]);
      std::cout << "\n";
    }
  }
  return 0;
}

}  // namespace chipao::cli
