#include "core/geo/area.h"

#include <cmath>
#include <numbers>

namespace chipao {

namespace {

constexpr double kSemiMajor = 6378137.0;  // WGS 84
constexpr double kFlattening = 1.0 / 298.257223563;
const double kE2 = kFlattening * (2 - kFlattening);
const double kE = std::sqrt(kE2);

// The authalic function q(phi): the ellipsoidal Lambert cylindrical equal-area projection maps
// latitude phi to y = a * q(phi) / 2, and longitude to x = a * lambda.
double authalic_q(double phi) {
  const double s = std::sin(phi);
  const double es = kE * s;
  return (1 - kE2) * (s / (1 - kE2 * s * s) - (1 / (2 * kE)) * std::log((1 - es) / (1 + es)));
}

double ring_area(std::span<const Vec2> ring) {
  if (ring.size() < 3) return 0;
  constexpr double kDeg = std::numbers::pi / 180.0;
  // Shoelace on projected coordinates, with x taken relative to the first vertex so that
  // large longitudes do not cost precision.
  const double x0 = ring[0].x;
  double sum = 0;
  double prev_x = 0;
  double prev_y = kSemiMajor * authalic_q(ring[0].y * kDeg) / 2;
  for (std::size_t i = 1; i < ring.size(); ++i) {
    const double x = kSemiMajor * (ring[i].x - x0) * kDeg;
    const double y = kSemiMajor * authalic_q(ring[i].y * kDeg) / 2;
    sum += prev_x * y - x * prev_y;
    prev_x = x;
    prev_y = y;
  }
  // closing edge back to vertex 0 (x = 0)
  sum += prev_x * (kSemiMajor * authalic_q(ring[0].y * kDeg) / 2);
  return std::abs(sum) / 2;
}

}  // namespace

double area_m2(const FeatureGeometry& g) {
  if (g.kind != GeometryKind::polygon) return 0;
  double total = 0;
  for (std::size_t p = 0; p < g.polygon_count(); ++p) {
    const std::uint32_t first = g.polygon_first_ring(p);
    for (std::uint32_t r = first; r < g.polygon_ends[p]; ++r) {
      const double a = ring_area(g.ring(r));
      total += (r == first) ? a : -a;
    }
  }
  return total;
}

}  // namespace chipao
