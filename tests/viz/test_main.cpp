// doctest's main for the display-free chart tests (one test case = one ctest test).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
