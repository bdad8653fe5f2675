#include "render/color.h"

namespace chipao::render {

namespace {
std::optional<unsigned> hex_digit(char c) {
  if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<unsigned>(c - 'A' + 10);
  return std::nullopt;
}
}  // namespace

std::optional<Rgba> parse_hex_color(std::string_view text) {
  if (text.empty() || text.front() != '#') return std::nullopt;
  text.remove_prefix(1);
  if (text.size() != 3 && text.size() != 6 && text.size() != 8) return std::nullopt;

  unsigned channels[4] = {0, 0, 0, 255};
  const bool short_form = text.size() == 3;
  const std::size_t count = short_form ? 3 : text.size() / 2;
  for (std::size_t i = 0; i < count; ++i) {
    if (short_form) {
      const auto digit = hex_digit(text[i]);
      if (!digit) return std::nullopt;
      channels[i] = *digit * 17;  // "#abc" means "#aabbcc"
    } else {
      const auto high = hex_digit(text[2 * i]);
      const auto low = hex_digit(text[2 * i + 1]);
      if (!high || !low) return std::nullopt;
      channels[i] = *high * 16 + *low;
    }
  }
  return Rgba{static_cast<float>(channels[0]) / 255.0f, static_cast<float>(channels[1]) / 255.0f,
              static_cast<float>(channels[2]) / 255.0f, static_cast<float>(channels[3]) / 255.0f};
}

}  // namespace chipao::render
