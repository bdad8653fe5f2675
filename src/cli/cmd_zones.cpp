// chipao-cli zones: the zones of a project from the command line — import drawn zones from a
// polygon file, list them, paint administrative units into a zone (creating it when the name
// is new), rename, recolour, lock, unlock and delete. Every change is one edit.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "cli/commands.h"
#include "cli/project_edits.h"
#include "core/admin/admin_code.h"
#include "core/io/boundary_reader.h"
#include "core/plan/zone_checks.h"
#include "core/store/project.h"

namespace chipao::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::string part;
  for (char c : text + ",") {
    if (c == ',') {
      if (!part.empty()) out.push_back(part);
      part.clear();
    } else if (c != ' ') {
      part += c;
    }
  }
  return out;
}

// The codes normalised at `level`; when the project has a layer of that level, each must be
// one of its units (a typo would otherwise paint nothing on the map).
Result<std::vector<std::string>> check_units(Project& project, const std::vector<std::string>& raw,
                                             const std::string& level) {
  const auto parsed_level = parse_level(level);
  if (!parsed_level ||
      (*parsed_level != AdminLevel::tambon && *parsed_level != AdminLevel::village))
    return fail(fmt::format("--level {}: choose tambon or village", level));
  std::vector<std::string> codes;
  for (const std::string& r : raw) {
    const CodeCheck c = normalise_code(r, *parsed_level);
    if (!c.value)
      return fail(fmt::format("--units: '{}' is not a {} code ({})", r, level, c.problem));
    codes.push_back(c.value->code);
  }
  if (codes.empty()) return fail("--units: give one or more unit codes, e.g. 990101,990102");
  auto layers = project.store().layers();
  if (!layers) return std::unexpected(layers.error());
  for (const LayerSummary& l : *layers) {
    if (l.level != level) continue;
    auto stored = project.store().load_layer(l.name);
    if (!stored) return std::unexpected(stored.error());
    std::set<std::string> known;
    for (const BoundaryFeature& f : stored->layer.features) known.insert(f.code);
    for (const std::string& c : codes)
      if (!known.contains(c))
        return fail(fmt::format("--units: {} {} is not in the project's layer {} ({})", level, c,
                                l.name, l.source_path));
    break;
  }
  return codes;
}

int zones_import(const Args& args) {
  if (args.positionals.size() != 3) {
    std::cerr << zones_usage();
    return 2;
  }
  const std::string& project_path = args.positionals[1];
  const std::string& zones_path = args.positionals[2];
  auto project = open_project_or_report(project_path);
  if (!project) return 1;
  LoadOptions options;
  options.require = GeometryRequirement::polygon;
  options.layer = args.value("layer");
  auto layer = load_boundaries(zones_path, options);
  if (!layer) {
    std::cerr << layer.error().message << "\n";
    return 1;
  }
  const std::string name_field = args.value("name-field").value_or("name");
  int name_index = -1;
  for (std::size_t i = 0; i < layer->source.field_names.size(); ++i)
    if (layer->source.field_names[i] == name_field) name_index = static_cast<int>(i);
  if (args.value("name-field") && name_index < 0) {
    std::cerr << fmt::format("{}: no field '{}'; its fields are listed by chipao-cli info {}\n",
                             zones_path, name_field, zones_path);
    return 1;
  }
  // Warnings, not errors: a zone outside the project's units or with a self-intersecting
  // outline is usually a mistake (the wrong file, a CRS not understood), but the planner
  // decides. Said now, at import, not first at export.
  std::vector<std::string> warnings;
  std::map<std::int64_t, std::string> repaired;
  for (const RepairedGeometry& r : layer->report.repaired) repaired[r.fid] = r.reason;
  std::optional<StoredLayer> units;
  if (auto layers = project->store().layers(); layers) {
    const LayerSummary* chosen = nullptr;
    for (const LayerSummary& l : *layers)
      if (l.level == "tambon") chosen = &l;
    for (const LayerSummary& l : *layers)
      if (!chosen && l.geometry_type.find("POLYGON") != std::string::npos) chosen = &l;
    if (chosen)
      if (auto loaded = project->store().load_layer(chosen->name)) units = std::move(*loaded);
  }
  std::optional<ZoneChecker> checker;
  if (units) checker.emplace(units->layer, units->name);
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
    if (const auto it = repaired.find(f.fid); it != repaired.end())
      warnings.push_back(fmt::format(
          "{}: zone '{}' (feature {}) crosses itself ({}); it was repaired as ChiPao reads it — "
          "check the outline",
          zones_path, z.name, f.fid, it->second));
    if (checker)
      for (const ZoneWarning& w : checker->check(z.name, z.polygon))
        warnings.push_back(fmt::format("{}: {}", zones_path, w.message));
    zones.push_back(std::move(z));
  }
  if (zones.empty()) {
    std::cerr << fmt::format("{}: no polygons to import\n", zones_path);
    return 1;
  }
  const std::string source = fs::path(zones_path).filename().string();
  bool builder_failed = false;
  auto committed = project->apply([&](const PlanningState& now) -> Result<Edit> {
    auto edit = make_import_zones(now, zones, source);
    builder_failed = !edit;
    return edit;
  });
  if (!committed) {
    std::cerr << (builder_failed ? zones_path + ": " : std::string()) << committed.error().message
              << "\n";
    return 1;
  }
  const std::size_t count = (*committed)->changes.size();
  for (const std::string& w : warnings) std::cerr << "warning: " << w << "\n";
  if (args.has("json")) {
    std::cout << ordered_json{{"project", project_path},
                              {"imported", count},
                              {"zones", project->state().zones.size()},
                              {"warnings", warnings},
                              {"history_length", project->history().size()}}
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    std::cout << fmt::format(
        "imported {} zones from {} into {} (one edit; undo with chipao-cli "
        "project undo {})\n",
        count, zones_path, project_path, project_path);
  }
  return 0;
}

