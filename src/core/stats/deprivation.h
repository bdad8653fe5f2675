// The five TPMAP deprivation dimensions, the จปฐ. indicators that feed them, dimension masks,
// and the Alkire-Foster measures (H, A, M0) over households of a registry.
//
// Unit of account: persons. A registry flag says that a household is deprived in a
// dimension (JPT and ThaiQM say "some member is"; person rows are folded to their household
// the same way), so every member of a household counts with the household's dimensions. The
// same figures are kept for households alongside.
//
// Alkire-Foster: the selected dimensions weigh equally (1/5 each with all five); a person is
// poor when the weighted share of selected dimensions deprived is at least k (0 < k <= 1);
// H = q / n, A = the mean share among the poor, M0 = H x A. Registries list only households
// with some deprivation, so n is the persons listed, not an area's population.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/util/result.h"

namespace chipao {

// Named DimensionId: core/stats/tpmap_schema.h has a Dimension record of names.
enum class DimensionId : std::uint8_t { health = 0, living, education, income, access };
inline constexpr int kDimensionCount = 5;
inline constexpr int kIndicatorCount = 31;  // จปฐ. indicators 1..31

using DimensionMask = std::uint8_t;  // bit i set: DimensionId i
inline constexpr DimensionMask kAllDimensions = 0x1F;

constexpr DimensionMask dimension_bit(DimensionId d) {
  return static_cast<DimensionMask>(1u << static_cast<unsigned>(d));
}
// "health", "living", "education", "income", "access".
std::string_view dimension_key(DimensionId d);
// The keys above, and "accessibility" (TPMAP's name) for access.
std::optional<DimensionId> parse_dimension_key(std::string_view text);

// The dimension an indicator (1..31) feeds: health 1, 4, 5, 7; living 8-11; education 15,
// 16, 17, 19; income 20-22; access 27, 28. 0 for the indicators that feed none.
DimensionMask indicator_dimension(int indicator);
// The dimensions deprived when the indicators of `failing` fail (bit n-1 = indicator n).
DimensionMask dimensions_from_indicators(std::uint32_t failing);

// TPMAP's 5-character mask in the order health, living, education, income, access:
// "11111", "10100". At least one dimension must be selected.
Result<DimensionMask> parse_dimension_mask(std::string_view text);
std::string dimension_mask_text(DimensionMask mask);

struct AreaTally {
  std::uint64_t households = 0;
  std::uint64_t persons = 0;
  // Per dimension, all five whatever the mask.
  std::array<std::uint64_t, kDimensionCount> deprived_persons{};
  std::array<std::uint64_t, kDimensionCount> deprived_households{};
  // Deprived in any selected dimension, each counted once (TPMAP's poor.JPT.CNT).
  std::uint64_t mask_persons = 0;
  std::uint64_t mask_households = 0;
  // By the number of selected dimensions deprived, 0..5.
  std::array<std::uint64_t, kDimensionCount + 1> by_count_persons{};
  std::array<std::uint64_t, kDimensionCount + 1> by_count_households{};
  // Alkire-Foster: poor persons (q) and the sum of their deprived selected dimensions.
  std::uint64_t poor_persons = 0;
  std::uint64_t poor_households = 0;
  std::uint64_t poor_deprivations = 0;

  void merge(const AreaTally& other);
};

struct AlkireFoster {
  double H = 0;   // headcount ratio q / n
  double A = 0;   // intensity: mean deprivation share of the poor
  double M0 = 0;  // adjusted headcount ratio H x A
};

// The selection of dimensions and the poverty cutoff, applied to households one by one.
class DeprivationMeasure {
 public:
  // Errors: an empty mask, k outside (0, 1].
  static Result<DeprivationMeasure> make(DimensionMask mask = kAllDimensions, double k = 1.0 / 3);

  void add(AreaTally& tally, std::uint32_t persons, DimensionMask deprived) const;
  AlkireFoster measures(const AreaTally& tally) const;

  DimensionMask mask() const { return mask_; }
  double k() const { return k_; }
  int selected() const { return selected_; }
  // The fewest selected dimensions that make a person poor: ceil(k x selected).
  int poor_from() const { return poor_from_; }

 private:
  DimensionMask mask_ = kAllDimensions;
  double k_ = 1.0 / 3;
  int selected_ = kDimensionCount;
  int poor_from_ = 2;
};

}  // namespace chipao
