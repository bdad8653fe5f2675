// chipao-cli info: what ChiPao understood of a boundary source.
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

#include <set>
#include "cli/commands.h"
#include "cli/layer_options.h"

#include "core/admin/admin_code.h"
#include "core/geo/area.h"
#include "core/io/boundary_reader.h"

namespace chipao::cli {

namespace {

using nlohmann::ordered_json;

ordered_json info_json(const BoundaryLayer& layer) {
  const SourceDescription& s = layer.source;
  const LoadReport& r = layer.report;
  ordered_json j;
  j["source"] = s.path;
  j["driver"] = s.driver;
  j["layer"] = s.layer;
  j["features"] = layer.features.size();
  j["geometry_type"] = s.geometry_type;
  j["crs"] = s.crs;
  j["crs_source"] = s.crs_source;
  j["level"] = s.level ? ordered_json(std::string(level_name(*s.level))) : ordered_json(nullptr);
  j["level_source"] = s.level ? ordered_json(s.level_source) : ordered_json(nullptr);
  j["code_field"] = s.code_fields ? ordered_json(s.code_fields->describe()) : ordered_json(nullptr);
  j["code_fields"] = s.code_fields ? ordered_json(s.code_fields->fields) : ordered_json::array();
  j["code_source"] = s.code_source.empty() ? ordered_json(nullptr) : ordered_json(s.code_source);
  j["name_fields"] = {
      {"th", s.name_fields.th.empty() ? ordered_json(nullptr) : ordered_json(s.name_fields.th)},
      {"en", s.name_fields.en.empty() ? ordered_json(nullptr) : ordered_json(s.name_fields.en)}};
  j["encoding"] = s.encoding;
  j["encoding_source"] = s.encoding_source;
  j["invalid_repaired"] = r.repaired.size();
  ordered_json repaired = ordered_json::array();
  for (const RepairedGeometry& g : r.repaired)
    repaired.push_back({{"fid", g.fid}, {"code", g.code}, {"reason", g.reason}});
  j["repaired"] = repaired;
  j["empty_geometries"] = r.empty_geometries;
  ordered_json bad = ordered_json::array();
  for (const BadCode& b : r.bad_codes) {
    bad.push_back({{"fid", b.fid}, {"field", b.field}, {"value", b.value}, {"reason", b.reason}});
  }
  j["bad_codes"] = bad;
  ordered_json fixed = ordered_json::array();
  for (const FixedCode& f : r.fixed_codes) {
    fixed.push_back({{"fid", f.fid}, {"value", f.value}, {"code", f.code}, {"note", f.note}});
  }
  j["fixed_codes"] = fixed;
  ordered_json dups = ordered_json::array();
  for (const DuplicateCode& d : r.duplicates) dups.push_back({{"code", d.code}, {"fids", d.fids}});
  j["duplicates"] = dups;
  j["warnings"] = r.warnings;
  const Bbox& e = layer.extent_wgs84;
  j["extent_wgs84"] =
      e.empty() ? ordered_json(nullptr) : ordered_json({e.min_x, e.min_y, e.max_x, e.max_y});
  // The units each feature's code places it in, counted per level: a tambon layer of one
  // province should show one province and its amphoe.
  ordered_json parents = ordered_json::object();
  if (s.level) {
    for (int lv = static_cast<int>(AdminLevel::province); lv < static_cast<int>(*s.level); ++lv) {
      const auto level = static_cast<AdminLevel>(lv);
      std::set<std::string> units;
      for (const BoundaryFeature& f : layer.features) {
        if (!f.code.empty()) units.insert(ancestor_code(f.code, level));
      }
      parents[std::string(level_name(level))] = units.size();
    }
  }
  j["parent_units"] = parents;
  double area = 0;
  for (const BoundaryFeature& f : layer.features) area += area_m2(f.geometry);
  j["area_km2"] = area / 1e6;
  j["fields"] = s.field_names;
  return j;
}

void print_text(const BoundaryLayer& layer, std::ostream& out) {
  const SourceDescription& s = layer.source;
  const LoadReport& r = layer.report;
  out << s.path << "\n";
  out << fmt::format("  driver     {} (layer '{}')\n", s.driver, s.layer);
  out << fmt::format("  features   {} {}\n", layer.features.size(), s.geometry_type);
  out << fmt::format("  level      {} ({})\n",
                     s.level ? std::string(level_name(*s.level)) : "unknown",
                     s.level ? s.level_source : "no code field");
  out << fmt::format("  code       {} ({})\n", s.code_fields ? s.code_fields->describe() : "none",
                     s.code_source.empty() ? "-" : s.code_source);
  out << fmt::format("  names      th: {}  en: {}\n",
                     s.name_fields.th.empty() ? "-" : s.name_fields.th,
                     s.name_fields.en.empty() ? "-" : s.name_fields.en);
  out << fmt::format("  encoding   {} ({})\n", s.encoding, s.encoding_source);
  out << fmt::format("  crs        {} ({})\n", s.crs, s.crs_source);
  const Bbox& e = layer.extent_wgs84;
  if (!e.empty())
    out << fmt::format("  extent     {:.5f} {:.5f} {:.5f} {:.5f} (WGS 84)\n", e.min_x, e.min_y,
                       e.max_x, e.max_y);
  out << fmt::format("  repaired   {} invalid polygon(s)\n", r.repaired.size());
  for (const RepairedGeometry& g : r.repaired)
    out << fmt::format("    FID {} code {}: {}\n", g.fid, g.code.empty() ? "-" : g.code, g.reason);
  if (!r.empty_geometries.empty())
    out << fmt::format("  empty      {} feature(s) without geometry\n", r.empty_geometries.size());
  out << fmt::format("  bad codes  {}\n", r.bad_codes.size());
  std::size_t shown = 0;
  for (const BadCode& b : r.bad_codes) {
    if (++shown > 20) {
      out << fmt::format("    ... and {} more (see --json)\n", r.bad_codes.size() - 20);
      break;
    }
    out << fmt::format("    FID {} field {} value '{}': {}\n", b.fid, b.field, b.value, b.reason);
  }
  if (!r.fixed_codes.empty())
    out << fmt::format("  fixed      {} code(s) ({})\n", r.fixed_codes.size(),
                       r.fixed_codes.front().note);
  if (!r.duplicates.empty()) {
    out << fmt::format("  duplicates {} code(s) on more than one feature\n", r.duplicates.size());
    for (std::size_t i = 0; i < r.duplicates.size() && i < 20; ++i) {
      std::string fids;
      for (auto fid : r.duplicates[i].fids)
        fids += (fids.empty() ? "" : ", ") + std::to_string(fid);
      out << fmt::format("    {} on FIDs {}\n", r.duplicates[i].code, fids);
    }
  }
}

}  // namespace

std::string info_usage() {
  return "Usage: chipao-cli info SOURCE [options] [--json]\n\n"
         "Reads a boundary source (shapefile, zipped shapefile, GeoPackage, GeoJSON, FlatGeobuf,\n"
         "SpatiaLite) and prints what ChiPao understood of it.\n\n" +
         layer_options_help() +
         "  --json               machine-readable output\n"
         "  --timings            time of each loading phase, on stderr\n";
}

int run_info(const std::vector<std::string>& argv) {
  ArgSpec spec;
  add_layer_options(spec);
  spec.flags.insert("json");
  spec.flags.insert("help");
  spec.flags.insert("timings");
  auto args = parse_args(argv, spec);
  if (!args) {
    std::cerr << "chipao-cli info: " << args.error().message << "\n" << info_usage();
    return 2;
  }
  if (args->has("help")) {
    std::cout << info_usage();
    return 0;
  }
  if (args->positionals.size() > 1) {
    std::cerr << "chipao-cli info: one source at a time\n" << info_usage();
    return 2;
  }
  auto source =
      layer_source_from_args(*args, args->positionals.empty() ? "" : args->positionals[0]);
  if (!source) {
    std::cerr << "chipao-cli info: " << source.error().message << "\n";
    return 2;
  }
  auto layer = load_boundaries(source->path, source->options);
  if (!layer) {
    std::cerr << layer.error().message << "\n";
    return 1;
  }
  for (const std::string& w : layer->report.warnings) std::cerr << "warning: " << w << "\n";
  if (args->has("timings")) {
    for (const auto& [phase, ms] : layer->report.phase_ms)
      std::cerr << fmt::format("time {:<9} {:8.2f} ms\n", phase, ms);
  }
  if (args->has("json")) {
    std::cout << info_json(*layer).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    print_text(*layer, std::cout);
  }
  return 0;
}

}  // namespace chipao::cli
