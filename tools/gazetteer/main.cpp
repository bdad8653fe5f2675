// chipao-gazetteergen: the province, amphoe and tambon names of a national tambon layer that
// carries ADM1/ADM2/ADM3 codes and Thai/English names (HDX COD-AB), as the gazetteer CSV
// (code,level,name_th,name_en; sorted by code) on stdout. Read through core's own boundary
// reader, so codes are normalised exactly as ChiPao reads them everywhere else.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <optional>
#include <string>

#include "core/admin/admin_code.h"
#include "core/io/boundary_reader.h"

namespace {

using namespace chipao;

struct Names {
  std::string level, th, en;
};

std::optional<std::size_t> field_index(const SourceDescription& s, const std::string& name) {
  const auto it = std::find(s.field_names.begin(), s.field_names.end(), name);
  if (it == s.field_names.end()) return std::nullopt;
  return static_cast<std::size_t>(it - s.field_names.begin());
}

// Names are written into a CSV without quoting: a comma or quote would shift the columns.
std::string csv_safe(std::string text) {
  std::replace(text.begin(), text.end(), ',', ' ');
  std::erase(text, '"');
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "Usage: chipao-gazetteergen TAMBON_LAYER > data/gazetteer/th_admin.csv\n";
    return 2;
  }
  const std::string path = argv[1];
  LoadOptions options;
  options.level = AdminLevel::tambon;
  options.code_fields = {"ADM3_PCODE"};
  options.name_th_field = "ADM3_TH";
  options.name_en_field = "ADM3_EN";
  options.repair_invalid = false;
  auto layer = load_boundaries(path, options);
  if (!layer) {
    std::cerr << layer.error().message << "\n";
    return 1;
  }
  const SourceDescription& s = layer->source;
  const char* needed[] = {"ADM1_PCODE", "ADM1_TH", "ADM1_EN", "ADM2_PCODE", "ADM2_TH", "ADM2_EN"};
  std::map<std::string, std::size_t> at;
  for (const char* f : needed) {
    const auto i = field_index(s, f);
    if (!i) {
      std::cerr << fmt::format("{}: has no field {}; give the HDX COD-AB tambon layer\n", path, f);
      return 1;
    }
    at[f] = *i;
  }
  std::map<std::string, Names> rows;  // sorted by code: provinces, then their amphoe, ...
  for (const BoundaryFeature& f : layer->features) {
    if (f.code.empty()) {
      std::cerr << fmt::format("{}: feature {} has no valid ADM3_PCODE; skipped\n", path, f.fid);
      continue;
    }
    const auto& a = f.attributes;
    const CodeCheck p = normalise_code(a[at["ADM1_PCODE"]], AdminLevel::province);
    const CodeCheck d = normalise_code(a[at["ADM2_PCODE"]], AdminLevel::amphoe);
    if (!p.value || !d.value) {
      std::cerr << fmt::format("{}: feature {} (tambon {}) has a bad ADM1/ADM2 code; skipped\n",
                               path, f.fid, f.code);
      continue;
    }
    rows.emplace(p.value->code, Names{"province", a[at["ADM1_TH"]], a[at["ADM1_EN"]]});
    rows.emplace(d.value->code, Names{"amphoe", a[at["ADM2_TH"]], a[at["ADM2_EN"]]});
    rows.emplace(f.code, Names{"tambon", f.name_th, f.name_en});
  }
  std::cout << "code,level,name_th,name_en\n";
  for (const auto& [code, n] : rows)
    std::cout << code << ',' << n.level << ',' << csv_safe(n.th) << ',' << csv_safe(n.en) << '\n';
  std::cerr << fmt::format("{}: {} rows from {} features\n", path, rows.size(),
                           layer->features.size());
  return 0;
}
