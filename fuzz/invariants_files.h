// The checks behind the fuzz targets for files planners hand ChiPao (issue 10): layer and
// registry descriptors, a registry read through a fixed descriptor, a zone file, and the
// saved-views setting. Same contract as invariants.h: each takes one fuzz input, returns ""
// when every invariant held, else "[target/rule] what failed". Header-only, so the fuzz build
// (clang) and the regression test (g++) compile the same checks.
#pragma once

#include <cpl_vsi.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/boundary_reader.h"
#include "core/io/text_encoding.h"
#include "core/layer/layer_descriptor.h"
#include "core/plan/edit.h"
#include "core/plan/saved_views_json.h"
#include "core/plan/zone_checks.h"
#include "core/stats/registry_descriptor.h"
#include "core/stats/registry_hash.h"
#include "core/stats/registry_reader.h"
#include "invariants.h"

namespace chipao::fuzz {

// A run of `n` or more ASCII digits: a national ID (13) printed in full.
inline bool has_digit_run(std::string_view text, std::size_t n) {
  std::size_t run = 0;
  for (char c : text) {
    run = is_ascii_digit(c) ? run + 1 : 0;
    if (run >= n) return true;
  }
  return false;
}

// An error message's common rules: it names `origin` first and is UTF-8 (it is printed, and
// printed as JSON with --json).
inline std::string check_message(std::string_view target, const std::string& message,
                                 const std::string& origin) {
  if (!message.starts_with(origin + ": "))
    return fmt::format("[{}/error-names-file] the message does not start with {}: {}", target,
                       origin, escaped(message));
  if (!is_valid_utf8(message))
    return fmt::format("[{}/message-utf8] the message is not UTF-8: {}", target, escaped(message));
  return {};
}

// ---------------------------------------------------------------------------------------------
// 5. Layer descriptors: parse_layer_descriptor. Input: the JSON text.

inline std::string check_layer_descriptor(std::string_view text) {
  const std::string path = "/fuzz/layers/descriptor.json";
  Result<LayerDescriptor> d = fail("");
  try {
    d = parse_layer_descriptor(text, path);
  } catch (const std::exception& e) {
    return std::string("[layer_descriptor/throws] ") + e.what();
  }
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false, true);
  if (!d) {
    return check_message("layer_descriptor", d.error().message, path);
  }
  if (j.is_discarded() || !j.is_object())
    return "[layer_descriptor/accepts-non-object] accepted text that is not a JSON object";
  if (d->source.empty() || !d->source.starts_with("/"))
    return "[layer_descriptor/source] source not resolved to an absolute path: " +
           escaped(d->source);
  if (d->name.empty()) return "[layer_descriptor/name] no name (the file's stem is the default)";
  for (const std::string& t : d->tables) {
    if (t.empty() || !t.starts_with("/"))
      return "[layer_descriptor/tables] a table not resolved to an absolute path: " + escaped(t);
  }
  if (d->options.override_origin != "descriptor")
    return "[layer_descriptor/origin] override_origin " + escaped(d->options.override_origin);
  const float width = d->style.outline_width_px;
  if (!std::isfinite(width) || width < 0)
    return fmt::format("[layer_descriptor/style-width] outline_width_px {} is no width", width);
  if (j.contains("level") && j["level"].is_string() && !j["level"].get<std::string>().empty() &&
      d->options.level != parse_level(j["level"].get<std::string>()))
    return "[layer_descriptor/level] the level read is not the level written";
  std::vector<const std::string*> texts = {&d->name,   &d->title_th,   &d->title_en,
                                           &d->source, &d->style.fill, &d->style.outline};
  for (const auto* o : {&d->options.layer, &d->options.name_th_field, &d->options.name_en_field,
                        &d->options.encoding, &d->options.crs}) {
    if (*o) texts.push_back(&**o);
  }
  for (const std::string& f : d->options.code_fields) texts.push_back(&f);
  for (const std::string* t : texts) {
    if (!is_valid_utf8(*t)) return "[layer_descriptor/utf8] a field is not UTF-8: " + escaped(*t);
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// 6. Registry descriptors: parse_registry_descriptor and read_flag. Input: the JSON text.

inline bool listed_ignoring_case(const std::vector<std::string>& values, std::string_view cell) {
  const auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  return std::any_of(values.begin(), values.end(), [&](const std::string& v) {
    return v.size() == cell.size() &&
           std::equal(v.begin(), v.end(), cell.begin(),
                      [&](char a, char b) { return fold(a) == fold(b); });
  });
}

inline std::string check_registry_descriptor(std::string_view text) {
  const std::string path = "/fuzz/registries/descriptor.json";
  Result<RegistryDescriptor> d = fail("");
  try {
    d = parse_registry_descriptor(text, path);
  } catch (const std::exception& e) {
    return std::string("[registry_descriptor/throws] ") + e.what();
  }
  if (!d) return check_message("registry_descriptor", d.error().message, path);
  if (d->path != path) return "[registry_descriptor/path] the descriptor's path is not kept";
  if (d->source.empty() || !d->source.starts_with("/"))
    return "[registry_descriptor/source] source not resolved: " + escaped(d->source);
  if (d->name.empty()) return "[registry_descriptor/name] no name";
  if (d->house_id_column.empty() || d->village_column.empty())
    return "[registry_descriptor/columns] house_id or village_code column missing";
  if (d->row == RegistryRowKind::person &&
      (d->national_id_column.empty() || !d->members_column.empty()))
    return "[registry_descriptor/person] person rows need national_id and take no members";
  if (d->id_separator.empty()) return "[registry_descriptor/separator] an empty ID separator";
  const bool any = std::any_of(d->dimension_columns.begin(), d->dimension_columns.end(),
                               [](const std::string& c) { return !c.empty(); }) ||
                   std::any_of(d->indicator_columns.begin(), d->indicator_columns.end(),
                               [](const std::string& c) { return !c.empty(); });
  if (!any) return "[registry_descriptor/flags] neither dimensions nor indicators";
  if (!d->true_values.empty() || !d->false_values.empty()) {
    if (d->true_values.empty())
      return "[registry_descriptor/flags] false_values without true_values accepted";
  }
  // read_flag as the header documents it: listed true values are yes, listed false values
  // (not also true) are no, blank is blank.
  if (read_flag(*d, "") != FlagCell::blank || read_flag(*d, " \t") != FlagCell::blank)
    return "[registry_descriptor/read-flag] a blank cell is not blank";
  for (const std::string& t : d->true_values) {
    if (t.empty()) continue;
    if (read_flag(*d, t) != FlagCell::yes)
      return "[registry_descriptor/read-flag] true value " + escaped(t) + " does not read as yes";
  }
  for (const std::string& f : d->false_values) {
    if (f.empty() || listed_ignoring_case(d->true_values, f)) continue;
    if (read_flag(*d, f) != FlagCell::no)
      return "[registry_descriptor/read-flag] false value " + escaped(f) + " does not read as no";
  }
  std::vector<const std::string*> texts = {&d->name,
                                           &d->title_th,
                                           &d->title_en,
                                           &d->source,
                                           &d->house_id_column,
                                           &d->village_column,
                                           &d->national_id_column,
                                           &d->members_column,
                                           &d->id_separator};
  for (const auto& c : d->dimension_columns) texts.push_back(&c);
  for (const auto& c : d->indicator_columns) texts.push_back(&c);
  for (const auto& v : d->true_values) texts.push_back(&v);
  for (const auto& v : d->false_values) texts.push_back(&v);
  for (const std::string* t : texts) {
    if (!is_valid_utf8(*t))
      return "[registry_descriptor/utf8] a field is not UTF-8: " + escaped(*t);
  }
  (void)d->label();
  return {};
}

// ---------------------------------------------------------------------------------------------
// 7. Registry reader: read_registry with a fixed descriptor. Input: the first byte picks the
// descriptor and encoding, the rest is the CSV file.
//   byte % 2:       1 household rows (house, village, ids, members, health, income, i1, i17;
//                   counts), 0 person rows (house, village, id, living, i5; flags Y/ใช่ vs N);
//   (byte / 4) % 3: 0 detect the encoding, 1 UTF-8, 2 CP874.
// 'a' household rows, 'b' person rows (both detected); 'e' household rows in UTF-8, 'h' person
// rows in CP874.

inline RegistryDescriptor fuzz_registry_descriptor(unsigned char selector,
                                                   const std::string& source) {
  RegistryDescriptor d;
  d.name = "fuzz";
  d.source = source;
  d.delimiter = ',';
  d.house_id_column = "house";
  d.village_column = "village";
  if (selector % 2 == 1) {
    d.row = RegistryRowKind::household;
    d.national_id_column = "ids";
    d.members_column = "members";
    d.dimension_columns[static_cast<std::size_t>(DimensionId::health)] = "health";
    d.dimension_columns[static_cast<std::size_t>(DimensionId::income)] = "income";
    d.indicator_columns[0] = "i1";
    d.indicator_columns[16] = "i17";
    d.indicator_values = IndicatorValues::count;
  } else {
    d.row = RegistryRowKind::person;
    d.national_id_column = "id";
    d.dimension_columns[static_cast<std::size_t>(DimensionId::living)] = "living";
    d.indicator_columns[4] = "i5";
    d.indicator_values = IndicatorValues::flag;
    d.true_values = {"Y", "ใช่"};
    d.false_values = {"N"};
  }
  switch ((selector / 4) % 3) {
    case 1:
      d.encoding = "UTF-8";
      break;
    case 2:
      d.encoding = "CP874";
      break;
    default:
      break;
  }
  return d;
}

// A file of this process's own in the temporary folder (the reader reads a path).
inline std::string fuzz_temp_file(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          fmt::format("chipao_fuzz_{}_{}", static_cast<long>(::getpid()), name))
      .string();
}

inline std::string same_records(const RegistrySource& a, const RegistrySource& b) {
  if (a.encoding != b.encoding || a.rows != b.rows || a.ids_listed != b.ids_listed)
    return fmt::format("encoding {} / {}, rows {} / {}, IDs {} / {}", a.encoding, b.encoding,
                       a.rows, b.rows, a.ids_listed, b.ids_listed);
  if (a.records.size() != b.records.size())
    return fmt::format("{} / {} records", a.records.size(), b.records.size());
  for (std::size_t i = 0; i < a.records.size(); ++i) {
    const RegistryRecord& x = a.records[i];
    const RegistryRecord& y = b.records[i];
    if (x.house != y.house || x.village != y.village || x.line != y.line ||
        x.first_member != y.first_member || x.member_keys != y.member_keys ||
        x.members != y.members || x.failing_indicators != y.failing_indicators ||
        x.house_tail != y.house_tail || x.deprived != y.deprived || x.given != y.given ||
        x.flags != y.flags)
      return fmt::format("record {} (line {} / {}) differs", i, x.line, y.line);
  }
  if (a.member_keys != b.member_keys) return "member keys differ";
  if (a.issues.counts != b.issues.counts) return "issue counts differ";
  if (a.issues.listed.size() != b.issues.listed.size()) return "listed issues differ";
  for (std::size_t i = 0; i < a.issues.listed.size(); ++i) {
    if (a.issues.listed[i].message() != b.issues.listed[i].message())
      return "issue " + escaped(a.issues.listed[i].message()) + " / " +
             escaped(b.issues.listed[i].message());
  }
  return {};
}

// The line an error names ("...: line 12 has ..."), 0 when none.
inline std::size_t error_line(std::string_view message) {
  const std::size_t at = message.find(": line ");
  if (at == std::string_view::npos) return 0;
  std::size_t line = 0;
  for (std::size_t i = at + 7; i < message.size() && is_ascii_digit(message[i]); ++i)
    line = line * 10 + static_cast<std::size_t>(message[i] - '0');
  return line;
}

inline std::string check_registry_reader(std::string_view data) {
  if (data.empty()) return {};
  const auto selector = static_cast<unsigned char>(data[0]);
  const std::string path = fuzz_temp_file("registry.csv");
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(data.data() + 1, static_cast<std::streamsize>(data.size() - 1));
  }
  const RegistryDescriptor d = fuzz_registry_descriptor(selector, path);
  const IdHasher hasher(std::vector<std::uint8_t>(16, 0x5A));
  RegistryReadOptions whole;
  whole.issue_limit = 3;
  RegistryReadOptions pieces = whole;
  pieces.chunk_bytes = 1;  // a piece per record: every cut the reader can make
  Result<RegistrySource> r = fail(""), small = fail("");
  try {
    r = read_registry(d, hasher, whole);
    small = read_registry(d, hasher, pieces);
  } catch (const std::exception& e) {
    return std::string("[registry_reader/throws] ") + e.what();
  }
  if (r.has_value() != small.has_value())
    return fmt::format("[registry_reader/chunks] read whole: {}; read in pieces: {}",
                       r ? "ok" : escaped(r.error().message),
                       small ? "ok" : escaped(small.error().message));
  if (!r) {
    if (std::string f = check_message("registry_reader", r.error().message, path); !f.empty())
      return f;
    if (has_digit_run(r.error().message, 13))
      return "[registry_reader/id-shown] an error shows 13 digits: " + escaped(r.error().message);
    // Each read stops at its first error, and pieces meet them in another order: read whole,
    // the whole file is split (an unclosed quote anywhere) before any row is checked; in
    // pieces, the header's columns are looked up and the rows checked piece by piece. Errors
    // about the same line must be the same, which checks that a piece's line numbers are
    // shifted to the file's.
    if (error_line(r.error().message) == error_line(small.error().message) &&
        r.error().message != small.error().message)
      return "[registry_reader/chunks] the error differs in pieces: " + escaped(r.error().message) +
             " / " + escaped(small.error().message);
    return {};
  }
  const RegistrySource& s = *r;
  if (s.encoding != "UTF-8" && s.encoding != "CP874")
    return "[registry_reader/encoding] " + escaped(s.encoding);
  if (d.row == RegistryRowKind::household && s.records.size() != s.rows)
    return fmt::format("[registry_reader/records] {} household rows gave {} records", s.rows,
                       s.records.size());
  if (s.records.size() > s.rows)
    return fmt::format("[registry_reader/records] {} rows gave {} records", s.rows,
                       s.records.size());
  for (std::size_t i = 0; i < s.records.size(); ++i) {
    const RegistryRecord& rec = s.records[i];
    const std::string what = fmt::format("record {} (line {})", i, rec.line);
    if (rec.line < 2) return "[registry_reader/line] " + what + " before the first data line";
    if (static_cast<std::size_t>(rec.first_member) + rec.member_keys > s.member_keys.size())
      return "[registry_reader/member-keys] " + what + " lists keys past the end";
    if ((rec.deprived & ~rec.given) != 0)
      return "[registry_reader/deprived-given] " + what + " is deprived in a dimension not given";
    if (rec.village != 0 && (rec.village < 10'000'000 || rec.village > 99'999'999))
      return fmt::format("[registry_reader/village] {} has village {}", what, rec.village);
    if (rec.house_tail >= 1000 || (!rec.has_house() && rec.house_tail != 0))
      return fmt::format("[registry_reader/house-tail] {} has tail {}", what, rec.house_tail);
    if ((rec.flags & ~(RegistryRecord::kHasHouse | RegistryRecord::kVillageUnknown)) != 0)
      return "[registry_reader/flags] " + what + " has unknown flags";
    if ((rec.failing_indicators >> kIndicatorCount) != 0)
      return "[registry_reader/indicators] " + what + " fails an indicator past 31";
  }
  for (std::size_t k = 0; k < kRegistryIssueKinds; ++k) {
    const auto listed = static_cast<std::size_t>(std::count_if(
        s.issues.listed.begin(), s.issues.listed.end(),
        [&](const RegistryIssue& i) { return static_cast<std::size_t>(i.kind) == k; }));
    if (listed > whole.issue_limit || listed > s.issues.counts[k])
      return fmt::format("[registry_reader/issue-counts] kind {}: {} listed, {} counted", k, listed,
                         s.issues.counts[k]);
  }
  for (const RegistryIssue& issue : s.issues.listed) {
    const std::string m = issue.message();
    if (!is_valid_utf8(m)) return "[registry_reader/issue-utf8] " + escaped(m);
    if (has_digit_run(m, 13)) return "[registry_reader/id-shown] " + escaped(m);
    if (issue.line < 2) return "[registry_reader/line] issue before the first data line";
  }
  if (std::string diff = same_records(s, *small); !diff.empty())
    return "[registry_reader/chunks] read whole and in pieces differ: " + diff;
  return {};
}

