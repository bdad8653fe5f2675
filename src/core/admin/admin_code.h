// Normalising and checking Thai administrative codes as boundary files write them.
//
// Sources write the same tambon as "TH340101", "340101", 340101.0 or as three parts
// PROV_CODE=34, AMP_CODE=1, TAM_CODE=1. normalise_code() turns any of these into the plain
// digit string and says what it had to fix, or why the value is not a code of that level.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/admin/admin_level.h"

namespace chipao {

struct NormalisedCode {
  std::string code;      // digits only, code_digits(level) long
  std::string fix_note;  // empty when the raw value was already clean, else what was fixed
};

struct CodeCheck {
  std::optional<NormalisedCode> value;  // set when the value is a valid code
  std::string problem;                  // set when it is not: why, in words
};

// Normalises one raw value for a code of `level`: trims, strips a TH prefix, drops a
// ".0" left by numeric fields, restores leading zeros only where the width is known to
// be fixed, then checks the digit count and that every 2-digit part is at least 01.
CodeCheck normalise_code(std::string_view raw, AdminLevel level);

// Normalises a composite code written as 2-digit parts (PROV_CODE, AMP_CODE, TAM_CODE,
// VILL_CODE), each of which may have lost its leading zero.
CodeCheck normalise_composite_code(const std::vector<std::string_view>& parts);

// The code of the enclosing unit at `level` (a prefix), or empty if `code` is coarser.
std::string ancestor_code(std::string_view code, AdminLevel level);
// Tambon digits 51 and above are municipal (thesaban) pseudo-tambons that TPMAP reports
// without a polygon.
bool is_municipal_tambon(std::string_view tambon_code);
// Province names for the codes in use (and the fictional demo province 99), or null.
struct ProvinceInfo {
  std::string_view code, name_th, name_en;
};
const ProvinceInfo* find_province(std::string_view province_code);

}  // namespace chipao
