// Numbers as planners type them into tables: "1,234", "๑,๒๓๔", " 12 ", "1 234", "3.5", and
// blanks. Parsing never guesses: a cell is a number, blank, or not a number.
#pragma once

#include <string_view>

namespace chipao {

struct ParsedNumber {
  enum class Kind { number, blank, invalid } kind = Kind::blank;
  double value = 0;
};

// Blank: empty, spaces, "-", "NA", "N/A", "null", "NaN" (missing, never zero). Accepts Thai
// digits, comma or space thousands separators in groups of three, a leading sign, a decimal
// point and an exponent.
ParsedNumber parse_number(std::string_view text);

}  // namespace chipao