// ---------------------------------------------------------------------------------------------
// 8. Zone files: load_boundaries on GeoJSON (GDAL /vsimem/) as chipao-cli zones import loads
// it, then the zones made and applied as one edit, and checked against four tambons.
// Input: the GeoJSON text; inputs that do not start with '{' are skipped (other drivers are
// GDAL's to fuzz, not ours).

inline BoundaryLayer fuzz_unit_layer() {
  BoundaryLayer layer;
  for (int k = 0; k < 4; ++k) {
    const double x = 104.0 + 0.1 * (k % 2), y = 15.0 + 0.1 * (k / 2);
    BoundaryFeature f;
    f.fid = k;
    f.code = fmt::format("99010{}", k + 1);
    f.geometry.kind = GeometryKind::polygon;
    f.geometry.points = {{x, y}, {x + 0.1, y}, {x + 0.1, y + 0.1}, {x, y + 0.1}, {x, y}};
    f.geometry.ring_ends = {5};
    f.geometry.polygon_ends = {1};
    f.bbox = f.geometry.bounds();
    layer.extent_wgs84.expand(f.bbox);
    layer.features.push_back(std::move(f));
  }
  return layer;
}

inline std::string check_zone_file(std::string_view data) {
  const std::size_t first = data.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || data[first] != '{') return {};
  const std::string path = "/vsimem/chipao_fuzz/zones.geojson";
  std::string bytes(data);
  VSILFILE* f = VSIFileFromMemBuffer(path.c_str(), reinterpret_cast<GByte*>(bytes.data()),
                                     static_cast<vsi_l_offset>(bytes.size()), FALSE);
  if (f == nullptr) return "[zone_file/vsimem] GDAL refused the buffer";
  VSIFCloseL(f);
  LoadOptions options;
  options.require = GeometryRequirement::polygon;
  options.threads = 1;
  Result<BoundaryLayer> layer = fail("");
  try {
    layer = load_boundaries(path, options);
  } catch (const std::exception& e) {
    VSIUnlink(path.c_str());
    return std::string("[zone_file/throws] load_boundaries: ") + e.what();
  }
  VSIUnlink(path.c_str());
  if (!layer) {
    const std::string& m = layer.error().message;
    if (m.find("zones.geojson") == std::string::npos)
      return "[zone_file/error-names-file] " + escaped(m);
    if (!is_valid_utf8(m)) return "[zone_file/message-utf8] " + escaped(m);
    return {};
  }
  const std::vector<std::string>& fields = layer->source.field_names;
  for (const std::string& n : fields)
    if (!is_valid_utf8(n)) return "[zone_file/utf8] field name " + escaped(n);
  int name_index = -1;
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i] == "name") name_index = static_cast<int>(i);
  std::vector<Zone> zones;
  for (const BoundaryFeature& feature : layer->features) {
    const std::string what = fmt::format("feature {}", feature.fid);
    if (feature.attributes.size() != fields.size())
      return fmt::format("[zone_file/attributes] {} has {} values for {} fields", what,
                         feature.attributes.size(), fields.size());
    for (const std::string* t : {&feature.code, &feature.name_th, &feature.name_en})
      if (!is_valid_utf8(*t)) return "[zone_file/utf8] " + what + ": " + escaped(*t);
    for (const std::string& v : feature.attributes)
      if (!is_valid_utf8(v)) return "[zone_file/utf8] " + what + " value " + escaped(v);
    if (feature.geometry.empty()) continue;
    if (feature.geometry.kind != GeometryKind::polygon)
      return "[zone_file/polygon] " + what + " is not a polygon in a polygon layer";
    // Loaded with repair on: what comes out is a valid polygon.
    if (std::string p = polygon_problem(feature.geometry); !p.empty())
      return "[zone_file/valid] " + what + " is not valid after loading: " + p;
    Zone z;
    z.polygon = feature.geometry;
    if (name_index >= 0) z.name = feature.attributes[static_cast<std::size_t>(name_index)];
    if (z.name.empty())
      z.name = !feature.name_th.empty() ? feature.name_th : fmt::format("zone {}", feature.fid);
    zones.push_back(std::move(z));
  }
  if (zones.empty()) return {};
  const std::vector<Zone> given = zones;
  // The zones as one edit: refused with a message, or written, read back and replayed equal.
  try {
    const PlanningState empty;
    Result<Edit> edit = make_import_zones(empty, zones, "zones.geojson");
    if (!edit) {
      if (!is_valid_utf8(edit.error().message))
        return "[zone_file/message-utf8] " + escaped(edit.error().message);
      return {};
    }
    PlanningState state;
    if (auto ok = apply_edit(state, *edit); !ok)
      return "[zone_file/apply] " + escaped(ok.error().message);
    if (state.zones.size() != given.size())
      return fmt::format("[zone_file/apply] {} zones given, {} made", given.size(),
                         state.zones.size());
    for (std::size_t i = 0; i < given.size(); ++i) {
      if (state.zones[i].name != given[i].name)
        return "[zone_file/names-kept] " + escaped(given[i].name) + " stored as " +
               escaped(state.zones[i].name);
      if (!same_geometry(state.zones[i].polygon, given[i].polygon))
        return "[zone_file/geometry-kept] zone " + std::to_string(i + 1) + "'s polygon changed";
    }
    const Result<Edit> back = edit_from_json(edit_to_json(*edit));
    if (!back) return "[zone_file/history] " + escaped(back.error().message);
    PlanningState replayed;
    if (auto ok = apply_edit(replayed, *back); !ok || !(replayed == state))
      return "[zone_file/history] the edit read back does not replay to the same zones";
    if (auto ok = apply_edit(replayed, *back, false); !ok || !(replayed == empty))
      return "[zone_file/history] the edit read back does not undo";
    // The import checks: at most one warning of each kind, each naming the zone.
    const BoundaryLayer units = fuzz_unit_layer();
    const ZoneChecker checker(units, "tambon");
    for (const Zone& z : state.zones) {
      const std::vector<ZoneWarning> warnings = checker.check(z.name, z.polygon);
      if (warnings.size() > 2 || (warnings.size() == 2 && warnings[0].kind == warnings[1].kind))
        return "[zone_file/zone-checks] repeated warnings for zone " + escaped(z.name);
      for (const ZoneWarning& w : warnings) {
        if (w.kind == ZoneWarningKind::invalid_polygon)
          return "[zone_file/zone-checks] a valid zone was called invalid: " + escaped(w.message);
        if (w.message.find(z.name) == std::string::npos)
          return "[zone_file/zone-checks] a warning does not name its zone";
      }
    }
  } catch (const std::exception& e) {
    return std::string("[zone_file/throws] ") + e.what();
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// 9. Saved views: saved_views_from_json and saved_views_to_json. Input: the setting's text.

inline std::string check_saved_views(std::string_view text) {
  const std::string origin = "P: setting saved_views";
  const std::string remedy = "undo the edit that wrote it";
  Result<std::vector<SavedViewRecord>> views = fail("");
  try {
    views = saved_views_from_json(text, origin, remedy);
  } catch (const std::exception& e) {
    return std::string("[saved_views/throws] ") + e.what();
  }
  if (!views) {
    const std::string& m = views.error().message;
    if (std::string f = check_message("saved_views", m, origin); !f.empty()) return f;
    if (!m.ends_with(remedy)) return "[saved_views/remedy] " + escaped(m);
    return {};
  }
  for (const SavedViewRecord& v : *views) {
    const std::string what = "view " + escaped(v.name);
    if (!std::isfinite(v.lon) || !std::isfinite(v.lat) || !std::isfinite(v.span_lon) ||
        !std::isfinite(v.span_lat) || !std::isfinite(v.pixels_per_degree))
      return "[saved_views/finite] " + what + " has a number that is not finite";
    if (!(v.pixels_per_degree > 0) || v.span_lon < 0 || v.span_lat < 0)
      return "[saved_views/range] " + what + " has a zoom or span out of range";
    if (v.classes < kMinClasses || v.classes > kMaxClasses)
      return fmt::format("[saved_views/classes] {} has {} classes", what, v.classes);
    for (double b : v.manual_breaks)
      if (!std::isfinite(b)) return "[saved_views/finite] " + what + " has a break not finite";
  }
  std::string written;
  try {
    written = saved_views_to_json(*views);
  } catch (const std::exception& e) {
    return std::string("[saved_views/throws] writing: ") + e.what();
  }
  const auto again = saved_views_from_json(written, origin, remedy);
  if (!again)
    return "[saved_views/round-trip] the views written back do not read: " +
           escaped(again.error().message);
  if (*again != *views)
    return "[saved_views/round-trip] the views written back read differently: " + escaped(written);
  if (saved_views_to_json(*again) != written)
    return "[saved_views/round-trip] writing is not stable";
  return {};
}

}  // namespace chipao::fuzz
