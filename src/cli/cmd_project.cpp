// chipao-cli project / zones: a planner's project file (SpatiaLite) from the command line —
// create it from boundaries and tables, show what it holds, undo and redo edits, and import
// drawn zones from a polygon file.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/layer_options.h"
#include "cli/table_options.h"
#include "core/io/boundary_reader.h"
#include "core/join/join.h"
#include "core/store/project.h"
#include "core/store/spatialite_store.h"

namespace chipao::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

// The project's layer name: the level when known ("tambon"), else "layer".
std::string layer_name_for(const BoundaryLayer& layer) {
  return layer.source.level ? std::string(level_name(*layer.source.level)) : std::string("layer");
}

ordered_json join_report_json(const JoinReport& r) {
  ordered_json j;
  j["level"] = r.level;
  j["boundaries"] = r.boundaries;
  j["matched"] = r.matched;
  ordered_json unmatched = ordered_json::array();
  for (const auto& u : r.unmatched_rows)
    unmatched.push_back({{"table", u.table}, {"code", u.code}, {"row", u.line}});
  j["unmatched_rows"] = unmatched;
  ordered_json rolled = ordered_json::array();
  for (const auto& u : r.rolled_up)
    rolled.push_back({{"table", u.table}, {"code", u.code}, {"kind", u.kind}, {"to", u.to}});
  j["rolled_up"] = rolled;
  ordered_json assigned = ordered_json::array();
  for (const auto& a : r.assigned)
    assigned.push_back({{"municipal", a.municipal_code}, {"tambons", a.tambons}});
  j["assigned"] = assigned;
  ordered_json totals = ordered_json::object();
  for (const auto& t : r.totals) {
    totals[t.measure] = {{"input", t.input},         {"joined", t.joined},
                         {"rolled_up", t.rolled_up}, {"unmatched", t.unmatched},
                         {"on_map", t.on_map},       {"balanced", t.balanced}};
  }
  j["totals"] = totals;
  j["balanced"] = r.balanced;
  j["warnings"] = r.warnings;
  return j;
}

std::string project_usage() {
  return "Usage: chipao-cli project new P --boundaries SRC [--table T ...] [--assign M=T] "
         "[--force] [--json]\n"
         "       chipao-cli project info P [--json]\n"
         "       chipao-cli project undo P [--json]\n"
         "       chipao-cli project redo P [--json]\n\n"
         "A project is one SpatiaLite file (QGIS opens it) with the boundary layer, the joined\n"
         "figures and their report, municipal assignments, zones, the intervention plan and the\n"
         "edit history. Every edit is saved as it is made.\n\n"
         "  --boundaries SRC     the boundary file (all `info` layer options apply)\n" +
         table_options_help() +
         "  --assign M=T[+T2]    put municipal area M's figures into tambon(s) T; kept in the "
         "project\n"
         "  --force              replace an existing project file\n"
         "  --json               print JSON\n" +
         layer_options_help();
}

int project_new(const Args& args) {
  if (args.positionals.size() != 2 || !args.value("boundaries")) {
    std::cerr << "chipao-cli project new: give the project path and --boundaries\n"
              << project_usage();
    return 2;
  }
  const std::string path = args.positionals[1];
  if (fs::exists(path) && !args.has("force")) {
    std::cerr << fmt::format("{} already exists; give --force to replace it\n", path);
    return 1;
  }
  JoinOptions join_options;
  for (const std::string& a : args.all("assign")) {
    auto parsed = parse_assignment(a);
    if (!parsed) {
      std::cerr << "chipao-cli project new: " << parsed.error().message << "\n";
      return 2;
    }
    join_options.assignments.push_back(*parsed);
  }
  auto source = layer_source_from_args(args, *args.value("boundaries"));
  if (!source) {
    std::cerr << "chipao-cli project new: " << source.error().message << "\n";
    return 2;
  }
  auto layer = load_boundaries(source->path, source->options);
  if (!layer) {
    std::cerr << layer.error().message << "\n";
    return 1;
  }
  StoredLayer stored;
  stored.name = layer_name_for(*layer);
  stored.join_report_json = "{}";
  ordered_json report = ordered_json::object();
  if (!args.all("table").empty()) {
    auto tables = tables_from_args(args);
    if (!tables) {
      std::cerr << tables.error().message << "\n";
      return 1;
    }
    auto joined = join_tables(*layer, *tables, join_options);
    if (!joined) {
      std::cerr << joined.error().message << "\n";
      return 1;
    }
    for (const std::string& w : joined->report.warnings) std::cerr << "warning: " << w << "\n";
    report = join_report_json(joined->report);
    stored.join_report_json = report.dump();
    stored.columns = std::move(joined->columns);
    stored.assigned_from = std::move(joined->assigned_from);
  }
  stored.layer = std::move(*layer);
  PlanningState state = initial_planning_state();
  for (const auto& a : join_options.assignments) state.assignments.push_back(a);
  std::sort(state.assignments.begin(), state.assignments.end(),
            [](const auto& a, const auto& b) { return a.municipal_code < b.municipal_code; });

  // Built beside the target and renamed into place: a half-built project never carries the
  // target's name, and an existing project stays intact until the new one is complete.
  const std::string tmp = path + ".tmp";
  for (const std::string& stale : {tmp, tmp + "-wal", tmp + "-shm"}) fs::remove(stale);
  {
    auto store = SpatiaLiteStore::create(tmp);
    if (!store) {
      std::cerr << store.error().message << "\n";
      return 1;
    }
    Result<void> ok = (*store)->write_initial(state);
    if (ok) ok = (*store)->save_layer(stored);
    if (ok) ok = (*store)->checkpoint();
    if (!ok) {
      store->reset();
      fs::remove(tmp);
      std::cerr << ok.error().message << "\n";
      return 1;
    }
  }
  // The old project's WAL must not be replayed onto the new file.
  for (const std::string& stale : {path + "-wal", path + "-shm"}) fs::remove(stale);
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    std::cerr << fmt::format("{}: could not move the new project into place ({}); it is at {}\n",
                             path, ec.message(), tmp);
    return 1;
  }
  if (args.has("json")) {
    std::cout << ordered_json{{"project", path},
                              {"layer", stored.name},
                              {"features", stored.layer.features.size()},
                              {"columns", stored.columns.size()},
                              {"join_report", report}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << fmt::format("created {}: layer {} with {} features and {} joined columns\n", path,
                             stored.name, stored.layer.features.size(), stored.columns.size());
  }
  return 0;
}

