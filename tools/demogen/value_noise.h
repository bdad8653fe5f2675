// Smooth deterministic noise for shaping the fictional province.
//
// value_noise() blends hashed lattice values with a quintic fade, so it is C2-smooth and built
// from exact arithmetic only. SmoothWarp moves every boundary vertex by a sum of such octaves:
// because it is a pure function of the input point, a vertex shared by two polygons moves to the
// same place in both, and because its Lipschitz constant is kept below 1 it is a bijection, so
// simple rings stay simple.
#pragma once

#include <cstdint>
#include <vector>

#include "planar.h"

namespace chipao::demogen {

// Noise in [-1, 1] with lattice spacing 1 (scale the input to choose the feature size).
double value_noise(double x, double y, std::uint64_t seed);

// Noise in [-1, 1] with features about cell_size degrees across.
inline double value_noise_at(Point p, double cell_size, std::uint64_t seed) {
  return value_noise(p.x / cell_size, p.y / cell_size, seed);
}

struct WarpOctave {
  double amplitude_deg;  // largest displacement this octave adds, degrees
  double cell_deg;       // feature size, degrees
};

class SmoothWarp {
 public:
  SmoothWarp(std::vector<WarpOctave> octaves, std::uint64_t seed);

  Point apply(Point p) const;

  // An upper bound of the displacement's Lipschitz constant; below 1 means the warp is a
  // bijection of the plane.
  double lipschitz_bound() const;

 private:
  std::vector<WarpOctave> octaves_;
  std::uint64_t seed_;
};

}  // namespace chipao::demogen
