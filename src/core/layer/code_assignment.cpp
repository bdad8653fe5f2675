#include "core/layer/code_assignment.h"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "core/admin/admin_code.h"

namespace chipao {

namespace {

constexpr std::size_t kSampleRows = 300;

int field_index(const std::vector<std::string>& names, std::string_view wanted) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i].size() == wanted.size() &&
        std::equal(names[i].begin(), names[i].end(), wanted.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        })) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

FieldSamples take_samples(const BoundaryLayer& layer) {
  FieldSamples samples(layer.source.field_names.size());
  const std::size_t rows = std::min(kSampleRows, layer.features.size());
  for (std::size_t r = 0; r < rows; ++r) {
    const auto& values = layer.features[r].attributes;
    for (std::size_t f = 0; f < samples.size() && f < values.size(); ++f)
      samples[f].push_back(values[f]);
  }
  return samples;
}

std::string value_of(const BoundaryFeature& f, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= f.attributes.size()) return {};
  return f.attributes[static_cast<std::size_t>(index)];
}

// Province names as the HDX province layer writes them, matched to the province table when
// a layer has no code field at all.
std::string squash(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) out.push_back(static_cast<char>(std::tolower(u)));
  }
  return out;
}

const ProvinceInfo* province_by_name(std::string_view name) {
  const std::string key = squash(name);
  if (key.empty()) return nullptr;
  for (int code = 10; code <= 99; ++code) {
    const ProvinceInfo* p = find_province(std::to_string(code));
    if (p != nullptr && (squash(p->name_th) == key || squash(p->name_en) == key)) return p;
  }
  return nullptr;
}

bool assign_codes_from_province_names(BoundaryLayer& layer) {
  const int th = field_index(layer.source.field_names, layer.source.name_fields.th);
  const int en = field_index(layer.source.field_names, layer.source.name_fields.en);
  if (th < 0 && en < 0) return false;
  std::size_t matched = 0;
  std::vector<const ProvinceInfo*> found(layer.features.size(), nullptr);
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    const ProvinceInfo* p = province_by_name(value_of(layer.features[i], th));
    if (p == nullptr) p = province_by_name(value_of(layer.features[i], en));
    found[i] = p;
    if (p != nullptr) ++matched;
  }
  // Most rows must be province names, or this is some other layer that happens to hold names.
  if (matched * 10 < layer.features.size() * 9) return false;
  const std::string field = th >= 0 ? layer.source.name_fields.th : layer.source.name_fields.en;
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    BoundaryFeature& f = layer.features[i];
    if (found[i] != nullptr) {
      f.code = std::string(found[i]->code);
    } else {
      layer.report.bad_codes.push_back(BadCode{f.fid, field, value_of(f, th >= 0 ? th : en),
                                               "not a province name ChiPao knows"});
    }
  }
  layer.source.level = AdminLevel::province;
  layer.source.level_source = "detected";
  layer.source.code_fields = CodeFieldSpec{AdminLevel::province, {field}};
  layer.source.code_source = "name";
  return true;
}

Result<std::optional<CodeFieldSpec>> resolve_code_fields(const BoundaryLayer& layer,
                                                         const CodeAssignmentOptions& options,
                                                         const FieldSamples& samples) {
  const auto& names = layer.source.field_names;
  if (options.code_fields.empty()) return detect_code_fields(names, samples);
  CodeFieldSpec spec;
  if (options.code_fields.size() > 4) {
    return fail(fmt::format("{}: {} code fields given ({}); a composite code has at most 4 parts: province, "
                            "amphoe, tambon, village",
                            layer.source.path, options.code_fields.size(), options.override_origin));
  }
  for (const std::string& wanted : options.code_fields) {
    const int idx = field_index(names, wanted);
    if (idx < 0) {
      return fail(fmt::format("{}: code field '{}' ({}) is not in the layer; its fields are: {}",
                              layer.source.path, wanted, options.override_origin,
                              join_names(names)));
    }
    spec.fields.push_back(names[static_cast<std::size_t>(idx)]);
  }
  if (options.level) {
    spec.level = *options.level;
  } else if (spec.composite()) {
    spec.level = static_cast<AdminLevel>(std::min<std::size_t>(spec.fields.size(), 4));
  } else {
    // One named field: its values' digit count says the level.
    const int idx = field_index(names, spec.fields[0]);
    spec.level =
        level_from_samples(samples[static_cast<std::size_t>(idx)]).value_or(AdminLevel::tambon);
  }
  return std::optional<CodeFieldSpec>(spec);
}

