// Colours as the renderer uses them: linear 0..1 floats, straight (not premultiplied) alpha.
#pragma once

#include <optional>
#include <string_view>

namespace chipao::render {

struct Rgba {
  float r = 0, g = 0, b = 0, a = 1;
  friend bool operator==(const Rgba&, const Rgba&) = default;
};

// "#rgb", "#rrggbb" or "#rrggbbaa" (as layer descriptors write them); nullopt for anything else.
std::optional<Rgba> parse_hex_color(std::string_view text);

// Opaque colour from 8-bit channels, for constants written as 0xRRGGBB in code.
constexpr Rgba rgb8(unsigned hex) {
  return Rgba{static_cast<float>((hex >> 16) & 0xFFu) / 255.0f,
              static_cast<float>((hex >> 8) & 0xFFu) / 255.0f,
              static_cast<float>(hex & 0xFFu) / 255.0f, 1.0f};
}

}  // namespace chipao::render
