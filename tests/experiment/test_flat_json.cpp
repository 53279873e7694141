#include "experiment/flat_json.hpp"
#include "io/input_file_error.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace tendersim::experiment;
using tendersim::InputFileError;

TEST_CASE("flat json: numbers, strings and booleans become TOML text in order") {
    const auto kv = parse_flat_json(
        R"({ "policy.price_weight": 0.5, "market.suppliers": 1200, "x": -1.5e-3,
             "evaluation.abnormally_low_action": "reject", "policy.reserve_local": true,
             "q": "a \"quoted\" \\ word\n", "u": "\u00e9" })",
        "inline");
    REQUIRE(kv.size() == 7);
    CHECK(kv[0] == std::pair<std::string, std::string>{"policy.price_weight", "0.5"});
    CHECK(kv[1].second == "1200");
    CHECK(kv[2].second == "-1.5e-3");
    CHECK(kv[3].second == "\"reject\"");
    CHECK(kv[4].second == "true");
    CHECK(kv[5].second == R"("a \"quoted\" \\ word\n")");
    CHECK(kv[6].second == "\"\xc3\xa9\"");
    CHECK(parse_flat_json("{}", "x").empty());
}

TEST_CASE("flat json: nested values, null, duplicates and junk are errors with a line") {
    CHECK_THROWS_WITH_AS(parse_flat_json("{\"a\": {\"b\": 1}}", "p.json"),
                         doctest::Contains("p.json:1: key 'a': expected a number, string or "
                                           "true/false (the object must be flat)"),
                         InputFileError);
    CHECK_THROWS_WITH_AS(parse_flat_json("{\n\"a\": 1,\n\"b\": null}", "p.json"),
                         doctest::Contains("p.json:3: key 'b'"), InputFileError);
    CHECK_THROWS_AS(parse_flat_json("{\"a\": [1, 2]}", "p"), InputFileError);
    CHECK_THROWS_AS(parse_flat_json("{\"a\": 1, \"a\": 2}", "p"), InputFileError);
    CHECK_THROWS_AS(parse_flat_json("{\"a\": 01}", "p"), InputFileError);
    CHECK_THROWS_AS(parse_flat_json("{\"a\": 1} extra", "p"), InputFileError);
    CHECK_THROWS_AS(parse_flat_json("[1]", "p"), InputFileError);
    CHECK_THROWS_AS(parse_flat_json("{\"a\": 1", "p"), InputFileError);
}

TEST_CASE("params_json_overrides: inline object or file") {
    CHECK(params_json_overrides(R"( {"policy.price_weight": 0.4} )") ==
          std::vector<std::string>{"policy.price_weight=0.4"});
    CHECK_THROWS_WITH_AS(
        params_json_overrides("/no/such/params.json"),
        doctest::Contains("/no/such/params.json: the --params-json file not found"),
        InputFileError);
}
