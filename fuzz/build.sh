#!/usr/bin/env bash
# Builds one libFuzzer binary per target into fuzz/build/: clang, -fsanitize=fuzzer,address,undefined.
#
#   fuzz/build.sh            all targets
#   fuzz/build.sh NAME...    only these (table_reader number_parse admin_code text_encoding
#                            layer_descriptor registry_descriptor registry_reader zone_file
#                            saved_views)
#
# CHIPAO_FUZZ_BUILD_JOBS caps the compilers running at once (default: the number of cores).
#
# The core sources a target needs are compiled here with the same clang and sanitizers (the
# project's own build uses g++ and is not touched). Needs clang 16 or later: see README.md for
# why clang 14 cannot compile core. CHIPAO_FUZZ_CXX picks the compiler.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="$here/build"

declare -A sources=(
  [table_reader]="core/io/table_reader.cpp core/io/gdal_support.cpp core/io/text_encoding.cpp"
  [number_parse]="core/stats/number_parse.cpp core/io/text_encoding.cpp"
  [admin_code]="core/admin/admin_code.cpp core/admin/admin_level.cpp core/admin/province_table.cpp core/io/text_encoding.cpp"
  [text_encoding]="core/io/text_encoding.cpp"
  [layer_descriptor]="core/layer/layer_descriptor.cpp core/admin/admin_level.cpp core/io/text_encoding.cpp"
  [registry_descriptor]="core/stats/registry_descriptor.cpp core/stats/deprivation.cpp core/io/text_encoding.cpp"
  [registry_reader]="core/stats/registry_reader.cpp core/stats/registry_descriptor.cpp core/stats/registry_hash.cpp core/stats/national_id.cpp core/stats/deprivation.cpp core/stats/number_parse.cpp core/io/table_reader.cpp core/io/gdal_support.cpp core/io/text_encoding.cpp core/admin/admin_code.cpp core/admin/admin_level.cpp core/admin/province_table.cpp"
  [zone_file]="core/io/boundary_reader.cpp core/io/feature_scan.cpp core/io/gdal_support.cpp core/io/ogr_geometry.cpp core/io/text_encoding.cpp core/layer/code_assignment.cpp core/admin/admin_code.cpp core/admin/admin_level.cpp core/admin/province_table.cpp core/admin/field_detection.cpp core/geo/crs.cpp core/geo/geos_repair.cpp core/geo/quick_validity.cpp core/geo/polygon_overlay.cpp core/geo/spatial_grid.cpp core/plan/edit.cpp core/plan/edit_checks.cpp core/plan/zone_checks.cpp core/util/utf8_text.cpp core/stats/deprivation.cpp core/stats/number_parse.cpp"
  [saved_views]="core/plan/saved_views_json.cpp core/classify/classification.cpp core/classify/palette.cpp core/classify/jenks.cpp core/classify/color_space.cpp core/io/text_encoding.cpp"
)
declare -A libs=(
  [table_reader]="-lgdal -lfmt"
  [number_parse]="-lfmt"
  [admin_code]="-lfmt"
  [text_encoding]="-lfmt"
  [layer_descriptor]="-lfmt"
  [registry_descriptor]="-lfmt"
  [registry_reader]="-lgdal -lfmt -lcrypto"
  [zone_file]="-lgdal -lgeos_c -lproj -lfmt"
  [saved_views]="-lfmt"
)
all_targets=(table_reader number_parse admin_code text_encoding layer_descriptor registry_descriptor
  registry_reader zone_file saved_views)
targets=("$@")
((${#targets[@]})) || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  [[ -n "${sources[$t]:-}" ]] || { echo "build.sh: no fuzz target '$t' (${all_targets[*]})" >&2; exit 2; }
done

pick_compiler() {
  if [[ -n "${CHIPAO_FUZZ_CXX:-}" ]]; then
    echo "$CHIPAO_FUZZ_CXX"
    return
  fi
  local v
  for v in 19 18 17 16; do
    if command -v "clang++-$v" >/dev/null; then
      echo "clang++-$v"
      return
    fi
  done
  echo clang++
}
# The project's scripts install what they need: clang 16 and its fuzzer runtime, if missing.
if ! command -v clang++-16 >/dev/null && [ -z "${CHIPAO_FUZZ_CXX:-}" ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends clang-16 libclang-rt-16-dev
fi
cxx="$(pick_compiler)"
command -v "$cxx" >/dev/null || { echo "build.sh: $cxx not found; apt-get install -y clang-16 libclang-rt-16-dev" >&2; exit 1; }
major="$("$cxx" -dumpversion | cut -d. -f1)"
if ((major < 16)); then
  cat >&2 <<EOF
build.sh: $cxx is clang $major; core's Result<T> is std::expected, which libstdc++ 12 declares
only for compilers with C++20 conditionally trivial special members (P0848, clang 16). Install
clang 16 (apt-get install -y clang-16 libclang-rt-16-dev) or set CHIPAO_FUZZ_CXX.
EOF
  exit 1
fi

flags=(-std=c++2b -g -O1 -fno-omit-frame-pointer
  -fsanitize=address,undefined -fno-sanitize-recover=undefined -D_GLIBCXX_ASSERTIONS
  -Wall -Wextra -I"$root/src" -I"$here" $(gdal-config --cflags))
# libstdc++ 12 guards <expected> with __cpp_concepts >= 202002L; clang reports 201907L before 19
# although clang 16 implements what <expected> needs.
((major >= 19)) || flags+=(-D__cpp_concepts=202002L -Wno-macro-redefined)

build_jobs="${CHIPAO_FUZZ_BUILD_JOBS:-$(nproc)}"
mkdir -p "$out/obj"
echo "build.sh: $cxx (clang $major) -> $out"

# Objects of core sources, rebuilt when the source or any core header or this script is newer.
declare -A wanted=()
for t in "${targets[@]}"; do
  for s in ${sources[$t]}; do wanted[$s]=1; done
done
pids=()
for s in "${!wanted[@]}"; do
  obj="$out/obj/${s//\//_}.o"
  if [[ -f "$obj" && -z "$(find "$root/src/$s" "$root/src/core" "$here/build.sh" -newer "$obj" \
      \( -name '*.cpp' -o -name '*.h' -o -name build.sh \) -print -quit)" ]]; then
    continue
  fi
  # At most build_jobs compilers at once: the zone_file target alone needs some 20 objects.
  while (($(jobs -rp | wc -l) >= build_jobs)); do wait -n; done
  "$cxx" "${flags[@]}" -fsanitize=fuzzer-no-link -c "$root/src/$s" -o "$obj" &
  pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
((status == 0)) || { echo "build.sh: a core source did not compile" >&2; exit 1; }

for t in "${targets[@]}"; do
  objs=()
  for s in ${sources[$t]}; do objs+=("$out/obj/${s//\//_}.o"); done
  # shellcheck disable=SC2086
  "$cxx" "${flags[@]}" -fsanitize=fuzzer "$here/fuzz_$t.cpp" "${objs[@]}" ${libs[$t]} \
    -o "$out/fuzz_$t"
  echo "build.sh: built fuzz/build/fuzz_$t"
done
