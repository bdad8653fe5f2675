// chipao-cli tally: what each zone of a polygon file holds — every figure of the tables,
// tallied from the units the zone takes (whole units by label point, or by area share), the
// share of the amphoe's target poor, and the rule that made the figures.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/joined_layer.h"
#include "cli/layer_options.h"
#include "cli/table_options.h"
#include "core/join/join.h"
#include "core/plan/tally.h"

namespace chipao::cli {

namespace {

using nlohmann::ordered_json;

// 1234567.8 -> "1,234,568" for counts; rates and means keep two decimals.
std::string readable(double v, MeasureRule rule) {
  if (std::isnan(v)) return "-";
  if (rule != MeasureRule::sum) return fmt::format("{:.2f}", v);
  const bool whole = std::abs(v - std::round(v)) < 1e-9;
  std::string digits = fmt::format("{:.0f}", std::abs(std::trunc(v)));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  if (!whole) out += fmt::format("{:.2f}", std::abs(v - std::trunc(v))).substr(1);
  return (v < 0 ? "-" : "") + out;
}

ordered_json number(double v) {
  return std::isnan(v) ? ordered_json(nullptr) : ordered_json(v);
}

ordered_json zone_json(const ZoneTally& t) {
  ordered_json j;
  j["name"] = t.name;
  j["rule"] = std::string(tally_rule_name(t.rule));
  ordered_json units = ordered_json::array();
  for (const auto& u : t.units) {
    if (t.rule == TallyRule::area) {
      units.push_back({{"code", u.code}, {"weight", u.weight}});
    } else {
      units.push_back(u.code);
    }
  }
  j["units"] = units;
  j["share_of_amphoe_target_poor"] = number(t.share_of_amphoe_target_poor);
  ordered_json shares = ordered_json::array();
  for (const auto& s : t.amphoe_shares) {
    shares.push_back({{"amphoe", s.amphoe},
                      {"zone_target_poor", s.zone_target_poor},
                      {"amphoe_target_poor", number(s.amphoe_target_poor)},
                      {"share", number(s.share)}});
  }
  j["amphoe_shares"] = shares;
  for (const auto& f : t.figures) j[f.name] = number(f.value);
  return j;
}

void print_text(const ZoneTally& t, std::ostream& out) {
  out << fmt::format("{} — rule: {} ({}), {} units\n", t.name, tally_rule_name(t.rule),
                     t.rule == TallyRule::area ? "units counted by the share of their area inside"
                                               : "whole units whose label point is inside",
                     t.units.size());
  if (!std::isnan(t.share_of_amphoe_target_poor)) {
    out << fmt::format("  share of the amphoe's target poor: {:.1f} %\n",
                       100 * t.share_of_amphoe_target_poor);
  }
  for (const auto& s : t.amphoe_shares) {
    out << fmt::format("    amphoe {}: {} of {} ({})\n", s.amphoe,
                       readable(s.zone_target_poor, MeasureRule::sum),
                       readable(s.amphoe_target_poor, MeasureRule::sum),
                       std::isnan(s.share) ? "no total" : fmt::format("{:.1f} %", 100 * s.share));
  }
  std::size_t width = 0;
  for (const auto& f : t.figures) width = std::max(width, f.name.size());
  for (const auto& f : t.figures)
    out << fmt::format("  {:<{}}  {:>14}\n", f.name, width, readable(f.value, f.rule));
  out << "\n";
}

}  // namespace

std::string tally_usage() {
  return "Usage: chipao-cli tally --boundaries SRC --table T [--table T2 ...] --zones ZONES "
         "[--rule centroid|area] [--json]\n\n"
         "Tallies the tables' figures for every polygon of ZONES (any polygon format GDAL reads,\n"
         "in any CRS). A zone's name is its 'name' field, else 'zone <fid>'. Sums are weighted\n"
         "by the unit's weight, rates recomputed from their tallied parts.\n\n"
         "  --boundaries SRC     the unit layer (tambons or villages; all `info` layer options "
         "apply)\n" +
         table_options_help() +
         "  --zones ZONES        the zones: polygons or multipolygons\n"
         "  --rule R             centroid (default): whole units whose label point is inside;\n"
         "                       area: units by the share of their area inside the zone\n"
         "  --assign M=T[+T2]    put municipal area M's figures into tambon(s) T (as `join`)\n"
         "  --json               one JSON entry per zone: name, rule, units (with weights under\n"
         "                       the area rule) and every measure under its column name\n" +
         layer_options_help();
}

int run_tally(const std::vector<std::string>& argv) {
  ArgSpec spec;
  add_layer_options(spec);
  add_table_options(spec);
  spec.values.insert("boundaries");
  spec.values.insert("zones");
  spec.values.insert("rule");
  spec.repeatable.insert("assign");
  spec.flags.insert("json");
  spec.flags.insert("help");
  auto args = parse_args(argv, spec);
  if (!args) {
    std::cerr << "chipao-cli tally: " << args.error().message << "\n" << tally_usage();
    return 2;
  }
  if (args->has("help")) {
    std::cout << tally_usage();
    return 0;
  }
  const auto boundaries = args->value("boundaries");
  const auto zones_path = args->value("zones");
  if (!boundaries || !zones_path || args->all("table").empty()) {
    std::cerr << "chipao-cli tally: --boundaries, --table and --zones are needed\n"
              << tally_usage();
    return 2;
  }
  const auto rule = parse_tally_rule(args->value("rule").value_or("centroid"));
  if (!rule || *rule == TallyRule::painted) {
    std::cerr << "chipao-cli tally: --rule " << *args->value("rule")
              << ": use centroid (whole units) or area (shares of units by area)\n";
    return 2;
  }
  auto loaded =
      load_joined_layer(*args, {.command = "tally", .require = GeometryRequirement::polygon});
  if (!loaded) return loaded.error();
  const BoundaryLayer& layer = loaded->layer;
  const std::vector<MeasureTable>& tables = loaded->tables;
  const JoinResult& joined = *loaded->joined;
  auto figures = TallyFigures::from_join(joined, tables);
  if (!figures) {
    std::cerr << figures.error().message << "\n";
    return 1;
  }
  // The zones file is read like any boundary source (GDAL, reprojected to WGS 84, repaired),
  // but it has no administrative codes: nothing is detected from its fields.
  LoadOptions zone_options;
  zone_options.require = GeometryRequirement::polygon;
  zone_options.level = AdminLevel::tambon;  // unused: zones carry no codes
  auto zones = load_boundaries(*zones_path, zone_options);
  if (!zones) {
    std::cerr << zones.error().message << "\n";
    return 1;
  }
  std::size_t name_field = zones->source.field_names.size();
  for (std::size_t i = 0; i < zones->source.field_names.size(); ++i) {
    if (zones->source.field_names[i] == "name" || zones->source.field_names[i] == "NAME") {
      name_field = i;
      break;
    }
  }
  std::size_t polygons = 0;
  for (const BoundaryFeature& z : zones->features)
    if (z.geometry.kind == GeometryKind::polygon && !z.geometry.empty()) ++polygons;
  if (polygons == 0) {
    std::cerr << *zones_path
              << ": has no polygons; draw each zone as a polygon or multipolygon (points and "
                 "lines cannot hold units)\n";
    return 1;
  }

  const TallyIndex index = TallyIndex::build(layer);
  ordered_json all = ordered_json::array();
  for (const BoundaryFeature& z : zones->features) {
    if (z.geometry.kind != GeometryKind::polygon || z.geometry.empty()) {
      std::cerr << fmt::format("warning: {} feature {}: not a polygon, skipped\n", *zones_path,
                               z.fid);
      continue;
    }
    std::string name = name_field < z.attributes.size() ? z.attributes[name_field] : "";
    if (name.empty()) name = fmt::format("zone {}", z.fid);
    const PreparedZone zone(z.geometry);
    const auto units = zone_units(index, zone, *rule);
    if (units.empty()) {
      std::cerr << fmt::format(
          "warning: {} zone '{}' (feature {}) takes no unit of {} under the {} rule; is it "
          "drawn over the right area?\n",
          *zones_path, name, z.fid, *boundaries, tally_rule_name(*rule));
    }
    const ZoneTally t = tally_zone(index, *figures, units, *rule, name);
    if (args->has("json")) {
      all.push_back(zone_json(t));
    } else {
      print_text(t, std::cout);
    }
  }
  if (args->has("json"))
    std::cout << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return 0;
}

}  // namespace chipao::cli