int project_info(const Args& args, Project& project) {
  auto layers = project.store().layers();
  if (!layers) {
    std::cerr << layers.error().message << "\n";
    return 1;
  }
  const auto& state = project.state();
  if (args.has("json")) {
    ordered_json j;
    j["project"] = project.store().location();
    ordered_json ls = ordered_json::array();
    for (const auto& l : *layers) {
      ls.push_back({{"name", l.name},
                    {"table", l.table},
                    {"level", l.level},
                    {"geometry", l.geometry_type},
                    {"features", l.features},
                    {"joined_columns", l.columns},
                    {"source", l.source_path}});
    }
    j["layers"] = ls;
    ordered_json zones = ordered_json::array();
    for (const auto& z : state.zones) {
      zones.push_back({{"id", z.id},
                       {"name", z.name},
                       {"kind", zone_kind_key(z.kind)},
                       {"color", z.color_hex},
                       {"locked", z.locked},
                       {"units", z.unit_codes.size()}});
    }
    j["zones"] = zones;
    j["interventions"] = state.plan.interventions.size();
    j["catalogue"] = state.catalogue.size();
    j["budget_cap_baht"] = state.plan.budget_cap_baht;
    ordered_json assigned = ordered_json::array();
    for (const auto& a : state.assignments)
      assigned.push_back({{"municipal", a.municipal_code}, {"tambons", a.tambons}});
    j["assignments"] = assigned;
    j["history"] = {{"length", project.history().size()},
                    {"position", project.history().position()}};
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  std::cout << fmt::format("project {}\n", project.store().location());
  for (const auto& l : *layers) {
    std::cout << fmt::format("  layer {} ({}, {}): {} features, {} joined columns\n", l.name,
                             l.level.empty() ? "no level" : l.level, l.geometry_type, l.features,
                             l.columns);
  }
  std::cout << fmt::format("  zones: {}\n", state.zones.size());
  for (const auto& z : state.zones) {
    std::cout << fmt::format("    {} {} ({}, {}{})\n", z.id, z.name, zone_kind_key(z.kind),
                             z.color_hex, z.locked ? ", locked" : "");
  }
  std::cout << fmt::format("  interventions: {}; catalogue entries: {}\n",
                           state.plan.interventions.size(), state.catalogue.size());
  for (const auto& a : state.assignments) {
    std::string t;
    for (const auto& c : a.tambons) t += (t.empty() ? "" : "+") + c;
    std::cout << fmt::format("  municipal area {} assigned to {}\n", a.municipal_code, t);
  }
  std::cout << fmt::format("  history: {} edits, {} done\n", project.history().size(),
                           project.history().position());
  return 0;
}

int project_step(const Args& args, Project& project, bool undo) {
  auto edit = undo ? project.undo() : project.redo();
  if (!edit) {
    std::cerr << fmt::format("{}: {}\n", project.store().location(), edit.error().message);
    return 1;
  }
  if (args.has("json")) {
    std::cout << ordered_json{{"action", undo ? "undo" : "redo"},
                              {"edit", (*edit)->summary},
                              {"position", project.history().position()},
                              {"length", project.history().size()}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << fmt::format("{}: {} ({} of {} edits done)\n", undo ? "undone" : "redone",
                             (*edit)->summary, project.history().position(),
                             project.history().size());
  }
  return 0;
}

}  // namespace

std::string zones_usage() {
  return "Usage: chipao-cli zones import P ZONES [--name-field F] [--json]\n\n"
         "Adds each polygon of ZONES (any vector file GDAL reads; reprojected to WGS 84) to\n"
         "project P as a drawn zone named from its `name` field (or --name-field). The import\n"
         "is one edit: `chipao-cli project undo P` takes it back at once.\n";
}

int run_project(const std::vector<std::string>& argv) {
  ArgSpec spec;
  add_layer_options(spec);
  add_table_options(spec);
  spec.values.insert("boundaries");
  spec.repeatable.insert("assign");
  spec.flags.insert("json");
  spec.flags.insert("force");
  spec.flags.insert("help");
  auto args = parse_args(argv, spec);
  if (!args) {
    std::cerr << "chipao-cli project: " << args.error().message << "\n" << project_usage();
    return 2;
  }
  if (args->has("help") || args->positionals.empty()) {
    (args->has("help") ? std::cout : std::cerr) << project_usage();
    return args->has("help") ? 0 : 2;
  }
  const std::string& sub = args->positionals[0];
  if (sub == "new") return project_new(*args);
  if (sub != "info" && sub != "undo" && sub != "redo") {
    std::cerr << fmt::format("chipao-cli project: unknown subcommand '{}'\n", sub)
              << project_usage();
    return 2;
  }
  if (args->positionals.size() != 2) {
    std::cerr << fmt::format("chipao-cli project {}: give the project path\n", sub);
    return 2;
  }
  auto project = Project::open(args->positionals[1]);
  if (!project) {
    std::cerr << project.error().message << "\n";
    return 1;
  }
  if (sub == "info") return project_info(*args, *project);
  return project_step(*args, *project, sub == "undo");
}

int run_zones(const std::vector<std::string>& argv) {
  ArgSpec spec;
  spec.values.insert("name-field");
  spec.values.insert("layer");
  spec.flags.insert("json");
  spec.flags.insert("help");
  auto args = parse_args(argv, spec);
  if (!args) {
    std::cerr << "chipao-cli zones: " << args.error().message << "\n" << zones_usage();
    return 2;
  }
  if (args->has("help")) {
    std::cout << zones_usage();
    return 0;
  }
  if (args->positionals.size() != 3 || args->positionals[0] != "import") {
    std::cerr << zones_usage();
    return 2;
  }
  const std::string& project_path = args->positionals[1];
  const std::string& zones_path = args->positionals[2];
  auto project = Project::open(project_path);
  if (!project) {
    std::cerr << project.error().message << "\n";
    return 1;
  }
  LoadOptions options;
  options.require = GeometryRequirement::polygon;
  options.layer = args->value("layer");
  auto layer = load_boundaries(zones_path, options);
  if (!layer) {
    std::cerr << layer.error().message << "\n";
    return 1;
  }
  const std::string name_field = args->value("name-field").value_or("name");
  int name_index = -1;
  for (std::size_t i = 0; i < layer->source.field_names.size(); ++i)
    if (layer->source.field_names[i] == name_field) name_index = static_cast<int>(i);
  if (args->value("name-field") && name_index < 0) {
    std::cerr << fmt::format("{}: no field '{}'; its fields are listed by chipao-cli info {}\n",
                             zones_path, name_field, zones_path);
    return 1;
  }
  std::vector<Zone> zones;
  for (const BoundaryFeature& f : layer->features) {
    if (f.geometry.empty()) {
      std::cerr << fmt::format("warning: {}: feature {} has no geometry; skipped\n", zones_path,
                               f.fid);
      continue;
    }
    Zone z;
    z.kind = ZoneKind::drawn;
    z.polygon = f.geometry;
    if (name_index >= 0 && static_cast<std::size_t>(name_index) < f.attributes.size())
      z.name = f.attributes[static_cast<std::size_t>(name_index)];
    if (z.name.empty()) z.name = !f.name_th.empty() ? f.name_th : fmt::format("zone {}", f.fid);
    zones.push_back(std::move(z));
  }
  if (zones.empty()) {
    std::cerr << fmt::format("{}: no polygons to import\n", zones_path);
    return 1;
  }
  auto edit = make_import_zones(project->state(), std::move(zones),
                                fs::path(zones_path).filename().string());
  if (!edit) {
    std::cerr << fmt::format("{}: {}\n", zones_path, edit.error().message);
    return 1;
  }
  const std::size_t count = edit->changes.size();
  if (auto ok = project->apply(std::move(*edit)); !ok) {
    std::cerr << ok.error().message << "\n";
    return 1;
  }
  if (args->has("json")) {
    std::cout << ordered_json{{"project", project_path},
                              {"imported", count},
                              {"zones", project->state().zones.size()},
                              {"history_length", project->history().size()}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << fmt::format(
        "imported {} zones from {} into {} (one edit; undo with chipao-cli "
        "project undo {})\n",
        count, zones_path, project_path, project_path);
  }
  return 0;
}

}  // namespace chipao::cli
