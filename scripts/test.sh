#!/usr/bin/env bash
# Installs what is missing, builds ChiPao with its tests, and runs every test.
#   scripts/test.sh              release build in build/
#   scripts/test.sh --sanitize   AddressSanitizer + UndefinedBehaviorSanitizer build in build-asan/
# Real-data tests read ../shared/data when it is there and skip with a message when not.
set -euo pipefail
cd "$(dirname "$0")/.."

sanitize=OFF
build_dir=build
build_type=RelWithDebInfo
if [ "${1:-}" = "--sanitize" ]; then
  sanitize=ON
  build_dir=build-asan
  build_type=Debug
fi

scripts/install-deps.sh
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" -DCHIPAO_SANITIZE="$sanitize"
cmake --build "$build_dir" --parallel "$(nproc)"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# Mesa's llvmpipe driver keeps allocations to the process end: leaks are checked everywhere
# but in the GUI tests, which carry their own ASAN_OPTIONS.
cd "$build_dir"
ctest --output-on-failure --parallel "$(nproc)" --timeout 600
