// doctest's runner, compiled once and linked by every test executable (the implementation is the
// slowest translation unit of a test build, the more so under the sanitizers).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
