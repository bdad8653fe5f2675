#!/usr/bin/env bash
# The app and chipao-cli on one project at once (issue 10), with the real binaries.
#
# The app opens the project (tests/gui/scripts/app_cli_coexist.txt); while it is open this
# driver runs chipao-cli reads (history, zones list), an export and an edit; the app must take
# the CLI's edit in (it prints "took in edits made elsewhere") within a few seconds; then the
# app edits with real clicks (xdotool), the CLI edits again, and the app is killed with
# SIGKILL. Every edit of both must be in the project, read back by a fresh chipao-cli, and at
# no moment may the app hold a deleted file (as it did when a CLI run deleted the -wal file
# under it: /proc/PID/fd showed "P-wal (deleted)").
#
# Usage: app_cli_coexist.sh APP CLI SOURCE_DIR OUT_DIR [XVFB] [XDOTOOL] [CMAKE]
# Prints CHIPAO_SKIP (exit 0) when the demo data, Xvfb or xdotool is missing.
set -euo pipefail

app=$1 cli=$2 source_dir=$3 out_dir=$4
xvfb=${5:-Xvfb} xdotool=${6:-xdotool} cmake=${7:-cmake}
readonly paint_codes=(990102 990103)
readonly wait_s=120      # for the app to reach a line of its script; a safety net, not a measure
readonly take_in_s=5     # the app must show another process's edit within this (target: 1 s)

test_name=app_cli_coexist
log=$out_dir/app.log
# shellcheck source=tests/gui/driver_lib.sh
source "$(dirname "$0")/driver_lib.sh"

[[ -f "$source_dir/data/demo/tambon.shp" ]] || skip "data/demo is not present"
command -v "$xvfb" >/dev/null || skip "Xvfb is not installed (scripts/install-deps.sh installs xvfb)"
command -v "$xdotool" >/dev/null ||
  skip "xdotool is not installed (scripts/install-deps.sh installs it)"

rm -rf "$out_dir"
mkdir -p "$out_dir"
log=$out_dir/app.log
project=$out_dir/shared.chipao

tpmap=$source_dir/data/demo/tpmap
"$cli" project new "$project" --boundaries "$source_dir/data/demo/tambon.shp" \
  --table "$tpmap/61_99_tambol_11111.csv" --table "$tpmap/61_99_tambol_common.csv" \
  >"$out_dir/project_new.log" 2>&1 || fail "chipao-cli project new: $(cat "$out_dir/project_new.log")"

start_xvfb "$xvfb" 1600x900x24

(cd "$out_dir" && exec "$app" --project "$project" --size 1400x850 \
  --script "$source_dir/tests/gui/scripts/app_cli_coexist.txt") >"$log" 2>&1 &
app_pid=$!

# The app holds no deleted file of the project (the -wal or -shm removed under it).
no_deleted_files() {
  local held
  held=$(ls -l "/proc/$app_pid/fd" 2>/dev/null | grep "shared.chipao" | grep "(deleted)" || true)
  [[ -z "$held" ]] || fail "$1: the app holds a deleted file: $held"
}

cli() {
  "$cli" "$@" >>"$out_dir/cli.log" 2>&1 || fail "chipao-cli $*: $(tail -n 3 "$out_dir/cli.log")"
}

# Waits until the app has printed "took in edits made elsewhere" $1 times; prints seconds taken.
wait_taken_in() {
  local start=${EPOCHREALTIME/./}
  local deadline=$((SECONDS + take_in_s))
  until (($(grep -c "^chipao: took in edits made elsewhere" "$log") >= $1)); do
    ((SECONDS <= deadline)) || fail "the app did not show chipao-cli's edit within ${take_in_s} s"
    kill -0 "$app_pid" 2>/dev/null || fail "the app ended"
    sleep 0.02
  done
  local end=${EPOCHREALTIME/./}
  echo "$(((end - start) / 1000))"
}

wait_for "ready-for-input cli"
no_deleted_files "with the project just opened"
# Reads and an export while the app has the project open: the edits that once went missing
# followed exactly these.
cli project history "$project"
cli zones list "$project"
cli project info "$project"
cli export "$project" --out "$out_dir/export" --format csv
no_deleted_files "after chipao-cli read and exported"
cli zones paint "$project" --zone "from the CLI" --units 990301
took=$(wait_taken_in 1)
echo "app_cli_coexist: the app showed the CLI's edit ${took} ms after the command returned"
no_deleted_files "after chipao-cli edited"

wait_for "ready-for-input paint"
window=$("$xdotool" search --name ChiPao | head -n 1)
[[ -n "$window" ]] || fail "no window named ChiPao on $DISPLAY"
for code in "${paint_codes[@]}"; do
  read -r x y <<<"$(position "$code")"
  "$xdotool" mousemove --window "$window" --sync "$x" "$y" click 1
  sleep 0.5
done

wait_for "ready-for-input cli-again"
no_deleted_files "after the app's edits"
cli zones list "$project"
cli project set "$project" suppress 5
wait_taken_in 2 >/dev/null
wait_for "ready-for-input kill"
no_deleted_files "before the kill"
kill -9 "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""

"$cli" zones list "$project" --json >"$out_dir/zones.json" 2>&1 || fail "zones list: $(cat "$out_dir/zones.json")"
"$cli" project history "$project" --json >"$out_dir/history.json" 2>&1 ||
  fail "project history: $(cat "$out_dir/history.json")"
"$cli" project info "$project" --json >"$out_dir/info.json" 2>&1 || fail "project info: $(cat "$out_dir/info.json")"

cat >"$out_dir/check.cmake" <<'CHECK'
file(READ "$ENV{OUT_DIR}/zones.json" zones)
file(READ "$ENV{OUT_DIR}/history.json" history)
function(expect what actual expected)
  if(NOT "${actual}" STREQUAL "${expected}")
    message(FATAL_ERROR "${what}: expected '${expected}', got '${actual}'\n${zones}\n${history}")
  endif()
endfunction()
string(JSON count LENGTH "${zones}" zones)
expect("zones (one from the CLI, one the app painted)" "${count}" 2)
string(JSON name0 GET "${zones}" zones 0 name)
expect("the CLI's zone" "${name0}" "from the CLI")
string(JSON units0 GET "${zones}" zones 0 units 0)
expect("the CLI's zone unit" "${units0}" 990301)
string(JSON units1 LENGTH "${zones}" zones 1 units)
expect("the app's zone, two tambons clicked" "${units1}" 2)
string(JSON length GET "${history}" length)
string(JSON position GET "${history}" position)
expect("history: CLI paint, two app clicks, CLI setting" "${length}" 4)
expect("history position" "${position}" 4)
string(JSON last GET "${history}" edits 3 summary)
if(NOT last MATCHES "suppression_threshold")
  message(FATAL_ERROR "the last edit should be the CLI's setting: ${last}")
endif()
CHECK
OUT_DIR=$out_dir "$cmake" -P "$out_dir/check.cmake" >"$out_dir/check.log" 2>&1 ||
  fail "the project lost an edit: $(cat "$out_dir/check.log")"
echo "app_cli_coexist: CLI and app edits all in the project after kill -9; no deleted file held"
