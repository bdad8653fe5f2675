// Which fields of a boundary layer hold its administrative code and its names.
//
// Government layers name these fields in several schemes (HDX ADM*_PCODE, DOPA/LDD
// PROV_CODE/AMP_IDN/TAM_IDN/VILL_IDN, chingchai pro_code/amp_code/tam_code, TPMAP *_ID, and
// composite PROV_CODE+AMP_CODE+TAM_CODE). Detection picks the finest level present.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/admin/admin_level.h"

namespace chipao {

struct CodeFieldSpec {
  AdminLevel level = AdminLevel::tambon;
  // One field holding the whole code, or the 2-digit parts of a composite code, coarsest first.
  std::vector<std::string> fields;
  bool composite() const { return fields.size() > 1; }
  std::string describe() const;  // "tam_code" or "PROV_CODE+AMP_CODE+TAM_CODE"
};

// Sample values of each field (samples[i] for field_names[i]; may be empty) settle names that
// two schemes share: DOPA's AMP_CODE holds 2 digits, chingchai's amp_code 4.
using FieldSamples = std::vector<std::vector<std::string>>;

// The level whose digit count most sample values have (after a TH prefix and ".0" are
// stripped), for a code field the user named; nothing when the values are not codes.
std::optional<AdminLevel> level_from_samples(const std::vector<std::string>& values);

// Names are matched case-insensitively; the returned spec carries the layer's own spelling.
std::optional<CodeFieldSpec> detect_code_fields(const std::vector<std::string>& field_names,
                                                const FieldSamples& samples);

// A field naming the code of an enclosing unit (ADM2_PCODE beside ADM3_PCODE), used to check
// that each feature's parent agrees with its own code.
struct ParentField {
  AdminLevel level;
  std::string field;
};
std::vector<ParentField> detect_parent_fields(const std::vector<std::string>& field_names,
                                              const CodeFieldSpec& spec,
                                              const FieldSamples& samples);

struct NameFields {
  std::string th;  // empty when none found
  std::string en;
};
// Picks the Thai and English name fields for `level`: by known names first, then by content
// (sample values in Thai script or Latin letters). `samples[i]` holds values of field i.
NameFields detect_name_fields(const std::vector<std::string>& field_names,
                              const FieldSamples& samples, AdminLevel level,
                              const CodeFieldSpec& code_spec);

}  // namespace chipao
