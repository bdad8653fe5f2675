#include "core/classify/color_space.h"

#include <algorithm>
#include <cmath>

namespace chipao {

double srgb_to_linear(double encoded) {
  return encoded <= 0.04045 ? encoded / 12.92 : std::pow((encoded + 0.055) / 1.055, 2.4);
}

double linear_to_srgb(double linear) {
  return linear <= 0.0031308 ? linear * 12.92 : 1.055 * std::pow(linear, 1.0 / 2.4) - 0.055;
}

LinearRgb to_linear(Rgb8 color) {
  return {srgb_to_linear(color.r / 255.0), srgb_to_linear(color.g / 255.0),
          srgb_to_linear(color.b / 255.0)};
}

Rgb8 to_rgb8(LinearRgb color) {
  const auto channel = [](double linear) {
    const double encoded = linear_to_srgb(std::clamp(linear, 0.0, 1.0));
    return static_cast<std::uint8_t>(std::lround(encoded * 255.0));
  };
  return {channel(color.r), channel(color.g), channel(color.b)};
}

// The matrices are OKLab's published definition: linear sRGB to an LMS cone space, a cube
// root for perceptual compression, then to L, a, b.
Oklab to_oklab(LinearRgb c) {
  const double l = std::cbrt(0.4122214708 * c.r + 0.5363325363 * c.g + 0.0514459929 * c.b);
  const double m = std::cbrt(0.2119034982 * c.r + 0.6806995451 * c.g + 0.1073969566 * c.b);
  const double s = std::cbrt(0.0883024619 * c.r + 0.2817188376 * c.g + 0.6299787005 * c.b);
  return {0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
          1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
          0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s};
}

Oklab to_oklab(Rgb8 color) {
  return to_oklab(to_linear(color));
}

LinearRgb to_linear(Oklab c) {
  const double l_ = c.L + 0.3963377774 * c.a + 0.2158037573 * c.b;
  const double m_ = c.L - 0.1055613458 * c.a - 0.0638541728 * c.b;
  const double s_ = c.L - 0.0894841775 * c.a - 1.2914855480 * c.b;
  const double l = l_ * l_ * l_, m = m_ * m_ * m_, s = s_ * s_ * s_;
  return {4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
          -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
          -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s};
}

bool in_gamut(LinearRgb c, double tolerance) {
  const auto ok = [tolerance](double v) { return v >= -tolerance && v <= 1 + tolerance; };
  return ok(c.r) && ok(c.g) && ok(c.b);
}

double delta_e(Oklab x, Oklab y) {
  return std::hypot(x.L - y.L, x.a - y.a, x.b - y.b);
}

}  // namespace chipao
