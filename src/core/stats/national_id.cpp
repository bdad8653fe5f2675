#include "core/stats/national_id.h"

#include "core/io/text_encoding.h"

#include <fmt/format.h>

#include <algorithm>

namespace chipao {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Drops the separators people put between digit groups (space, no-break space, '-'), turns
// Thai digits (U+0E50..U+0E59, three bytes in UTF-8) into ASCII and removes a ".0" tail that
// a spreadsheet's number cell leaves. Anything else is kept, so the caller sees it.
std::string normalise_id(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (const int digit = thai_digit_at(raw, i); digit >= 0) {
      out.push_back(static_cast<char>('0' + digit));
      i += 2;
      continue;
    }
    if (c == 0xC2 && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '-') continue;
    out.push_back(static_cast<char>(c));
  }
  if (const std::size_t dot = out.find('.'); dot != std::string::npos && dot > 0) {
    bool zeros = dot + 1 < out.size();
    for (std::size_t i = dot + 1; i < out.size(); ++i) zeros = zeros && out[i] == '0';
    if (zeros) out.resize(dot);
  }
  return out;
}

IdCheck check_digits(std::string_view raw, std::size_t expected, const char* what) {
  IdCheck check;
  std::string digits = normalise_id(raw);
  if (digits.empty()) {
    check.problem = "blank";
    return check;
  }
  for (char c : digits) {
    if (!is_digit(c)) {
      check.problem = fmt::format("not a {}: it holds characters other than digits", what);
      return check;
    }
  }
  if (digits.size() != expected) {
    check.problem = fmt::format("{} digits expected, got {}", expected, digits.size());
    return check;
  }
  check.digits = std::move(digits);
  return check;
}

// Counts UTF-8 characters (lead bytes), so a Thai letter masks as one 'x'.
std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string mask_generic(std::string_view raw) {
  const std::string norm = normalise_id(raw);
  std::size_t keep = 0;
  while (keep < 3 && keep < norm.size() && is_digit(norm[norm.size() - 1 - keep])) ++keep;
  // Keep the tail only when something is hidden in front of it, and never more than 3
  // characters; a very long value shows as a capped run of 'x'.
  const std::size_t length = utf8_length(norm);
  if (keep >= length) keep = length > 1 ? length - 1 : 0;
  const std::size_t hidden = std::min<std::size_t>(length - keep, 16);
  return std::string(hidden, 'x') + norm.substr(norm.size() - keep);
}

}  // namespace

int national_id_check_digit(std::string_view first12) {
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += (first12[static_cast<std::size_t>(i)] - '0') * (13 - i);
  return (11 - sum % 11) % 10;
}

IdCheck check_national_id(std::string_view raw) {
  IdCheck check = check_digits(raw, 13, "national ID");
  if (!check.ok()) return check;
  const int expected = national_id_check_digit(check.digits);
  if (check.digits[12] - '0' != expected) {
    check.digits.clear();
    check.problem =
        "the check digit (the last) does not match the first 12 digits; a typing error: "
        "correct it in the source";
  }
  return check;
}

IdCheck check_house_id(std::string_view raw) {
  return check_digits(raw, 11, "house ID");
}

std::string mask_national_id(std::string_view raw) {
  const std::string norm = normalise_id(raw);
  bool digits = norm.size() == 13;
  for (char c : norm) digits = digits && is_digit(c);
  if (!digits) return mask_generic(raw);
  return fmt::format("x-xxxx-xxxxx-{}-{}", norm.substr(10, 2), norm.substr(12, 1));
}

std::string mask_house_id(std::string_view raw) {
  return mask_generic(raw);
}

}  // namespace chipao
