#include "core/io/text_encoding.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>

#include "core/util/utf8_text.h"

namespace chipao {

std::string_view encoding_name(TextEncoding encoding) {
  return encoding == TextEncoding::utf8 ? "UTF-8" : "CP874";
}

std::optional<TextEncoding> parse_encoding(std::string_view text) {
  std::string s;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) s.push_back(static_cast<char>(std::tolower(u)));
  }
  if (s == "utf8" || s == "65001") return TextEncoding::utf8;
  if (s == "874" || s == "cp874" || s == "tis620" || s == "iso885911" || s == "windows874" ||
      s == "ansi874" || s == "thai" || s == "x-iso885911") {
    return TextEncoding::cp874;
  }
  return std::nullopt;
}

namespace {

// Length of the valid UTF-8 sequence starting at bytes[i], or 0 if it is not valid.
std::size_t utf8_sequence_length(std::string_view bytes, std::size_t i) {
  char32_t ignored = 0;
  return decode_utf8_at(bytes, i, ignored);
}

// True when `tail` is the start of a multi-byte UTF-8 sequence cut short: a lead byte
// followed only by continuation bytes, fewer than the lead byte announces.
bool is_truncated_utf8_tail(std::string_view tail) {
  if (tail.empty()) return false;
  const auto lead = static_cast<unsigned char>(tail[0]);
  std::size_t needed = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    needed = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    needed = 3;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    needed = 4;
  } else {
    return false;
  }
  if (tail.size() >= needed) return false;
  for (std::size_t k = 1; k < tail.size(); ++k) {
    if ((static_cast<unsigned char>(tail[k]) & 0xC0u) != 0x80u) return false;
  }
  return true;
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// CP874 bytes 0x80..0x9F (the Windows additions to TIS-620); 0 where undefined.
constexpr std::array<unsigned, 32> kCp874High{
    0x20AC, 0,      0,      0,      0,      0x2026, 0,      0,      0, 0, 0, 0, 0, 0, 0, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0, 0, 0, 0, 0, 0, 0, 0};

constexpr unsigned kUndefined = 0xFFFFFFFFu;

// TIS-620 maps 0xA1..0xDA and 0xDF..0xFB straight onto U+0E01..U+0E5B; 0xA0 is no-break space.
// Undefined bytes give kUndefined (not 0, which is the code point of byte 0x00).
unsigned cp874_to_code_point(unsigned char b) {
  if (b < 0x80) return b;
  if (b < 0xA0) return kCp874High[b - 0x80] == 0 ? kUndefined : kCp874High[b - 0x80];
  if (b == 0xA0) return 0x00A0;
  if ((b >= 0xA1 && b <= 0xDA) || (b >= 0xDF && b <= 0xFB)) return 0x0E01u + (b - 0xA1u);
  return kUndefined;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t n = utf8_sequence_length(bytes, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

int thai_digit_at(std::string_view bytes, std::size_t i) {
  if (i + 2 >= bytes.size()) return -1;
  const auto b0 = static_cast<unsigned char>(bytes[i]);
  const auto b1 = static_cast<unsigned char>(bytes[i + 1]);
  const auto b2 = static_cast<unsigned char>(bytes[i + 2]);
  if (b0 != 0xE0 || b1 != 0xB9 || b2 < 0x90 || b2 > 0x99) return -1;
  return b2 - 0x90;
}

bool has_thai_utf8(std::string_view utf8) {
  // Thai block U+0E00..U+0E7F is E0 B8 80..E0 B9 BF in UTF-8.
  for (std::size_t i = 0; i + 2 < utf8.size(); ++i) {
    if (static_cast<unsigned char>(utf8[i]) == 0xE0) {
      const auto b1 = static_cast<unsigned char>(utf8[i + 1]);
      if (b1 == 0xB8 || b1 == 0xB9) return true;
    }
  }
  return false;
}

void EncodingDetector::merge(const EncodingDetector& other) {
  non_ascii_ += other.non_ascii_;
  utf8_invalid_ += other.utf8_invalid_;
  thai_range_ += other.thai_range_;
}

void EncodingDetector::feed(std::string_view bytes) {
  // Most attribute text is ASCII (codes, English names): skip it eight bytes at a time.
  std::size_t start = 0;
  while (start + 8 <= bytes.size()) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes.data() + start, 8);
    if ((word & 0x8080808080808080ULL) != 0) break;
    start += 8;
  }
  for (std::size_t i = start; i < bytes.size();) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    ++non_ascii_;
    if (b >= 0xA1 && b <= 0xFB) ++thai_range_;
    const std::size_t n = utf8_sequence_length(bytes, i);
    if (n == 0) {
      // DBF fields cut text at a byte count (10 for names, the width for values), which can
      // split the last UTF-8 character: a valid beginning of a sequence at the very end is
      // truncation, not a sign of another encoding.
      if (is_truncated_utf8_tail(bytes.substr(i))) return;
      ++utf8_invalid_;
      ++i;
    } else {
      i += n;
    }
  }
}

EncodingGuess EncodingDetector::guess() const {
  if (non_ascii_ == 0) return {TextEncoding::utf8, false};
  // Thai text in UTF-8 is always valid UTF-8; TIS-620 Thai text almost never is (a lead byte
  // 0xE0..0xEF would need two continuation bytes 0x80..0xBF, which TIS-620 Thai never has).
  if (utf8_invalid_ == 0) return {TextEncoding::utf8, true};
  return {TextEncoding::cp874, thai_range_ * 2 >= non_ascii_};
}

std::string cp874_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 3);
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    const unsigned cp = cp874_to_code_point(b);
    append_utf8(out, cp == kUndefined ? 0xFFFDu : cp);
  }
  return out;
}

std::string utf8_to_cp874(std::string_view utf8, bool* lossy) {
  std::string out;
  out.reserve(utf8.size());
  bool lost = false;
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t n = utf8_sequence_length(utf8, i);
    if (n == 0) {
      out.push_back('?');
      lost = true;
      ++i;
      continue;
    }
    unsigned cp = 0;
    const auto b0 = static_cast<unsigned char>(utf8[i]);
    if (n == 1) {
      cp = b0;
    } else {
      cp = b0 & (n == 2 ? 0x1Fu : n == 3 ? 0x0Fu : 0x07u);
      for (std::size_t k = 1; k < n; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
    }
    i += n;
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
      continue;
    }
    int byte = -1;
    if (cp >= 0x0E01 && cp <= 0x0E5B) {
      const unsigned candidate = cp - 0x0E01u + 0xA1u;
      if (cp874_to_code_point(static_cast<unsigned char>(candidate)) == cp)
        byte = static_cast<int>(candidate);
    } else if (cp == 0x00A0) {
      byte = 0xA0;
    } else {
      for (std::size_t k = 0; k < kCp874High.size(); ++k) {
        if (kCp874High[k] == cp) byte = static_cast<int>(0x80 + k);
      }
    }
    if (byte < 0) {
      out.push_back('?');
      lost = true;
    } else {
      out.push_back(static_cast<char>(byte));
    }
  }
  if (lossy != nullptr) *lossy = lost;
  return out;
}

std::string sanitise_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t n = utf8_sequence_length(bytes, i);
    if (n == 0) {
      ++i;  // drop the broken byte: a name cut mid-character loses only that character
      continue;
    }
    out.append(bytes.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace chipao
