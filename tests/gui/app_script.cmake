# Runs the chipao app under Xvfb with a GUI script, then compares each screenshot the script
# takes with its golden image in tests/gui/golden/ (CHIPAO_UPDATE_GOLDEN=1 rewrites them and
# fails, saying so).
#   cmake -DAPP=... -DCOMPARE=... -DXVFB_RUN=... -DSOURCE_DIR=... -DOUT_DIR=... -DSCRIPT=...
#         [-DSCREEN=1024x768] [-DGOLDEN_SUFFIX=_1024x768] -P app_script.cmake
# SCREEN is the Xvfb screen (a full-screen window takes its size); GOLDEN_SUFFIX goes before
# ".png" in the golden's name, so one script can have goldens for several screens.
if(NOT SCREEN)
  set(SCREEN 1600x900)
endif()
if(NOT EXISTS "${SOURCE_DIR}/data/demo/amphoe.shp")
  message("CHIPAO_SKIP: data/demo is not present")
  return()
endif()
file(REMOVE_RECURSE "${OUT_DIR}")
file(MAKE_DIRECTORY "${OUT_DIR}")

execute_process(
  # Saved views go to a folder of this run, never to the user's configuration.
  COMMAND "${CMAKE_COMMAND}" -E env "XDG_CONFIG_HOME=${OUT_DIR}/config"
          "${XVFB_RUN}" -a -s "-screen 0 ${SCREEN}x24"
          "${APP}" --demo --size 1280x720 --script "${SCRIPT}"
  WORKING_DIRECTORY "${OUT_DIR}"
  RESULT_VARIABLE app_result
  OUTPUT_VARIABLE app_out
  ERROR_VARIABLE app_err
  TIMEOUT 240)
message("${app_out}${app_err}")
if(NOT app_result EQUAL 0)
  message(FATAL_ERROR "chipao exited with ${app_result} running ${SCRIPT}")
endif()

# Every "screenshot NAME" line of the script must have produced NAME, and match its golden.
file(STRINGS "${SCRIPT}" lines REGEX "^screenshot ")
set(failed "")
foreach(line IN LISTS lines)
  string(REGEX REPLACE "^screenshot +" "" name "${line}")
  string(STRIP "${name}" name)
  if(NOT EXISTS "${OUT_DIR}/${name}")
    message(FATAL_ERROR "the script did not write ${name}")
  endif()
  string(REGEX REPLACE "\\.png$" "${GOLDEN_SUFFIX}.png" golden "${name}")
  execute_process(COMMAND "${COMPARE}" "${OUT_DIR}/${name}" "${SOURCE_DIR}/tests/gui/golden/${golden}"
                  RESULT_VARIABLE compare_result)
  if(NOT compare_result EQUAL 0)
    list(APPEND failed "${name}")
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "screenshots differ from their goldens: ${failed} (actual images in ${OUT_DIR})")
endif()
