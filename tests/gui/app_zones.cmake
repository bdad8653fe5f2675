# Zones end to end (issue 5): creates a project on the demo province with chipao-cli, opens it
# in the app under Xvfb with a script that paints and draws zones, undoes and redoes, quits;
# then checks with `chipao-cli project info --json` that the zones and the history are as the
# script left them, reopens the project, redoes the undone edit and checks again.
#   cmake -DAPP=... -DCLI=... -DXVFB_RUN=... -DSOURCE_DIR=... -DOUT_DIR=... -P app_zones.cmake
if(NOT EXISTS "${SOURCE_DIR}/data/demo/tambon.shp")
  message("CHIPAO_SKIP: data/demo is not present")
  return()
endif()
file(REMOVE_RECURSE "${OUT_DIR}")
file(MAKE_DIRECTORY "${OUT_DIR}")
set(project "${OUT_DIR}/zones.chipao")
set(tpmap "${SOURCE_DIR}/data/demo/tpmap")
execute_process(
  COMMAND "${CLI}" project new "${project}" --boundaries "${SOURCE_DIR}/data/demo/tambon.shp"
          --table "${tpmap}/61_99_tambol_11111.csv" --table "${tpmap}/61_99_tambol_common.csv"
  RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "chipao-cli project new failed: ${out}${err}")
endif()

function(run_app script)
  execute_process(
    COMMAND "${XVFB_RUN}" -a -s "-screen 0 1600x900x24"
            "${APP}" --project "${project}" --size 1400x850 --script "${script}"
    WORKING_DIRECTORY "${OUT_DIR}"
    RESULT_VARIABLE app_result OUTPUT_VARIABLE app_out ERROR_VARIABLE app_err TIMEOUT 240)
  message("${app_out}${app_err}")
  if(NOT app_result EQUAL 0)
    message(FATAL_ERROR "chipao exited with ${app_result} running ${script}")
  endif()
endfunction()

# Reads `chipao-cli project info --json` into `info` in the caller.
function(project_info)
  execute_process(COMMAND "${CLI}" project info "${project}" --json
                  RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "chipao-cli project info failed (${result}): ${out}${err}")
  endif()
  set(info "${out}" PARENT_SCOPE)
endfunction()

function(expect what actual expected)
  if(NOT "${actual}" STREQUAL "${expected}")
    message(FATAL_ERROR "${what}: expected ${expected}, got ${actual}\n${info}")
  endif()
endfunction()

# paint 990101 creates zone 1, paint 990102 adds to it, the drawn zone is undone and redone,
# paint 990103 is undone: 4 edits, 3 done.
run_app("${SOURCE_DIR}/tests/gui/scripts/app_zones.txt")
if(NOT EXISTS "${OUT_DIR}/zones.png")
  message(FATAL_ERROR "the script did not write zones.png")
endif()
project_info()
string(JSON zone_count LENGTH "${info}" zones)
expect("zones" "${zone_count}" 2)
string(JSON kind0 GET "${info}" zones 0 kind)
string(JSON units0 GET "${info}" zones 0 units)
string(JSON kind1 GET "${info}" zones 1 kind)
expect("zone 1 kind" "${kind0}" painted)
expect("zone 1 units" "${units0}" 2)
expect("zone 2 kind" "${kind1}" drawn)
string(JSON length GET "${info}" history length)
string(JSON position GET "${info}" history position)
expect("history length" "${length}" 4)
expect("history position" "${position}" 3)

# After a restart the undone paint is still there to redo.
run_app("${SOURCE_DIR}/tests/gui/scripts/app_zones_restart.txt")
project_info()
string(JSON units0 GET "${info}" zones 0 units)
string(JSON position GET "${info}" history position)
expect("zone 1 units after redo" "${units0}" 3)
expect("history position after redo" "${position}" 4)
