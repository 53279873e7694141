// [[framework]] and [[framework.lot]] in scenario files: every field read, inherited from a base
// or replaced, written to manifest.json and by params --toml, and each bad input located.
#include "io/input_file_error.hpp"
#include "io/manifest.hpp"
#include "io/params_docs.hpp"
#include "io/scenario_loader.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <string>

using namespace tendersim;

namespace {

std::string error_of(const std::string& text) {
    try {
        load_scenario_text(text, "s.toml");
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "no error";
}

std::filesystem::path scratch_dir(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() / ("tendersim_framework_" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

std::string write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

std::string file_error_of(const std::string& path) {
    try {
        load_scenario_file(path);
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "no error";
}

// Two frameworks, every key of the first set to a value other than its default.
const std::string kTwoFrameworks = "schema_version = 2\n"                                  // 1
                                   "[market]\n"                                            // 2
                                   "regions = 3\n"                                         // 3
                                   "[[framework]]\n"                                       // 4
                                   "name = \"ict\"\n"                                      // 5
                                   "regions = [0, 2]\n"                                    // 6
                                   "start_year = 3\n"                                      // 7
                                   "term_years = 2\n"                                      // 8
                                   "open = true\n"                                         // 9
                                   "reopen_years = 2\n"                                    // 10
                                   "dynamic = false\n"                                     // 11
                                   "fee_share = 0.015\n"                                   // 12
                                   "onboarding_cost_gbp = 2500\n"                          // 13
                                   "direct_award = true\n"                                 // 14
                                   "direct_award_max_gbp = 100000\n"                       // 15
                                   "[[framework.lot]]\n"                                   // 16
                                   "name = \"infra\"\n"                                    // 17
                                   "categories = [\"ict-infrastructure\", \"telecoms\"]\n" // 18
                                   "max_suppliers = 8\n"                                   // 19
                                   "price_weight = 0.5\n"                                  // 20
                                   "social_value_weight = 0.2\n"                           // 21
                                   "[[framework.lot]]\n"                                   // 22
                                   "name = \"software\"\n"                                 // 23
                                   "categories = [\"software-saas\"]\n"                    // 24
                                   "[[framework]]\n"                                       // 25
                                   "name = \"dps\"\n"                                      // 26
                                   "dynamic = true\n"                                      // 27
                                   "[[framework.lot]]\n"                                   // 28
                                   "name = \"care\"\n"                                     // 29
                                   "categories = [\"social-care-tech\"]\n";                // 30

// A framework "f" (lines 2-3) and a lot "a" (three lines).
const std::string kHead = "schema_version = 2\n[[framework]]\nname = \"f\"\n";
const std::string kLot = "[[framework.lot]]\nname = \"a\"\ncategories = [\"facilities\"]\n";

} // namespace

TEST_CASE("a two-lot framework and a dynamic market load with every field") {
    const ScenarioSpec spec = load_scenario_text(kTwoFrameworks, "s.toml");
    REQUIRE(spec.frameworks.size() == 2);
    const FrameworkSpec& ict = spec.frameworks[0];
    CHECK(ict.name == "ict");
    CHECK(ict.regions == std::vector<std::int64_t>{0, 2});
    CHECK(ict.start_year == 3);
    CHECK(ict.term_years == 2);
    CHECK(ict.open);
    CHECK(ict.reopen_years == 2);
    CHECK_FALSE(ict.dynamic);
    CHECK(ict.fee_share == 0.015);
    CHECK(ict.onboarding_cost_gbp == 2500);
    CHECK(ict.direct_award);
    CHECK(ict.direct_award_max_gbp == 100000);
    REQUIRE(ict.lots.size() == 2);
    CHECK(ict.lots[0].name == "infra");
    CHECK(ict.lots[0].categories == std::vector<std::string>{"ict-infrastructure", "telecoms"});
    CHECK(ict.lots[0].max_suppliers == 8);
    CHECK(ict.lots[0].price_weight == 0.5);
    CHECK(ict.lots[0].social_value_weight == 0.2);
    // Keys left out take FrameworkLotSpec's defaults.
    const FrameworkLotSpec lot_defaults;
    CHECK(ict.lots[1].name == "software");
    CHECK(ict.lots[1].categories == std::vector<std::string>{"software-saas"});
    CHECK(ict.lots[1].max_suppliers == lot_defaults.max_suppliers);
    CHECK(ict.lots[1].price_weight == lot_defaults.price_weight);
    const FrameworkSpec& dps = spec.frameworks[1];
    const FrameworkSpec defaults;
    CHECK(dps.name == "dps");
    CHECK(dps.dynamic);
    CHECK(dps.regions.empty()); // national
    CHECK(dps.term_years == defaults.term_years);
    CHECK(dps.fee_share == defaults.fee_share);
    REQUIRE(dps.lots.size() == 1);
    CHECK(dps.lots[0].categories == std::vector<std::string>{"social-care-tech"});
    // A scenario without [[framework]] has none.
    CHECK(load_scenario_text("schema_version = 2\n", "s.toml").frameworks.empty());
}

TEST_CASE("[[framework]] is inherited from a base, or replaces the base's list whole") {
    const auto dir = scratch_dir("inherit");
    write(dir / "base.toml", kTwoFrameworks);
    const ScenarioSpec inherited =
        load_scenario_file(write(dir / "top.toml", "schema_version = 2\nbase = \"base.toml\"\n"));
    REQUIRE(inherited.frameworks.size() == 2);
    CHECK(inherited.frameworks[0].name == "ict");
    CHECK(inherited.frameworks[1].name == "dps");
    const ScenarioSpec replaced = load_scenario_file(
        write(dir / "own.toml", "schema_version = 2\nbase = \"base.toml\"\n[[framework]]\n"
                                "name = \"own\"\n" +
                                    kLot));
    REQUIRE(replaced.frameworks.size() == 1);
    CHECK(replaced.frameworks[0].name == "own");
    CHECK(replaced.frameworks[0].lots[0].categories == std::vector<std::string>{"facilities"});
    // The base's lots name default categories; a file that replaces the categories without one of
    // them is told so at its own [[category]].
    const std::string cats =
        write(dir / "cats.toml", "schema_version = 2\nbase = \"base.toml\"\n"
                                 "[[category]]\nname = \"ict-infrastructure\"\n"
                                 "[[category]]\nname = \"software-saas\"\n");
    CHECK(file_error_of(cats) ==
          cats + ":3: key 'category': expected a [[category]] named \"telecoms\" (lot \"infra\" of "
                 "framework \"ict\" covers it), got ict-infrastructure, software-saas");
    // Lowering market.regions below a region an inherited framework covers: that file's line.
    const std::string small = write(dir / "small.toml", "schema_version = 2\nbase = \"base.toml\"\n"
                                                        "[market]\nregions = 2\n");
    CHECK(file_error_of(small) == small + ":4: key 'market.regions': expected more than 2 "
                                          "(framework \"ict\" covers region 2), got 2");
}

TEST_CASE("a lot's categories must be the scenario's, each in one lot of a framework") {
    CHECK(error_of(kHead + "[[framework.lot]]\nname = \"a\"\ncategories = [\"telecom\"]\n") ==
          "s.toml:6: key 'framework.lot.categories': expected names of the scenario's categories "
          "(ict-infrastructure, software-saas, digital-services, back-office, facilities, "
          "social-care-tech, telecoms, consultancy) in lot \"a\" of framework \"f\", got "
          "\"telecom\" (did you mean 'telecoms'?)");
    // Checked against the file's own categories, which are read whatever their place in it.
    CHECK(error_of(kHead + kLot + "[[category]]\nname = \"care\"\n") ==
          "s.toml:6: key 'framework.lot.categories': expected names of the scenario's categories "
          "(care) in lot \"a\" of framework \"f\", got \"facilities\"");
    CHECK_NOTHROW(load_scenario_text(kHead + kLot + "[[category]]\nname = \"facilities\"\n", "s"));
    // The third lot in the file (the second framework's second): its own line.
    CHECK(error_of(kHead + kLot + "[[framework]]\nname = \"g\"\n" + kLot +
                   "[[framework.lot]]\nname = \"b\"\ncategories = [\"nope\"]\n")
              .starts_with("s.toml:14: key 'framework.lot.categories': expected names of the "
                           "scenario's categories"));
    CHECK(error_of(kHead + kLot +
                   "[[framework.lot]]\nname = \"b\"\ncategories = [\"telecoms\", "
                   "\"facilities\"]\n") ==
          "s.toml:9: key 'framework.lot.categories': expected each category in at most one lot of "
          "framework \"f\", got \"facilities\" in lot \"a\" and lot \"b\"");
    CHECK(error_of(kHead + "[[framework.lot]]\nname = \"a\"\ncategories = []\n") ==
          "s.toml:6: key 'framework.lot.categories': expected a non-empty list of category names, "
          "got an array");
    CHECK(error_of(kHead + "[[framework.lot]]\nname = \"a\"\n") ==
          "s.toml:4: key 'framework.lot.categories': expected a non-empty list of category names "
          "in lot \"a\" of framework \"f\", got none");
    // Two frameworks may both cover a category.
    CHECK_NOTHROW(load_scenario_text(kHead + kLot + "[[framework]]\nname = \"g\"\n" + kLot, "s"));
}

TEST_CASE("framework and lot names are required and unique") {
    CHECK(error_of("schema_version = 2\n[[framework]]\nterm_years = 3\n" + kLot) ==
          "s.toml:2: key 'framework.name': expected every [[framework]] to have a string name");
    CHECK(error_of("schema_version = 2\n[[framework]]\nname = 3\n" + kLot) ==
          "s.toml:3: key 'framework.name': expected every [[framework]] to have a string name, "
          "got the integer 3");
    CHECK(error_of(kHead + "[[framework.lot]]\ncategories = [\"facilities\"]\n") ==
          "s.toml:4: key 'framework.lot.name': expected every [[framework.lot]] to have a string "
          "name");
    CHECK(error_of(kHead + kLot + kLot) ==
          "s.toml:8: key 'framework.lot.name': expected a non-empty name no other lot of "
          "framework \"f\" has, got \"a\"");
    CHECK(error_of(kHead + kLot + "[[framework]]\nname = \"f\"\n" + kLot) ==
          "s.toml:8: key 'framework.name': expected a non-empty name no other [[framework]] has, "
          "got \"f\"");
    CHECK(error_of(kHead) ==
          "s.toml:2: key 'framework.lot': expected at least one [[framework.lot]] in framework "
          "\"f\"");
}

TEST_CASE("framework values out of range name the key and what was expected") {
    CHECK(error_of(kHead + "term_years = 5\n" + kLot) ==
          "s.toml:4: key 'framework.term_years': expected an integer from 1 to 4 (PA2023 s47: a "
          "framework runs at most 4 years), got the integer 5");
    CHECK(error_of(kHead + "start_year = 0\n" + kLot) ==
          "s.toml:4: key 'framework.start_year': expected an integer from 1 to 200, got the "
          "integer 0");
    CHECK(error_of(kHead + "fee_share = 0.2\n" + kLot) ==
          "s.toml:4: key 'framework.fee_share': expected a number from 0 to 0.1 (share of "
          "call-off value), got the number 0.2");
    CHECK(error_of(kHead + "onboarding_cost_gbp = inf\n" + kLot)
              .starts_with("s.toml:4: key 'framework.onboarding_cost_gbp': expected a number from "
                           "0 to 10000000 (GBP), got the number "));
    CHECK(error_of(kHead + "direct_award_max_gbp = -1\n" + kLot) ==
          "s.toml:4: key 'framework.direct_award_max_gbp': expected a number from 0 to "
          "1000000000000 (GBP; 0: any value), got the integer -1");
    CHECK(error_of(kHead + "open = \"yes\"\n" + kLot) ==
          "s.toml:4: key 'framework.open': expected true or false, got a string \"yes\"");
    CHECK(error_of(kHead + kLot + "max_suppliers = -1\n") ==
          "s.toml:7: key 'framework.lot.max_suppliers': expected an integer of at least 0 (0: "
          "every qualified applicant), got the integer -1");
    CHECK(error_of(kHead + kLot + "social_value_weight = 0.7\n") ==
          "s.toml:7: key 'framework.lot.social_value_weight': expected a number from 0 to 0.6 "
          "(weight), got the number 0.7");
    CHECK(error_of(kHead + "regions = [0, \"north\"]\n" + kLot) ==
          "s.toml:4: key 'framework.regions': expected region numbers, got a string \"north\"");
    CHECK(error_of(kHead + "regions = [1, 1]\n" + kLot) ==
          "s.toml:4: key 'framework.regions': expected each region once in framework \"f\", got 1 "
          "twice");
    CHECK(error_of("schema_version = 2\nframework = 3\n") ==
          "s.toml:2: key 'framework': expected an array of tables ([[framework]]), got the "
          "integer 3");
    CHECK(error_of(kHead + "lot = { name = \"a\" }\n") ==
          "s.toml:4: key 'framework.lot': expected an array of tables ([[framework.lot]]), got a "
          "table");
}

TEST_CASE("lot weights read as the policy's: social value first, price its share of the rest") {
    // price_weight is price's share of price + quality, as policy.price_weight; so 0.6 and 0.6
    // (the DSP specialists lot) is valid: price 24%, quality 16%, social value 60%.
    const auto spec =
        load_scenario_text(kHead + kLot + "price_weight = 0.6\nsocial_value_weight = 0.6\n", "s");
    REQUIRE(spec.frameworks.size() == 1);
    CHECK(spec.frameworks[0].lots[0].social_value_weight == 0.6);
    CHECK(error_of(kHead + kLot + "social_value_weight = 0.7\n")
              .find("framework.lot.social_value_weight") != std::string::npos);
}

TEST_CASE("contradictory framework settings are errors") {
    CHECK(error_of(kHead + "dynamic = true\ndirect_award = true\n" + kLot) ==
          "s.toml:5: key 'framework.direct_award': expected direct_award = false in framework "
          "\"f\", a dynamic market (dynamic = true): dynamic markets award by competition");
    CHECK(error_of(kHead + "reopen_years = 2\n" + kLot) ==
          "s.toml:4: key 'framework.reopen_years': reopen_years applies to an open framework; "
          "framework \"f\" has open = false");
    CHECK(error_of(kHead + "open = false\nreopen_years = 2\n" + kLot)
              .starts_with("s.toml:5: key 'framework.reopen_years': reopen_years applies to an "
                           "open framework"));
    // A dynamic market's term is ignored, not an error; dynamic with direct_award = false is fine.
    CHECK_NOTHROW(load_scenario_text(
        kHead + "dynamic = true\nterm_years = 4\ndirect_award = false\n" + kLot, "s"));
}

TEST_CASE("unknown framework and lot keys list the keys expected") {
    CHECK(error_of(kHead + "term_year = 3\n" + kLot) ==
          "s.toml:4: key 'framework.term_year': unknown key; expected name, regions, start_year, "
          "term_years, open, reopen_years, dynamic, fee_share, onboarding_cost_gbp, direct_award, "
          "direct_award_max_gbp, partnership or [[framework.lot]] (did you mean 'term_years'?)");
    CHECK(error_of(kHead + kLot + "price_weigth = 0.5\n") ==
          "s.toml:7: key 'framework.lot.price_weigth': unknown key; expected name, categories, "
          "max_suppliers, price_weight or social_value_weight (did you mean 'price_weight'?)");
}

TEST_CASE("a framework region the market lacks is an error, also after --set") {
    const std::string two_regions = "schema_version = 2\n[market]\nregions = 2\n[[framework]]\n"
                                    "name = \"f\"\nregions = [1, 2]\n" +
                                    kLot;
    CHECK(error_of(two_regions) ==
          "s.toml:6: key 'framework.regions': expected region numbers from 0 to 1 "
          "(market.regions = 2) in framework \"f\", got 2");
    ScenarioSpec spec = load_scenario_text(kHead + "regions = [1]\n" + kLot, "s.toml");
    try {
        apply_override(spec, "market.regions=1");
        FAIL("expected an error");
    } catch (const ScenarioError& e) {
        CHECK(std::string(e.what()) == "--set market.regions=1: key 'market.regions': expected "
                                       "more than 1 (framework \"f\" covers region 1), got 1");
    }
}

TEST_CASE("manifest.json lists every framework with every field and lot") {
    ScenarioSpec spec;
    spec.categories = default_categories();
    const ManifestInfo info;
    CHECK(manifest_json(spec, info).ends_with("  ],\n  \"frameworks\": []\n}\n"));
    spec = load_scenario_text(kTwoFrameworks, "s.toml");
    CHECK(
        manifest_json(spec, info)
            .ends_with(
                "  ],\n  \"frameworks\": [\n    {\"name\": \"ict\", \"regions\": [0, 2], "
                "\"start_year\": 3, \"term_years\": 2, \"open\": true, \"reopen_years\": 2, "
                "\"dynamic\": false, \"fee_share\": 0.015, \"onboarding_cost_gbp\": 2500, "
                "\"direct_award\": true, \"direct_award_max_gbp\": 100000, \"partnership\": false, "
                "\"lots\": [{\"name\": "
                "\"infra\", \"categories\": [\"ict-infrastructure\", \"telecoms\"], "
                "\"max_suppliers\": 8, \"price_weight\": 0.5, \"social_value_weight\": 0.2}, "
                "{\"name\": \"software\", \"categories\": [\"software-saas\"], "
                "\"max_suppliers\": 0, \"price_weight\": 0.6, \"social_value_weight\": 0}]},\n"
                "    {\"name\": \"dps\", \"regions\": [], \"start_year\": 1, \"term_years\": 4, "
                "\"open\": false, \"reopen_years\": 1, \"dynamic\": true, \"fee_share\": 0.007, "
                "\"onboarding_cost_gbp\": 5800, \"direct_award\": false, "
                "\"direct_award_max_gbp\": 0, \"partnership\": false, \"lots\": [{\"name\": "
                "\"care\", \"categories\": "
                "[\"social-care-tech\"], \"max_suppliers\": 0, \"price_weight\": 0.6, "
                "\"social_value_weight\": 0}]}\n  ]\n}\n"));
}

TEST_CASE("params --toml writes the frameworks, and the file reads back the same") {
    const ScenarioSpec spec = load_scenario_text(kTwoFrameworks, "s.toml");
    const std::string resolved = scenario_toml(spec, "# resolved");
    CHECK(resolved.find("[[framework]]\nname = \"ict\"\nregions = [0, 2]\n") != std::string::npos);
    const ScenarioSpec again = load_scenario_text(resolved, "resolved.toml");
    REQUIRE(again.frameworks.size() == spec.frameworks.size());
    for (std::size_t f = 0; f < spec.frameworks.size(); ++f)
        CHECK(framework_json(again.frameworks[f]) == framework_json(spec.frameworks[f]));
    CHECK(scenario_toml(again, "# resolved") == resolved);
    // A scenario without frameworks writes no [[framework]] (its resolved file is unchanged).
    ScenarioSpec none;
    none.categories = default_categories();
    CHECK(scenario_toml(none, "#").find("\n[[framework]]") == std::string::npos);
}

TEST_CASE("the [[framework]] example in the parameter reference loads") {
    const std::string doc = parameter_reference_markdown();
    const auto section = doc.find("## Frameworks and dynamic markets (`[[framework]]`)");
    REQUIRE(section != std::string::npos);
    const auto start = doc.find("```toml\n", section);
    REQUIRE(start != std::string::npos);
    const auto end = doc.find("```", start + 8);
    REQUIRE(end != std::string::npos);
    const std::string example = doc.substr(start + 8, end - start - 8);
    const ScenarioSpec spec = load_scenario_text("schema_version = 2\n" + example, "example");
    REQUIRE(spec.frameworks.size() == 2);
    CHECK(spec.frameworks[0].lots.size() == 2);
    CHECK(spec.frameworks[0].regions.empty());
    CHECK(spec.frameworks[1].dynamic);
}

TEST_CASE("a partnership's framework takes no regions, and reads back from params --toml") {
    const std::string text = "schema_version = 2\n[[framework]]\nname = \"c\"\npartnership = "
                             "true\n[[framework.lot]]\nname = \"a\"\ncategories = "
                             "[\"back-office\"]\n";
    const auto spec = load_scenario_text(text, "s.toml");
    REQUIRE(spec.frameworks.size() == 1);
    CHECK(spec.frameworks[0].partnership);
    CHECK(load_scenario_text(scenario_toml(spec, "#"), "t.toml").frameworks[0].partnership);
    const std::string with_regions =
        "schema_version = 2\n[[framework]]\nname = \"c\"\npartnership = true\nregions = "
        "[1]\n[[framework.lot]]\nname = \"a\"\ncategories = [\"back-office\"]\n";
    CHECK(error_of(with_regions)
              .starts_with("s.toml:5: key 'framework.regions': expected no "
                           "regions in framework \"c\", a partnership's"));
}
