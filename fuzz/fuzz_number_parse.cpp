// libFuzzer target: chipao::parse_number on the whole input as one cell.
// Built and run by fuzz/build.sh and fuzz/run.sh; the checks live in fuzz/invariants.h.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  return chipao::fuzz::abort_on_failure(chipao::fuzz::check_number_parse(input));
}
