// chipao-cli project: a planner's project file (SpatiaLite) from the command line — create it
// from boundaries and tables, show what it holds and the figures joined to its layer, assign
// municipal areas to tambons (the figures are joined again in the same edit), change
// settings, list the edit history, undo and redo. Zones: cmd_zones.cpp; the plan: cmd_plan.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/commands.h"
#include "cli/joined_layer.h"
#include "cli/layer_options.h"
#include "cli/project_edits.h"
#include "cli/table_options.h"
#include "core/admin/admin_code.h"
#include "core/io/boundary_reader.h"
#include "core/join/join.h"
#include "core/join/join_report_json.h"
#include "core/store/project.h"
#include "core/store/project_create.h"
#include "core/store/spatialite_store.h"

namespace chipao::cli {

namespace {

using nlohmann::ordered_json;

std::string project_usage() {
  return "Usage: chipao-cli project new P --boundaries SRC [--table T ...] [--assign M=T] "
         "[--recode O=N] "
         "[--force] [--json]\n"
         "       chipao-cli project info P [--json]\n"
         "       chipao-cli project figures P [--layer L] [--code C ...] [--json]\n"
         "       chipao-cli project assign P M=T[+T2..] [--json]\n"
         "       chipao-cli project unassign P M [--json]\n"
         "       chipao-cli project set P suppress N | language th|en | amphoe CODE [--json]\n"
         "       chipao-cli project history P [--json]\n"
         "       chipao-cli project views P [--json]   (the app's saved views it holds)\n"
         "       chipao-cli project undo P [--json]\n"
         "       chipao-cli project redo P [--json]\n\n"
         "A project is one SpatiaLite file (QGIS opens it) with the boundary layer, the joined\n"
         "figures and their report, municipal assignments, zones, the intervention plan and the\n"
         "edit history. Every edit is saved as it is made.\n\n"
         "assign puts municipal area M's figures into tambon(s) T (split by area) and joins the\n"
         "project's tables again in the same edit; unassign takes them back to the amphoe.\n"
         "figures prints the joined figures of the given units (all with --json and no --code),\n"
         "where each came from, and the join report. set: suppress blanks counts below N in\n"
         "what is shown to partners; language is the app's; amphoe is where the app opens.\n\n"
         "  --boundaries SRC     the boundary file (all `info` layer options apply)\n" +
         table_options_help() +
         "  --assign M=T[+T2]    put municipal area M's figures into tambon(s) T; kept in the "
         "project\n" +
         recode_option_help() +
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
  if (auto ok = may_create_project_at(path, args.has("force")); !ok) {
    std::cerr << ok.error().message << "\n";
    return 1;
  }
  auto loaded = load_joined_layer(args, {.command = "project new", .tables_optional = true});
  if (!loaded) return loaded.error();
  ProjectContents contents{.layer = std::move(loaded->layer),
                           .tables = std::move(loaded->tables),
                           .joined = std::move(loaded->joined),
                           .assignments = std::move(loaded->options.assignments)};
  // The join's warnings come before the project is written, as they always have.
  if (contents.joined)
    for (const std::string& w : contents.joined->report.warnings)
      std::cerr << "warning: " << w << "\n";
  auto created = create_project(path, std::move(contents), args.has("force"));
  if (!created) {
    std::cerr << created.error().message << "\n";
    return 1;
  }
  if (args.has("json")) {
    std::cout << ordered_json{{"project", path},
                              {"layer", created->layer_name},
                              {"features", created->features},
                              {"columns", created->columns},
                              {"join_report", ordered_json::parse(created->join_report_json)}}
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    std::cout << fmt::format("created {}: layer {} with {} features and {} joined columns\n", path,
                             created->layer_name, created->features, created->columns);
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
                    {"input_tables", l.tables},
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
    ordered_json settings = ordered_json::object();
    for (const auto& [key, value] : state.settings)
      if (key != "id_salt") settings[key] = value;  // the salt stays in the file
    j["settings"] = settings;
    j["history"] = {{"length", project.history().size()},
                    {"position", project.history().position()}};
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
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
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    std::cout << fmt::format("{}: {} ({} of {} edits done)\n", undo ? "undone" : "redone",
                             (*edit)->summary, project.history().position(),
                             project.history().size());
  }
  return 0;
}

int project_figures(const Args& args, Project& project) {
  auto figures = project.figures(args.value("layer").value_or(""));
  if (!figures) {
    std::cerr << figures.error().message << "\n";
    return 1;
  }
  auto stored = project.store().load_layer((*figures)->layer);
  if (!stored) {
    std::cerr << stored.error().message << "\n";
    return 1;
  }
  const JoinResult& join = (*figures)->join;
  const auto& features = stored->layer.features;
  std::vector<std::string> codes = args.all("code");
  for (const std::string& c : codes) {
    if (std::none_of(features.begin(), features.end(),
                     [&](const BoundaryFeature& f) { return f.code == c; })) {
      std::cerr << fmt::format("{}: layer {} has no unit {}\n", project.store().location(),
                               (*figures)->layer, c);
      return 1;
    }
  }
  auto wanted = [&](const std::string& code) {
    return codes.empty() || std::find(codes.begin(), codes.end(), code) != codes.end();
  };
  auto number = [](double v) { return std::isnan(v) ? ordered_json(nullptr) : ordered_json(v); };
  if (args.has("json")) {
    ordered_json units = ordered_json::array();
    for (std::size_t f = 0; f < features.size(); ++f) {
      if (!wanted(features[f].code)) continue;
      ordered_json values = ordered_json::object();
      bool any = false;
      for (const JoinedColumn& c : join.columns) {
        values[c.name] = number(c.values[f]);
        any = any || !std::isnan(c.values[f]);
      }
      units.push_back(
          {{"code", features[f].code},
           {"name_th", features[f].name_th},
           {"has_figures", any},
           {"assigned_from", f < join.assigned_from.size() ? join.assigned_from[f] : ""},
           {"figures", values}});
    }
    std::cout << ordered_json{{"project", project.store().location()},
                              {"layer", (*figures)->layer},
                              {"rejoinable", (*figures)->rejoinable},
                              {"units", units},
                              {"join_report", ordered_json::parse((*figures)->report_json)}}
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
    return 0;
  }
  std::cout << fmt::format("layer {}: {} joined columns; {} of {} units have figures{}\n",
                           (*figures)->layer, join.columns.size(), join.report.matched,
                           join.report.boundaries,
                           (*figures)->rejoinable ? ""
                                                  : " (input tables not kept: assignments "
                                                    "do not re-join)");
  for (std::size_t f = 0; f < features.size(); ++f) {
    if (codes.empty() || !wanted(features[f].code)) continue;
    std::cout << fmt::format("  {} {}\n", features[f].code, features[f].name_th);
    if (f < join.assigned_from.size() && !join.assigned_from[f].empty())
      std::cout << fmt::format("    figures assigned from {}\n", join.assigned_from[f]);
    for (const JoinedColumn& c : join.columns)
      std::cout << fmt::format(
          "    {} = {}\n", c.name,
          std::isnan(c.values[f]) ? std::string("(none)") : fmt::format("{}", c.values[f]));
  }
  for (const auto& s : join.report.suggestions) {
    std::string t;
    for (const auto& c : s.tambons) t += (t.empty() ? "" : "+") + c;
    if (!t.empty())
      std::cout << fmt::format(
          "  municipal area {} is counted in amphoe {} only; it may lie in {} (chipao-cli "
          "project assign {} {}={})\n",
          s.municipal_code, s.amphoe, t, project.store().location(), s.municipal_code, t);
  }
  std::cout << fmt::format("  report {}\n", join.report.balanced ? "balanced" : "NOT balanced");
  return 0;
}

int project_assign(const Args& args, Project& project, bool assign) {
  if (args.positionals.size() != 3) {
    std::cerr << fmt::format("chipao-cli project {}: give the project and {}\n",
                             assign ? "assign" : "unassign",
                             assign ? "MUNICIPAL=TAMBON[+TAMBON..], e.g. 990151=990101"
                                    : "the municipal code, e.g. 990151");
    return 2;
  }
  MunicipalAssignment a;
  if (assign) {
    auto parsed = parse_assignment(args.positionals[2]);
    if (!parsed) {
      std::cerr << fmt::format("{}: {}\n", project.store().location(), parsed.error().message);
      return 1;
    }
    a = std::move(*parsed);
  } else {
    const CodeCheck c = normalise_code(args.positionals[2], AdminLevel::tambon);
    a.municipal_code = c.value ? c.value->code : args.positionals[2];
    const auto& all = project.state().assignments;
    if (std::none_of(all.begin(), all.end(),
                     [&](const auto& x) { return x.municipal_code == a.municipal_code; })) {
      std::cerr << fmt::format(
          "{}: municipal area {} is not assigned; chipao-cli project info "
          "lists the assignments\n",
          project.store().location(), args.positionals[2]);
      return 1;
    }
  }
  const std::string code = a.municipal_code;
  const std::vector<std::string> tambons = a.tambons;
  return apply_edit_and_report(
      args, project, [&](const PlanningState& now) { return make_set_assignment(now, a); },
      {{"municipal", code}, {"tambons", tambons}});
}

// Settings a planner may change, with their keys in the project and what each accepts.
Result<std::pair<std::string, std::string>> setting_from(Project& project, const std::string& name,
                                                         const std::string& value) {
  if (name == "suppress") {
    auto n = parse_count(value, "suppress");
    if (!n || *n > 1000)
      return fail(
          fmt::format("suppress {}: give the smallest count shown to partners, a whole "
                      "number from 0 (suppress nothing) to 1000, e.g. 3",
                      value));
    return std::pair{std::string("suppression_threshold"), std::to_string(*n)};
  }
  if (name == "language") {
    if (value != "th" && value != "en")
      return fail(fmt::format("language {}: choose th (ไทย) or en (English)", value));
    return std::pair{std::string("language"), value};
  }
  if (name == "amphoe") {
    const CodeCheck c = normalise_code(value, AdminLevel::amphoe);
    if (!c.value)
      return fail(fmt::format("amphoe {}: not an amphoe code ({}); give 4 digits, e.g. 9901", value,
                              c.problem));
    auto layers = project.store().layers();
    if (!layers) return std::unexpected(layers.error());
    if (!layers->empty()) {
      // The app opens on it: it must be somewhere on the project's map.
      auto stored = project.store().load_layer(layers->front().name);
      if (!stored) return std::unexpected(stored.error());
      const bool present =
          std::any_of(stored->layer.features.begin(), stored->layer.features.end(),
                      [&](const BoundaryFeature& f) { return f.code.starts_with(c.value->code); });
      if (!present)
        return fail(
            fmt::format("amphoe {}: no unit of layer {} lies in it; give an amphoe of the "
                        "project's map",
                        value, layers->front().name));
    }
    return std::pair{std::string("opening_amphoe"), c.value->code};
  }
  return fail(fmt::format("unknown setting '{}'; choose suppress, language or amphoe", name));
}

int project_set(const Args& args, Project& project) {
  if (args.positionals.size() != 4) {
    std::cerr << "chipao-cli project set: give the project, the setting (suppress, language, "
                 "amphoe) and its value\n";
    return 2;
  }
  auto setting = setting_from(project, args.positionals[2], args.positionals[3]);
  if (!setting) {
    std::cerr << fmt::format("{}: {}\n", project.store().location(), setting.error().message);
    return 1;
  }
  const auto [key, value] = *setting;
  return apply_edit_and_report(
      args, project, [&](const PlanningState& now) { return make_set_setting(now, key, value); },
      {{"setting", key}, {"value", value}});
}

int project_history(const Args& args, Project& project) {
  const EditHistory& h = project.history();
  if (args.has("json")) {
    ordered_json edits = ordered_json::array();
    for (std::size_t i = 0; i < h.size(); ++i) {
      edits.push_back({{"number", i + 1},
                       {"action", h.entries()[i].action},
                       {"summary", h.entries()[i].summary},
                       {"done", i < h.position()}});
    }
    std::cout << ordered_json{{"project", project.store().location()},
                              {"position", h.position()},
                              {"length", h.size()},
                              {"edits", edits}}
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
    return 0;
  }
  if (h.size() == 0) std::cout << "no edits yet\n";
  for (std::size_t i = 0; i < h.size(); ++i) {
    std::cout << fmt::format("{} {:>4}  {}{}\n", i + 1 == h.position() ? "→" : " ", i + 1,
                             h.entries()[i].summary, i < h.position() ? "" : "  (undone)");
  }
  return 0;
}

}  // namespace

int run_project(const std::vector<std::string>& argv) {
  ArgSpec spec;
  add_layer_options(spec);
  add_table_options(spec);
  spec.values.insert("boundaries");
  spec.repeatable.insert("assign");
  add_recode_option(spec);
  spec.repeatable.insert("code");
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
  if (sub == "views") return run_project_views(argv);  // cmd_project_views.cpp
  static const std::set<std::string> known{"info",   "undo",     "redo", "figures",
                                           "assign", "unassign", "set",  "history"};
  if (!known.contains(sub)) {
    std::cerr << fmt::format("chipao-cli project: unknown subcommand '{}'\n", sub)
              << project_usage();
    return 2;
  }
  if (args->positionals.size() < 2) {
    std::cerr << fmt::format("chipao-cli project {}: give the project path\n", sub);
    return 2;
  }
  if (args->positionals.size() != 2 && sub != "assign" && sub != "unassign" && sub != "set") {
    std::cerr << fmt::format("chipao-cli project {}: give only the project path\n", sub);
    return 2;
  }
  auto project = Project::open(args->positionals[1]);
  if (!project) {
    std::cerr << project.error().message << "\n";
    return 1;
  }
  if (sub == "info") return project_info(*args, *project);
  if (sub == "figures") return project_figures(*args, *project);
  if (sub == "assign" || sub == "unassign") return project_assign(*args, *project, sub == "assign");
  if (sub == "set") return project_set(*args, *project);
  if (sub == "history") return project_history(*args, *project);
  return project_step(*args, *project, sub == "undo");
}

}  // namespace chipao::cli
