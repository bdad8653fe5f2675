// Reading a household registry through its descriptor (core/stats/registry_descriptor.h)
// into flat, anonymous records: one per household row, or per house of person rows.
//
// National IDs and house IDs are checked and hashed as they are read (core/stats/
// registry_hash.h); the records hold only the salted keys and, for messages, the line and the
// last three digits of the house ID. What happens to bad values (all reported with file,
// line and column, IDs masked):
//   - a national ID that is not 13 digits or fails its check digit: the person still counts
//     as a member (the member count or the row stays), the ID links nothing;
//   - a house ID that is not 11 digits: the household is kept, linked by its members' IDs only;
//   - a village code that is not a valid 8-digit code: the household is kept for the
//     de-duplication, placed by another registry's record if it has one, else unplaced;
//   - a village code that no given boundary layer has (check_villages): kept and placed
//     under the code as written (its tambon and amphoe are usually right);
//   - a dimension flag that disagrees with the indicators feeding it: the flag wins.
// A cell that cannot be read as its column's kind (a count, a flag) stops the read with an
// error naming file, line, column and value: the descriptor or the file is wrong.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/admin/admin_level.h"
#include "core/stats/deprivation.h"
#include "core/stats/registry_descriptor.h"
#include "core/stats/registry_hash.h"
#include "core/util/progress.h"
#include "core/util/result.h"

namespace chipao {

struct BoundaryLayer;

struct RegistryRecord {
  static constexpr std::uint8_t kHasHouse = 1;        // `house` holds a valid house ID's key
  static constexpr std::uint8_t kVillageUnknown = 2;  // in no boundary layer given

  IdKey house;
  std::uint32_t village = 0;       // the 8-digit code as a number; 0 when invalid or blank
  std::uint32_t line = 0;          // the household's (first) line in the source
  std::uint32_t first_member = 0;  // its keys in RegistrySource::member_keys
  std::uint32_t member_keys = 0;   // valid national IDs listed
  std::uint32_t members = 0;       // the member count as the source states it, else IDs or rows
  std::uint32_t failing_indicators = 0;  // bit n-1: indicator n fails for some member
  std::uint16_t house_tail = 0;          // last three digits of the house ID (0 without one)
  DimensionMask deprived = 0;
  DimensionMask given = 0;  // the dimensions the source states
  std::uint8_t flags = 0;

  bool has_house() const { return (flags & kHasHouse) != 0; }
};

enum class RegistryIssueKind : std::uint8_t {
  invalid_national_id,
  invalid_house_id,
  invalid_village_code,
  unknown_village,
  flags_disagree,  // a dimension flag against the indicators that feed it
};
inline constexpr std::size_t kRegistryIssueKinds = 5;
std::string_view issue_kind_key(RegistryIssueKind kind);  // "invalid_national_id", ...

struct RegistryIssue {
  RegistryIssueKind kind = RegistryIssueKind::invalid_national_id;
  std::string file;  // the registry file as the descriptor names it
  std::size_t line = 0;
  std::string column;
  std::string value;  // as written, masked when it is (or may be) an ID
  std::string reason;
  // "registry_jpt.csv: line 812, column member_ids: national ID x-xxxx-xxxxx-47-1: ..."
  std::string message() const;
};

struct RegistryIssues {
  std::array<std::size_t, kRegistryIssueKinds> counts{};  // every issue
  std::vector<RegistryIssue> listed;                      // at most `limit` of each kind
  std::size_t limit = 1000;

  void add(RegistryIssue issue);
  std::size_t count(RegistryIssueKind kind) const { return counts[static_cast<std::size_t>(kind)]; }
};

struct RegistrySource {
  RegistryDescriptor descriptor;
  std::string encoding;        // "UTF-8" or "CP874", as read
  std::size_t rows = 0;        // data rows read
  std::size_t ids_listed = 0;  // national IDs written, valid or not
  std::vector<RegistryRecord> records;
  std::vector<IdKey> member_keys;
  RegistryIssues issues;
};

struct RegistryReadOptions {
  std::size_t issue_limit = 1000;      // issues listed per kind; all are counted
  std::size_t chunk_bytes = 4u << 20;  // CSV read in pieces of about this size
  Progress progress;
};

Result<RegistrySource> read_registry(const RegistryDescriptor& descriptor, const IdHasher& hasher,
                                     const RegistryReadOptions& options = {});

// The area codes of boundary layers, to tell whether a village code exists.
class KnownAreas {
 public:
  // Takes each feature's normalised code at the layer's level; an error when the layer's
  // level is unknown.
  Result<void> add_layer(const BoundaryLayer& layer);
  void add(AdminLevel level, std::string_view code);
  bool empty() const;
  // Whether every layer given agrees that the unit exists: a layer of the same level has
  // the code, a coarser one has the unit containing it, a finer one has a unit inside it.
  // A village code is checked by its tambon in a tambon layer; an amphoe by its villages in
  // a village layer. False when no layer is given.
  bool knows(AdminLevel level, std::uint32_t code) const;
  bool knows_village(std::uint32_t village) const { return knows(AdminLevel::village, village); }
  bool has_level(AdminLevel level) const;

 private:
  void sort() const;
  mutable std::array<std::vector<std::uint32_t>, 5> codes_;  // by AdminLevel, sorted lazily
  mutable bool sorted_ = true;
};

// Marks the records whose village no layer of `known` has, and reports each one.
void check_villages(RegistrySource& source, const KnownAreas& known);

// The code of the unit at `level` that contains an 8-digit village code, as a number.
constexpr std::uint32_t village_ancestor(std::uint32_t village, AdminLevel level) {
  std::uint32_t code = village;
  for (int l = static_cast<int>(AdminLevel::village); l > static_cast<int>(level); --l) code /= 100;
  return code;
}

}  // namespace chipao
