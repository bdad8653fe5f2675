// chipao-cli join: boundaries + tables of figures -> boundaries with the figures, and a
// report that accounts for every person counted.
#include <fmt/format.h>

#include <cmath>
#include <iostream>

#include "cli/commands.h"
#include "cli/joined_layer.h"
#include "cli/layer_options.h"
#include "cli/table_options.h"
#include "core/io/atomic_output.h"
#include "core/io/vector_writer.h"
#include "core/join/join.h"
#include "core/join/join_report_json.h"

namespace chipao::cli {

namespace {

void print_text(const JoinReport& r, std::ostream& out) {
  out << fmt::format("joined to {} {} polygons: {} received figures, {} did not\n", r.boundaries,
                     r.level, r.matched, r.unmatched_boundaries.size());
  out << fmt::format("rows not joined to a polygon of their own: {} rolled up, {} unmatched\n",
                     r.rolled_up.size(), r.unmatched_rows.size());
  for (std::size_t i = 0; i < r.unmatched_rows.size() && i < 10; ++i) {
    const auto& u = r.unmatched_rows[i];
    out << fmt::format("  unmatched {} row {} code {}{}{}\n", u.table, u.line, u.code,
                       u.name.empty() ? "" : " ", u.name);
  }
  for (const auto& n : r.renumbered) {
    out << fmt::format(
        "  renumbered? layer {} {} has no figures; table code {} is {} (join with --recode "
        "{}={})\n",
        n.layer_code, n.layer_name, n.table_code, n.table_name, n.table_code, n.layer_code);
  }
  if (!r.recoded.empty()) out << fmt::format("rows recoded: {}\n", r.recoded.size());
  for (const auto& s : r.suggestions) {
    std::string t;
    for (const auto& c : s.tambons) t += (t.empty() ? "" : ", ") + c;
    out << fmt::format(
        "  municipal {} rolled up to amphoe {}{}; likely tambon(s) without figures: {} (assign "
        "with "
        "--assign {}={})\n",
        s.municipal_code, s.amphoe, s.amphoe_name.empty() ? "" : " " + s.amphoe_name,
        t.empty() ? "none" : t, s.municipal_code, s.tambons.empty() ? "TAMBON" : s.tambons.front());
  }
  for (const auto& t : r.totals) {
    if (t.measure.find("poor.JPT.MOFval.CNT") == 0 || t.measure.find("HOUSEMEMBER_CNT") == 0) {
      out << fmt::format(
          "  {}: input {:.0f} = joined {:.0f} + rolled up {:.0f} + unmatched {:.0f} ({})\n",
          t.measure, t.input, t.joined, t.rolled_up, t.unmatched,
          t.balanced ? "balanced" : "DOES NOT BALANCE");
    }
  }
  out << (r.balanced ? "every measure balances\n" : "THE REPORT DOES NOT BALANCE\n");
}

}  // namespace

std::string join_usage() {
  return "Usage: chipao-cli join --boundaries SRC --table T [--table T2 ...] --out OUT [--report "
         "R.json] [--json]\n\n"
         "Joins tables of figures to boundaries by code and writes the boundaries with the "
         "figures\n"
         "(.gpkg, .shp or .csv by extension). The report accounts for every figure:\n"
         "input = joined + rolled up + unmatched, per measure.\n\n"
         "  --boundaries SRC     the boundary file (all `info` layer options apply)\n" +
         table_options_help() +
         "  --assign M=T[+T2]    put municipal area M's figures into tambon(s) T (split by area);\n"
         "                       repeatable; every export names the figures that came this way\n" +
         recode_option_help() +
         "  --out OUT            the joined layer (.gpkg, .shp, .csv)\n"
         "  --encoding-out E     shapefile text encoding: UTF-8 (default) or CP874\n"
         "  --report R.json      write the join report as JSON\n"
         "  --json               print the report as JSON\n" +
         layer_options_help();
}

int run_join(const std::vector<std::string>& argv) {
  ArgSpec spec;
  add_layer_options(spec);
  add_table_options(spec);
  spec.values.insert("boundaries");
  spec.values.insert("out");
  spec.values.insert("report");
  spec.values.insert("encoding-out");
  spec.repeatable.insert("assign");
  add_recode_option(spec);
  spec.flags.insert("json");
  spec.flags.insert("help");
  auto args = parse_args(argv, spec);
  if (!args) {
    std::cerr << "chipao-cli join: " << args.error().message << "\n" << join_usage();
    return 2;
  }
  if (args->has("help")) {
    std::cout << join_usage();
    return 0;
  }
  const auto boundaries = args->value("boundaries");
  if (!boundaries || !args->value("out") || args->all("table").empty()) {
    std::cerr << "chipao-cli join: --boundaries, --table and --out are needed\n" << join_usage();
    return 2;
  }
  auto loaded = load_joined_layer(*args, {.command = "join", .require = GeometryRequirement::any});
  if (!loaded) return loaded.error();
  const BoundaryLayer& layer = loaded->layer;
  const JoinResult& joined = *loaded->joined;
  std::vector<OutputColumn> columns;
  for (const JoinedColumn& c : joined.columns) {
    OutputColumn out;
    out.name = c.name;
    std::tie(out.label_th, out.label_en) = tpmap_labels(c.name);
    out.numbers = c.values;
    columns.push_back(std::move(out));
  }
  if (!joined.report.assigned.empty()) {
    OutputColumn note;
    note.name = "assigned_from";
    note.label_th = "ตัวเลขจากเขตเทศบาลที่กำหนดให้";
    note.label_en = "Figures assigned from municipal areas";
    note.numeric = false;
    note.texts = joined.assigned_from;
    columns.push_back(std::move(note));
  }
  WriteOptions write;
  if (auto e = args->value("encoding-out"))
    write.encoding = (*e == "CP874" || *e == "cp874") ? "CP874" : "UTF-8";
  auto written = write_layer(*args->value("out"), layer, columns, write);
  if (!written) {
    std::cerr << written.error().message << "\n";
    return 1;
  }
  const std::string report = join_report_to_json(joined.report, 2);
  if (auto path = args->value("report")) {
    // Whole or absent, like the joined layer (core/io/atomic_output.h).
    if (auto saved = write_file_atomically(*path, report + "\n"); !saved) {
      std::cerr << saved.error().message << "\n";
      return 1;
    }
  }
  for (const std::string& w : joined.report.warnings) std::cerr << "warning: " << w << "\n";
  if (args->has("json")) {
    std::cout << report << "\n";
  } else {
    print_text(joined.report, std::cout);
  }
  return joined.report.balanced ? 0 : 1;
}

}  // namespace chipao::cli
