// One colour per map feature from its figure: its class's colour, or the no-data colour.
// This (with classify) is the whole cost of changing the method, class count or palette:
// geometry stays on the GPU and only colours change.
#pragma once

#include <span>
#include <vector>

#include "core/classify/classification.h"
#include "core/classify/palette.h"

namespace chipao {

// The colour of class index of a classification with `classes` classes. When colors has
// another length (a palette made for the requested count while the data allowed fewer
// classes), classes are spread over it, keeping its ends.
Rgb8 class_color(int index, int classes, std::span<const Rgb8> colors);

// The palette for a classification's actual class count.
std::vector<Rgb8> classification_colors(const Classification& classification, PaletteId palette,
                                        bool high_contrast = false);

// out[i] is the colour of values[i]. Precondition: out.size() == values.size() and colors is
// not empty when there are classes.
void fill_feature_colors(std::span<const double> values, const Classification& classification,
                         std::span<const Rgb8> colors, Rgb8 no_data, std::span<Rgb8> out);

std::vector<Rgb8> class_colors_per_feature(std::span<const double> values,
                                           const Classification& classification,
                                           std::span<const Rgb8> colors, Rgb8 no_data);

}  // namespace chipao
