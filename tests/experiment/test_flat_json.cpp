#include "experiment/flat_json.hpp"
#include "io/input_file_error.hpp"
#include "io/scenario_loader.hpp"

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

TEST_CASE("flat json: what drivers send is read by the parameter's type") {
    // Python drivers send every design dimension as a float, R's jsonlite wraps scalars in
    // one-element arrays, and many drivers send 1/0 for booleans.
    const auto kv = parse_flat_json(
        R"({"market.councils": 8.0, "market.suppliers": [1200], "policy.reserve_local": 1,
            "policy.monitor_social_value": 0, "policy.price_weight": [0.7],
            "market.regions": 4e0, "policy.shared_back_office": [true]})",
        "driver");
    REQUIRE(kv.size() == 7);
    CHECK(kv[0].second == "8");
    CHECK(kv[1].second == "1200");
    CHECK(kv[2].second == "true");
    CHECK(kv[3].second == "false");
    CHECK(kv[4].second == "0.7"); // a real parameter keeps its text
    CHECK(kv[5].second == "4");
    CHECK(kv[6].second == "true");
}

TEST_CASE("flat json: a value the parameter's type cannot take says what was expected") {
    CHECK_THROWS_WITH_AS(parse_flat_json(R"({"market.councils": 8.5})", "d"),
                         doctest::Contains("key 'market.councils': expected a whole number for "
                                           "this integer parameter (8 or 8.0), got 8.5"),
                         InputFileError);
    CHECK_THROWS_WITH_AS(parse_flat_json(R"({"policy.reserve_local": 2})", "d"),
                         doctest::Contains("expected true or false (or 1 or 0)"), InputFileError);
    CHECK_THROWS_WITH_AS(parse_flat_json(R"({"policy.price_weight": []})", "d"),
                         doctest::Contains("expected one value, got an empty array"),
                         InputFileError);
    CHECK_THROWS_WITH_AS(parse_flat_json(R"({"policy.price_weight": [0.5, 0.6]})", "d"),
                         doctest::Contains("got an array of more than one"), InputFileError);
    CHECK_THROWS_WITH_AS(parse_flat_json(R"({"policy.price_weight": [[0.5]]})", "d"),
                         doctest::Contains("nested array"), InputFileError);
}

TEST_CASE("params_json_overrides: driver forms reach the scenario as their typed values") {
    tendersim::ScenarioSpec spec;
    spec.categories = tendersim::default_categories();
    std::vector<tendersim::Override> overrides;
    for (
        const auto& o : params_json_overrides(
            R"({"market.councils": 12.0, "policy.reserve_local": 1, "policy.price_weight": [0.65]})"))
        overrides.push_back({o, "--params-json"});
    tendersim::apply_overrides(spec, overrides);
    CHECK(spec.market.councils == 12);
    CHECK(spec.policy.reserve_local);
    CHECK(spec.policy.price_weight == doctest::Approx(0.65));
}
