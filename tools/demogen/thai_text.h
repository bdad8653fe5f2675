// Thai text in the legacy single-byte encoding TIS-620 (the Thai part of Windows CP874), which
// Thai government spreadsheets and CSV exports still use.
#pragma once

#include <string>
#include <string_view>

namespace chipao::demogen {

// UTF-8 to TIS-620: ASCII stays, U+0E01..U+0E5B become 0xA1..0xFB. Throws on anything else.
std::string utf8_to_tis620(std::string_view utf8);

}  // namespace chipao::demogen
