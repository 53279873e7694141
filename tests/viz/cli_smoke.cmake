# Runs tendersim-chart (or `tendersim chart`, with -DSUBCOMMAND=chart) the way a user would and
# checks the outcome. Used by ctest:
#   cmake -DCLI=... [-DSUBCOMMAND=chart] -DRESULTS=... -DOUT=...
#         -DMODE=render|no_display|bad_display|missing [-DXVFB_RUN=...] -P cli_smoke.cmake
# One script rather than WILL_FAIL / PASS_REGULAR_EXPRESSION because those check either the exit
# code or the output, and we want both (and the files).
file(REMOVE_RECURSE "${OUT}")

if(MODE STREQUAL "render")
  execute_process(COMMAND "${XVFB_RUN}" -a "${CLI}" ${SUBCOMMAND} "${RESULTS}" --out "${OUT}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "tendersim-chart exited ${rc}\nstdout: ${out}\nstderr: ${err}")
  endif()
  foreach(metric sme_share_direct price_index)
    set(png "${OUT}/${metric}.png")
    if(NOT EXISTS "${png}")
      message(FATAL_ERROR "missing ${png}\nstdout: ${out}")
    endif()
    file(READ "${png}" magic LIMIT 8 HEX)
    if(NOT magic STREQUAL "89504e470d0a1a0a")
      message(FATAL_ERROR "${png} is not a PNG (starts ${magic})")
    endif()
  endforeach()
  file(GLOB leftovers "${OUT}/*.tmp-*")
  if(leftovers)
    message(FATAL_ERROR "temporary files left behind: ${leftovers}")
  endif()
  # --metrics selects; an unknown metric is an input error (2) naming what is available.
  file(REMOVE_RECURSE "${OUT}")
  execute_process(COMMAND "${XVFB_RUN}" -a "${CLI}" ${SUBCOMMAND} "${RESULTS}" --out "${OUT}" --metrics price_index
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT EXISTS "${OUT}/price_index.png" OR EXISTS "${OUT}/sme_share_direct.png")
    message(FATAL_ERROR "--metrics price_index: rc ${rc}\nstdout: ${out}\nstderr: ${err}")
  endif()
  execute_process(COMMAND "${XVFB_RUN}" -a "${CLI}" ${SUBCOMMAND} "${RESULTS}" --out "${OUT}" --metrics nope
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "available: sme_share_direct, price_index")
    message(FATAL_ERROR "--metrics nope: rc ${rc}\nstderr: ${err}")
  endif()
elseif(MODE STREQUAL "no_display" OR MODE STREQUAL "bad_display")
  if(MODE STREQUAL "no_display")
    set(envcmd "${CMAKE_COMMAND}" -E env --unset=DISPLAY)
  else()
    # A display number nothing listens on: SFML would abort() here without the check.
    set(envcmd "${CMAKE_COMMAND}" -E env DISPLAY=:97531)
  endif()
  execute_process(COMMAND ${envcmd} "${CLI}" ${SUBCOMMAND} "${RESULTS}" --out "${OUT}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 2)
    message(FATAL_ERROR "expected exit code 2 without a display, got ${rc}\nstderr: ${err}")
  endif()
  # The hint names the command as the user typed it.
  if(SUBCOMMAND)
    set(hint "xvfb-run -a tendersim chart")
  else()
    set(hint "xvfb-run -a tendersim-chart")
  endif()
  if(NOT err MATCHES "${hint}")
    message(FATAL_ERROR "expected the hint '${hint}', got stderr: ${err}")
  endif()
  if(EXISTS "${OUT}")
    message(FATAL_ERROR "${OUT} was created although nothing could be rendered")
  endif()
elseif(MODE STREQUAL "missing")
  # A copy of tendersim alone in a directory, with an empty PATH: nothing to forward to.
  set(lonely "${OUT}/bin")
  file(MAKE_DIRECTORY "${lonely}")
  file(COPY "${CLI}" DESTINATION "${lonely}")
  get_filename_component(name "${CLI}" NAME)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E env PATH=${lonely} "${lonely}/${name}" chart
                          "${RESULTS}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "tendersim chart needs tendersim-chart, built with -DTENDERSIM_BUILD_VIZ=ON")
    message(FATAL_ERROR "expected exit 2 naming tendersim-chart, got ${rc}\nstderr: ${err}")
  endif()
  file(REMOVE_RECURSE "${OUT}")
else()
  message(FATAL_ERROR "unknown MODE '${MODE}'")
endif()
message(STATUS "ok: ${MODE}")
