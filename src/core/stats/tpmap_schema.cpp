#include "core/stats/tpmap_schema.h"

#include <cctype>
#include <filesystem>

namespace chipao {

std::optional<AdminLevel> tpmap_key_level(std::string_view column) {
  if (column == "province_ID") return AdminLevel::province;
  if (column == "amphur_ID") return AdminLevel::amphoe;
  if (column == "tumbol_ID") return AdminLevel::tambon;
  if (column == "village_ID") return AdminLevel::village;
  return std::nullopt;
}

bool is_tpmap_id_column(std::string_view column) {
  return tpmap_key_level(column).has_value();
}

MeasureSpec tpmap_measure(std::string_view column) {
  MeasureSpec m;
  m.column = std::string(column);
  if (column == "JPT.MOFval.pov.rate") {
    m.rule = MeasureRule::ratio;
    m.numerator = "poor.JPT.MOFval.CNT";
    m.denominator = "HOUSEMEMBER_CNT";
    m.scale = 100;
    m.count = false;
  } else if (column == "happiness") {
    m.rule = MeasureRule::weighted_mean;
    m.weight = "household.CNT";
    m.count = false;
  }
  return m;
}

std::string tpmap_mask_from_filename(std::string_view path) {
  const std::string stem = std::filesystem::path(path).stem().string();
  const auto underscore = stem.rfind('_');
  if (underscore == std::string::npos) return {};
  const std::string tail = stem.substr(underscore + 1);
  if (tail.size() != 5 || tail.find_first_not_of("01") != std::string::npos || tail == "00000")
    return {};
  return tail;
}

const std::vector<Dimension>& tpmap_dimensions() {
  static const std::vector<Dimension> dims{
      {"health", "ด้านสุขภาพ", "Health"},
      {"living", "ด้านความเป็นอยู่", "Living standard"},
      {"education", "ด้านการศึกษา", "Education"},
      {"income", "ด้านรายได้", "Income"},
      {"accessibility", "ด้านการเข้าถึงบริการรัฐ", "Access to public services"},
  };
  return dims;
}

std::string tpmap_source_text(const std::vector<MeasureTable>& tables, const std::string& group) {
  if (!group.starts_with("tpmap")) return group;
  // TPMAP names its files "<Buddhist year, 2 digits>_<province>_<level>_<mask>.csv".
  for (const MeasureTable& table : tables) {
    if (!table.kind.starts_with("tpmap")) continue;
    const std::string file = std::filesystem::path(table.path).filename().string();
    if (file.size() > 3 && file[2] == '_' && std::isdigit(static_cast<unsigned char>(file[0])) &&
        std::isdigit(static_cast<unsigned char>(file[1])))
      return "TPMAP 25" + file.substr(0, 2);
  }
  return "TPMAP";
}

std::optional<std::uint8_t> tpmap_group_mask(std::string_view group) {
  constexpr std::string_view prefix = "tpmap_";
  if (!group.starts_with(prefix)) return std::nullopt;
  const std::string_view mask = group.substr(prefix.size());
  if (mask.size() != tpmap_dimensions().size() || mask.find_first_not_of("01") != mask.npos ||
      mask.find('1') == mask.npos)
    return std::nullopt;
  std::uint8_t bits = 0;
  for (std::size_t i = 0; i < mask.size(); ++i)
    if (mask[i] == '1') bits = static_cast<std::uint8_t>(bits | (1u << i));
  return bits;
}

std::pair<std::string, std::string> tpmap_group_phrase(std::string_view group) {
  const auto mask = tpmap_group_mask(group);
  const std::string table(group.substr(mask ? std::string_view("tpmap_").size() : 0));
  if (!mask) return {"ตาราง " + table, "table " + table};
  const auto& dims = tpmap_dimensions();
  std::vector<std::size_t> selected;
  for (std::size_t i = 0; i < dims.size(); ++i)
    if ((*mask >> i) & 1u) selected.push_back(i);
  if (selected.size() == dims.size())
    return {"ตาราง " + table + ": นับทั้งห้าด้าน", "table " + table + ": counts all five dimensions"};
  // The selected dimensions as a sentence says them: "A", "AและB", "A B และC"; "a and b".
  std::string th, en;
  for (std::size_t n = 0; n < selected.size(); ++n) {
    const Dimension& d = dims[selected[n]];
    std::string name_en(d.en);
    name_en[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name_en[0])));
    const bool last = n + 1 == selected.size() && n > 0;
    th += (n == 0 ? "" : !last ? " " : selected.size() == 2 ? "และ" : " และ") + std::string(d.th);
    en += (n == 0 ? "" : last ? " and " : ", ") + name_en;
  }
  if (selected.size() == 1) {
    return {"ตาราง " + table + ": นับเฉพาะ" + th, "table " + table + ": counts " + en + " alone"};
  }
  return {"ตาราง " + table + ": นับเฉพาะ" + th, "table " + table + ": counts " + en + " only"};
}

std::pair<std::string, std::string> tpmap_group_labels(
    const std::pair<std::string, std::string>& labels, std::string_view group) {
  const auto [th, en] = tpmap_group_phrase(group);
  return {labels.first + " (" + th + ")", labels.second + " (" + en + ")"};
}

}  // namespace chipao
