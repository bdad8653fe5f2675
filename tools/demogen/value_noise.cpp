#include "value_noise.h"

#include <cmath>
#include <utility>

#include "rng.h"

namespace chipao::demogen {
namespace {

// A lattice value in [-1, 1] from a hash of the integer corner and the seed.
double lattice_value(std::int64_t ix, std::int64_t iy, std::uint64_t seed) {
  const std::uint64_t h =
      mix_seed(mix_seed(seed, static_cast<std::uint64_t>(ix)), static_cast<std::uint64_t>(iy));
  return static_cast<double>(h >> 11) * 0x1.0p-52 - 1.0;
}

// The quintic fade 6t^5 - 15t^4 + 10t^3: zero first and second derivatives at 0 and 1.
double fade(double t) {
  return t * t * t * (t * (t * 6.0 - 15.0) + 10.0);
}

// Largest slope of fade() (at t = 1/2): 30/16.
constexpr double kMaxFadeSlope = 1.875;

}  // namespace

double value_noise(double x, double y, std::uint64_t seed) {
  const double fx = std::floor(x);
  const double fy = std::floor(y);
  const auto ix = static_cast<std::int64_t>(fx);
  const auto iy = static_cast<std::int64_t>(fy);
  const double sx = fade(x - fx);
  const double sy = fade(y - fy);
  const double v00 = lattice_value(ix, iy, seed);
  const double v10 = lattice_value(ix + 1, iy, seed);
  const double v01 = lattice_value(ix, iy + 1, seed);
  const double v11 = lattice_value(ix + 1, iy + 1, seed);
  const double bottom = v00 + (v10 - v00) * sx;
  const double top = v01 + (v11 - v01) * sx;
  return bottom + (top - bottom) * sy;
}

SmoothWarp::SmoothWarp(std::vector<WarpOctave> octaves, std::uint64_t seed)
    : octaves_(std::move(octaves)), seed_(seed) {}

Point SmoothWarp::apply(Point p) const {
  Point out = p;
  std::uint64_t octave_index = 0;
  for (const WarpOctave& octave : octaves_) {
    const std::uint64_t sx = mix_seed(seed_, 2 * octave_index);
    const std::uint64_t sy = mix_seed(seed_, 2 * octave_index + 1);
    out.x += octave.amplitude_deg * value_noise_at(p, octave.cell_deg, sx);
    out.y += octave.amplitude_deg * value_noise_at(p, octave.cell_deg, sy);
    ++octave_index;
  }
  return out;
}

double SmoothWarp::lipschitz_bound() const {
  // Each partial derivative of one noise component is at most 1.875 * 2 / cell (fade slope
  // times the largest lattice difference); the 2x2 Jacobian of both components is then bounded
  // by twice that in the Frobenius norm.
  double bound = 0.0;
  for (const WarpOctave& octave : octaves_) {
    bound += 2.0 * octave.amplitude_deg * kMaxFadeSlope * 2.0 / octave.cell_deg;
  }
  return bound;
}

}  // namespace chipao::demogen
