// libFuzzer target: EncodingDetector, cp874_to_utf8, utf8_to_cp874, sanitise_utf8, is_valid_utf8.
// Built and run by fuzz/build.sh and fuzz/run.sh; the checks live in fuzz/invariants.h.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  return chipao::fuzz::abort_on_failure(chipao::fuzz::check_text_encoding(input));
}
