# Compiler options live on INTERFACE targets so each ChiPao target opts in explicitly
# and third-party headers are not forced through our warning set.
add_library(chipao_warnings INTERFACE)
add_library(chipao::warnings ALIAS chipao_warnings)
# No -Wnull-dereference: with g++ 12 at -O2 it fires inside libstdc++'s own streambuf code
# (inlined into any use of std::ifstream), which no change of ours can silence.
# -Wrestrict stays a warning, not an error: at -O3 (Release) g++ 12 reports impossible
# overlapping memcpy sizes inside std::string's operator+ (GCC bug 105329).
target_compile_options(chipao_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough -Werror -Wno-error=restrict)

add_library(chipao_sanitizers INTERFACE)
add_library(chipao::sanitizers ALIAS chipao_sanitizers)
if(CHIPAO_SANITIZE)
  target_compile_options(chipao_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(chipao_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

# Every ChiPao target links this one interface.
add_library(chipao_options INTERFACE)
add_library(chipao::options ALIAS chipao_options)
target_link_libraries(chipao_options INTERFACE chipao_warnings chipao_sanitizers)
