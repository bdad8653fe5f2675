# Runs the chipao app under Xvfb, then checks its screenshot with chipao_png_check.
#   cmake -DMODE=layers|load_error -DAPP=... -DCHECKER=... -DXVFB_RUN=... -DSOURCE_DIR=...
#         -DSHARED_DATA=... -DOUT_DIR=... -P app_smoke.cmake
# MODE layers: the demo province when data/demo exists, else the national tambon + amphoe
# layers from ../shared/data; prints CHIPAO_SKIP (the test's skip pattern) when neither exists.
# MODE load_error: a missing file must be reported, not crash the app.
set(size_w 1280)
set(size_h 720)
set(png "${OUT_DIR}/chipao_${MODE}.png")
file(MAKE_DIRECTORY "${OUT_DIR}")
file(REMOVE "${png}")

set(check_args --size ${size_w}x${size_h} --min-colours 20)
if(MODE STREQUAL "layers")
  set(demo_descriptor "${SOURCE_DIR}/layers/demo_amphoe.json")
  set(tambon "${SHARED_DATA}/hdx_codab_tha_via_prasertcbs/adm3_tambon_simplified_country/tha_admbnda_adm3_rtsd_20220121.shp")
  set(amphoe "${SHARED_DATA}/hdx_codab_tha_via_prasertcbs/adm2_amphoe_simplified_country/thailand_province_amphoe_simplify.shp")
  if(EXISTS "${SOURCE_DIR}/data/demo/amphoe.shp" AND EXISTS "${demo_descriptor}")
    set(app_args --demo)
    # The amphoe outline is drawn last among the boundaries, so its exact colour must appear.
    file(READ "${demo_descriptor}" descriptor_json)
    string(JSON outline ERROR_VARIABLE json_error GET "${descriptor_json}" style outline)
    if(json_error)
      message(STATUS "cannot read the outline colour from ${demo_descriptor}: ${json_error}")
    else()
      list(APPEND check_args --color ${outline} --min-color-pixels 400)
    endif()
  elseif(EXISTS "${tambon}" AND EXISTS "${amphoe}")
    set(app_args --layer "${tambon}" --layer "${amphoe}")
    # The app's default outline for an amphoe layer without a descriptor (app/layer_style.cpp).
    list(APPEND check_args --color "#2e2a24" --min-color-pixels 2000)
  else()
    message("CHIPAO_SKIP: neither data/demo nor ../shared/data is present")
    return()
  endif()
  # Right of the side panel, at least 5% of the pixels must be map, not background.
  list(APPEND check_args --map-from-x 0.4 --min-map-fraction 0.05)
elseif(MODE STREQUAL "load_error")
  set(app_args --layer "${OUT_DIR}/missing_layer.shp")
else()
  message(FATAL_ERROR "unknown MODE '${MODE}'")
endif()

execute_process(
  COMMAND "${XVFB_RUN}" -a -s "-screen 0 1600x900x24"
          "${APP}" ${app_args} --size ${size_w}x${size_h} --exit-after-frames 3 --screenshot "${png}"
  RESULT_VARIABLE app_result
  OUTPUT_VARIABLE app_out
  ERROR_VARIABLE app_err
  TIMEOUT 240)
message("${app_out}${app_err}")
if(NOT app_result EQUAL 0)
  message(FATAL_ERROR "chipao exited with ${app_result}")
endif()
if(NOT EXISTS "${png}")
  message(FATAL_ERROR "chipao did not write the screenshot ${png}")
endif()
if(MODE STREQUAL "load_error" AND NOT app_err MATCHES "missing_layer")
  message(FATAL_ERROR "the load error for missing_layer.shp was not reported on stderr")
endif()

execute_process(COMMAND "${CHECKER}" "${png}" ${check_args} RESULT_VARIABLE check_result)
if(NOT check_result EQUAL 0)
  message(FATAL_ERROR "the screenshot ${png} failed its checks")
endif()
