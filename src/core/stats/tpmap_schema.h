// The TPMAP export schema (NESDC/NECTEC, 2561): key columns per level, the dimension-mask file
// naming, and the aggregation rule of every column.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/admin/admin_level.h"
#include "core/stats/measure_table.h"

namespace chipao {

// "province_ID", "amphur_ID", "tumbol_ID", "village_ID" and the level each keys.
std::optional<AdminLevel> tpmap_key_level(std::string_view column);
// Columns that identify rather than measure (the key columns and province_ID).
bool is_tpmap_id_column(std::string_view column);
// The rule of a TPMAP column: the poverty rate is 100 x target poor / HOUSEMEMBER_CNT (of
// the common file), happiness is a mean weighted by household.CNT, everything else a count.
MeasureSpec tpmap_measure(std::string_view column);
// "61_35_tambol_10100.csv" -> "10100"; empty when the name carries no mask.
std::string tpmap_mask_from_filename(std::string_view path);
// What a legend names as the source of a joined column whose table group is `group`:
// "TPMAP 2561" for TPMAP tables (the year from the file name "61_40_tambol_11111.csv"),
// "TPMAP" when the file name does not say, the group itself for other tables.
std::string tpmap_source_text(const std::vector<MeasureTable>& tables, const std::string& group);

// The five dimensions in mask order, with Thai and English names.
struct Dimension {
  std::string_view key;  // "health", "living", "education", "income", "accessibility"
  std::string_view th;
  std::string_view en;
};
const std::vector<Dimension>& tpmap_dimensions();

// The dimension mask of a joined table group that join_tables labels "tpmap_<mask>"
// ("tpmap_00010" -> income); nullopt for any other group (the common file, a table of one's
// own). TPMAP's counts in such a table are of the selected dimensions only: a person counts
// once when deprived in any of them, so "tpmap_00010"'s target poor are those deprived in income.
std::optional<std::uint8_t> tpmap_group_mask(std::string_view group);

// What a table group's counts are about, for telling apart columns that two joined tables
// share (Thai, English): "ตาราง 00010: นับเฉพาะผู้ขาดด้านรายได้" / "table 00010: deprived in
// income alone", "ตาราง 11111: นับผู้ขาดด้านใดด้านหนึ่งในห้าด้าน" / "table 11111: deprived in
// any of the five dimensions"; "ตาราง <group>" / "table <group>" for a group without a mask.
std::pair<std::string, std::string> tpmap_group_phrase(std::string_view group);
// The labels (Thai, English) of a column two joined tables share, with its table's phrase:
// "คนจนเป้าหมาย (ตาราง 00010: นับเฉพาะด้านรายได้)".
std::pair<std::string, std::string> tpmap_group_labels(
    const std::pair<std::string, std::string>& labels, std::string_view group);

}  // namespace chipao
