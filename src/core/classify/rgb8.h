// An sRGB colour with 8 bits per channel (gamma-encoded, as image files and colour pickers
// write it). Map colours leave core in this form.
#pragma once

#include <cstdint>

namespace chipao {

struct Rgb8 {
  std::uint8_t r = 0, g = 0, b = 0;
  friend bool operator==(const Rgb8&, const Rgb8&) = default;
};

}  // namespace chipao
