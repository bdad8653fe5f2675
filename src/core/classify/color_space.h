// Colour spaces for designing and checking map palettes: gamma-encoded sRGB, linear-light
// sRGB and OKLab (Ottosson 2020), a perceptual space in which equal Euclidean distances look
// about equally different and L is perceived lightness (0 black, 1 white).
//
// Linear and encoded channels are 0..1. OKLab distance (delta_e) is on OKLab's own scale:
// about 0.02 is a just-noticeable difference; black to white is 1.
#pragma once

#include "core/classify/rgb8.h"

namespace chipao {

struct LinearRgb {
  double r = 0, g = 0, b = 0;
};

struct Oklab {
  double L = 0, a = 0, b = 0;
};

double srgb_to_linear(double encoded);  // the sRGB transfer function, 0..1 -> 0..1
double linear_to_srgb(double linear);   // its inverse

LinearRgb to_linear(Rgb8 color);
// Clamps each channel to 0..1, encodes and rounds to the nearest 8-bit value.
Rgb8 to_rgb8(LinearRgb color);

Oklab to_oklab(LinearRgb color);
Oklab to_oklab(Rgb8 color);
LinearRgb to_linear(Oklab color);

// True when every channel lies in 0..1 (within tolerance): the colour is displayable.
bool in_gamut(LinearRgb color, double tolerance = 1e-9);

double delta_e(Oklab x, Oklab y);  // Euclidean distance in OKLab

}  // namespace chipao