void normalise_all(BoundaryLayer& layer, const CodeFieldSpec& spec) {
  std::vector<int> indices;
  for (const std::string& f : spec.fields)
    indices.push_back(field_index(layer.source.field_names, f));
  for (BoundaryFeature& f : layer.features) {
    CodeCheck check;
    std::string raw;
    if (spec.composite()) {
      std::vector<std::string> parts;
      for (int idx : indices) parts.push_back(value_of(f, idx));
      std::vector<std::string_view> views(parts.begin(), parts.end());
      for (const std::string& p : parts) raw += (raw.empty() ? "" : "+") + p;
      check = normalise_composite_code(views);
    } else {
      const std::string& value = f.attributes[static_cast<std::size_t>(indices[0])];
      check = normalise_code(value, spec.level);
      if (!check.value || !check.value->fix_note.empty()) raw = value;  // kept only for reports
    }
    if (check.value) {
      f.code = check.value->code;
      if (!check.value->fix_note.empty()) {
        layer.report.fixed_codes.push_back(FixedCode{f.fid, raw, f.code, check.value->fix_note});
      }
    } else {
      layer.report.bad_codes.push_back(BadCode{f.fid, spec.describe(), raw, check.problem});
    }
  }
}

void check_parents(BoundaryLayer& layer, const CodeFieldSpec& spec, const FieldSamples& samples) {
  for (const ParentField& parent : detect_parent_fields(layer.source.field_names, spec, samples)) {
    const int idx = field_index(layer.source.field_names, parent.field);
    const auto digits = static_cast<std::size_t>(code_digits(parent.level));
    for (BoundaryFeature& f : layer.features) {
      if (f.code.empty()) continue;
      const std::string& raw = f.attributes[static_cast<std::size_t>(idx)];
      // The common case, a clean parent code that agrees, costs one comparison.
      const std::string_view bare =
          std::string_view(raw).starts_with("TH") ? std::string_view(raw).substr(2) : raw;
      if (bare.size() == digits && f.code.compare(0, digits, bare) == 0) continue;
      const CodeCheck check = normalise_code(raw, parent.level);
      const std::string expected = ancestor_code(f.code, parent.level);
      if (check.value && check.value->code != expected) {
        layer.report.bad_codes.push_back(BadCode{
            f.fid, parent.field, raw,
            fmt::format("the {} field says {} but code {} lies in {} {}; one of the two is wrong",
                        level_name(parent.level), check.value->code, f.code,
                        level_name(parent.level), expected)});
      }
    }
  }
}

// Sorting (code, fid) pairs finds repeats without a map entry per feature.
void find_duplicates(BoundaryLayer& layer) {
  std::vector<std::pair<std::string_view, std::int64_t>> codes;
  codes.reserve(layer.features.size());
  for (const BoundaryFeature& f : layer.features) {
    if (!f.code.empty()) codes.emplace_back(f.code, f.fid);
  }
  std::sort(codes.begin(), codes.end());
  for (std::size_t i = 0; i < codes.size();) {
    std::size_t j = i + 1;
    while (j < codes.size() && codes[j].first == codes[i].first) ++j;
    if (j - i > 1) {
      DuplicateCode d{std::string(codes[i].first), {}};
      for (std::size_t k = i; k < j; ++k) d.fids.push_back(codes[k].second);
      layer.report.duplicates.push_back(std::move(d));
    }
    i = j;
  }
}

