# Writes OUTPUT, a C++ file defining tendersim::kGitCommit (declared in sim/io/version.hpp.in),
# with the commit checked out in SOURCE_DIR: "unknown" without git or when SOURCE_DIR is not a
# git checkout (a source tarball). sim/CMakeLists.txt runs it at every build, so a binary always
# reports the commit it was built from; the file is rewritten only when its text changes, so an
# unchanged commit recompiles and relinks nothing.
#   cmake -DSOURCE_DIR=... -DOUTPUT=... [-DGIT_EXECUTABLE=...] -P git_commit.cmake
set(commit "unknown")
if(NOT GIT_EXECUTABLE)
  find_program(GIT_EXECUTABLE git)
endif()
# Only SOURCE_DIR's own .git (a directory, or a file in a worktree): a tarball unpacked inside
# some other repository must not report that repository's commit.
if(GIT_EXECUTABLE AND EXISTS "${SOURCE_DIR}/.git")
  execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --short=12 HEAD
                  WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(rc EQUAL 0 AND out MATCHES "^[0-9a-f]+$")
    set(commit "${out}")
  endif()
endif()

set(text "// Generated at build time by cmake/git_commit.cmake; do not edit.
#include \"version.hpp\"

namespace tendersim {
const char* const kGitCommit = \"${commit}\";
} // namespace tendersim
")
set(old "")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUTPUT}" "${text}")
endif()
