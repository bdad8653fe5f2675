#include "core/admin/admin_level.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace chipao {

std::string_view level_name(AdminLevel level) {
  switch (level) {
    case AdminLevel::province:
      return "province";
    case AdminLevel::amphoe:
      return "amphoe";
    case AdminLevel::tambon:
      return "tambon";
    case AdminLevel::village:
      return "village";
  }
  return "unknown";
}

std::optional<AdminLevel> parse_level(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  struct Alias {
    std::string_view name;
    AdminLevel level;
  };
  static constexpr std::array<Alias, 20> aliases{{
      {"province", AdminLevel::province},
      {"changwat", AdminLevel::province},
      {"adm1", AdminLevel::province},
      {"จังหวัด", AdminLevel::province},
      {"amphoe", AdminLevel::amphoe},
      {"amphur", AdminLevel::amphoe},
      {"district", AdminLevel::amphoe},
      {"adm2", AdminLevel::amphoe},
      {"อำเภอ", AdminLevel::amphoe},
      {"tambon", AdminLevel::tambon},
      {"tumbol", AdminLevel::tambon},
      {"subdistrict", AdminLevel::tambon},
      {"adm3", AdminLevel::tambon},
      {"ตำบล", AdminLevel::tambon},
      {"village", AdminLevel::village},
      {"muban", AdminLevel::village},
      {"mooban", AdminLevel::village},
      {"หมู่บ้าน", AdminLevel::village},
      {"amphoe/district", AdminLevel::amphoe},
      {"tambol", AdminLevel::tambon},
  }};
  for (const Alias& a : aliases) {
    if (lower == a.name) return a.level;
  }
  return std::nullopt;
}

std::optional<AdminLevel> level_from_digits(std::size_t digits) {
  switch (digits) {
    case 2:
      return AdminLevel::province;
    case 4:
      return AdminLevel::amphoe;
    case 6:
      return AdminLevel::tambon;
    case 8:
      return AdminLevel::village;
    default:
      return std::nullopt;
  }
}

std::optional<AdminLevel> parent_level(AdminLevel level) {
  if (level == AdminLevel::province) return std::nullopt;
  return static_cast<AdminLevel>(static_cast<int>(level) - 1);
}

}  // namespace chipao
