// Thai administrative levels and the digit count of their codes.
//
// province (changwat) 2 digits, amphoe 4, tambon 6, village (muban) 8. A code's parent is the
// code without its last two digits.
#pragma once

#include <optional>
#include <string_view>

namespace chipao {

enum class AdminLevel { province = 1, amphoe = 2, tambon = 3, village = 4 };

constexpr int code_digits(AdminLevel level) {
  return 2 * static_cast<int>(level);
}
std::string_view level_name(AdminLevel level);
// Accepts the English names and common Thai/English synonyms (changwat, district, subdistrict,
// muban).
std::optional<AdminLevel> parse_level(std::string_view text);
std::optional<AdminLevel> level_from_digits(std::size_t digits);
std::optional<AdminLevel> parent_level(AdminLevel level);

}  // namespace chipao
