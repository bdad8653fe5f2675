#include "core/admin/field_detection.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "core/admin/admin_code.h"
#include "core/io/text_encoding.h"

namespace chipao {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

int find_field(const std::vector<std::string>& names, std::string_view wanted) {
  const std::string w = lower(wanted);
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (lower(names[i]) == w) return static_cast<int>(i);
  }
  return -1;
}

struct KnownCodeField {
  std::string_view name;
  AdminLevel level;
};

// Whole-code fields of the schemes in use. Where a name is shared with a composite part
// (AMP_CODE, TAM_CODE, VILL_CODE), sample values decide which it is.
constexpr std::array<KnownCodeField, 31> kCodeFields{{
    {"ADM4_PCODE", AdminLevel::village},     {"VILL_IDN", AdminLevel::village},
    {"MUBAN_IDN", AdminLevel::village},      {"VIL_IDN", AdminLevel::village},
    {"vill_code", AdminLevel::village},      {"village_code", AdminLevel::village},
    {"muban_code", AdminLevel::village},     {"ADM3_PCODE", AdminLevel::tambon},
    {"TAM_IDN", AdminLevel::tambon},         {"TAMBON_IDN", AdminLevel::tambon},
    {"TB_IDN", AdminLevel::tambon},          {"tam_code", AdminLevel::tambon},
    {"tambon_code", AdminLevel::tambon},     {"tumbol_ID", AdminLevel::tambon},
    {"subdist_code", AdminLevel::tambon},    {"ADM2_PCODE", AdminLevel::amphoe},
    {"AMP_IDN", AdminLevel::amphoe},         {"AMPHOE_IDN", AdminLevel::amphoe},
    {"AP_IDN", AdminLevel::amphoe},          {"amp_code", AdminLevel::amphoe},
    {"amphoe_code", AdminLevel::amphoe},     {"amphur_ID", AdminLevel::amphoe},
    {"dist_code", AdminLevel::amphoe},       {"ADM1_PCODE", AdminLevel::province},
    {"PROV_CODE", AdminLevel::province},     {"PROV_IDN", AdminLevel::province},
    {"pro_code", AdminLevel::province},      {"PV_CODE", AdminLevel::province},
    {"province_code", AdminLevel::province}, {"province_ID", AdminLevel::province},
    {"changwat_code", AdminLevel::province},
}};

// The usual digit count of a field's sample values after normalisation (TH prefix and ".0"
// stripped); 0 when there are no usable samples.
std::size_t typical_digits(const FieldSamples& samples, int field) {
  if (field < 0 || static_cast<std::size_t>(field) >= samples.size()) return 0;
  std::map<std::size_t, int> counts;
  for (const std::string& raw : samples[static_cast<std::size_t>(field)]) {
    std::string s = raw;
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    s = s.substr(b);
    if (s.size() >= 2 && std::tolower(static_cast<unsigned char>(s[0])) == 't' &&
        std::tolower(static_cast<unsigned char>(s[1])) == 'h') {
      s.erase(0, 2);
    }
    if (const auto dot = s.find('.'); dot != std::string::npos) s.erase(dot);
    if (s.empty() || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    ++counts[s.size()];
  }
  std::size_t best = 0;
  int best_count = 0;
  for (const auto& [digits, count] : counts) {
    if (count > best_count) {
      best = digits;
      best_count = count;
    }
  }
  return best;
}

bool looks_like_part(const FieldSamples& samples, int field) {
  const std::size_t d = typical_digits(samples, field);
  return d == 1 || d == 2;
}

}  // namespace

std::optional<AdminLevel> level_from_samples(const std::vector<std::string>& values) {
  return level_from_digits(typical_digits(FieldSamples{values}, 0));
}

std::string CodeFieldSpec::describe() const {
  std::string out;
  for (const std::string& f : fields) {
    if (!out.empty()) out += "+";
    out += f;
  }
  return out;
}

std::optional<CodeFieldSpec> detect_code_fields(const std::vector<std::string>& names,
                                                const FieldSamples& samples) {
  std::optional<CodeFieldSpec> best;
  for (const KnownCodeField& known : kCodeFields) {
    const int idx = find_field(names, known.name);
    if (idx < 0) continue;
    const std::size_t digits = typical_digits(samples, idx);
    AdminLevel level = known.level;
    if (digits != 0) {
      // Values decide: a field named for tambons that holds 2-digit values is a composite part.
      if (known.level != AdminLevel::province && (digits == 1 || digits == 2)) continue;
      if (auto by_digits = level_from_digits(digits)) level = *by_digits;
    }
    if (!best || static_cast<int>(level) > static_cast<int>(best->level)) {
      best = CodeFieldSpec{level, {names[static_cast<std::size_t>(idx)]}};
    }
  }

  // DOPA/LDD composite codes: PROV_CODE + AMP_CODE (+ TAM_CODE (+ VILL_CODE)), 2 digits each.
  const int prov = find_field(names, "PROV_CODE");
  if (prov >= 0) {
    std::vector<std::string> parts{names[static_cast<std::size_t>(prov)]};
    const std::array<std::string_view, 3> part_names{"AMP_CODE", "TAM_CODE", "VILL_CODE"};
    for (std::string_view part : part_names) {
      const int idx = find_field(names, part);
      if (idx < 0) break;
      const bool is_part =
          samples.empty() || typical_digits(samples, idx) == 0 || looks_like_part(samples, idx);
      if (!is_part) break;
      parts.push_back(names[static_cast<std::size_t>(idx)]);
    }
    if (parts.size() > 1) {
      const auto level = static_cast<AdminLevel>(parts.size());
      if (!best || static_cast<int>(level) > static_cast<int>(best->level)) {
        best = CodeFieldSpec{level, parts};
      }
    }
  }
  return best;
}

