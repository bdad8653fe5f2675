#include "core/layer/layer_descriptor.h"

#include <fmt/format.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fs = std::filesystem;
using nlohmann::json;

namespace chipao {

namespace {

Result<std::string> string_field(const json& j, const char* key, const std::string& path) {
  if (!j.contains(key) || j[key].is_null()) return std::string();
  if (!j[key].is_string()) return fail(fmt::format("{}: \"{}\" must be a string", path, key));
  return j[key].get<std::string>();
}

}  // namespace

Result<LayerDescriptor> read_layer_descriptor(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(path + ": layer descriptor cannot be opened; check the path");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_layer_descriptor(text.str(), path);
}

Result<LayerDescriptor> parse_layer_descriptor(std::string_view json_text,
                                               const std::string& path) {
  json j;
  try {
    j = json::parse(json_text, nullptr, true, /*ignore_comments=*/true);
  } catch (const json::parse_error& e) {
    return fail(fmt::format("{}: not valid JSON (byte {}): fix the descriptor", path, e.byte));
  } catch (const json::exception&) {
    // The parser throws out_of_range, not parse_error, for a number past a double (1e999).
    return fail(path + ": not valid JSON (a number too large to read): fix the descriptor");
  }
  if (!j.is_object()) return fail(path + ": a layer descriptor must be a JSON object");

  LayerDescriptor d;
  d.options.override_origin = "descriptor";
  auto take = [&](const char* key, std::string& slot) -> Result<void> {
    auto v = string_field(j, key, path);
    if (!v) return std::unexpected(v.error());
    slot = *v;
    return {};
  };
  std::string source, layer, level, name_th, name_en, encoding, crs, geometry;
  for (auto [key, slot] :
       {std::pair{"name", &d.name}, std::pair{"title_th", &d.title_th},
        std::pair{"title_en", &d.title_en}, std::pair{"source", &source},
        std::pair{"layer", &layer}, std::pair{"level", &level}, std::pair{"name_th", &name_th},
        std::pair{"name_en", &name_en}, std::pair{"encoding", &encoding}, std::pair{"crs", &crs},
        std::pair{"geometry", &geometry}}) {
    if (auto r = take(key, *slot); !r) return std::unexpected(r.error());
  }
  if (source.empty())
    return fail(path + ": \"source\" is missing: name the data file, relative to the descriptor");
  const fs::path base = fs::path(path).parent_path();
  d.source = source.starts_with("/") || source.starts_with("/vsi")
                 ? source
                 : (base / source).lexically_normal().string();
  if (d.name.empty()) d.name = fs::path(path).stem().string();
  if (!layer.empty()) d.options.layer = layer;
  if (!level.empty()) {
    d.options.level = parse_level(level);
    if (!d.options.level) {
      return fail(fmt::format("{}: \"level\": \"{}\" is not province, amphoe, tambon or village",
                              path, level));
    }
  }
  if (j.contains("code_fields")) {
    const json& cf = j["code_fields"];
    if (cf.is_string()) {
      d.options.code_fields.push_back(cf.get<std::string>());
    } else if (cf.is_array()) {
      for (const json& f : cf) {
        if (!f.is_string())
          return fail(path + ": \"code_fields\" must list field names as strings");
        d.options.code_fields.push_back(f.get<std::string>());
      }
    } else if (!cf.is_null()) {
      return fail(path + ": \"code_fields\" must be a field name or a list of them");
    }
  }
  if (!name_th.empty()) d.options.name_th_field = name_th;
  if (!name_en.empty()) d.options.name_en_field = name_en;
  if (!encoding.empty()) d.options.encoding = encoding;
  if (!crs.empty()) d.options.crs = crs;
  if (geometry == "polygon") {
    d.options.require = GeometryRequirement::polygon;
  } else if (!geometry.empty() && geometry != "any" && geometry != "point") {
    return fail(
        fmt::format("{}: \"geometry\": \"{}\" must be polygon, point or any", path, geometry));
  }
  if (j.contains("tables") && !j["tables"].is_null()) {
    const json& tables = j["tables"];
    if (!tables.is_array())
      return fail(path + ": \"tables\" must be a list of table paths, relative to the descriptor");
    for (const json& table : tables) {
      if (!table.is_string() || table.get<std::string>().empty())
        return fail(path + ": \"tables\" must list table paths as non-empty strings");
      const std::string name = table.get<std::string>();
      d.tables.push_back(name.starts_with("/") ? name : (base / name).lexically_normal().string());
    }
  }
  if (j.contains("style") && j["style"].is_object()) {
    const json& s = j["style"];
    if (s.contains("fill") && s["fill"].is_string()) d.style.fill = s["fill"].get<std::string>();
    if (s.contains("outline") && s["outline"].is_string())
      d.style.outline = s["outline"].get<std::string>();
    if (s.contains("outline_width_px") && s["outline_width_px"].is_number()) {
      // Checked as a double first: a float cannot hold 1e300 (it would become infinity).
      const double width = s["outline_width_px"].get<double>();
      if (!(width >= 0 && width <= kMaxOutlineWidthPx))
        return fail(fmt::format(
            "{}: \"style\".\"outline_width_px\" is {}; give a width in pixels from 0 to {}", path,
            width, kMaxOutlineWidthPx));
      d.style.outline_width_px = static_cast<float>(width);
    }
  }
  return d;
}

}  // namespace chipao
