// chipao-cli households: household registries read, checked, de-duplicated across sources
// and tallied by area (core/stats/registry_*.h, core/stats/deprivation.h).
//
// Nothing that identifies a person or a household reaches the output: IDs are hashed as they
// are read and every ID in a message is masked; the salt is never printed.
#include <fmt/format.h>

#include <bit>
#include <charconv>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "core/admin/admin_level.h"
#include "core/io/boundary_reader.h"
#include "core/layer/layer_descriptor.h"
#include "core/stats/deprivation.h"
#include "core/stats/registry_descriptor.h"
#include "core/stats/registry_hash.h"
#include "core/stats/registry_households.h"
#include "core/stats/registry_reader.h"

namespace chipao::cli {

namespace {

using nlohmann::ordered_json;
namespace fs = std::filesystem;

constexpr std::size_t kTextListed = 20;  // lines per list in the text report

struct Settings {
  AdminLevel level = AdminLevel::tambon;
  DeprivationMeasure measure;
  std::uint64_t suppress_below = 0;  // 0: nothing suppressed
  bool salt_given = false;
  bool boundaries = false;
};

struct Inputs {
  std::vector<RegistrySource> sources;
  KnownAreas known;
  std::vector<std::string> boundary_paths;
};

// A count of an aggregated output, or null when it is small enough to point at a household.
ordered_json count_json(std::uint64_t n, const Settings& s) {
  if (s.suppress_below > 1 && n > 0 && n < s.suppress_below) return nullptr;
  return n;
}

std::string count_text(std::uint64_t n, const Settings& s) {
  if (s.suppress_below > 1 && n > 0 && n < s.suppress_below)
    return fmt::format("<{}", s.suppress_below);
  return std::to_string(n);
}

bool ratios_suppressed(const AreaTally& t, const Settings& s) {
  if (s.suppress_below <= 1) return false;
  const auto small = [&](std::uint64_t n) { return n > 0 && n < s.suppress_below; };
  return small(t.households) || small(t.poor_persons) || small(t.persons - t.poor_persons);
}

std::string code_text(std::uint32_t code, AdminLevel level) {
  return fmt::format("{:0{}d}", code, code_digits(level));
}

Result<double> parse_k(const std::string& text) {
  // "1/3" as well as "0.3333": the global MPI's cutoff is a fraction.
  const auto slash = text.find('/');
  auto number = [](std::string_view t) -> std::optional<double> {
    double v = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || end != t.data() + t.size()) return std::nullopt;
    return v;
  };
  std::optional<double> k;
  if (slash == std::string::npos) {
    k = number(text);
  } else {
    const auto a = number(std::string_view(text).substr(0, slash));
    const auto b = number(std::string_view(text).substr(slash + 1));
    if (a && b && *b != 0) k = *a / *b;
  }
  if (!k) return fail(fmt::format("--k '{}' is not a number like 0.3333 or 1/3", text));
  return *k;
}

Result<void> load_boundary(const std::string& path, Inputs& in) {
  std::string source = path;
  LoadOptions options;
  // A layer descriptor (layers/*.json) names the file, its level and code field; any other
  // .json is read as GeoJSON.
  if (fs::path(path).extension() == ".json") {
    if (auto d = read_layer_descriptor(path)) {
      source = d->source;
      options = d->options;
    }
  }
  options.keep_attributes = false;
  auto layer = load_boundaries(source, options);
  if (!layer) return std::unexpected(layer.error());
  if (auto ok = in.known.add_layer(*layer); !ok) return ok;
  in.boundary_paths.push_back(source);
  return {};
}

ordered_json issue_json(const RegistryIssue& i, const std::vector<RegistrySource>& sources,
                        std::size_t source) {
  return ordered_json{{"source", sources[source].descriptor.name},
                      {"file", i.file},
                      {"line", i.line},
                      {"column", i.column},
                      {"value", i.value},
                      {"reason", i.reason},
                      {"message", i.message()}};
}

ordered_json issues_json(const Inputs& in, RegistryIssueKind kind) {
  ordered_json listed = ordered_json::array();
  std::size_t count = 0;
  for (std::size_t s = 0; s < in.sources.size(); ++s) {
    count += in.sources[s].issues.count(kind);
    for (const RegistryIssue& i : in.sources[s].issues.listed) {
      if (i.kind == kind) listed.push_back(issue_json(i, in.sources, s));
    }
  }
  return ordered_json{{"count", count}, {"listed", listed}};
}

std::string sources_name(std::uint8_t mask, const std::vector<RegistrySource>& sources) {
  std::string out;
  for (std::size_t s = 0; s < sources.size(); ++s) {
    if ((mask >> s) & 1u) out += (out.empty() ? "" : "+") + sources[s].descriptor.name;
  }
  return out;
}

ordered_json area_json(const AreaRow& row, const Settings& s, const Inputs& in) {
  const AreaTally& t = row.tally;
  ordered_json j;
  j["code"] = code_text(row.code, s.level);
  if (s.boundaries && !in.known.empty()) j["in_boundaries"] = in.known.knows(s.level, row.code);
  j["households"] = count_json(t.households, s);
  j["persons"] = count_json(t.persons, s);
  ordered_json deprived, deprived_h;
  for (int d = 0; d < kDimensionCount; ++d) {
    const std::string key(dimension_key(static_cast<DimensionId>(d)));
    deprived[key] = count_json(t.deprived_persons[static_cast<std::size_t>(d)], s);
    deprived_h[key] = count_json(t.deprived_households[static_cast<std::size_t>(d)], s);
  }
  j["deprived"] = deprived;
  j["deprived_households"] = deprived_h;
  j["mask_count"] = count_json(t.mask_persons, s);
  j["mask_households"] = count_json(t.mask_households, s);
  ordered_json by = ordered_json::array(), by_h = ordered_json::array();
  for (std::size_t c = 0; c < t.by_count_persons.size(); ++c) {
    by.push_back(count_json(t.by_count_persons[c], s));
    by_h.push_back(count_json(t.by_count_households[c], s));
  }
  j["by_dimensions_count"] = by;
  j["by_dimensions_households"] = by_h;
  j["poor"] = count_json(t.poor_persons, s);
  j["poor_households"] = count_json(t.poor_households, s);
  const AlkireFoster af = s.measure.measures(t);
  if (ratios_suppressed(t, s)) {
    j["H"] = nullptr;
    j["A"] = nullptr;
    j["M0"] = nullptr;
  } else {
    j["H"] = af.H;
    j["A"] = af.A;
    j["M0"] = af.M0;
  }
  return j;
}

ordered_json report_json(const Inputs& in, const DedupResult& dedup,
                         const std::vector<AreaRow>& areas, const Settings& s) {
  const DedupReport& r = dedup.report;
  ordered_json j;
  j["level"] = std::string(level_name(s.level));
  j["mask"] = dimension_mask_text(s.measure.mask());
  j["k"] = s.measure.k();
  j["poor_from_dimensions"] = s.measure.poor_from();
  j["unit"] = "persons";
  j["suppress_below"] = s.suppress_below;
  j["salt"] = s.salt_given ? "given" : "generated";
  j["boundaries"] = in.boundary_paths;
  ordered_json sources = ordered_json::array();
  for (std::size_t i = 0; i < in.sources.size(); ++i) {
    const RegistrySource& src = in.sources[i];
    const RegistryDescriptor& d = src.descriptor;
    ordered_json issues;
    for (std::size_t k = 0; k < kRegistryIssueKinds; ++k) {
      const auto kind = static_cast<RegistryIssueKind>(k);
      issues[std::string(issue_kind_key(kind))] = src.issues.count(kind);
    }
    sources.push_back({{"name", d.name},
                       {"title_th", d.title_th},
                       {"title_en", d.title_en},
                       {"descriptor", d.path},
                       {"file", d.source},
                       {"encoding", src.encoding},
                       {"row", d.row == RegistryRowKind::person ? "person" : "household"},
                       {"rows", src.rows},
                       {"records", src.records.size()},
                       {"households", r.households_per_source[i]},
                       {"duplicates", r.duplicates_per_source[i]},
                       {"national_ids", src.ids_listed},
                       {"issues", issues}});
  }
  j["sources"] = sources;
  j["households"] = dedup.households.size();
  j["persons"] = r.persons;
  j["unplaced"] = r.unplaced;
  ordered_json by_count = ordered_json::object();
  for (std::size_t k = 1; k <= in.sources.size(); ++k)
    by_count[std::to_string(k)] = r.by_source_count[k];
  ordered_json by_sources = ordered_json::array();
  for (std::size_t mask = 1; mask < r.by_source_set.size(); ++mask) {
    if (r.by_source_set[mask] == 0) continue;
    ordered_json names = ordered_json::array();
    for (std::size_t si = 0; si < in.sources.size(); ++si) {
      if ((mask >> si) & 1u) names.push_back(in.sources[si].descriptor.name);
    }
    by_sources.push_back({{"sources", names}, {"households", r.by_source_set[mask]}});
  }
  j["overlap"] = {{"in_one", r.by_source_count[1]},
                  {"in_two_or_more", r.in_two_or_more()},
                  {"by_count", by_count},
                  {"by_sources", by_sources}};
  ordered_json by_field = ordered_json::object();
  for (const auto& [field, n] : r.conflicts_by_field) by_field[field] = n;
  ordered_json examples = ordered_json::array();
  for (const ConflictExample& e : r.conflict_examples) {
    ordered_json values = ordered_json::array();
    for (const ConflictValue& v : e.values) {
      values.push_back(
          {{"source", in.sources[v.source].descriptor.name}, {"line", v.line}, {"value", v.value}});
    }
    examples.push_back({{"field", e.field}, {"house", e.house}, {"values", values}});
  }
  j["conflicts"] = {{"count", r.conflicts},
                    {"households", r.conflicting_households},
                    {"by_field", by_field},
                    {"examples", examples}};
  j["invalid_ids"] = issues_json(in, RegistryIssueKind::invalid_national_id);
  j["invalid_house_ids"] = issues_json(in, RegistryIssueKind::invalid_house_id);
  j["invalid_village_codes"] = issues_json(in, RegistryIssueKind::invalid_village_code);
  j["unknown_villages"] = issues_json(in, RegistryIssueKind::unknown_village);
  j["flags_disagree"] = issues_json(in, RegistryIssueKind::flags_disagree);
  ordered_json rows = ordered_json::array();
  for (const AreaRow& row : areas) rows.push_back(area_json(row, s, in));
  j["areas"] = rows;
  return j;
}

void print_issues(std::ostream& out, const Inputs& in, RegistryIssueKind kind, const char* title) {
  std::size_t count = 0;
  for (const RegistrySource& src : in.sources) count += src.issues.count(kind);
  if (count == 0) return;
  out << fmt::format("{}: {}\n", title, count);
  std::size_t shown = 0;
  for (const RegistrySource& src : in.sources) {
    for (const RegistryIssue& i : src.issues.listed) {
      if (i.kind != kind) continue;
      if (shown++ == kTextListed) break;
      out << "  " << i.message() << "\n";
    }
  }
  if (count > kTextListed)
    out << fmt::format("  ... and {} more (see --json)\n", count - kTextListed);
}

void print_text(std::ostream& out, const Inputs& in, const DedupResult& dedup,
                const std::vector<AreaRow>& areas, const Settings& s) {
  const DedupReport& r = dedup.report;
  out << "Registries\n";
  for (std::size_t i = 0; i < in.sources.size(); ++i) {
    const RegistrySource& src = in.sources[i];
    out << fmt::format("  {:<12} {} ({}, one row per {}): {} rows, {} households",
                       src.descriptor.name, src.descriptor.source, src.encoding,
                       src.descriptor.row == RegistryRowKind::person ? "person" : "household",
                       src.rows, r.households_per_source[i]);
    if (r.duplicates_per_source[i] > 0)
      out << fmt::format(", {} duplicate records", r.duplicates_per_source[i]);
    out << "\n";
  }
  out << fmt::format("Households   {} ({} persons)\n", dedup.households.size(), r.persons);
  out << fmt::format("  in one registry       {}\n", r.by_source_count[1]);
  out << fmt::format("  in two or more        {}\n", r.in_two_or_more());
  for (std::size_t mask = 1; mask < r.by_source_set.size(); ++mask) {
    if (r.by_source_set[mask] == 0 || std::popcount(mask) < 2) continue;
    out << fmt::format("    {:<30} {}\n", sources_name(static_cast<std::uint8_t>(mask), in.sources),
                       r.by_source_set[mask]);
  }
  if (r.unplaced > 0)
    out << fmt::format("  without a valid village code: {} (left out of the areas)\n", r.unplaced);
  out << fmt::format("Conflicts    {} in {} households", r.conflicts, r.conflicting_households);
  std::string fields;
  for (const auto& [field, n] : r.conflicts_by_field)
    fields += fmt::format("{}{} {}", fields.empty() ? "" : ", ", field, n);
  out << (fields.empty() ? "\n" : " (" + fields + ")\n");
  for (std::size_t e = 0; e < r.conflict_examples.size() && e < kTextListed; ++e) {
    const ConflictExample& x = r.conflict_examples[e];
    std::string values;
    for (const ConflictValue& v : x.values) {
      values += fmt::format("{}{} line {}: {}", values.empty() ? "" : "; ",
                            in.sources[v.source].descriptor.name, v.line, v.value);
    }
    out << fmt::format("  {:<10} house {}  {}\n", x.field, x.house, values);
  }
  print_issues(out, in, RegistryIssueKind::invalid_national_id, "Invalid national IDs");
  print_issues(out, in, RegistryIssueKind::invalid_house_id, "Invalid house IDs");
  print_issues(out, in, RegistryIssueKind::invalid_village_code, "Invalid village codes");
  print_issues(out, in, RegistryIssueKind::unknown_village, "Villages in no boundary layer");
  print_issues(out, in, RegistryIssueKind::flags_disagree,
               "Dimension flags against their indicators");

  out << fmt::format(
      "\nAreas by {} (persons; mask {}; Alkire-Foster k = {:.4g}: poor with {} or more of {} "
      "dimensions)\n",
      level_name(s.level), dimension_mask_text(s.measure.mask()), s.measure.k(),
      s.measure.poor_from(), s.measure.selected());
  out << fmt::format(
      "{:<10} {:>7} {:>8} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8} {:>7} {:>6} {:>6} {:>6}\n", "code",
      "houses", "persons", "health", "living", "educ", "income", "access", "any", "poor", "H", "A",
      "M0");
  for (const AreaRow& row : areas) {
    const AreaTally& t = row.tally;
    const AlkireFoster af = s.measure.measures(t);
    const bool hide = ratios_suppressed(t, s);
    auto ratio = [&](double v) { return hide ? std::string("-") : fmt::format("{:.3f}", v); };
    out << fmt::format(
        "{:<10} {:>7} {:>8} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8} {:>7} {:>6} {:>6} {:>6}\n",
        code_text(row.code, s.level), count_text(t.households, s), count_text(t.persons, s),
        count_text(t.deprived_persons[0], s), count_text(t.deprived_persons[1], s),
        count_text(t.deprived_persons[2], s), count_text(t.deprived_persons[3], s),
        count_text(t.deprived_persons[4], s), count_text(t.mask_persons, s),
        count_text(t.poor_persons, s), ratio(af.H), ratio(af.A), ratio(af.M0));
  }
}

// Usage errors (exit 2) are returned as errors; everything else is read here.
Result<Settings> settings_from(const Args& args) {
  Settings s;
  if (auto level = args.value("level")) {
    const auto l = parse_level(*level);
    if (!l)
      return fail(fmt::format("--level '{}' is not village, tambon, amphoe or province", *level));
    s.level = *l;
  }
  DimensionMask mask = kAllDimensions;
  if (auto m = args.value("mask")) {
    auto parsed = parse_dimension_mask(*m);
    if (!parsed) return std::unexpected(parsed.error());
    mask = *parsed;
  }
  double k = 1.0 / 3;
  if (auto text = args.value("k")) {
    auto parsed = parse_k(*text);
    if (!parsed) return std::unexpected(parsed.error());
    k = *parsed;
  }
  auto measure = DeprivationMeasure::make(mask, k);
  if (!measure) return std::unexpected(Error{"--k: " + measure.error().message});
  s.measure = *measure;
  if (args.has("suppress")) s.suppress_below = 3;
  if (auto n = args.value("suppress-below")) {
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(n->data(), n->data() + n->size(), v);
    if (ec != std::errc() || end != n->data() + n->size())
      return fail(fmt::format("--suppress-below '{}' is not a whole number", *n));
    s.suppress_below = v;
  }
  s.boundaries = !args.all("boundaries").empty();
  return s;
}

}  // namespace

