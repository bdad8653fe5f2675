#include "thai_text.h"

#include <stdexcept>

namespace chipao::demogen {

std::string utf8_to_tis620(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    if (lead < 0x80) {
      out.push_back(static_cast<char>(lead));
      ++i;
      continue;
    }
    // Thai code points are three bytes in UTF-8: 1110xxxx 10xxxxxx 10xxxxxx.
    if ((lead & 0xF0) != 0xE0 || i + 2 >= utf8.size()) {
      throw std::runtime_error("text to encode in TIS-620 is not Thai or ASCII");
    }
    const auto b1 = static_cast<unsigned char>(utf8[i + 1]);
    const auto b2 = static_cast<unsigned char>(utf8[i + 2]);
    const unsigned code = (lead & 0x0FU) << 12 | (b1 & 0x3FU) << 6 | (b2 & 0x3FU);
    if (code < 0x0E01 || code > 0x0E5B) {
      throw std::runtime_error("text to encode in TIS-620 is not Thai or ASCII");
    }
    out.push_back(static_cast<char>(code - 0x0E01 + 0xA1));
    i += 3;
  }
  return out;
}

}  // namespace chipao::demogen
