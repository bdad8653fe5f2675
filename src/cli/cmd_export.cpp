// chipao-cli export: a project's plan for partners and other GIS — zones with their tallies,
// interventions and coverage, the interventions table, a CSV summary and a manifest — as
// shapefiles, a GeoPackage or CSV, and optionally the printable plan sheet (PDF or PNG).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "core/plan/export_project.h"

namespace chipao::cli {

namespace {

using nlohmann::ordered_json;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The command line as export options; errors say which flag and what it takes.
Result<PlanExportOptions> options_from(const Args& args) {
  PlanExportOptions o;
  const std::string format = lower(args.value("format").value_or("shp"));
  if (format == "shp") {
    o.format = ExportFormat::shp;
  } else if (format == "gpkg") {
    o.format = ExportFormat::gpkg;
  } else if (format == "csv") {
    o.format = ExportFormat::csv;
  } else {
    return fail(fmt::format("--format {}: choose shp, gpkg or csv", format));
  }
  const std::string encoding = lower(args.value("encoding").value_or("utf-8"));
  if (encoding == "utf-8" || encoding == "utf8") {
    o.encoding = "UTF-8";
  } else if (encoding == "cp874" || encoding == "tis-620" || encoding == "874") {
    o.encoding = "CP874";
  } else {
    return fail(fmt::format("--encoding {}: choose utf-8 or cp874", encoding));
  }
  const std::string rule = lower(args.value("rule").value_or("centroid"));
  const auto parsed = parse_tally_rule(rule);
  if (!parsed || *parsed == TallyRule::painted)
    return fail(fmt::format(
        "--rule {}: choose centroid (whole units) or area (shares of units by area)", rule));
  o.rule = *parsed;
  if (const auto n = args.value("suppress")) {
    int v = -1;
    const auto [end, ec] = std::from_chars(n->data(), n->data() + n->size(), v);
    if (ec != std::errc() || end != n->data() + n->size() || v < 0)
      return fail(fmt::format("--suppress {}: give a whole number (0 suppresses nothing)", *n));
    o.suppress_below = v;
  }
  o.layer = args.value("layer").value_or("");
  return o;
}

}  // namespace

std::string export_usage() {
  return "Usage: chipao-cli export P --out DIR [--format shp|gpkg|csv] [--encoding utf-8|cp874]\n"
         "                          [--rule centroid|area] [--suppress N] [--layer L]\n"
         "                          [--sheet pdf|png [--sheet-width PX]] [--json]\n\n"
         "Writes project P's plan into DIR (created when missing):\n"
         "  shp   zones.shp (.shx .dbf .prj .cpg) and zones.fields.json; interventions.dbf\n"
         "        (.cpg) and interventions.fields.json (10-character field names -> full names\n"
         "        and Thai/English labels)\n"
         "  gpkg  plan.gpkg with the layers zones and interventions\n"
         "  csv   zones.csv and interventions.csv\n"
         "and always plan_summary.csv (per zone, agency and dimension) and export.json.\n"
         "Every zone is tallied against the project's unit layer; each figure states its rule.\n"
         "No identifier of a person or household is ever written.\n\n"
         "  --format F        shp (default), gpkg or csv\n"
         "  --encoding E      shapefile text: utf-8 (default) or cp874 (TIS-620 for old tools)\n"
         "  --rule R          drawn zones: centroid (default, whole units whose label point is\n"
         "                    inside) or area (units by the share of their area inside)\n"
         "  --suppress N      blank tallied counts from 1 to N-1 (default: the project's\n"
         "                    suppression_threshold, 3); 0 suppresses nothing\n"
         "  --layer L         the project layer to tally against (default: the polygon layer\n"
         "                    with the most joined figures)\n"
         "  --sheet S         also draw the printable plan sheet (A4): plan_sheet.pdf or .png\n"
         "  --sheet-width PX  the PNG's width in pixels (default 1654, A4 at 200 dpi)\n"
         "  --json            print what was written as JSON\n";
}

int run_export(const std::vector<std::string>& argv) {
  ArgSpec spec;
  spec.values = {"out", "format", "encoding", "rule", "suppress", "layer", "sheet", "sheet-width"};
  spec.flags = {"json", "help"};
  auto args = parse_args(argv, spec);
  if (!args) {
    std::cerr << "chipao-cli export: " << args.error().message << "\n" << export_usage();
    return 2;
  }
  if (args->has("help")) {
    std::cout << export_usage();
    return 0;
  }
  if (args->positionals.size() != 1 || !args->value("out")) {
    std::cerr << "chipao-cli export: give the project path and --out DIR\n" << export_usage();
    return 2;
  }
  auto options = options_from(*args);
  if (!options) {
    std::cerr << "chipao-cli export: " << options.error().message << "\n";
    return 2;
  }
  std::optional<SheetFormat> sheet;
  if (const auto s = args->value("sheet")) {
    sheet = parse_sheet_format(lower(*s));
    if (!sheet) {
      std::cerr << fmt::format("chipao-cli export: --sheet {}: choose pdf or png\n", *s);
      return 2;
    }
  }
  int sheet_width = 1654;
  if (const auto wtext = args->value("sheet-width")) {
    const auto [end, ec] =
        std::from_chars(wtext->data(), wtext->data() + wtext->size(), sheet_width);
    if (ec != std::errc() || end != wtext->data() + wtext->size() || sheet_width < 100 ||
        sheet_width > 10000) {
      std::cerr << fmt::format("chipao-cli export: --sheet-width {}: give 100 to 10000 pixels\n",
                               *wtext);
      return 2;
    }
  }
  const std::string project_path = args->positionals[0];
  const std::string out = *args->value("out");
  if (sheet) {
    SheetOptions sheet_options;
    sheet_options.format = *sheet;
    sheet_options.width_px = sheet_width;
    options->sheet = sheet_options;  // named after the project file by export_project()
  }
  // The app's export dialog runs the same operation. Tables and sheet are written whole or not
  // at all (core/io/atomic_output.h).
  auto exported = export_project(project_path, out, *options);
  if (!exported) {
    std::cerr << exported.error().message << "\n";
    return 1;
  }
  const PlanExportResult* result = &exported->result;
  const std::string& sheet_path = result->sheet;
  for (const std::string& w : result->report.warnings) std::cerr << "warning: " << w << "\n";
  const PlanReport& r = result->report;
  if (args->has("json")) {
    ordered_json j;
    j["project"] = project_path;
    j["out"] = out;
    j["files"] = result->files;
    if (!sheet_path.empty()) j["sheet"] = sheet_path;
    j["zones"] = r.zones.size();
    j["interventions"] = exported->interventions;
    j["rule"] = std::string(tally_rule_name(r.drawn_rule));
    j["suppress_below"] = result->suppress_below;
    j["total_cost_baht"] = r.totals.all.cost_baht;
    j["budget_warning"] = r.budget ? ordered_json(r.budget->message) : ordered_json(nullptr);
    j["warnings"] = r.warnings;
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    std::cout << fmt::format("exported {} zones and {} interventions of {} to {} ({} files{})\n",
                             r.zones.size(), exported->interventions, project_path, out,
                             result->files.size(), sheet_path.empty() ? "" : ", and " + sheet_path);
    if (r.budget) std::cout << "warning: " << r.budget->message << "\n";
  }
  return 0;
}

}  // namespace chipao::cli
