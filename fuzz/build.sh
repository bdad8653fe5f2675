#!/usr/bin/env bash
# Builds one libFuzzer binary per target into fuzz/build/: clang, -fsanitize=fuzzer,address,undefined.
#
#   fuzz/build.sh            all targets
#   fuzz/build.sh NAME...    only these (table_reader number_parse admin_code text_encoding)
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
)
declare -A libs=(
  [table_reader]="-lgdal -lfmt"
  [number_parse]="-lfmt"
  [admin_code]="-lfmt"
  [text_encoding]="-lfmt"
)
all_targets=(table_reader number_parse admin_code text_encoding)
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
  "$cxx" "${flags[@]}" -fsanitize=fuzzer-no-link -c "$root/src/$s" -o "$obj" &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done

for t in "${targets[@]}"; do
  objs=()
  for s in ${sources[$t]}; do objs+=("$out/obj/${s//\//_}.o"); done
  # shellcheck disable=SC2086
  "$cxx" "${flags[@]}" -fsanitize=fuzzer "$here/fuzz_$t.cpp" "${objs[@]}" ${libs[$t]} \
    -o "$out/fuzz_$t"
  echo "build.sh: built fuzz/build/fuzz_$t"
done
