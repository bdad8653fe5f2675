#!/usr/bin/env bash
# Builds the fuzz targets and runs each for a while under ASan/UBSan, two at a time.
#
#   fuzz/run.sh [SECONDS_PER_TARGET [TARGET...]]     (default 600 s, all nine targets)
#
# For each target: the seeds in fuzz/corpus/<target>/ (read only), the growing corpus in
# fuzz/corpus-gen/<target>/ (kept between runs, not committed), crash inputs in
# fuzz/crashes/<target>/, the libFuzzer output in fuzz/logs/<target>.log. When a run stops on
# a failed invariant, it is restarted for the time left with that invariant's tag in
# CHIPAO_FUZZ_IGNORE, so one known bug does not hide the next (at most MAX_RESTARTS restarts).
# Prints per target: executions, exec/s, coverage (cov and ft of the last status line), crash
# inputs saved and the distinct failures behind them. Exit status 1 when anything crashed.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seconds="${1:-600}"
shift $(($# > 0 ? 1 : 0))
targets=("$@")
((${#targets[@]})) || targets=(table_reader number_parse admin_code text_encoding layer_descriptor
  registry_descriptor registry_reader zone_file saved_views)
parallel="${CHIPAO_FUZZ_JOBS:-2}"
max_restarts="${MAX_RESTARTS:-20}"

declare -A max_len=([table_reader]=4096 [number_parse]=64 [admin_code]=64 [text_encoding]=1024
  [layer_descriptor]=2048 [registry_descriptor]=2048 [registry_reader]=2048 [zone_file]=4096
  [saved_views]=2048)

"$here/build.sh" "${targets[@]}" || exit 2

logs="$here/logs"
mkdir -p "$logs"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# Stack traces need llvm-symbolizer; the sanitizers do not find Debian's on their own.
if [[ -z "${ASAN_SYMBOLIZER_PATH:-}" ]]; then
  for s in /usr/lib/llvm-{19,18,17,16,15,14}/bin/llvm-symbolizer "$(command -v llvm-symbolizer)"; do
    if [[ -x "$s" ]]; then
      export ASAN_SYMBOLIZER_PATH="$s"
      break
    fi
  done
fi

# Runs one target for `seconds`, restarting after failures; writes logs/<target>.result.
run_target() {
  local t="$1"
  local log="$logs/$t.log" result="$logs/$t.result"
  local crashes="$here/crashes/$t" work="$here/corpus-gen/$t"
  mkdir -p "$crashes" "$work"
  : >"$log"
  local marker
  marker="$(mktemp)"
  local start deadline now left runs=0 rc ignore="" tag
  start="$(date +%s)"
  deadline=$((start + seconds))
  while :; do
    now="$(date +%s)"
    left=$((deadline - now))
    ((left > 0)) || break
    ((runs <= max_restarts)) || break
    runs=$((runs + 1))
    echo "=== run $runs: $left s left; ignoring: ${ignore:-nothing}" >>"$log"
    CHIPAO_FUZZ_IGNORE="$ignore" "$here/build/fuzz_$t" \
      -max_total_time="$left" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
      -max_len="${max_len[$t]}" -dict="$here/dict/$t.dict" -artifact_prefix="$crashes/" \
      "$work" "$here/corpus/$t" >>"$log" 2>&1
    rc=$?
    ((rc == 0)) && break
    tag="$(grep -o 'fuzz invariant failed \[[^]]*\]' "$log" | tail -n 1 | sed 's/^fuzz invariant failed //')"
    if [[ -n "$tag" && "$ignore" != *"$tag"* ]]; then
      ignore="$ignore$tag"
    fi
  done
  local elapsed=$(($(date +%s) - start))
  local execs cov ft saved distinct
  execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{s += $2} END {print s + 0}')"
  cov="$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1 | awk '{print $2}')"
  ft="$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1 | awk '{print $4}')"
  saved="$(find "$crashes" -type f -newer "$marker" | wc -l)"
  rm -f "$marker"
  distinct="$( (grep -o 'fuzz invariant failed \[[^]]*\]' "$log" | sed 's/^fuzz invariant failed //'
    grep -o 'SUMMARY: [A-Za-z]*Sanitizer: .*' "$log"
    grep -o 'ERROR: libFuzzer: \(timeout\|out-of-memory\).*' "$log") | sort -u | paste -sd ' ' -)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$execs" "$((execs / (elapsed > 0 ? elapsed : 1)))" \
    "${cov:-?}" "${ft:-?}" "$saved" "$runs" "${distinct:-none}" >"$result"
}

echo "run.sh: ${#targets[@]} targets, $seconds s each, $parallel at a time; logs in $logs"
for t in "${targets[@]}"; do
  rm -f "$logs/$t.result"
  run_target "$t" &
  while (($(jobs -rp | wc -l) >= parallel)); do wait -n; done
done
wait

{
  printf '%-14s %12s %8s %6s %7s %8s %5s  %s\n' target executions exec/s cov ft crashes runs \
    'distinct failures'
  for t in "${targets[@]}"; do
    if [[ ! -f "$logs/$t.result" ]]; then
      printf '%-14s (no result; see %s)\n' "$t" "$logs/$t.log"
      continue
    fi
    IFS=$'\t' read -r name execs rate cov ft saved runs distinct <"$logs/$t.result"
    printf '%-14s %12s %8s %6s %7s %8s %5s  %s\n' "$name" "$execs" "$rate" "$cov" "$ft" "$saved" \
      "$runs" "$distinct"
  done
} | tee "$logs/summary.txt"

status=0
for t in "${targets[@]}"; do
  if [[ ! -f "$logs/$t.result" || "$(cut -f6 "$logs/$t.result")" != 0 ]]; then status=1; fi
done
exit "$status"
