// Sequential palettes for choropleth maps: light (low values) to dark (high values), 3..9
// classes, designed for planners who print in grey, read with a colour vision deficiency, or
// show the map on a washed-out projector.
//
// Each ramp is built here, not copied: a path through OKLab anchors of our choosing, with
// lightness falling linearly and by the same step between classes for every palette (a grey
// print of any palette reads the same), chroma reduced where a colour would leave the sRGB
// gamut (lightness kept). High-contrast variants stretch the lightness span.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/classify/rgb8.h"

namespace chipao {

enum class PaletteId { blue, red, purple, green, orange_red, viridis_like };

std::span<const PaletteId> all_palettes();
// "blue", "red", "purple", "green", "orange_red", "viridis_like"; parse also takes
// "orange-red", "viridis" and any letter case.
std::string_view palette_name(PaletteId id);
std::optional<PaletteId> parse_palette(std::string_view text);

// OKLab lightness of the lightest and darkest class.
struct LightnessSpan {
  double lightest = 0, darkest = 0;
};
LightnessSpan palette_lightness(bool high_contrast);

// classes colours, lightest first. 3..9 is the design range; 1 and 2 (a classification with
// fewer distinct values) give the middle colour, and the two ends. Other counts are clamped
// into 1..9.
std::vector<Rgb8> sequential_palette(PaletteId id, int classes, bool high_contrast = false);

// Areas without a figure: a neutral grey well apart from every palette's lightest class.
Rgb8 no_data_color(bool high_contrast = false);

}  // namespace chipao