int zones_list(const Args& args, Project& project) {
  const PlanningState& state = project.state();
  if (args.has("json")) {
    ordered_json zones = ordered_json::array();
    for (const Zone& z : state.zones) {
      std::size_t interventions = 0;
      for (const Intervention& i : state.plan.interventions) interventions += i.zone_id == z.id;
      zones.push_back({{"id", z.id},
                       {"name", z.name},
                       {"kind", zone_kind_key(z.kind)},
                       {"color", z.color_hex},
                       {"locked", z.locked},
                       {"unit_level", z.unit_level},
                       {"units", z.unit_codes},
                       {"has_polygon", !z.polygon.empty()},
                       {"interventions", interventions}});
    }
    std::cout << ordered_json{{"project", project.store().location()}, {"zones", zones}}.dump(
                     2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
    return 0;
  }
  if (state.zones.empty()) std::cout << "no zones\n";
  for (const Zone& z : state.zones) {
    std::string units;
    for (const auto& u : z.unit_codes) units += (units.empty() ? "" : ",") + u;
    std::cout << fmt::format("{} {} ({}, {}{}){}\n", z.id, z.name, zone_kind_key(z.kind),
                             z.color_hex, z.locked ? ", locked" : "",
                             units.empty() ? "" : fmt::format(": {} {}", z.unit_level, units));
  }
  return 0;
}

int zones_paint(const Args& args, Project& project) {
  const auto zone = args.value("zone");
  const auto units = args.value("units");
  if (!zone || !units) {
    std::cerr << "chipao-cli zones paint: give --zone NAME|ID and --units CODE,CODE\n";
    return 2;
  }
  const PlanningState& state = project.state();
  auto id = find_zone(state, *zone);
  std::string level = args.value("level").value_or(id ? state.zone(*id)->unit_level : "tambon");
  if (id && state.zone(*id)->unit_level != level && !state.zone(*id)->unit_codes.empty()) {
    std::cerr << fmt::format(
        "{}: zone {} '{}' holds {}s; paint {}s into it, or paint these into a new zone\n",
        project.store().location(), *id, state.zone(*id)->name, state.zone(*id)->unit_level,
        state.zone(*id)->unit_level);
    return 1;
  }
  auto codes = check_units(project, split_commas(*units), level);
  if (!codes) {
    std::cerr << fmt::format("{}: {}\n", project.store().location(), codes.error().message);
    return 1;
  }
  if (id) {
    return apply_edit_and_report(
        args, project, [&](const PlanningState& now) { return make_paint_units(now, *id, *codes); },
        {{"zone", *id}, {"created", false}});
  }
  // A name that is no zone yet: a new painted zone (all digits would read as a missing id).
  if (std::all_of(zone->begin(), zone->end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::cerr << fmt::format("{}: {}\n", project.store().location(), id.error().message);
    return 1;
  }
  Zone z;
  z.name = *zone;
  z.kind = ZoneKind::painted;
  z.unit_level = level;
  z.unit_codes = *codes;
  // The id is the next free one when the edit is written, not when this process read.
  return apply_edit_and_report(
      args, project, [&](const PlanningState& now) { return make_create_zone(now, z); },
      {{"created", true}},
      [](ordered_json& details, const Edit& committed) {
        details["zone"] = created_id(committed, EntityKind::zone);
      });
}

int zones_change(const Args& args, Project& project, const std::string& sub) {
  const std::size_t wanted = sub == "rename" || sub == "color" ? 4 : 3;
  if (args.positionals.size() != wanted) {
    std::cerr << fmt::format("chipao-cli zones {}: give the project, the zone{}\n", sub,
                             sub == "rename"  ? " and the new name"
                             : sub == "color" ? " and the colour (#RRGGBB)"
                                              : "");
    return 2;
  }
  const PlanningState& state = project.state();
  auto id = find_zone(state, args.positionals[2]);
  if (!id) {
    std::cerr << fmt::format("{}: {}\n", project.store().location(), id.error().message);
    return 1;
  }
  if (sub == "rename" && args.positionals[3].empty()) {
    std::cerr << "chipao-cli zones rename: the new name is empty\n";
    return 2;
  }
  const std::int64_t zone = *id;
  const EditBuilder build = [&](const PlanningState& now) -> Result<Edit> {
    if (sub == "rename") return make_rename_zone(now, zone, args.positionals[3]);
    if (sub == "color") return make_recolour_zone(now, zone, args.positionals[3]);
    if (sub == "lock" || sub == "unlock") return make_set_zone_locked(now, zone, sub == "lock");
    return make_delete_zone(now, zone);
  };
  return apply_edit_and_report(args, project, build, {{"zone", zone}});
}

}  // namespace

std::string zones_usage() {
  return "Usage: chipao-cli zones import P ZONES [--name-field F] [--layer L] [--json]\n"
         "       chipao-cli zones list P [--json]\n"
         "       chipao-cli zones paint P --zone NAME|ID --units CODE[,CODE..] "
         "[--level tambon|village] [--json]\n"
         "       chipao-cli zones rename P ZONE NEW_NAME [--json]\n"
         "       chipao-cli zones color P ZONE #RRGGBB [--json]\n"
         "       chipao-cli zones lock|unlock|delete P ZONE [--json]\n\n"
         "import adds each polygon of ZONES (any vector file GDAL reads; reprojected to WGS 84)\n"
         "as a drawn zone named from its `name` field (or --name-field). paint puts tambons or\n"
         "villages into a zone, taking them out of any other; a NAME that is no zone yet\n"
         "creates a painted zone. ZONE is a zone's id or its name. delete also removes the\n"
         "zone's interventions. Each command is one edit: `chipao-cli project undo P` takes it\n"
         "back at once.\n";
}

int run_zones(const std::vector<std::string>& argv) {
  ArgSpec spec;
  spec.values = {"name-field", "layer", "zone", "units", "level"};
  spec.flags = {"json", "help"};
  auto args = parse_args(argv, spec);
  if (!args) {
    std::cerr << "chipao-cli zones: " << args.error().message << "\n" << zones_usage();
    return 2;
  }
  if (args->has("help")) {
    std::cout << zones_usage();
    return 0;
  }
  if (args->positionals.size() < 2) {
    std::cerr << zones_usage();
    return 2;
  }
  const std::string& sub = args->positionals[0];
  if (sub == "import") return zones_import(*args);
  static const std::set<std::string> known{"list", "paint",  "rename", "color",
                                           "lock", "unlock", "delete"};
  if (!known.contains(sub)) {
    std::cerr << fmt::format("chipao-cli zones: unknown subcommand '{}'\n", sub) << zones_usage();
    return 2;
  }
  auto project = open_project_or_report(args->positionals[1]);
  if (!project) return 1;
  if (sub == "list") return zones_list(*args, *project);
  if (sub == "paint") return zones_paint(*args, *project);
  return zones_change(*args, *project, sub);
}

}  // namespace chipao::cli
