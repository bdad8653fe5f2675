// The 31 jor-por-chor (จปฐ.) indicators and the five TPMAP dimensions built from them.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace chipao::demogen {

constexpr int kIndicatorCount = 31;
constexpr int kDimensionCount = 5;

// Dimension bit i in the order of the TPMAP file masks: health, living, education, income,
// accessibility ("10100" = health or education).
enum Dimension : int { kHealth = 0, kLiving = 1, kEducation = 2, kIncome = 3, kAccess = 4 };

constexpr std::array<std::string_view, kDimensionCount> kDimensionColumn{
    "health", "living", "education", "income", "accessibility"};

// The indicators (1-based numbers) that make a person deprived in each dimension.
constexpr std::array<std::array<int, 4>, kDimensionCount> kDimensionIndicators{{
    {1, 4, 5, 7},
    {8, 9, 10, 11},
    {15, 16, 17, 19},
    {20, 21, 22, 0},  // 0 = unused slot
    {27, 28, 0, 0},
}};

// Bit (n - 1) set for each failed indicator n.
using IndicatorBits = std::uint32_t;

// Dimension bits (bit d = deprived in dimension d) of a person failing `failed`.
constexpr std::uint8_t dimensions_of(IndicatorBits failed) {
  std::uint8_t dims = 0;
  for (int d = 0; d < kDimensionCount; ++d) {
    for (const int n : kDimensionIndicators[static_cast<std::size_t>(d)]) {
      if (n > 0 && (failed >> (n - 1) & 1U) != 0)
        dims = static_cast<std::uint8_t>(dims | (1U << d));
    }
  }
  return dims;
}

// The file-name form of a mask: "10100" for health | education.
constexpr std::array<char, kDimensionCount> mask_digits(int mask) {
  std::array<char, kDimensionCount> digits{};
  for (int d = 0; d < kDimensionCount; ++d)
    digits[static_cast<std::size_t>(d)] = (mask >> d & 1) ? '1' : '0';
  return digits;
}

}  // namespace chipao::demogen
