// Deterministic random numbers for the demo generator.
//
// The demo data must come out byte-identical on every run and every standard library, so this
// uses its own generators (SplitMix64 to derive seeds, xoshiro256** for streams) and its own
// conversions to doubles and integers instead of <random>'s implementation-defined distributions.
#pragma once

#include <cstdint>
#include <string_view>

namespace chipao::demogen {

// One SplitMix64 step: advances state and returns a well-mixed 64-bit value.
constexpr std::uint64_t splitmix64(std::uint64_t& state) {
  state += 0x9E3779B97F4A7C15ULL;
  std::uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// Mixes two values into one seed; used for lattice hashing and per-item streams.
constexpr std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b) {
  std::uint64_t state = a ^ (b * 0xD1B54A32D192ED03ULL);
  splitmix64(state);
  return splitmix64(state);
}

// A seed for an independent stream named by a label (and an index), so that changing how much
// one stage draws never shifts the numbers of another stage.
constexpr std::uint64_t stream_seed(std::uint64_t master, std::string_view label,
                                    std::uint64_t index = 0) {
  std::uint64_t h = 0xCBF29CE484222325ULL;  // FNV-1a over the label
  for (const char c : label) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ULL;
  }
  return mix_seed(mix_seed(master, h), index);
}

// xoshiro256** with helpers that are exactly specified (no std:: distributions).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    std::uint64_t sm = seed;
    for (std::uint64_t& word : state_) word = splitmix64(sm);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  // Uniform integer in [lo, hi] (inclusive). The multiply-shift has a bias below 2^-32 for the
  // small ranges used here, which does not matter for fictional data.
  int int_in(int lo, int hi) {
    const std::uint64_t span = static_cast<std::uint64_t>(hi - lo) + 1;
    const std::uint64_t r = (next() >> 32) * span >> 32;
    return lo + static_cast<int>(r);
  }

  bool chance(double p) { return uniform() < p; }

 private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4] = {};
};

}  // namespace chipao::demogen
