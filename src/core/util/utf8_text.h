// UTF-8 decoding for the few places that need characters rather than bytes: the edit
// distance between names (closest_names.h) and messages that point at the first bad byte of
// a text a planner typed or a file carried (core/plan/edit_checks.h).
//
// Valid means what core/io/text_encoding.h's is_valid_utf8 accepts: shortest forms only, no
// surrogates, nothing above U+10FFFF.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace chipao {

// The valid UTF-8 sequence starting at bytes[i] (i < bytes.size()): its length in bytes, and
// its code point in `code_point`; 0 when the bytes there are not valid UTF-8.
std::size_t decode_utf8_at(std::string_view bytes, std::size_t i, char32_t& code_point);

// Byte offset of the first byte that does not start a valid UTF-8 sequence, or
// std::string_view::npos when the whole text is valid.
std::size_t first_invalid_utf8(std::string_view bytes);

// The text's code points, at most `max_code_points` of them. A byte that does not start a
// valid sequence becomes one value of its own above U+10FFFF (0x110000 + the byte), so broken
// text still compares: equal bytes give equal values, and no such value equals a character.
std::u32string utf8_code_points(std::string_view bytes,
                                std::size_t max_code_points = std::u32string::npos);

}  // namespace chipao
