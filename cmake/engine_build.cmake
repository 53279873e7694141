# Writes OUTPUT, a C++ file defining tendersim::kEngineBuild (declared in sim/io/version.hpp.in):
# a SHA-256 over the model sources compiled into this build (LIST_FILE names them, one path
# relative to SOURCE_DIR a line), each file's path and bytes, and over EXTRA (compiler, flags and
# library versions). Two builds with the same kEngineBuild compute the same runs, so a sweep is
# only resumed or merged under the same one. sim/CMakeLists.txt reruns this whenever one of the
# files changes; OUTPUT is rewritten only when its text changes.
#   cmake -DSOURCE_DIR=... -DLIST_FILE=... -DOUTPUT=... [-DEXTRA=...] -P engine_build.cmake
file(STRINGS "${LIST_FILE}" files)
list(SORT files)
set(manifest "tendersim-engine-build 1\n${EXTRA}\n")
foreach(f IN LISTS files)
  file(SHA256 "${SOURCE_DIR}/${f}" h)
  string(APPEND manifest "${h}  ${f}\n")
endforeach()
string(SHA256 hash "${manifest}")
list(LENGTH files count)

set(text "// Generated at build time by cmake/engine_build.cmake; do not edit.
#include \"version.hpp\"

namespace tendersim {
// SHA-256 over ${count} model source files and the compiler settings.
const char* const kEngineBuild = \"${hash}\";
} // namespace tendersim
")
set(old "")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUTPUT}" "${text}")
endif()
