#include "core/classify/color_vision.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace chipao {
namespace {

using Matrix = std::array<std::array<double, 3>, 3>;

// Machado et al. 2009, severity 1.0, for linear RGB.
constexpr Matrix kProtanopia{{{0.152286, 1.052583, -0.204868},
                              {0.114503, 0.786281, 0.099216},
                              {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix kDeuteranopia{{{0.367322, 0.860646, -0.227968},
                                {0.280085, 0.672501, 0.047413},
                                {-0.011820, 0.042940, 0.968881}}};
constexpr Matrix kTritanopia{{{1.255528, -0.076749, -0.178779},
                              {-0.078411, 0.930809, 0.147602},
                              {0.004733, 0.691367, 0.303900}}};

constexpr std::array kVisions{ColorVision::normal, ColorVision::protanopia,
                              ColorVision::deuteranopia, ColorVision::tritanopia};

LinearRgb apply(const Matrix& m, LinearRgb c) {
  const auto row = [&](int i) {
    const auto& r = m[static_cast<std::size_t>(i)];
    return std::clamp(r[0] * c.r + r[1] * c.g + r[2] * c.b, 0.0, 1.0);
  };
  return {row(0), row(1), row(2)};
}

}  // namespace

std::span<const ColorVision> all_color_visions() {
  return kVisions;
}

std::string_view color_vision_name(ColorVision vision) {
  switch (vision) {
    case ColorVision::normal:
      return "normal";
    case ColorVision::protanopia:
      return "protanopia";
    case ColorVision::deuteranopia:
      return "deuteranopia";
    case ColorVision::tritanopia:
      return "tritanopia";
  }
  return "normal";
}

LinearRgb simulate_color_vision(LinearRgb color, ColorVision vision) {
  switch (vision) {
    case ColorVision::normal:
      return color;
    case ColorVision::protanopia:
      return apply(kProtanopia, color);
    case ColorVision::deuteranopia:
      return apply(kDeuteranopia, color);
    case ColorVision::tritanopia:
      return apply(kTritanopia, color);
  }
  return color;
}

Rgb8 simulate_color_vision(Rgb8 color, ColorVision vision) {
  return to_rgb8(simulate_color_vision(to_linear(color), vision));
}

LinearRgb project(LinearRgb color, const ProjectorModel& model) {
  const auto channel = [&](double linear) {
    const double e = linear_to_srgb(std::clamp(linear, 0.0, 1.0));
    return srgb_to_linear(model.black + model.contrast * std::pow(e, model.gamma));
  };
  return {channel(color.r), channel(color.g), channel(color.b)};
}

}  // namespace chipao
