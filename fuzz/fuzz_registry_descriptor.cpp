// libFuzzer target: chipao::parse_registry_descriptor and read_flag on the JSON text.
// Built and run by fuzz/build.sh and fuzz/run.sh; the checks live in fuzz/invariants_files.h.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "invariants_files.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  return chipao::fuzz::abort_on_failure(chipao::fuzz::check_registry_descriptor(input));
}
