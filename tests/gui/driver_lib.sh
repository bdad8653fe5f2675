# Shared by the GUI tests that drive the real app with real input (app_*.sh): their own Xvfb,
# waiting for lines the app's script prints, and where it says things are on screen.
# Source it after setting: test_name, out_dir, log (the app's output file), wait_s.
# Sets: xvfb_pid, app_pid (the caller sets it when it starts the app), DISPLAY.

xvfb_pid="" app_pid=""

skip() {
  echo "CHIPAO_SKIP: $*"
  exit 0
}

cleanup() {
  # Only what this test started.
  if [[ -n "$app_pid" ]]; then kill -9 "$app_pid" 2>/dev/null || true; fi
  if [[ -n "$xvfb_pid" ]]; then kill "$xvfb_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

fail() {
  echo "$test_name: FAILED: $*" >&2
  if [[ -f "$log" ]]; then
    echo "--- the app's output ($log):" >&2
    cat "$log" >&2
  fi
  exit 1
}

# Our own X server on a free display: -displayfd writes the number it took, so parallel tests
# never race for one. $1: the Xvfb program, $2: the screen (WxHxD).
start_xvfb() {
  "$1" -displayfd 3 -screen 0 "$2" -nolisten tcp 3>"$out_dir/display" >"$out_dir/xvfb.log" 2>&1 &
  xvfb_pid=$!
  local i
  for ((i = 0; i < 100; ++i)); do
    [[ -s "$out_dir/display" ]] && break
    kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb did not start: $(cat "$out_dir/xvfb.log")"
    sleep 0.1
  done
  [[ -s "$out_dir/display" ]] || fail "Xvfb gave no display number"
  DISPLAY=":$(head -n 1 "$out_dir/display")"
  export DISPLAY
}

# Waits until the app prints a line starting with "chipao: $1".
wait_for() {
  local deadline=$((SECONDS + wait_s))
  until grep -q "^chipao: $1" "$log"; do
    kill -0 "$app_pid" 2>/dev/null || fail "the app ended before printing 'chipao: $1'"
    ((SECONDS < deadline)) || fail "no 'chipao: $1' after ${wait_s} s"
    sleep 0.05
  done
}

# "X Y" of a point the script printed ("chipao: screen-pos KEY X Y").
position() {
  local found
  found=$(grep "^chipao: screen-pos $1 " "$log" | head -n 1 | cut -d' ' -f4,5)
  [[ -n "$found" ]] || fail "the app printed no screen position for $1"
  echo "$found"
}
