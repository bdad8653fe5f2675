// Codes renumbered between sources. Thai districts are renumbered when a new amphoe takes over
// tambons, and sources disagree about which codes are current; tables carry codes only, so
// the gazetteer's names are the bridge. find_renumbered() spots the likely cases after a
// join, apply_recodes() joins rows under the code the user chose (--recode OLD=NEW).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/join/join.h"

namespace chipao {

// "4029=4026" (as typed after --recode): OLD=NEW, two codes with the same number of digits.
Result<CodeRecode> parse_recode(std::string_view text);
std::string recode_text(const CodeRecode& r);  // "4029=4026", as parse_recode reads it
// The project setting "recodes": a JSON array of "OLD=NEW" texts (empty text: none).
std::string recodes_to_json(const std::vector<CodeRecode>& recodes);
Result<std::vector<CodeRecode>> recodes_from_json(std::string_view json_text);

// Applies every recode to the tables' rows. Each recoded row is noted in its table's
// fixed_codes (note "recoded by --recode OLD=NEW"), so a table kept in a project carries what
// was done to it and joins again to the same report (join_tables lists these notes as the
// report's `recoded`). Fails when a recoded row would take a key its table already has (the
// figures would count twice).
Result<void> apply_recodes(std::vector<MeasureTable>& tables,
                           const std::vector<CodeRecode>& recodes);
inline constexpr std::string_view kRecodedNote = "recoded by --recode ";

// Pairs of (layer unit without figures, unmatched row code) in the same province whose names
// agree, each name unique on its side within the province. `level` is the layer's.
std::vector<JoinReport::Renumbered> find_renumbered(const JoinReport& report, AdminLevel level,
                                                    const Gazetteer& gazetteer);

}  // namespace chipao
