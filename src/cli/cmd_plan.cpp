// chipao-cli plan: a project's interventions, budget cap and catalogue from the command line,
// so that what a planner does in the app can be scripted. Every change is one edit.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/commands.h"
#include "cli/project_edits.h"
#include "core/plan/zone_households.h"
#include "core/store/project.h"

namespace chipao::cli {

namespace {

using nlohmann::ordered_json;

std::string dimensions_list() {
  std::string out;
  for (int d = 0; d < kDimensionCount; ++d)
    out += (out.empty() ? "" : ", ") + std::string(dimension_key(static_cast<DimensionId>(d)));
  return out;
}

Result<DimensionId> dimension_from(const std::string& text) {
  if (const auto d = parse_dimension_key(text)) return *d;
  return fail(fmt::format("--dimension {}: choose one of {}", text, dimensions_list()));
}

// The layer a zone's households are tallied on: the zone's unit level when painted, else the
// tambon layer (or the first layer).
Result<StoredLayer> layer_for_zone(Project& project, const Zone& zone) {
  auto layers = project.store().layers();
  if (!layers) return std::unexpected(layers.error());
  const std::string level = zone.kind == ZoneKind::painted ? zone.unit_level : "tambon";
  for (const LayerSummary& l : *layers)
    if (l.level == level) return project.store().load_layer(l.name);
  if (zone.kind != ZoneKind::painted && !layers->empty())
    return project.store().load_layer(layers->front().name);
  return fail(
      fmt::format("zone '{}': the project has no {} layer to count its households on; "
                  "give --households",
                  zone.name, level));
}

int plan_add(const Args& args, Project& project) {
  const std::string& path = project.store().location();
  auto report = [&](const std::string& message) {
    std::cerr << fmt::format("{}: {}\n", path, message);
    return 1;
  };
  const auto zone_arg = args.value("zone");
  if (!zone_arg) {
    std::cerr << "chipao-cli plan add: give --zone NAME|ID\n" << plan_usage();
    return 2;
  }
  const PlanningState& state = project.state();
  auto zone_id = find_zone(state, *zone_arg);
  if (!zone_id) return report(zone_id.error().message);
  Intervention i;
  i.zone_id = *zone_id;
  if (const auto id = args.value("catalogue")) {
    const CatalogueEntry* entry = state.catalogue_entry(*id);
    if (!entry)
      return report(fmt::format(
          "--catalogue {}: no such catalogue entry; list them with chipao-cli plan catalogue {}",
          *id, path));
    i.catalogue_id = entry->id;
    i.dimension = entry->dimension;
    i.unit_cost_baht = entry->unit_cost_baht;
    const auto language = state.settings.find("language");
    i.agency = language != state.settings.end() && language->second == "en" ? entry->agency_en
                                                                            : entry->agency_th;
  } else if (!args.value("dimension") || !args.value("unit-cost") || !args.value("agency")) {
    std::cerr << "chipao-cli plan add: give --catalogue ID, or all of --dimension, --unit-cost "
                 "and --agency for a one-off intervention\n";
    return 2;
  }
  // Given values override the catalogue's.
  if (const auto d = args.value("dimension")) {
    auto dimension = dimension_from(*d);
    if (!dimension) return report(dimension.error().message);
    i.dimension = *dimension;
  }
  if (const auto c = args.value("unit-cost")) {
    auto cost = parse_baht(*c, "--unit-cost");
    if (!cost) return report(cost.error().message);
    i.unit_cost_baht = *cost;
  }
  if (const auto a = args.value("agency")) i.agency = *a;
  if (const auto h = args.value("households")) {
    auto n = parse_count(*h, "--households");
    if (!n) return report(n.error().message);
    i.households = *n;
  } else {
    const Zone& zone = *state.zone(*zone_id);
    auto layer = layer_for_zone(project, zone);
    if (!layer) return report(layer.error().message);
    auto n = zone_deprived_households(*layer, zone, i.dimension);
    if (!n) return report(n.error().message + " (--households N)");
    i.households = *n;
  }
  i.start = args.value("start").value_or("");
  i.end = args.value("end").value_or("");
  if (const auto s = args.value("status")) {
    const auto status = parse_intervention_status(*s);
    if (!status)
      return report(fmt::format("--status {}: choose planned, approved, in_progress or done", *s));
    i.status = *status;
  }
  const std::int64_t households = i.households;
  const double cost = i.cost_baht();
  // The id is the next free one when the edit is written, not when this process read.
  return apply_edit_and_report(
      args, project, [&](const PlanningState& now) { return make_add_intervention(now, i); },
      {{"zone", *zone_id}, {"households", households}, {"cost_baht", cost}},
      [](ordered_json& details, const Edit& committed) {
        details["intervention"] = created_id(committed, EntityKind::intervention);
      });
}

int plan_list(const Args& args, Project& project) {
  const PlanningState& state = project.state();
  const Plan& plan = state.plan;
  if (args.has("json")) {
    ordered_json items = ordered_json::array();
    for (const Intervention& i : plan.interventions) {
      const Zone* z = state.zone(i.zone_id);
      items.push_back({{"id", i.id},
                       {"zone", i.zone_id},
                       {"zone_name", z ? z->name : ""},
                       {"catalogue", i.catalogue_id ? ordered_json(*i.catalogue_id) : nullptr},
                       {"dimension", dimension_key(i.dimension)},
                       {"households", i.households},
                       {"unit_cost_baht", i.unit_cost_baht},
                       {"cost_baht", i.cost_baht()},
                       {"agency", i.agency},
                       {"start", i.start},
                       {"end", i.end},
                       {"status", intervention_status_key(i.status)}});
    }
    std::cout << ordered_json{{"project", project.store().location()},
                              {"interventions", items},
                              {"total_cost_baht", plan.total_cost_baht()},
                              {"budget_cap_baht", plan.budget_cap_baht},
                              {"over_budget", plan.budget_cap_baht > 0 &&
                                                  plan.total_cost_baht() > plan.budget_cap_baht}}
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
    return 0;
  }
  if (plan.interventions.empty()) std::cout << "no interventions\n";
  for (const Intervention& i : plan.interventions) {
    const Zone* z = state.zone(i.zone_id);
    std::cout << fmt::format(
        "{} zone {} '{}': {} ({}), {} households × {:.2f} = {:.2f} baht, {}, "
        "{}–{}, {}\n",
        i.id, i.zone_id, z ? z->name : "?", i.catalogue_id.value_or("one-off"),
        dimension_key(i.dimension), i.households, i.unit_cost_baht, i.cost_baht(), i.agency,
        i.start, i.end, intervention_status_key(i.status));
  }
  std::cout << fmt::format("total {:.2f} baht", plan.total_cost_baht());
  if (plan.budget_cap_baht > 0)
    std::cout << fmt::format(" of a {:.2f} baht cap{}", plan.budget_cap_baht,
                             plan.total_cost_baht() > plan.budget_cap_baht ? " (OVER BUDGET)" : "");
  std::cout << "\n";
  return 0;
}

int plan_catalogue(const Args& args, Project& project) {
  const auto& catalogue = project.state().catalogue;
  if (args.has("json")) {
    ordered_json items = ordered_json::array();
    for (const CatalogueEntry& c : catalogue) {
      items.push_back({{"id", c.id},
                       {"name_th", c.name_th},
                       {"name_en", c.name_en},
                       {"dimension", dimension_key(c.dimension)},
                       {"agency_th", c.agency_th},
                       {"agency_en", c.agency_en},
                       {"unit_cost_baht", c.unit_cost_baht}});
    }
    std::cout << ordered_json{{"project", project.store().location()}, {"catalogue", items}}.dump(
                     2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
    return 0;
  }
  for (const CatalogueEntry& c : catalogue) {
    std::cout << fmt::format("{} ({}): {} / {}; {}; {:.2f} baht per household\n", c.id,
                             dimension_key(c.dimension), c.name_th, c.name_en, c.agency_th,
                             c.unit_cost_baht);
  }
  return 0;
}

int plan_catalogue_add(const Args& args, Project& project) {
  for (const char* required :
       {"id", "name-th", "name-en", "dimension", "agency-th", "agency-en", "unit-cost"}) {
    if (!args.value(required)) {
      std::cerr << fmt::format("chipao-cli plan catalogue-add: give --{}\n", required)
                << plan_usage();
      return 2;
    }
  }
  const std::string& path = project.store().location();
  CatalogueEntry c;
  c.id = *args.value("id");
  c.name_th = *args.value("name-th");
  c.name_en = *args.value("name-en");
  auto dimension = dimension_from(*args.value("dimension"));
  if (!dimension) {
    std::cerr << fmt::format("{}: {}\n", path, dimension.error().message);
    return 1;
  }
  c.dimension = *dimension;
  c.agency_th = *args.value("agency-th");
  c.agency_en = *args.value("agency-en");
  auto cost = parse_baht(*args.value("unit-cost"), "--unit-cost");
  if (!cost) {
    std::cerr << fmt::format("{}: {}\n", path, cost.error().message);
    return 1;
  }
  c.unit_cost_baht = *cost;
  const std::string id = c.id;
  return apply_edit_and_report(
      args, project, [&](const PlanningState& now) { return make_put_catalogue_entry(now, c); },
      {{"catalogue", id}});
}

}  // namespace

std::string plan_usage() {
  return "Usage: chipao-cli plan add P --zone ZONE (--catalogue ID | --dimension D --unit-cost "
         "BAHT --agency TEXT)\n"
         "                    [--households N] [--start DATE] [--end DATE] [--status S] [--json]\n"
         "       chipao-cli plan list P [--json]\n"
         "       chipao-cli plan remove P ID [--json]\n"
         "       chipao-cli plan budget P --cap BAHT [--json]\n"
         "       chipao-cli plan catalogue P [--json]\n"
         "       chipao-cli plan catalogue-add P --id ID --name-th T --name-en T --dimension D\n"
         "                    --agency-th T --agency-en T --unit-cost BAHT [--json]\n\n"
         "ZONE is a zone's id or name. D is health, living, education, income or access.\n"
         "Without --households an intervention targets the zone's households deprived in its\n"
         "dimension, from TPMAP's mask table for that dimension alone (e.g. …_tambol_00010.csv\n"
         "for income) when the project joined it. Dates are kept as typed (1/10/2569). S is\n"
         "planned, approved, in_progress or done. A cap of 0 removes the cap. Each command is\n"
         "one edit: `chipao-cli project undo P` takes it back.\n";
}

int run_plan(const std::vector<std::string>& argv) {
  ArgSpec spec;
  spec.values = {"zone",       "catalogue", "dimension", "unit-cost", "agency",
                 "households", "start",     "end",       "status",    "cap",
                 "id",         "name-th",   "name-en",   "agency-th", "agency-en"};
  spec.flags = {"json", "help"};
  auto args = parse_args(argv, spec);
  if (!args) {
    std::cerr << "chipao-cli plan: " << args.error().message << "\n" << plan_usage();
    return 2;
  }
  if (args->has("help")) {
    std::cout << plan_usage();
    return 0;
  }
  static const std::set<std::string> known{"add",    "list",      "remove",
                                           "budget", "catalogue", "catalogue-add"};
  if (args->positionals.size() < 2 || !known.contains(args->positionals[0])) {
    if (!args->positionals.empty() && !known.contains(args->positionals[0]))
      std::cerr << fmt::format("chipao-cli plan: unknown subcommand '{}'\n", args->positionals[0]);
    std::cerr << plan_usage();
    return 2;
  }
  const std::string& sub = args->positionals[0];
  if (args->positionals.size() != (sub == "remove" ? 3u : 2u)) {
    std::cerr << fmt::format("chipao-cli plan {}: give the project path{}\n", sub,
                             sub == "remove" ? " and the intervention's id" : " only");
    return 2;
  }
  auto project = open_project_or_report(args->positionals[1]);
  if (!project) return 1;
  if (sub == "add") return plan_add(*args, *project);
  if (sub == "list") return plan_list(*args, *project);
  if (sub == "catalogue") return plan_catalogue(*args, *project);
  if (sub == "catalogue-add") return plan_catalogue_add(*args, *project);
  const std::string& path = project->store().location();
  if (sub == "remove") {
    auto id = parse_count(args->positionals[2], "intervention id");
    if (!id) {
      std::cerr << fmt::format("{}: {}\n", path, id.error().message);
      return 1;
    }
    return apply_edit_and_report(
        *args, *project,
        [&](const PlanningState& now) { return make_remove_intervention(now, *id); },
        {{"intervention", *id}});
  }
  const auto cap = args->value("cap");
  if (!cap) {
    std::cerr << "chipao-cli plan budget: give --cap BAHT (0 removes the cap)\n";
    return 2;
  }
  auto baht = parse_baht(*cap, "--cap");
  if (!baht) {
    std::cerr << fmt::format("{}: {}\n", path, baht.error().message);
    return 1;
  }
  return apply_edit_and_report(
      *args, *project, [&](const PlanningState& now) { return make_set_budget_cap(now, *baht); },
      {{"budget_cap_baht", *baht}});
}

}  // namespace chipao::cli