std::vector<ParentField> detect_parent_fields(const std::vector<std::string>& names,
                                              const CodeFieldSpec& spec,
                                              const FieldSamples& samples) {
  std::vector<ParentField> parents;
  for (const KnownCodeField& known : kCodeFields) {
    if (static_cast<int>(known.level) >= static_cast<int>(spec.level)) continue;
    const int idx = find_field(names, known.name);
    if (idx < 0) continue;
    const std::string& field = names[static_cast<std::size_t>(idx)];
    if (std::find(spec.fields.begin(), spec.fields.end(), field) != spec.fields.end()) continue;
    if (looks_like_part(samples, idx) && known.level != AdminLevel::province) continue;
    const std::size_t digits = typical_digits(samples, idx);
    if (digits != 0 && digits != static_cast<std::size_t>(code_digits(known.level))) continue;
    const bool seen = std::any_of(parents.begin(), parents.end(),
                                  [&](const ParentField& p) { return p.level == known.level; });
    if (!seen) parents.push_back(ParentField{known.level, field});
  }
  return parents;
}

namespace {

struct KnownNamePair {
  AdminLevel level;
  std::string_view th;
  std::string_view en;
};

constexpr std::array<KnownNamePair, 22> kNameFields{{
    {AdminLevel::village, "VILL_NM_T", "VILL_NM_E"},
    {AdminLevel::village, "VILL_NAMT", "VILL_NAME"},
    {AdminLevel::village, "MUBAN_TH", "MUBAN_EN"},
    {AdminLevel::village, "VILL_TH", "VILL_EN"},
    {AdminLevel::village, "ADM4_TH", "ADM4_EN"},
    {AdminLevel::tambon, "ADM3_TH", "ADM3_EN"},
    {AdminLevel::tambon, "tam_th", "tam_en"},
    {AdminLevel::tambon, "TAM_NAMT", "TAM_NAMEE"},
    {AdminLevel::tambon, "TAM_NAM_T", "TAM_NAM_E"},
    {AdminLevel::tambon, "TAMBON_TH", "TAMBON_EN"},
    {AdminLevel::tambon, "TAM_NAMT", "TAM_NAME"},
    {AdminLevel::amphoe, "ADM2_TH", "ADM2_EN"},
    {AdminLevel::amphoe, "amp_th", "amp_en"},
    {AdminLevel::amphoe, "AMP_NAMT", "AMP_NAMEE"},
    {AdminLevel::amphoe, "AMP_NAM_T", "AMP_NAM_E"},
    {AdminLevel::amphoe, "AMP_NAMT", "AMP_NAME"},
    {AdminLevel::province, "ADM1_TH", "ADM1_EN"},
    {AdminLevel::province, "pro_th", "pro_en"},
    {AdminLevel::province, "PROV_NAMT", "PROV_NAMEE"},
    {AdminLevel::province, "PROV_NAM_T", "PROV_NAM_E"},
    {AdminLevel::province, "PROV_NAMT", "PROV_NAME"},
    {AdminLevel::province, "PROV_TH", "PROV_EN"},
}};

constexpr std::array<KnownNamePair, 4> kGenericNameFields{{
    {AdminLevel::tambon, "name_th", "name_en"},
    {AdminLevel::tambon, "NAME_T", "NAME_E"},
    {AdminLevel::tambon, "th_name", "en_name"},
    {AdminLevel::tambon, "NAMT", "NAME"},
}};

double share(const FieldSamples& samples, std::size_t field, bool (*test)(std::string_view)) {
  if (field >= samples.size()) return 0;
  int nonempty = 0;
  int hits = 0;
  for (const std::string& v : samples[field]) {
    if (v.empty()) continue;
    ++nonempty;
    if (test(v)) ++hits;
  }
  return nonempty == 0 ? 0 : static_cast<double>(hits) / nonempty;
}

bool is_latin_name(std::string_view v) {
  int letters = 0;
  for (char c : v) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) return false;
    if (std::isalpha(u)) ++letters;
  }
  return letters >= 2;
}

bool is_thai_text(std::string_view v) {
  return has_thai_utf8(v);
}

}  // namespace

NameFields detect_name_fields(const std::vector<std::string>& names, const FieldSamples& samples,
                              AdminLevel level, const CodeFieldSpec& code_spec) {
  NameFields result;
  auto take = [&](const KnownNamePair& pair) {
    const int th = find_field(names, pair.th);
    const int en = find_field(names, pair.en);
    if (result.th.empty() && th >= 0) result.th = names[static_cast<std::size_t>(th)];
    if (result.en.empty() && en >= 0) result.en = names[static_cast<std::size_t>(en)];
  };
  for (const KnownNamePair& pair : kNameFields) {
    if (pair.level == level) take(pair);
  }
  for (const KnownNamePair& pair : kGenericNameFields) take(pair);

  // Content fallback: the first text field written mostly in Thai script, and the first whose
  // values are Latin words, preferring fields whose names mention a name.
  auto is_code_field = [&](const std::string& n) {
    return std::find(code_spec.fields.begin(), code_spec.fields.end(), n) != code_spec.fields.end();
  };
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (is_code_field(names[i])) continue;
      const std::string n = lower(names[i]);
      const bool named_like_name = n.find("nam") != std::string::npos ||
                                   n.find("_th") != std::string::npos ||
                                   n.find("_en") != std::string::npos;
      if (pass == 0 && !named_like_name) continue;
      if (result.th.empty() && share(samples, i, is_thai_text) >= 0.5) result.th = names[i];
      if (result.en.empty() && names[i] != result.th && share(samples, i, is_latin_name) >= 0.8 &&
          n.find("date") == std::string::npos) {
        result.en = names[i];
      }
    }
  }
  return result;
}

}  // namespace chipao
