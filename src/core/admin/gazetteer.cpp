#include "core/admin/gazetteer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "core/admin/admin_code.h"

namespace chipao {

// Defined in the build folder's gazetteer_data.cpp, which CMake makes from
// data/gazetteer/th_admin.csv (src/core/CMakeLists.txt).
extern const std::string_view kBuiltinGazetteerCsv;

namespace {

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> out;
  while (true) {
    const auto comma = line.find(',');
    out.push_back(line.substr(0, comma));
    if (comma == std::string_view::npos) break;
    line.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace

Result<Gazetteer> Gazetteer::parse(std::string_view csv, const std::string& origin) {
  Gazetteer g;
  std::size_t line_no = 0;
  while (!csv.empty()) {
    const auto end = csv.find('\n');
    std::string_view line = csv.substr(0, end);
    csv.remove_prefix(end == std::string_view::npos ? csv.size() : end + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1) {
      if (line != "code,level,name_th,name_en")
        return fail(
            fmt::format("{}: line 1: the header must be code,level,name_th,name_en", origin));
      continue;
    }
    if (line.empty()) continue;
    const auto f = split_fields(line);
    const auto level = f.size() == 4 ? parse_level(f[1]) : std::nullopt;
    if (!level) {
      return fail(fmt::format(
          "{}: line {}: write four fields, the second a level (province, amphoe, tambon)", origin,
          line_no));
    }
    const CodeCheck code = normalise_code(f[0], *level);
    if (!code.value || code.value->code != f[0]) {
      return fail(fmt::format("{}: line {}, field code: '{}' is not a plain {} code ({})", origin,
                              line_no, f[0], level_name(*level), code.problem));
    }
    if (!g.entries_.empty() && g.entries_.back().code >= code.value->code) {
      return fail(
          fmt::format("{}: line {}, field code: {} is out of order or repeated; sort the "
                      "file by code",
                      origin, line_no, f[0]));
    }
    g.entries_.push_back({code.value->code, *level, std::string(f[2]), std::string(f[3])});
  }
  return g;
}

const GazetteerEntry* Gazetteer::find(std::string_view code) const {
  const auto it =
      std::lower_bound(entries_.begin(), entries_.end(), code,
                       [](const GazetteerEntry& e, std::string_view c) { return e.code < c; });
  return it != entries_.end() && it->code == code ? &*it : nullptr;
}

const GazetteerEntry* Gazetteer::nearest(std::string_view code) const {
  for (std::size_t digits = std::min<std::size_t>(code.size(), 6); digits >= 2; digits -= 2) {
    if (const GazetteerEntry* e = find(code.substr(0, digits))) return e;
  }
  return nullptr;
}

const Gazetteer& builtin_gazetteer() {
  static const Gazetteer g = [] {
    auto parsed = Gazetteer::parse(kBuiltinGazetteerCsv, "built-in gazetteer");
    // The text is the committed CSV, checked by gazetteer_test: failing here is a build bug.
    if (!parsed) {
      std::cerr << parsed.error().message << "\n";
      std::abort();
    }
    return std::move(*parsed);
  }();
  return g;
}

std::string gazetteer_label(const Gazetteer& g, std::string_view code) {
  const GazetteerEntry* e = g.find(code);
  if (!e) return "";
  return e->name_en.empty() ? e->name_th : fmt::format("{} ({})", e->name_th, e->name_en);
}

}  // namespace chipao
