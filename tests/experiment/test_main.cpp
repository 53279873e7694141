// doctest runner for the experiment library tests (sweeps, comparison, shard files).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
