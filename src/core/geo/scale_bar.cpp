#include "core/geo/scale_bar.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/util/number_format.h"

namespace chipao {

namespace {

constexpr double kSemiMajorM = 6'378'137.0;                         // WGS 84 a
constexpr double kFlattening = 1.0 / 298.257223563;                 // WGS 84 f
constexpr double kEccentricity2 = kFlattening * (2 - kFlattening);  // e^2
constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;

}  // namespace

double metres_per_degree_longitude(double latitude_deg) {
  // A parallel is a circle of radius N cos(phi), N the prime vertical radius of curvature.
  const double phi = latitude_deg * kRadiansPerDegree;
  const double s = std::sin(phi);
  const double n = kSemiMajorM / std::sqrt(1 - kEccentricity2 * s * s);
  return n * std::cos(phi) * kRadiansPerDegree;
}

double metres_per_degree_latitude(double latitude_deg) {
  // The meridian's radius of curvature M = a (1 - e^2) / (1 - e^2 sin^2 phi)^(3/2).
  const double s = std::sin(latitude_deg * kRadiansPerDegree);
  const double w = 1 - kEccentricity2 * s * s;
  const double m = kSemiMajorM * (1 - kEccentricity2) / (w * std::sqrt(w));
  return m * kRadiansPerDegree;
}

double metres_per_pixel_east_west(double latitude_deg, double degrees_longitude_per_pixel) {
  return metres_per_degree_longitude(latitude_deg) * degrees_longitude_per_pixel;
}

std::string scale_length_label(double length_m) {
  if (length_m >= 1000) {
    const double km = length_m / 1000;
    const int decimals = km == std::round(km) ? 0 : 1;
    return format_thousands(km, decimals) + " km";
  }
  if (length_m >= 1) return fmt::format("{:.0f} m", length_m);
  // Below a metre only at absurd zooms; keep the significant digit.
  return fmt::format("{:g} m", length_m);
}

std::optional<ScaleBar> choose_scale_bar(double metres_per_pixel, double target_width_px) {
  if (!std::isfinite(metres_per_pixel) || metres_per_pixel <= 0 ||
      !std::isfinite(target_width_px) || target_width_px <= 0) {
    return std::nullopt;
  }
  const double max_length_m = metres_per_pixel * target_width_px;
  // The decade at or below the longest length allowed, then the largest of 5, 2, 1 in it.
  double decade = std::pow(10.0, std::floor(std::log10(max_length_m)));
  // log10 may round up just below a power of ten; step down a decade when it did.
  if (decade > max_length_m) decade /= 10;
  double length_m = decade;
  for (const double step : {5.0, 2.0}) {
    if (step * decade <= max_length_m) {
      length_m = step * decade;
      break;
    }
  }
  ScaleBar bar;
  bar.length_m = length_m;
  bar.width_px = std::min(length_m / metres_per_pixel, target_width_px);
  bar.label = scale_length_label(length_m);
  return bar;
}

}  // namespace chipao
