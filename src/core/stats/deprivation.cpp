#include "core/stats/deprivation.h"

#include <fmt/format.h>

#include <bit>
#include <cmath>

namespace chipao {

namespace {

constexpr std::array<std::string_view, kDimensionCount> kDimensionKeys{
    "health", "living", "education", "income", "access"};

// Indicator n (1-based) -> dimension bit, from DESIGN.md's table of the จปฐ. indicators.
constexpr std::array<DimensionMask, kIndicatorCount + 1> kIndicatorDimension = [] {
  std::array<DimensionMask, kIndicatorCount + 1> map{};
  for (int i : {1, 4, 5, 7}) map[static_cast<std::size_t>(i)] = dimension_bit(DimensionId::health);
  for (int i : {8, 9, 10, 11})
    map[static_cast<std::size_t>(i)] = dimension_bit(DimensionId::living);
  for (int i : {15, 16, 17, 19})
    map[static_cast<std::size_t>(i)] = dimension_bit(DimensionId::education);
  for (int i : {20, 21, 22}) map[static_cast<std::size_t>(i)] = dimension_bit(DimensionId::income);
  for (int i : {27, 28}) map[static_cast<std::size_t>(i)] = dimension_bit(DimensionId::access);
  return map;
}();

}  // namespace

std::string_view dimension_key(DimensionId d) {
  return kDimensionKeys[static_cast<std::size_t>(d)];
}

std::optional<DimensionId> parse_dimension_key(std::string_view text) {
  for (std::size_t i = 0; i < kDimensionKeys.size(); ++i) {
    if (text == kDimensionKeys[i]) return static_cast<DimensionId>(i);
  }
  if (text == "accessibility") return DimensionId::access;
  return std::nullopt;
}

DimensionMask indicator_dimension(int indicator) {
  if (indicator < 1 || indicator > kIndicatorCount) return 0;
  return kIndicatorDimension[static_cast<std::size_t>(indicator)];
}

DimensionMask dimensions_from_indicators(std::uint32_t failing) {
  DimensionMask out = 0;
  while (failing != 0) {
    const int bit = std::countr_zero(failing);
    out |= indicator_dimension(bit + 1);
    failing &= failing - 1;
  }
  return out;
}

Result<DimensionMask> parse_dimension_mask(std::string_view text) {
  if (text.size() != kDimensionCount)
    return fail(fmt::format(
        "the dimension mask '{}' must be 5 characters of 0 and 1 in the order health, living, "
        "education, income, access (11111 selects all)",
        text));
  DimensionMask mask = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '1') {
      mask |= static_cast<DimensionMask>(1u << i);
    } else if (text[i] != '0') {
      return fail(fmt::format(
          "the dimension mask '{}' must hold only 0 and 1 (health, living, education, income, "
          "access)",
          text));
    }
  }
  if (mask == 0)
    return fail("the dimension mask 00000 selects no dimension; select at least one (11111: all)");
  return mask;
}

std::string dimension_mask_text(DimensionMask mask) {
  std::string out;
  for (int i = 0; i < kDimensionCount; ++i) out.push_back((mask >> i) & 1u ? '1' : '0');
  return out;
}

void AreaTally::merge(const AreaTally& o) {
  households += o.households;
  persons += o.persons;
  for (std::size_t d = 0; d < deprived_persons.size(); ++d) {
    deprived_persons[d] += o.deprived_persons[d];
    deprived_households[d] += o.deprived_households[d];
  }
  mask_persons += o.mask_persons;
  mask_households += o.mask_households;
  for (std::size_t c = 0; c < by_count_persons.size(); ++c) {
    by_count_persons[c] += o.by_count_persons[c];
    by_count_households[c] += o.by_count_households[c];
  }
  poor_persons += o.poor_persons;
  poor_households += o.poor_households;
  poor_deprivations += o.poor_deprivations;
}

Result<DeprivationMeasure> DeprivationMeasure::make(DimensionMask mask, double k) {
  mask &= kAllDimensions;
  if (mask == 0) return fail("no dimension selected; select at least one (mask 11111: all)");
  if (!(k > 0 && k <= 1))
    return fail(fmt::format(
        "the poverty cutoff k = {} must be above 0 and at most 1 (a share of the selected "
        "dimensions; 1/3 is the global MPI's)",
        k));
  DeprivationMeasure m;
  m.mask_ = mask;
  m.k_ = k;
  m.selected_ = std::popcount(mask);
  // Compared on whole counts so that k = 0.3333 typed for 1/3 and k = 0.4 with five
  // dimensions (2/5, not quite 0.4 in binary) give the cutoff the planner meant.
  m.poor_from_ = m.selected_;
  for (int c = 1; c <= m.selected_; ++c) {
    if (static_cast<double>(c) / m.selected_ >= k - 1e-9) {
      m.poor_from_ = c;
      break;
    }
  }
  return m;
}

void DeprivationMeasure::add(AreaTally& t, std::uint32_t persons, DimensionMask deprived) const {
  t.households += 1;
  t.persons += persons;
  for (int d = 0; d < kDimensionCount; ++d) {
    if ((deprived >> d) & 1u) {
      t.deprived_persons[static_cast<std::size_t>(d)] += persons;
      t.deprived_households[static_cast<std::size_t>(d)] += 1;
    }
  }
  const int count = std::popcount(static_cast<unsigned>(deprived & mask_));
  t.by_count_persons[static_cast<std::size_t>(count)] += persons;
  t.by_count_households[static_cast<std::size_t>(count)] += 1;
  if (count > 0) {
    t.mask_persons += persons;
    t.mask_households += 1;
  }
  if (count >= poor_from_) {
    t.poor_persons += persons;
    t.poor_households += 1;
    t.poor_deprivations += static_cast<std::uint64_t>(count) * persons;
  }
}

AlkireFoster DeprivationMeasure::measures(const AreaTally& t) const {
  AlkireFoster af;
  if (t.persons == 0) return af;
  af.H = static_cast<double>(t.poor_persons) / static_cast<double>(t.persons);
  if (t.poor_persons > 0) {
    af.A = static_cast<double>(t.poor_deprivations) /
           (static_cast<double>(t.poor_persons) * selected_);
  }
  af.M0 = af.H * af.A;
  return af;
}

}  // namespace chipao
