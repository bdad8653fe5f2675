#!/usr/bin/env bash
# Builds and runs the benchmarks (release build in build/), reading ../shared/data.
# Benchmarks print medians and ratios to a baseline measured in the same run; they are not
# tests, because these machines are noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build --parallel "$(nproc)" --target bench_load_boundaries
build/bench/bench_load_boundaries --runs "${RUNS:-31}" "${1:-../shared/data}"
cmake --build build --parallel "$(nproc)" --target bench_reclassify
build/bench/bench_reclassify --runs "${RUNS:-31}" "${1:-../shared/data}"
cmake --build build --parallel "$(nproc)" --target bench_render
build/bench/bench_render --runs "${RUNS:-31}" "${1:-../shared/data}"
cmake --build build --parallel "$(nproc)" --target bench_export
build/bench/bench_export --runs "${RUNS:-31}" "${1:-../shared/data}"
cmake --build build --parallel "$(nproc)" --target bench_concurrent_edits
build/bench/bench_concurrent_edits --runs "${RUNS:-150}" "${1:-../shared/data}"
