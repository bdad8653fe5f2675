// Small, exact number-to-text helpers shared by the writers.
#pragma once

#include <charconv>
#include <cstdio>
#include <string>

namespace chipao::demogen {

// n written with at least `width` digits, zero-padded ("07"); n must not be negative.
inline std::string zero_padded(long n, int width) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, n);
  std::string text(digits, result.ptr);
  if (static_cast<int>(text.size()) < width) {
    text.insert(0, static_cast<std::size_t>(width) - text.size(), '0');
  }
  return text;
}

// A rate the way R's write.csv prints it in the TPMAP files: 15 significant digits, no
// trailing zeros ("1.73285198555957", "0", "8").
inline std::string r_number(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

}  // namespace chipao::demogen
