// Households across registries: de-duplication of the records of several registries
// (core/stats/registry_reader.h) and their tallies by area.
//
// Two records are the same household when they share a house ID or any member's national ID
// (union-find over the salted keys, so transitively: A and B share a house ID, B and C a
// member). A household merged from several records takes:
//   - persons: the larger of its distinct valid national IDs and the largest member count
//     any one record states (a registry that missed a member does not shrink it);
//   - dimensions: deprived where any record says so (a registry is a list of whom to reach:
//     a missed household costs more than a visit; conflicts are reported for checking);
//   - village: the first valid code known to the boundary layers, in the order the
//     registries were given (then the first valid code at all).
// Conflicts are reported per household and field (member count, each dimension, village)
// where the registries listing the household disagree; within one registry, records that
// fall into one household combine first (member count: the largest; flags: any).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/admin/admin_level.h"
#include "core/stats/deprivation.h"
#include "core/stats/registry_reader.h"
#include "core/util/progress.h"
#include "core/util/result.h"

namespace chipao {

inline constexpr std::size_t kMaxRegistries = 8;

struct Household {
  std::uint32_t village = 0;  // 8-digit code as a number; 0 when no record placed it
  std::uint32_t persons = 0;
  DimensionMask deprived = 0;
  std::uint8_t sources = 0;  // bit s: listed by registry s
};

struct ConflictValue {
  std::size_t source = 0;  // index into the registries given
  std::size_t line = 0;    // the record's (first) line in that registry
  std::string value;       // "5", "1", "99021106"
};

struct ConflictExample {
  std::string field;  // "members", "health", "living", "education", "income", "access", "village"
  std::string house;  // masked house ID, "xxxxxxxx872"; "-" when no record had a valid one
  std::vector<ConflictValue> values;  // one per registry stating the field
};

struct DedupReport {
  std::size_t records = 0;
  std::vector<std::size_t> records_per_source;
  std::vector<std::size_t> households_per_source;  // distinct households each registry lists
  // Records of a registry that fall into a household the same registry already lists.
  std::vector<std::size_t> duplicates_per_source;
  std::array<std::size_t, kMaxRegistries + 1> by_source_count{};  // [k]: listed by k registries
  std::array<std::size_t, 1u << kMaxRegistries> by_source_set{};  // [mask]: exactly those
  std::size_t persons = 0;
  std::size_t unplaced = 0;                // households no record could place in a valid village
  std::size_t conflicts = 0;               // (household, field) pairs that disagree
  std::size_t conflicting_households = 0;  // households with at least one
  std::vector<std::pair<std::string, std::size_t>> conflicts_by_field;
  std::vector<ConflictExample> conflict_examples;  // at most example_limit per field

  std::size_t in_two_or_more() const;
};

struct DedupResult {
  std::vector<Household> households;  // in the order of their first record
  DedupReport report;
};

struct DedupOptions {
  std::size_t example_limit = 10;
  Progress progress;
};

// Errors: more than kMaxRegistries registries, cancelled.
Result<DedupResult> dedup_households(const std::vector<RegistrySource>& sources,
                                     const DedupOptions& options = {});

struct AreaRow {
  std::uint32_t code = 0;  // the area's code at the level, as a number
  AreaTally tally;
};

// Tallies households by the unit that contains their village at `level`, sorted by code.
// Unplaced households (village 0) are left out.
std::vector<AreaRow> tally_areas(const std::vector<Household>& households, AdminLevel level,
                                 const DeprivationMeasure& measure);

}  // namespace chipao
