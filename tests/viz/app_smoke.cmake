# Runs tendersim-viz the way a user would and checks the outcome. Used by ctest:
#   cmake -DAPP=... -DMODE=screenshot|no_display|bad_display|... [-DXVFB_RUN=... -DCHECK=...]
#         -DSCENARIO=... -DOUT=... -P app_smoke.cmake
file(REMOVE "${OUT}")
if(MODE STREQUAL "screenshot")
  # The app starts on the baseline scenario, runs 3 years and saves a screenshot of SIZE
  # (default 1920x1080) on a screen of that size, with no --size: the window opens at the
  # screen's size.
  if(NOT SIZE)
    set(SIZE 1920x1080)
  endif()
  string(REPLACE "x" ";" wh "${SIZE}")
  list(GET wh 0 width)
  list(GET wh 1 height)
  execute_process(COMMAND "${XVFB_RUN}" -a -s "-screen 0 ${SIZE}x24" "${APP}" "${SCENARIO}"
                          --screenshot "${OUT}" --years 3
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 90)
  if(NOT rc EQUAL 0 OR NOT EXISTS "${OUT}")
    message(FATAL_ERROR "tendersim-viz exited ${rc}\nstdout: ${out}\nstderr: ${err}")
  endif()
  if(NOT out MATCHES "wrote .*${SIZE}.*year 3")
    message(FATAL_ERROR "unexpected output: ${out}")
  endif()
  execute_process(COMMAND "${CHECK}" "${OUT}" ${width} ${height} RESULT_VARIABLE rc
                  OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message(STATUS "${out}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "screenshot check failed\n${out}${err}")
  endif()
elseif(MODE STREQUAL "no_display" OR MODE STREQUAL "bad_display")
  if(MODE STREQUAL "no_display")
    set(envcmd "${CMAKE_COMMAND}" -E env --unset=DISPLAY)
  else()
    set(envcmd "${CMAKE_COMMAND}" -E env DISPLAY=:97531) # nothing listens there
  endif()
  execute_process(COMMAND ${envcmd} "${APP}" "${SCENARIO}" --screenshot "${OUT}" --years 1
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "xvfb-run -a tendersim-viz")
    message(FATAL_ERROR "expected exit 2 with an xvfb-run hint, got ${rc}\nstderr: ${err}")
  endif()
  if(EXISTS "${OUT}")
    message(FATAL_ERROR "${OUT} written without a display")
  endif()
elseif(MODE STREQUAL "bad_scenario")
  # An invalid scenario is reported (exit 2) before any window is needed.
  execute_process(COMMAND "${CMAKE_COMMAND}" -E env --unset=DISPLAY "${APP}" "${SCENARIO}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "error: .*bad_scenario.toml:9: key 'policy.price_weight'")
    message(FATAL_ERROR "expected exit 2 naming the file, line and key, got ${rc}\nstderr: ${err}")
  endif()
elseif(MODE STREQUAL "ensemble")
  # --ensemble: the first two members run behind the main run; the screenshot waits for them.
  execute_process(COMMAND "${XVFB_RUN}" -a "${APP}" "${SCENARIO}" --ensemble "${ENSEMBLE}"
                          --members 2 --screenshot "${OUT}" --years 2
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 90)
  if(NOT rc EQUAL 0 OR NOT EXISTS "${OUT}" OR NOT out MATCHES "wrote .*year 2")
    message(FATAL_ERROR "tendersim-viz exited ${rc}\nstdout: ${out}\nstderr: ${err}")
  endif()
elseif(MODE STREQUAL "bad_ensemble")
  # A bad ensemble file, and --ensemble with a second band, are refused (exit 2) before any
  # window is needed, the file's error naming its line and key.
  execute_process(COMMAND "${CMAKE_COMMAND}" -E env --unset=DISPLAY "${APP}" "${SCENARIO}"
                          --ensemble "${ENSEMBLE}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "error: .*ensemble_bad.toml:2: key 'schema_version'")
    message(FATAL_ERROR "expected exit 2 naming the file, line and key, got ${rc}\nstderr: ${err}")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -E env --unset=DISPLAY "${APP}" "${SCENARIO}"
                          --ensemble "${ENSEMBLE}" --noise-seeds 2
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "--ensemble cannot go with --noise-seeds")
    message(FATAL_ERROR "expected exit 2 refusing two bands, got ${rc}\nstderr: ${err}")
  endif()
elseif(MODE STREQUAL "bad_options")
  # Refused before any window: too many threads (70000 crashed in oneTBB's teardown at exit) and
  # an image format SFML cannot write (.gif used to be written as PNG data under any name).
  foreach(args "--threads;70000" "--screenshot;${OUT}.gif")
    execute_process(COMMAND "${CMAKE_COMMAND}" -E env --unset=DISPLAY "${APP}" "${SCENARIO}" ${args}
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
    if(NOT rc EQUAL 2 OR NOT err MATCHES "(--threads must be from 1 to 1024|format is chosen by)")
      message(FATAL_ERROR "${args}: expected exit 2 with the reason, got ${rc}\nstderr: ${err}")
    endif()
  endforeach()
elseif(MODE STREQUAL "state")
  # tendersim run --save-state, then the app continues the state: the picture is of the year
  # asked for; a damaged state and a horizon not after the state's year are refused before any
  # window (no DISPLAY), exit 2, saying why.
  execute_process(COMMAND "${CLI}" run "${SCENARIO}" --years 2 --save-state "${OUT}.state"
                          --out "${OUT}.results" --quiet
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 90)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "tendersim run --save-state exited ${rc}\nstderr: ${err}")
  endif()
  execute_process(COMMAND "${XVFB_RUN}" -a "${APP}" --state "${OUT}.state" --years 4
                          --screenshot "${OUT}" --size 640x360
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 90)
  if(NOT rc EQUAL 0 OR NOT EXISTS "${OUT}" OR NOT out MATCHES "wrote .*year 4")
    message(FATAL_ERROR "tendersim-viz --state exited ${rc}\nstdout: ${out}\nstderr: ${err}")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -E env --unset=DISPLAY "${APP}" --state "${OUT}.state"
                          --years 2
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "saved after year 2; give --years above 2")
    message(FATAL_ERROR "--years 2 from a year-2 state: expected exit 2, got ${rc}\n${err}")
  endif()
  file(WRITE "${OUT}.bad.state" "not a state")
  execute_process(COMMAND "${CMAKE_COMMAND}" -E env --unset=DISPLAY "${APP}" --state
                          "${OUT}.bad.state"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "not a tendersim state file")
    message(FATAL_ERROR "a damaged state: expected exit 2, got ${rc}\n${err}")
  endif()
  file(REMOVE_RECURSE "${OUT}.results" "${OUT}.state" "${OUT}.bad.state" "${OUT}")
elseif(MODE STREQUAL "jpeg")
  # --screenshot x.jpg writes JPEG data (it wrote PNG data under the .jpg name); an unwritable
  # screenshot is an I/O failure, exit 3, naming the file and the reason.
  execute_process(COMMAND "${XVFB_RUN}" -a "${APP}" "${SCENARIO}" --screenshot "${OUT}.jpg"
                          --years 1 --size 640x360
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 90)
  if(NOT rc EQUAL 0 OR NOT EXISTS "${OUT}.jpg")
    message(FATAL_ERROR "tendersim-viz exited ${rc}\nstdout: ${out}\nstderr: ${err}")
  endif()
  file(READ "${OUT}.jpg" magic LIMIT 3 HEX)
  if(NOT magic STREQUAL "ffd8ff")
    message(FATAL_ERROR "${OUT}.jpg does not hold JPEG data (starts with ${magic})")
  endif()
  execute_process(COMMAND "${XVFB_RUN}" -a "${APP}" "${SCENARIO}"
                          --screenshot /proc/tendersim-no-such-dir/x.png --years 1 --size 640x360
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 90)
  if(NOT rc EQUAL 3 OR NOT err MATCHES "cannot write /proc/tendersim-no-such-dir/x.png")
    message(FATAL_ERROR "unwritable screenshot: expected exit 3, got ${rc}\nstderr: ${err}")
  endif()
  file(REMOVE "${OUT}.jpg")
else()
  message(FATAL_ERROR "unknown MODE '${MODE}'")
endif()
message(STATUS "ok: ${MODE}")