std::string households_usage() {
  return "Usage: chipao-cli households --registry DESC [--registry DESC2 ...] [options]\n\n"
         "Reads household registries (จปฐ., PPP Connext, ThaiQM, ...) through their descriptors\n"
         "(layers/registries/*.json), checks national IDs, house IDs and village codes, finds\n"
         "the same household across registries (a shared house ID or member ID), reports\n"
         "overlaps and conflicting values, and tallies persons by area with the dimension mask\n"
         "and the Alkire-Foster measures. National IDs and house IDs are kept only as salted\n"
         "hashes; no output shows one (messages mask them: x-xxxx-xxxxx-47-0).\n\n"
         "  --registry DESC      a registry descriptor; repeat for several registries (at most 8)\n"
         "  --boundaries SRC     a boundary layer (file or layer descriptor) to check village\n"
         "                       codes against; repeatable\n"
         "  --level LEVEL        village, tambon (default) or amphoe: the areas of the table\n"
         "  --mask MASK          dimensions health, living, education, income, access (default\n"
         "                       11111): 'any' counts persons deprived in a selected one\n"
         "  --k K                Alkire-Foster poverty cutoff, a share of the selected dimensions\n"
         "                       (default 1/3; 0.2 with five dimensions is TPMAP's 'any')\n"
         "  --suppress           blank area counts below 3 (and ratios built on them)\n"
         "  --suppress-below N   the same below N\n"
         "  --salt HEX           the project's salt for the ID hashes (random when absent)\n"
         "  --json               machine-readable output\n";
}

