#include "core/stats/number_parse.h"

#include "core/io/text_encoding.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

namespace chipao {

namespace {

bool is_blank_word(std::string_view s) {
  std::string lower;
  for (char c : s) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return lower.empty() || lower == "-" || lower == "na" || lower == "n/a" || lower == "null" ||
         lower == "nan" || lower == "#n/a";
}

// Copies the cell into plain ASCII: Thai digits (U+0E50..U+0E59, E0 B9 90..99 in UTF-8)
// become 0-9; surrounding white space and no-break spaces go. Returns false on other
// non-ASCII bytes.
bool to_ascii(std::string_view text, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (const int digit = thai_digit_at(text, i); digit >= 0) {
      out.push_back(static_cast<char>('0' + digit));
      i += 2;
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      out.push_back(' ');
      ++i;
    } else {
      return false;
    }
  }
  std::size_t b = 0, e = out.size();
  while (b < e && std::isspace(static_cast<unsigned char>(out[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(out[e - 1]))) --e;
  out = out.substr(b, e - b);
  return true;
}

// Removes thousands separators (',' or ' ') from the integer part, accepting them only
// between groups of exactly three digits, so "1,2" or "12,34" stay invalid rather than
// silently becoming 12 or 1234.
bool strip_grouping(std::string& s) {
  std::size_t start = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  std::size_t end = s.find_first_of(".eE", start);
  if (end == std::string::npos) end = s.size();
  const std::string integer = s.substr(start, end - start);
  if (integer.find_first_of(", ") == std::string::npos) return true;
  std::string digits;
  std::size_t group = 0;
  bool first_group = true;
  for (std::size_t i = 0; i < integer.size(); ++i) {
    const char c = integer[i];
    if (c == ',' || c == ' ') {
      if (group == 0 || (!first_group && group != 3) || group > 3) return false;
      first_group = false;
      group = 0;
      continue;
    }
    digits.push_back(c);
    ++group;
  }
  if (group != 3) return false;
  s = s.substr(0, start) + digits + s.substr(end);
  return true;
}

}  // namespace

ParsedNumber parse_number(std::string_view text) {
  ParsedNumber result;
  std::string s;
  if (!to_ascii(text, s)) {
    result.kind = ParsedNumber::Kind::invalid;
    return result;
  }
  // Only a cell that does not start with a digit can be a blank word ("-", "NA"): checked
  // without lower-casing every number.
  if (s.empty() || !std::isdigit(static_cast<unsigned char>(s[0]))) {
    if (is_blank_word(s)) return result;
  }
  if (!strip_grouping(s)) {
    result.kind = ParsedNumber::Kind::invalid;
    return result;
  }
  const char* begin = s.data();
  const char* end = s.data() + s.size();
  if (!s.empty() && s[0] == '+') ++begin;
  // One sign only: from_chars would take the '-' of "+-5" as the number's own sign.
  if (begin != end && (*begin == '+' || (begin != s.data() && *begin == '-'))) {
    result.kind = ParsedNumber::Kind::invalid;
    return result;
  }
  double value = 0;
  const auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr != end || begin == end || !std::isfinite(value)) {
    result.kind = ParsedNumber::Kind::invalid;
    return result;
  }
  result.kind = ParsedNumber::Kind::number;
  result.value = value;
  return result;
}

}  // namespace chipao
