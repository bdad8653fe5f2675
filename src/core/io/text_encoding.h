// Text encodings of DBF attribute data: UTF-8 inside, TIS-620/CP874 converted at the edge.
//
// Thai government shapefiles often come without a .cpg; GDAL then hands back raw TIS-620
// bytes. detect_encoding() decides from the bytes themselves.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chipao {

enum class TextEncoding { utf8, cp874 };  // cp874 is the superset of TIS-620 that Windows writes

std::string_view encoding_name(TextEncoding encoding);  // "UTF-8", "CP874"
// Accepts what .cpg files and users write: "UTF-8", "utf8", "65001", "874", "CP874",
// "TIS-620", "TIS620", "ISO-8859-11", "windows-874".
std::optional<TextEncoding> parse_encoding(std::string_view text);

bool is_valid_utf8(std::string_view bytes);
// The value 0-9 of a Thai digit (U+0E50..U+0E59, three bytes in UTF-8) starting at bytes[i],
// or -1. Planners type codes and counts in Thai digits.
int thai_digit_at(std::string_view bytes, std::size_t i);
bool has_thai_utf8(std::string_view utf8);

struct EncodingGuess {
  TextEncoding encoding = TextEncoding::utf8;
  bool certain = false;  // false when the bytes were pure ASCII (either reading is the same)
};
// Valid UTF-8 (and any non-ASCII byte at all) means UTF-8; otherwise bytes in the Thai range
// of TIS-620 mean CP874. Feed it all text of a layer, or a large sample.
class EncodingDetector {
 public:
  void feed(std::string_view bytes);
  void merge(const EncodingDetector& other);
  EncodingGuess guess() const;
  bool saw_invalid_utf8() const { return utf8_invalid_ > 0; }

 private:
  long long non_ascii_ = 0;
  long long utf8_invalid_ = 0;
  long long thai_range_ = 0;
};

std::string cp874_to_utf8(std::string_view bytes);
// Characters with no CP874 form become '?'; `lossy` (if given) says whether that happened.
std::string utf8_to_cp874(std::string_view utf8, bool* lossy = nullptr);
// Cuts invalid or truncated UTF-8 sequences (a DBF field name cut at 10 bytes mid-character).
std::string sanitise_utf8(std::string_view bytes);

}  // namespace chipao
