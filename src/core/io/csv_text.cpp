#include "core/io/csv_text.h"

namespace chipao {

namespace {

bool digit(char c) {
  return c >= '0' && c <= '9';
}

// [+-]digits[.digits][e[+-]digits], or [+-].digits[...]: what a spreadsheet reads as a
// number.
bool plain_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < s.size() && digit(s[i])) {
    ++i;
    ++digits;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && digit(s[i])) {
      ++i;
      ++digits;
    }
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exponent = 0;
    while (i < s.size() && digit(s[i])) {
      ++i;
      ++exponent;
    }
    if (exponent == 0) return false;
  }
  return i == s.size();
}

}  // namespace

std::string csv_safe_text(std::string_view text) {
  if (text.empty()) return {};
  switch (text.front()) {
    case '=':
    case '@':
    case '\t':
    case '\r':
      return "'" + std::string(text);
    case '+':
    case '-':
      return plain_number(text) ? std::string(text) : "'" + std::string(text);
    default:
      return std::string(text);
  }
}

std::string csv_text_cell(std::string_view text) {
  const std::string safe = csv_safe_text(text);
  if (safe.find_first_of(",\"\n\r") == std::string::npos) return safe;
  std::string out = "\"";
  for (char c : safe) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace chipao
