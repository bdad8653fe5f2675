#include "cli/layer_options.h"

#include <sstream>

#include "core/layer/layer_descriptor.h"

namespace chipao::cli {

void add_layer_options(ArgSpec& spec) {
  for (const char* v :
       {"layer", "level", "name-th", "name-en", "encoding", "crs", "descriptor", "threads"}) {
    spec.values.insert(v);
  }
  spec.repeatable.insert("code-field");
  spec.flags.insert("no-repair");
  spec.flags.insert("polygons");
}

std::string layer_options_help() {
  return "  --layer NAME         layer inside a GeoPackage or SpatiaLite file\n"
         "  --descriptor FILE    a layer descriptor (layers/*.json) naming the source and "
         "overrides\n"
         "  --level LEVEL        province, amphoe, tambon or village (overrides detection)\n"
         "  --code-field F       the code field; repeat (or comma-separate) for composite codes:\n"
         "                       --code-field PROV_CODE,AMP_CODE,TAM_CODE\n"
         "  --name-th F          Thai name field;  --name-en F  English name field\n"
         "  --encoding E         UTF-8 or CP874 (TIS-620): overrides .cpg and detection\n"
         "  --crs CODE           source CRS, e.g. EPSG:24047 (Indian 1975 / UTM 47N): overrides "
         ".prj\n"
         "  --polygons           fail unless the layer holds polygons\n"
         "  --no-repair          report invalid polygons but do not repair them\n";
}

Result<LayerSource> layer_source_from_args(const Args& args, const std::string& positional_path) {
  LayerSource src;
  if (auto descriptor = args.value("descriptor")) {
    auto d = read_layer_descriptor(*descriptor);
    if (!d) return std::unexpected(d.error());
    src.path = d->source;
    src.options = d->options;
  }
  if (!positional_path.empty()) src.path = positional_path;
  if (src.path.empty()) return fail("name a boundary file (or --descriptor FILE)");
  LoadOptions& o = src.options;
  const bool any_flag = args.value("level") || !args.all("code-field").empty() ||
                        args.value("name-th") || args.value("name-en") || args.value("encoding") ||
                        args.value("crs");
  if (any_flag) o.override_origin = "flag";
  if (auto v = args.value("layer")) o.layer = *v;
  if (auto v = args.value("level")) {
    o.level = parse_level(*v);
    if (!o.level) return fail("--level " + *v + ": use province, amphoe, tambon or village");
  }
  if (const auto fields = args.all("code-field"); !fields.empty()) {
    o.code_fields.clear();
    for (const std::string& f : fields) {
      std::stringstream ss(f);
      std::string part;
      while (std::getline(ss, part, ',')) {
        if (!part.empty()) o.code_fields.push_back(part);
      }
    }
  }
  if (auto v = args.value("name-th")) o.name_th_field = *v;
  if (auto v = args.value("name-en")) o.name_en_field = *v;
  if (auto v = args.value("encoding")) o.encoding = *v;
  if (auto v = args.value("crs")) o.crs = *v;
  if (args.has("polygons")) o.require = GeometryRequirement::polygon;
  if (args.has("no-repair")) o.repair_invalid = false;
  if (auto v = args.value("threads")) {
    try {
      o.threads = std::stoi(*v);
    } catch (const std::exception&) {
      return fail("--threads " + *v + ": give a whole number");
    }
  }
  return src;
}

}  // namespace chipao::cli
