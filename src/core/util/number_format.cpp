#include "core/util/number_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace chipao {
namespace {

// Inserts a comma every three digits, counting left from the end of the integer digits.
std::string group_digits(std::string_view digits) {
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

constexpr std::array<std::string_view, 12> kThaiMonths{"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.",
                                                       "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
                                                       "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};
constexpr std::array<std::string_view, 12> kEnglishMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::string format_thousands(double value, int decimals) {
  if (std::isnan(value)) return "\u2013";
  if (std::isinf(value)) return value > 0 ? "\u221e" : "-\u221e";
  const int d = std::clamp(decimals, 0, 9);
  std::string text = fmt::format("{:.{}f}", std::fabs(value), d);
  const std::size_t point = text.find('.');
  const std::string_view integer =
      std::string_view(text).substr(0, point == std::string::npos ? text.size() : point);
  const std::string_view fraction =
      point == std::string::npos ? std::string_view() : std::string_view(text).substr(point);
  // The sign goes only on numbers that still show a non-zero digit after rounding.
  const bool negative = value < 0 && text.find_first_of("123456789") != std::string::npos;
  // Appended piece by piece: g++ 12 warns falsely (-Wrestrict) on "-" + std::string.
  std::string out;
  if (negative) out += '-';
  out += group_digits(integer);
  out += fraction;
  return out;
}

std::string format_count(std::int64_t count) {
  // Through the unsigned magnitude, so INT64_MIN has a positive counterpart.
  const std::uint64_t magnitude =
      count < 0 ? 0 - static_cast<std::uint64_t>(count) : static_cast<std::uint64_t>(count);
  std::string out;
  if (count < 0) out += '-';
  out += group_digits(fmt::format("{}", magnitude));
  return out;
}

int buddhist_year(int year_ce) {
  return year_ce + 543;
}

std::string format_date_be(int year_ce, int month, int day, bool thai) {
  const int year = thai ? buddhist_year(year_ce) : year_ce;
  if (month < 1 || month > 12) return fmt::format("{}/{}/{}", day, month, year);
  const auto& names = thai ? kThaiMonths : kEnglishMonths;
  return fmt::format("{} {} {}", day, names[static_cast<std::size_t>(month - 1)], year);
}

}  // namespace chipao
