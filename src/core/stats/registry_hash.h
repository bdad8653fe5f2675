// Salted hashes of personal identifiers: the only form in which ChiPao keeps national IDs
// and house IDs once a registry has been read.
//
// key = the first 128 bits of SHA-256(salt || normalised ID digits). The salt is per project
// (kept with it, never printed); without one a random salt is drawn, so keys of two runs
// cannot be compared. 128 bits make an accidental collision among a country's IDs
// (~10^8) negligible (~10^-23), so keys are compared, never the IDs.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/util/result.h"

namespace chipao {

struct IdKey {
  std::uint64_t hi = 0;
  std::uint64_t lo = 0;
  auto operator<=>(const IdKey&) const = default;
};

// Not safe to share between threads (it reuses one digest context): make one per thread.
class IdHasher {
 public:
  explicit IdHasher(std::vector<std::uint8_t> salt);
  ~IdHasher();
  IdHasher(IdHasher&&) noexcept;
  IdHasher& operator=(IdHasher&&) noexcept;
  IdHasher(const IdHasher&) = delete;
  IdHasher& operator=(const IdHasher&) = delete;

  IdKey key(std::string_view id) const;
  std::array<std::uint8_t, 32> digest(std::string_view id) const;  // full SHA-256, for tests
  const std::vector<std::uint8_t>& salt() const { return salt_; }

 private:
  struct Impl;
  std::vector<std::uint8_t> salt_;
  std::unique_ptr<Impl> impl_;
};

// `bytes` random bytes from the system's entropy source.
std::vector<std::uint8_t> random_salt(std::size_t bytes = 16);
// A salt written as hex digits (upper or lower case), at least 16 digits (8 bytes), even
// length.
Result<std::vector<std::uint8_t>> parse_salt_hex(std::string_view hex);

}  // namespace chipao
