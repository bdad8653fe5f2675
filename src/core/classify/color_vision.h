// How a map's colours look to someone with a colour vision deficiency, or on a poor
// projector: used to check that palettes keep their classes apart for every reader and in a
// bright meeting room.
//
// CVD: the Machado, Oliveira & Fernandes (2009) model at full severity (dichromacy), a 3x3
// matrix on linear-light sRGB, result clamped to 0..1.
#pragma once

#include <span>
#include <string_view>

#include "core/classify/color_space.h"

namespace chipao {

enum class ColorVision { normal, protanopia, deuteranopia, tritanopia };

std::span<const ColorVision> all_color_visions();
std::string_view color_vision_name(ColorVision vision);

LinearRgb simulate_color_vision(LinearRgb color, ColorVision vision);
Rgb8 simulate_color_vision(Rgb8 color, ColorVision vision);

// A washed-out projector in a lit room: on each gamma-encoded channel e (0..1),
// e' = black + contrast * e^gamma. The defaults raise black to 20% and keep 60% of the
// contrast, with gamma 0.8 flattening the dark end, where dark classes run together.
struct ProjectorModel {
  double black = 0.2;
  double contrast = 0.6;
  double gamma = 0.8;
};
LinearRgb project(LinearRgb color, const ProjectorModel& model = {});

}  // namespace chipao
