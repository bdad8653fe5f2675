// Registry descriptors: small JSON files (layers/registries/*.json) that say how to read a
// household registry (จปฐ., PPP Connext, ThaiQM, ...) — which file, one row per household or
// per person, and which columns hold the house ID, national IDs, village code, member count
// and the deprivation flags per dimension and/or per จปฐ. indicator.
//
//   {
//     "name": "jpt", "title_th": "จปฐ.", "title_en": "Basic minimum needs (JPT)",
//     "source": "../../data/demo/registries/registry_jpt.csv",  // relative to the descriptor
//     "encoding": "UTF-8",            // optional: detected (UTF-8 or CP874/TIS-620)
//     "delimiter": ",",               // optional: detected
//     "sheet": "Sheet1",              // optional, XLSX only
//     "row": "household",             // or "person"
//     "columns": {
//       "house_id": "house_id",       // 11 digits, required
//       "village_code": "village_code",  // 8-digit muban code, required
//       "national_ids": "member_ids", // person rows: one 13-digit ID (required there);
//                                     // household rows: a list (optional)
//       "members": "members"          // household rows, optional: the member count
//     },
//     "id_separator": "|",            // between the IDs of a household row's list
//     "dimensions": {"health": "dim_health", "living": "...", "education": "...",
//                    "income": "...", "access": "..."},   // any subset
//     "indicators": {"columns": "ind{n}", "values": "count"},
//                   // "columns": a pattern with {n} (all 31 columns must exist) or an object
//                   // {"1": "ind1", ...}; "values": "count" (members failing) or "flag"
//     "true_values": ["1", "Y", "ใช่", "true"],
//     "false_values": ["0", "N", "ไม่ใช่", "false"]
//   }
//
// Flags: a value in true_values is true, in false_values false, blank is "not given", and
// anything else an error; when only true_values is given, every other non-blank value is
// false. A dimension with no column of its own is derived from its indicators. Household
// flags mean "some member is deprived"; person flags are folded into their household.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/stats/deprivation.h"
#include "core/util/result.h"

namespace chipao {

enum class RegistryRowKind { household, person };
enum class IndicatorValues { count, flag };

struct RegistryDescriptor {
  std::string path;  // the descriptor file, for messages; empty when built in code
  std::string name;  // short key used in reports: "jpt"
  std::string title_th;
  std::string title_en;
  std::string source;  // the data file, resolved against the descriptor's folder
  std::optional<std::string> encoding;
  std::optional<char> delimiter;
  std::optional<std::string> sheet;
  RegistryRowKind row = RegistryRowKind::household;
  std::string house_id_column;
  std::string village_column;
  std::string national_id_column;  // empty: none (household rows only)
  std::string id_separator = "|";
  std::string members_column;  // empty: the number of IDs listed (or person rows)
  std::array<std::string, kDimensionCount> dimension_columns;  // empty: not given
  std::array<std::string, kIndicatorCount> indicator_columns;  // [n-1]; empty: not given
  IndicatorValues indicator_values = IndicatorValues::count;
  std::vector<std::string> true_values;
  std::vector<std::string> false_values;  // empty with true_values set: anything else

  // "jpt (registry_jpt.csv)": for messages.
  std::string label() const;
};

enum class FlagCell { yes, no, blank, invalid };
// How `descriptor` reads one flag cell (trimmed; ASCII letters compared ignoring case).
FlagCell read_flag(const RegistryDescriptor& descriptor, std::string_view cell);

Result<RegistryDescriptor> read_registry_descriptor(const std::string& path);
// The same from JSON text already in memory; `path` resolves "source" and names messages.
Result<RegistryDescriptor> parse_registry_descriptor(std::string_view json_text,
                                                     const std::string& path);

}  // namespace chipao