int run_households(const std::vector<std::string>& argv) {
  ArgSpec spec;
  spec.repeatable = {"registry", "boundaries"};
  spec.values = {"level", "mask", "k", "suppress-below", "salt"};
  spec.flags = {"json", "help", "suppress"};
  auto args = parse_args(argv, spec);
  if (!args) {
    std::cerr << "chipao-cli households: " << args.error().message << "\n" << households_usage();
    return 2;
  }
  if (args->has("help")) {
    std::cout << households_usage();
    return 0;
  }
  if (!args->positionals.empty()) {
    std::cerr << fmt::format(
                     "chipao-cli households: unexpected argument '{}'; name registries with "
                     "--registry\n",
                     args->positionals.front())
              << households_usage();
    return 2;
  }
  const std::vector<std::string> registries = args->all("registry");
  if (registries.empty()) {
    std::cerr << "chipao-cli households: no --registry given\n" << households_usage();
    return 2;
  }
  if (registries.size() > kMaxRegistries) {
    std::cerr << fmt::format("chipao-cli households: {} registries given; at most {} at a time\n",
                             registries.size(), kMaxRegistries);
    return 2;
  }
  auto settings = settings_from(*args);
  if (!settings) {
    std::cerr << "chipao-cli households: " << settings.error().message << "\n";
    return 2;
  }
  std::vector<std::uint8_t> salt;
  if (auto hex = args->value("salt")) {
    auto parsed = parse_salt_hex(*hex);
    if (!parsed) {
      std::cerr << "chipao-cli households: --salt: " << parsed.error().message << "\n";
      return 2;
    }
    salt = std::move(*parsed);
    settings->salt_given = true;
  } else {
    salt = random_salt();
  }
  const IdHasher hasher(std::move(salt));

  Inputs in;
  for (const std::string& path : args->all("boundaries")) {
    if (auto ok = load_boundary(path, in); !ok) {
      std::cerr << ok.error().message << "\n";
      return 1;
    }
  }
  for (const std::string& path : registries) {
    auto descriptor = read_registry_descriptor(path);
    if (!descriptor) {
      std::cerr << descriptor.error().message << "\n";
      return 1;
    }
    auto source = read_registry(*descriptor, hasher);
    if (!source) {
      std::cerr << source.error().message << "\n";
      return 1;
    }
    check_villages(*source, in.known);
    in.sources.push_back(std::move(*source));
  }
  auto dedup = dedup_households(in.sources);
  if (!dedup) {
    std::cerr << dedup.error().message << "\n";
    return 1;
  }
  const std::vector<AreaRow> areas =
      tally_areas(dedup->households, settings->level, settings->measure);
  if (args->has("json")) {
    std::cout << report_json(in, *dedup, areas, *settings)
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    print_text(std::cout, in, *dedup, areas, *settings);
  }
  return 0;
}

}  // namespace chipao::cli
