#!/usr/bin/env bash
# From the start screen to an open project with real input (issue 11), no terminal:
#   the app starts on its start screen (empty configuration: no recent projects);
#   Ctrl+O opens the Open dialog, the driver types the project's path and presses Enter;
#   the project opens (its layer and zones panel), and is then listed as a recent project in
#   the user's configuration; a zone file handed over as a drop joins the project as one edit.
# Screenshots of the start screen and the opened project are kept for a person to look at.
#
# Usage: app_start_open.sh APP CLI SOURCE_DIR OUT_DIR [XVFB] [XDOTOOL]
# Prints CHIPAO_SKIP (exit 0) when the demo data, Xvfb or xdotool is missing.
set -euo pipefail

app=$1 cli=$2 source_dir=$3 out_dir=$4
xvfb=${5:-Xvfb} xdotool=${6:-xdotool}
readonly wait_s=120

test_name=app_start_open
log=$out_dir/app.log
# shellcheck source=tests/gui/driver_lib.sh
source "$(dirname "$0")/driver_lib.sh"

[[ -f "$source_dir/data/demo/tambon.shp" ]] || skip "data/demo is not present"
command -v "$xvfb" >/dev/null || skip "Xvfb is not installed (scripts/install-deps.sh installs xvfb)"
command -v "$xdotool" >/dev/null || skip "xdotool is not installed (scripts/install-deps.sh installs it)"

rm -rf "$out_dir"
mkdir -p "$out_dir/config"
log=$out_dir/app.log
project=$out_dir/plan.chipao
zones=$out_dir/zones.geojson

"$cli" project new "$project" --boundaries "$source_dir/data/demo/tambon.shp" \
  >"$out_dir/project_new.log" 2>&1 || fail "project new: $(cat "$out_dir/project_new.log")"
cat >"$zones" <<'JSON'
{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"เขตนำร่อง"},
"geometry":{"type":"Polygon","coordinates":[[[102.7,15.9],[102.8,15.9],[102.8,16.0],[102.7,16.0],[102.7,15.9]]]}}]}
JSON
cat >"$out_dir/script.txt" <<SCRIPT
lang en
screenshot start.png
print-ready start
wait-project 90
screenshot opened.png
drop $zones
export shp+pdf $out_dir/exported
quit
SCRIPT

start_xvfb "$xvfb" 1600x900x24

(cd "$out_dir" && XDG_CONFIG_HOME="$out_dir/config" exec "$app" --start-screen --size 1280x800 \
  --script "$out_dir/script.txt") >"$log" 2>&1 &
app_pid=$!

deadline=$((SECONDS + wait_s))
until grep -q "^chipao: ready-for-input start" "$log"; do
  kill -0 "$app_pid" 2>/dev/null || fail "the app ended before the start screen"
  ((SECONDS < deadline)) || fail "no start screen after ${wait_s} s"
  sleep 0.1
done
window=$("$xdotool" search --name ChiPao | head -n 1)
[[ -n "$window" ]] || fail "no ChiPao window"
"$xdotool" windowfocus "$window" 2>/dev/null || true
# Ctrl+O held for a few frames, as fingers do; then the path typed, and Enter.
"$xdotool" keydown ctrl keydown o
sleep 0.3
"$xdotool" keyup o keyup ctrl
sleep 0.5
"$xdotool" key --clearmodifiers ctrl+a
"$xdotool" type --delay 20 "$project"
sleep 0.3
"$xdotool" keydown Return
sleep 0.3
"$xdotool" keyup Return

status=0
wait "$app_pid" || status=$?
app_pid=""
((status == 0)) || fail "the app exited with $status"
for png in start.png opened.png; do
  [[ -s "$out_dir/$png" ]] || fail "no $png"
done
grep -q "loaded project layer $project" "$log" || fail "the project's layer was not loaded"
grep -q "\"path\": \"$project\"" "$out_dir/config/chipao/recent.json" ||
  fail "the project is not in the recent list: $(cat "$out_dir/config/chipao/recent.json" 2>&1)"
"$cli" zones list "$project" >"$out_dir/zones.txt" 2>&1 || fail "zones list: $(cat "$out_dir/zones.txt")"
grep -q "เขตนำร่อง" "$out_dir/zones.txt" || fail "the dropped zone file did not join the project: $(cat "$out_dir/zones.txt")"
for f in zones.shp zones.dbf plan_sheet.pdf; do
  ls "$out_dir/exported" | grep -q "$f" || fail "the app's export wrote no $f: $(ls "$out_dir/exported" 2>&1)"
done
echo "app_start_open: start screen, Ctrl+O, typed path, project opened and remembered, zones dropped in"
