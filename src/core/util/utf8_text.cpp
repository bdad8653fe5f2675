#include "core/util/utf8_text.h"

namespace chipao {

std::size_t decode_utf8_at(std::string_view bytes, std::size_t i, char32_t& code_point) {
  const auto b0 = static_cast<unsigned char>(bytes[i]);
  if (b0 < 0x80) {
    code_point = b0;
    return 1;
  }
  std::size_t n = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
    cp = b0 & 0x1Fu;
    min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    cp = b0 & 0x0Fu;
    min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    cp = b0 & 0x07u;
    min = 0x10000;
  } else {
    return 0;
  }
  if (n > bytes.size() - i) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(bytes[i + k]);
    if ((b & 0xC0u) != 0x80u) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  // Overlong forms, surrogates and values past Unicode are not UTF-8.
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  code_point = cp;
  return n;
}

std::size_t first_invalid_utf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    char32_t cp = 0;
    const std::size_t n = decode_utf8_at(bytes, i, cp);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::u32string utf8_code_points(std::string_view bytes, std::size_t max_code_points) {
  std::u32string out;
  for (std::size_t i = 0; i < bytes.size() && out.size() < max_code_points;) {
    char32_t cp = 0;
    const std::size_t n = decode_utf8_at(bytes, i, cp);
    if (n == 0) {
      out.push_back(static_cast<char32_t>(0x110000u + static_cast<unsigned char>(bytes[i])));
      ++i;
    } else {
      out.push_back(cp);
      i += n;
    }
  }
  return out;
}

}  // namespace chipao