// One line per kind of problem, naming the file, the field, the first few features and what
// to do; the full lists stay in the report.
void summarise_problems(BoundaryLayer& layer) {
  const SourceDescription& src = layer.source;
  const LoadReport& r = layer.report;
  if (!r.bad_codes.empty()) {
    std::string examples;
    for (std::size_t i = 0; i < r.bad_codes.size() && i < 3; ++i) {
      const BadCode& b = r.bad_codes[i];
      examples += fmt::format("{}FID {} {}='{}' ({})", i == 0 ? "" : "; ", b.fid, b.field, b.value,
                              b.reason);
    }
    layer.report.warnings.push_back(fmt::format(
        "{}: {} feature(s) have a code that is not a valid {} code: {}{}; fix them in the source, "
        "or they will not join to any figures",
        src.path, r.bad_codes.size(), src.level ? level_name(*src.level) : "administrative",
        examples, r.bad_codes.size() > 3 ? "; ..." : ""));
  }
  if (!r.duplicates.empty()) {
    std::string examples;
    for (std::size_t i = 0; i < r.duplicates.size() && i < 3; ++i) {
      std::string fids;
      for (auto fid : r.duplicates[i].fids)
        fids += (fids.empty() ? "" : ", ") + std::to_string(fid);
      examples += fmt::format("{}{} on FIDs {}", i == 0 ? "" : "; ", r.duplicates[i].code, fids);
    }
    layer.report.warnings.push_back(fmt::format(
        "{}: {} code(s) of field {} are on more than one feature ({}{}); figures joined to them "
        "would be counted twice — merge the parts into one multipolygon or correct the codes",
        src.path, r.duplicates.size(), src.code_fields ? src.code_fields->describe() : "?",
        examples, r.duplicates.size() > 3 ? "; ..." : ""));
  }
}

void assign_names(BoundaryLayer& layer) {
  const int th = field_index(layer.source.field_names, layer.source.name_fields.th);
  const int en = field_index(layer.source.field_names, layer.source.name_fields.en);
  for (BoundaryFeature& f : layer.features) {
    f.name_th = value_of(f, th);
    f.name_en = value_of(f, en);
  }
}

}  // namespace

Result<void> assign_codes(BoundaryLayer& layer, const CodeAssignmentOptions& options) {
  const FieldSamples samples = take_samples(layer);
  auto spec = resolve_code_fields(layer, options, samples);
  if (!spec) return std::unexpected(spec.error());
  SourceDescription& src = layer.source;
  src.code_fields = *spec;
  const bool user_level = options.level.has_value();
  if (user_level) {
    src.level = options.level;
    src.level_source = options.override_origin;
  } else if (*spec) {
    src.level = (*spec)->level;
    src.level_source = options.code_fields.empty() ? "detected" : options.override_origin;
  }

  const AdminLevel name_level = src.level.value_or(AdminLevel::tambon);
  src.name_fields =
      detect_name_fields(src.field_names, samples, name_level, spec->value_or(CodeFieldSpec{}));
  for (const auto& [override_value, slot] :
       {std::pair{options.name_th_field, &src.name_fields.th},
        std::pair{options.name_en_field, &src.name_fields.en}}) {
    if (!override_value) continue;
    const int idx = field_index(src.field_names, *override_value);
    if (idx < 0) {
      return fail(fmt::format("{}: name field '{}' ({}) is not in the layer; its fields are: {}",
                              src.path, *override_value, options.override_origin,
                              join_names(src.field_names)));
    }
    *slot = src.field_names[static_cast<std::size_t>(idx)];
  }
  assign_names(layer);

  if (*spec) {
    src.code_source = "field";
    normalise_all(layer, **spec);
    check_parents(layer, **spec, samples);
  } else if (!assign_codes_from_province_names(layer)) {
    layer.report.warnings.push_back(
        src.path +
        ": no field holds an administrative code (ADM3_PCODE, TAM_IDN, tam_code, "
        "PROV_CODE+AMP_CODE+TAM_CODE, ...); joins need one — name it with --code-field "
        "or in the layer descriptor. Fields: " +
        join_names(src.field_names));
  }
  if (src.level && user_level && src.code_fields && src.code_fields->level != *src.level) {
    layer.report.warnings.push_back(
        fmt::format("{}: level set to {} ({}) but the code field {} holds {} codes", src.path,
                    level_name(*src.level), options.override_origin, src.code_fields->describe(),
                    level_name(src.code_fields->level)));
  }
  find_duplicates(layer);
  summarise_problems(layer);
  return {};
}

}  // namespace chipao
