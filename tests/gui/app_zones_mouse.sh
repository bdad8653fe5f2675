#!/usr/bin/env bash
# Zones with the real mouse and keyboard (issue 5): the path from X events through GLFW,
# App::draw_frame and ZonesUi::handle_mouse to the zone tool, as a planner uses it.
#
# Creates a demo project with chipao-cli, starts its own Xvfb and the app on the project with
# tests/gui/scripts/app_zones_mouse.txt, which prints where units and points are on screen and
# waits for edits. This driver clicks those places with xdotool: two tambons with the paint
# tool, then four vertices and the first one again with the draw tool, then Ctrl+Z. Then it
# checks with chipao-cli that the project holds one painted zone with exactly the two tambons
# clicked, and a history of three edits with the drawn zone's creation undone.
#
# Usage: app_zones_mouse.sh APP CLI SOURCE_DIR OUT_DIR [XVFB] [XDOTOOL] [CMAKE]
# Prints CHIPAO_SKIP (exit 0) when the demo data, Xvfb or xdotool is missing.
set -euo pipefail

app=$1 cli=$2 source_dir=$3 out_dir=$4
xvfb=${5:-Xvfb} xdotool=${6:-xdotool} cmake=${7:-cmake}
# The tambons the driver paints, and the corners of the zone it draws (as the script names them).
readonly paint_codes=(990102 990103)
readonly corners=("102.65,15.85" "102.85,15.85" "102.85,16.00" "102.65,16.00")
readonly wait_s=120  # for the app to reach a line of its script; a safety net, not a measure

test_name=app_zones_mouse
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
project=$out_dir/zones_mouse.chipao

tpmap=$source_dir/data/demo/tpmap
"$cli" project new "$project" --boundaries "$source_dir/data/demo/tambon.shp" \
  --table "$tpmap/61_99_tambol_11111.csv" --table "$tpmap/61_99_tambol_common.csv" \
  >"$out_dir/project_new.log" 2>&1 || fail "chipao-cli project new: $(cat "$out_dir/project_new.log")"

start_xvfb "$xvfb" 1600x900x24

(cd "$out_dir" && exec "$app" --project "$project" --size 1400x850 \
  --script "$source_dir/tests/gui/scripts/app_zones_mouse.txt") >"$log" 2>&1 &
app_pid=$!

wait_for "ready-for-input paint"
window=$("$xdotool" search --name ChiPao | head -n 1)
[[ -n "$window" ]] || fail "no window named ChiPao on $DISPLAY"

# A click as a planner makes it: move there, press and release the left button. Clicks are a
# moment apart so that each lands in a frame of its own, as a person's do.
click() {
  local x y
  read -r x y <<<"$(position "$1")"
  "$xdotool" mousemove --window "$window" --sync "$x" "$y" click 1
  sleep 0.5
}

for code in "${paint_codes[@]}"; do click "$code"; done

wait_for "ready-for-input draw"
for corner in "${corners[@]}"; do click "$corner"; done
click "${corners[0]}"  # the first vertex again closes the ring

wait_for "ready-for-input undo"
# Ctrl+Z held for a few frames, as fingers do (ImGui 1.86 sees keys as they are at each frame).
"$xdotool" windowfocus "$window" 2>/dev/null || true
"$xdotool" keydown ctrl
"$xdotool" keydown z
sleep 0.3
"$xdotool" keyup z
"$xdotool" keyup ctrl

status=0
wait "$app_pid" || status=$?
app_pid=""
((status == 0)) || fail "the app exited with $status (a wait-edits that timed out means the clicks never reached the zone tool)"
[[ -f "$out_dir/zones_mouse.png" ]] || fail "the script did not write zones_mouse.png"

# What the project file holds, read back by chipao-cli and checked with CMake's JSON parser.
"$cli" zones list "$project" --json >"$out_dir/zones.json" 2>&1 || fail "chipao-cli zones list: $(cat "$out_dir/zones.json")"
"$cli" project history "$project" --json >"$out_dir/history.json" 2>&1 ||
  fail "chipao-cli project history: $(cat "$out_dir/history.json")"
"$cli" project info "$project" --json >"$out_dir/info.json" 2>&1 ||
  fail "chipao-cli project info: $(cat "$out_dir/info.json")"

cat >"$out_dir/check.cmake" <<'EOF'
file(READ "$ENV{OUT_DIR}/zones.json" zones)
file(READ "$ENV{OUT_DIR}/history.json" history)
function(expect what actual expected)
  if(NOT "${actual}" STREQUAL "${expected}")
    message(FATAL_ERROR "${what}: expected '${expected}', got '${actual}'\n${zones}\n${history}")
  endif()
endfunction()
string(JSON count LENGTH "${zones}" zones)
expect("zones left after the undo" "${count}" 1)
string(JSON kind GET "${zones}" zones 0 kind)
expect("zone 1 kind" "${kind}" painted)
string(JSON units LENGTH "${zones}" zones 0 units)
set(codes "")
math(EXPR last "${units} - 1")
foreach(i RANGE ${last})
  string(JSON code GET "${zones}" zones 0 units ${i})
  list(APPEND codes "${code}")
endforeach()
list(SORT codes)
set(clicked $ENV{PAINTED})
list(SORT clicked)
expect("zone 1 units" "${codes}" "${clicked}")
string(JSON length GET "${history}" length)
string(JSON position GET "${history}" position)
expect("history length (two paints, one drawn zone)" "${length}" 3)
expect("history position (the drawn zone undone)" "${position}" 2)
string(JSON done1 GET "${history}" edits 1 done)
string(JSON done2 GET "${history}" edits 2 done)
expect("edit 2 (second paint) done" "${done1}" ON)
expect("edit 3 (drawn zone) done" "${done2}" OFF)
EOF
painted=$(
  IFS=';'
  echo "${paint_codes[*]}"
)
OUT_DIR=$out_dir PAINTED=$painted "$cmake" -P "$out_dir/check.cmake" >"$out_dir/check.log" 2>&1 ||
  fail "the project is not as the clicks left it: $(cat "$out_dir/check.log")"
echo "app_zones_mouse: painted ${paint_codes[*]}, drew and undid a zone, all with real X events"
