#include "core/classify/palette.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <numbers>
#include <string>

#include "core/classify/color_space.h"

namespace chipao {
namespace {

// A point on a ramp: where along it (0 lightest, 1 darkest), and its chroma and hue in OKLCh
// (hue in degrees). Lightness is not an anchor property: it comes from the common scale.
struct Anchor {
  double t, chroma, hue;
};

struct Ramp {
  PaletteId id;
  std::string_view name;
  std::array<Anchor, 4> anchors;  // ascending t, first at 0, last at 1
};

// Hues drift slightly along each ramp (warmer light ends, cooler or deeper dark ends), as
// hand-made cartographic ramps do, so neighbouring classes differ in hue as well as
// lightness; that is what keeps them apart for readers who lose one hue axis.
constexpr std::array kRamps{
    Ramp{PaletteId::blue,
         "blue",
         {{{0, 0.03, 200}, {0.35, 0.08, 220}, {0.7, 0.12, 245}, {1, 0.13, 265}}}},
    Ramp{
        PaletteId::red, "red", {{{0, 0.03, 60}, {0.35, 0.11, 45}, {0.7, 0.17, 30}, {1, 0.14, 20}}}},
    Ramp{PaletteId::purple,
         "purple",
         {{{0, 0.03, 310}, {0.35, 0.08, 305}, {0.7, 0.13, 300}, {1, 0.14, 295}}}},
    Ramp{PaletteId::green,
         "green",
         {{{0, 0.05, 115}, {0.35, 0.11, 130}, {0.7, 0.12, 150}, {1, 0.08, 165}}}},
    Ramp{PaletteId::orange_red,
         "orange_red",
         {{{0, 0.06, 95}, {0.35, 0.13, 70}, {0.7, 0.17, 45}, {1, 0.15, 25}}}},
    Ramp{PaletteId::viridis_like,
         "viridis_like",
         {{{0, 0.17, 110}, {0.35, 0.14, 160}, {0.7, 0.09, 230}, {1, 0.13, 300}}}},
};

constexpr std::array kIds{PaletteId::blue,  PaletteId::red,        PaletteId::purple,
                          PaletteId::green, PaletteId::orange_red, PaletteId::viridis_like};

const Ramp& ramp_of(PaletteId id) {
  for (const Ramp& r : kRamps) {
    if (r.id == id) return r;
  }
  return kRamps.front();
}

Oklab lab_from_lch(double L, double chroma, double hue_degrees) {
  const double h = hue_degrees * std::numbers::pi / 180.0;
  return {L, chroma * std::cos(h), chroma * std::sin(h)};
}

// The ramp's colour at t, lightness L: a and b interpolated linearly in OKLab between the
// two anchors around t.
Oklab ramp_point(const Ramp& ramp, double t, double L) {
  std::size_t i = 0;
  while (i + 2 < ramp.anchors.size() && t > ramp.anchors[i + 1].t) ++i;
  const Anchor& lo = ramp.anchors[i];
  const Anchor& hi = ramp.anchors[i + 1];
  const double f = (t - lo.t) / (hi.t - lo.t);
  const Oklab a = lab_from_lch(L, lo.chroma, lo.hue);
  const Oklab b = lab_from_lch(L, hi.chroma, hi.hue);
  return {L, a.a + f * (b.a - a.a), a.b + f * (b.b - a.b)};
}

// Keeps lightness and hue, reduces chroma until the colour is displayable: clipping channels
// instead would shift lightness and could break the ramp's order.
Rgb8 to_displayable(Oklab c) {
  if (in_gamut(to_linear(c))) return to_rgb8(to_linear(c));
  double lo = 0, hi = 1;
  for (int i = 0; i < 30; ++i) {
    const double mid = (lo + hi) / 2;
    (in_gamut(to_linear(Oklab{c.L, c.a * mid, c.b * mid})) ? lo : hi) = mid;
  }
  return to_rgb8(to_linear(Oklab{c.L, c.a * lo, c.b * lo}));
}

std::string normalised(std::string_view text) {
  std::string out;
  for (const char c : text) {
    out +=
        c == '-' || c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

std::span<const PaletteId> all_palettes() {
  return kIds;
}

std::string_view palette_name(PaletteId id) {
  return ramp_of(id).name;
}

std::optional<PaletteId> parse_palette(std::string_view text) {
  const std::string t = normalised(text);
  if (t == "viridis") return PaletteId::viridis_like;
  for (const Ramp& r : kRamps) {
    if (t == r.name) return r.id;
  }
  return std::nullopt;
}

LightnessSpan palette_lightness(bool high_contrast) {
  // Normal: the lightest class still reads as a tint on white paper, the darkest keeps its
  // hue. High contrast: near white to near black for projectors and low vision.
  return high_contrast ? LightnessSpan{0.985, 0.25} : LightnessSpan{0.96, 0.38};
}

std::vector<Rgb8> sequential_palette(PaletteId id, int classes, bool high_contrast) {
  const int n = std::clamp(classes, 1, 9);
  const Ramp& ramp = ramp_of(id);
  const LightnessSpan span = palette_lightness(high_contrast);
  std::vector<Rgb8> colors;
  for (int i = 0; i < n; ++i) {
    double t = 0.5;
    if (n > 1) t = static_cast<double>(i) / (n - 1);
    const double L = span.lightest + t * (span.darkest - span.lightest);
    colors.push_back(to_displayable(ramp_point(ramp, t, L)));
  }
  return colors;
}

Rgb8 no_data_color(bool high_contrast) {
  // OKLab L 0.80 (0.66 in high contrast): clearly darker than any lightest class, and grey,
  // so no reader takes it for a value.
  const double L = high_contrast ? 0.66 : 0.80;
  return to_rgb8(to_linear(Oklab{L, 0, 0}));
}

}  // namespace chipao
