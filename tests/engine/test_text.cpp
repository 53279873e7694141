// Text helpers shared by the command-line programs: suggestions for mistyped keys, wall times.
#include "text/text.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace tendersim;

TEST_CASE("did_you_mean: a near spelling, else the only key with the same last part") {
    const std::vector<std::string> keys{"policy.rate", "market.rate", "market.regions"};
    CHECK(did_you_mean("market.regoins", keys) == " (did you mean 'market.regions'?)");
    CHECK(did_you_mean("levers.regions", keys) == " (did you mean 'market.regions'?)");
    // A last part that several candidates share is no hint.
    CHECK(did_you_mean("levers.rate", keys).empty());
    CHECK(did_you_mean("something_else", keys).empty());
}

TEST_CASE("format_seconds: at most three significant figures") {
    CHECK(format_seconds(0.558203) == "0.56 s");
    CHECK(format_seconds(12.345) == "12.3 s");
    CHECK(format_seconds(245.6) == "246 s");
}
