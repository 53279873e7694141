#include "core/metrics.hpp"
#include "core/params.hpp"
#include "io/input_file_error.hpp"
#include "io/manifest.hpp"
#include "io/params_docs.hpp"
#include "io/scenario_loader.hpp"
#include "io/sha256.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>
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

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream b;
    b << in.rdbuf();
    return b.str();
}

// A fresh directory for scenario files that name each other with `base`.
std::filesystem::path scratch_dir(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() / ("tendersim_loader_" + name);
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

} // namespace

TEST_CASE("a minimal scenario loads with documented defaults") {
    const auto spec = load_scenario_text(
        "schema_version = 1\nname = \"x\"\n[policy]\nprice_weight = 0.8\n", "s.toml");
    CHECK(spec.name == "x");
    CHECK(spec.policy.price_weight == 0.8);
    CHECK(spec.categories.size() == 8);
    CHECK(spec.market.councils == ScenarioSpec{}.market.councils);
}

TEST_CASE("bad input names the file, line, key and what was expected") {
    CHECK(error_of("schema_version = 1\n[market]\ncouncils = 40\ncouncilz = 3\n") ==
          "s.toml:4: key 'market.councilz': unknown key (did you mean 'market.councils'?)");
    CHECK(error_of("schema_version = 1\n[market]\ncouncils = \"many\"\n") ==
          "s.toml:3: key 'market.councils': expected an integer from 1 to 1000000, got a string "
          "\"many\"");
    CHECK(error_of("schema_version = 1\n\n[policy]\nprice_weight = 1.5\n") ==
          "s.toml:4: key 'policy.price_weight': expected a number from 0 to 1 (weight), got "
          "the number 1.5");
    CHECK(error_of("schema_version = 1\n[evaluation]\nabnormally_low_action = \"ignore\"\n") ==
          "s.toml:3: key 'evaluation.abnormally_low_action': expected one of "
          "off|reject|investigate, got a string \"ignore\"");
    CHECK(error_of("schema_version = 7\n") == "s.toml:1: key 'schema_version': expected 1 to 2 "
                                              "(the versions this tendersim reads), got the "
                                              "integer 7: the file is for a newer tendersim");
    CHECK(error_of("schema_version = \"1\"\n") == "s.toml:1: key 'schema_version': expected 1 to 2 "
                                                  "(the versions this tendersim reads), got a "
                                                  "string \"1\"");
    CHECK(error_of("schema_version = 1\n[market\n").rfind("s.toml:2: TOML syntax error", 0) == 0);
    CHECK(error_of("schema_version = 1\n[[category]]\nname = \"a\"\nspend_shar = 1\n") ==
          std::string(
              "s.toml:4: key 'category.spend_shar': unknown key (did you mean 'spend_share'?)"));
    CHECK(error_of("schema_version = 1\n[[adopt]]\nyear = 3\nscope = "
                   "\"everywhere\"\n[adopt.policy]\nsocial_value_weight = 0.2\n") ==
          "s.toml:4: key 'adopt.scope': expected one of all|region|councils, got a string "
          "\"everywhere\"");
    CHECK(error_of("schema_version = 1\n[[adopt]]\nyear = 3\n[adopt.policy]\nsocial_value_weigth = "
                   "0.2\n") == "s.toml:5: key 'adopt.policy.social_value_weigth': unknown policy "
                               "key (did you mean 'policy.social_value_weight'?)");
    CHECK(error_of("schema_version = 1\n[[adopt]]\nyear = 3\n[adopt.policy]\nsocial_value_weight = "
                   "0.9\n") == "s.toml:5: key 'adopt.policy.social_value_weight': expected a "
                               "number from 0 to 0.6 (weight), got the number 0.9");
}

TEST_CASE("cross-field errors name the line of the key that set them") {
    CHECK(error_of("schema_version = 1\n[[category]]\nname = \"a\"\nduration_min_years = 6\n"
                   "duration_max_years = 3\n") ==
          "s.toml:4: key 'category.duration_min_years': expected duration_min_years <= "
          "duration_max_years (3) in category \"a\", got 6");
    // Only the maximum is set (below the default minimum of 2): its line is named.
    CHECK(error_of("schema_version = 1\n[[category]]\nname = \"a\"\n[[category]]\nname = "
                   "\"b\"\nduration_max_years = 1\n") ==
          "s.toml:6: key 'category.duration_max_years': expected duration_max_years >= "
          "duration_min_years (2) in category \"b\", got 1");
    CHECK(error_of("schema_version = 1\n[[category]]\nname = \"a\"\nspend_share = 0\n[[category]]\n"
                   "name = \"b\"\nspend_share = 0\n") ==
          "s.toml:4: key 'category.spend_share': expected spend shares adding up to more than 0, "
          "got 0 (every [[category]] has spend_share = 0)");
    CHECK(
        error_of("schema_version = 1\n\n[suppliers]\nmarkup_max = 0.4\nmarkup_min = 0.45\n") ==
        "s.toml:5: key 'suppliers.markup_min': expected markup_min <= markup_max (0.4), got 0.45");
    std::string many = "schema_version = 1\n";
    for (std::size_t c = 0; c <= kMaxCategories; ++c)
        many += "[[category]]\nname = \"c" + std::to_string(c) + "\"\n"; // line 2 + 2c
    CHECK(error_of(many) ==
          "s.toml:" + std::to_string(2 + 2 * kMaxCategories) +
              ": key 'category': expected at most 32 [[category]] tables, got 33");
}

TEST_CASE("an adoption after the last simulated year is an error, not silently ignored") {
    const std::string adopt_in_5 =
        "[[adopt]]\nyear = 5\nscope = \"all\"\n[adopt.policy]\nsocial_value_weight = 0.2\n";
    CHECK(error_of("schema_version = 1\n[run]\nyears = 4\n" + adopt_in_5) ==
          "s.toml:5: key 'adopt.year': expected a year from 1 to run.years (4), got 5");
    CHECK_NOTHROW(load_scenario_text("schema_version = 1\n[run]\nyears = 5\n" + adopt_in_5, "s"));
    // Shortened on the command line: named as the option, without a line.
    ScenarioSpec spec = load_scenario_text("schema_version = 1\n" + adopt_in_5, "s.toml");
    try {
        apply_override(spec, "run.years=3", "--years 3");
        FAIL("expected an error");
    } catch (const ScenarioError& e) {
        CHECK(std::string(e.what()) ==
              "--years 3: key 'run.years': expected at least the year of every [[adopt]] (5), got "
              "3");
    }
    // Shortened by a scenario built on the adopting one: the line of its run.years.
    const auto dir = scratch_dir("adopt_years");
    write(dir / "policy.toml", "schema_version = 1\n" + adopt_in_5);
    const std::string short_run = write(
        dir / "short.toml", "schema_version = 1\nbase = \"policy.toml\"\n\n[run]\nyears = 4\n");
    CHECK(file_error_of(short_run) == short_run +
                                          ":5: key 'run.years': expected at least the year of "
                                          "every [[adopt]] (5), got 4");
}

TEST_CASE("a cross-field error made by a file built on a base names that file's line") {
    const auto dir = scratch_dir("base_lines");
    write(dir / "base.toml", "schema_version = 1\n[suppliers]\nmarkup_min = 0.3\n");
    const std::string top = write(dir / "top.toml", "schema_version = 1\nbase = \"base.toml\"\n"
                                                    "# a comment\n[suppliers]\nmarkup_max = 0.2\n");
    CHECK(file_error_of(top) == top + ":5: key 'suppliers.markup_max': expected markup_max >= "
                                      "markup_min (0.3), got 0.2");
}

TEST_CASE("a scenario records every file it was built from, top file first") {
    const auto dir = scratch_dir("sources");
    const std::string deep = "schema_version = 1\nname = \"deep\"\n[market]\ncouncils = 12\n";
    const std::string mid = "schema_version = 1\nbase = \"deep.toml\"\nname = \"mid\"\n";
    const std::string top = "schema_version = 1\nbase = \"mid.toml\"\nname = \"top\"\n";
    write(dir / "deep.toml", deep);
    write(dir / "mid.toml", mid);
    const std::string top_path = write(dir / "top.toml", top);
    const ScenarioSpec spec = load_scenario_file(top_path);
    CHECK(spec.market.councils == 12);
    REQUIRE(spec.sources.size() == 3);
    CHECK(spec.sources[0].path == top_path);
    CHECK(spec.sources[0].sha256 == sha256_hex(top));
    CHECK(spec.sources[1].path == (dir / "mid.toml").string());
    CHECK(spec.sources[1].sha256 == sha256_hex(mid));
    CHECK(spec.sources[2].path == (dir / "deep.toml").string());
    CHECK(spec.sources[2].sha256 == sha256_hex(deep));

    // manifest.json lists the chain.
    ManifestInfo info;
    info.scenario_path = top_path;
    info.scenario_sha256 = spec.sources[0].sha256;
    CHECK(manifest_json(spec, info)
              .find("\"scenario_sources\": [\n    {\"path\": " + json_string(top_path) +
                    ", \"sha256\": \"" + sha256_hex(top) + "\"},\n    {\"path\": " +
                    json_string((dir / "mid.toml").string())) != std::string::npos);
}

TEST_CASE("manifest.json lists every [[adopt]] entry with the policy values it sets") {
    ScenarioSpec spec;
    spec.categories = default_categories();
    const ManifestInfo info;
    CHECK(manifest_json(spec, info).find("\"adoptions\": [],") != std::string::npos);
    // Policy values in the order toml++ keeps a table's keys: sorted.
    spec.adoptions =
        load_scenario_text("schema_version = 1\n[[adopt]]\nyear = 3\nscope = \"councils\"\n"
                           "councils = [0, 2]\n[adopt.policy]\nsocial_value_weight = 0.2\n"
                           "monitor_social_value = true\n[[adopt]]\nyear = 4\nscope = \"region\"\n"
                           "region = 1\n[adopt.policy]\nlot_threshold_gbp = 250000\n[[adopt]]\n"
                           "year = 6\n[adopt.policy]\nprice_weight = 0.5\n",
                           "a.toml")
            .adoptions;
    CHECK(manifest_json(spec, info)
              .find("\"adoptions\": [\n    {\"year\": 3, \"scope\": \"councils\", \"councils\": "
                    "[0, 2], \"policy\": {\"monitor_social_value\": true, "
                    "\"social_value_weight\": 0.2}},\n    {\"year\": 4, \"scope\": \"region\", "
                    "\"region\": 1, \"policy\": {\"lot_threshold_gbp\": 250000}},\n    {\"year\": "
                    "6, \"scope\": \"all\", \"policy\": {\"price_weight\": 0.5}}\n  ],") !=
          std::string::npos);
}

TEST_CASE("a missing file is a clear error") {
    try {
        load_scenario_file("/nonexistent/scenario.toml");
        FAIL("expected an error");
    } catch (const InputFileError& e) { // unreadable input files: io/input_file_error.hpp
        CHECK(std::string(e.what()) == "/nonexistent/scenario.toml: scenario file not found "
                                       "(resolved to /nonexistent/scenario.toml)");
    }
}

TEST_CASE("overrides use the same validation as files") {
    ScenarioSpec spec;
    spec.categories = default_categories();
    apply_override(spec, "policy.price_weight=0.9");
    CHECK(spec.policy.price_weight == 0.9);
    apply_override(spec, "evaluation.abnormally_low_action=reject");
    CHECK(spec.evaluation.abnormally_low_action == AbnormallyLowAction::Reject);
    CHECK_THROWS_AS(apply_override(spec, "policy.price_weight=2"), ScenarioError);
    CHECK_THROWS_AS(apply_override(spec, "nope.key=1"), ScenarioError);
}

TEST_CASE("docs/parameters.md is exactly what the registry generates") {
    // Regenerate with: build/sim/cli/tendersim params > docs/parameters.md
    CHECK(read(TENDERSIM_SOURCE_DIR "/docs/parameters.md") == parameter_reference_markdown());
}

TEST_CASE("every parameter is documented in the registry and in scenarios/baseline.toml") {
    const std::string baseline = read(TENDERSIM_SOURCE_DIR "/scenarios/baseline.toml");
    REQUIRE(!baseline.empty());
    for (const auto& def : scenario_params()) {
        CAPTURE(def.key);
        CHECK(!def.meaning.empty());
        CHECK(!def.unit.empty());
        CHECK(!def.origin.source.empty());
        const std::string leaf(def.key.substr(def.key.find('.') + 1));
        const auto at = baseline.find("\n" + leaf + " = ");
        REQUIRE(at != std::string::npos);
        // the line before the value is its documentation comment
        const auto line_start = baseline.rfind('\n', at - 1);
        CHECK(baseline[line_start + 1] == '#');
    }
    for (const auto& def : category_params()) {
        CAPTURE(def.key);
        CHECK(!def.meaning.empty());
        CHECK(baseline.find("\n" + std::string(def.key) + " = ") != std::string::npos);
    }
    // and the baseline file itself is valid
    CHECK_NOTHROW(load_scenario_file(TENDERSIM_SOURCE_DIR "/scenarios/baseline.toml"));
}

TEST_CASE("every metric the engine writes is defined in docs/metrics.md") {
    const std::string doc = read(TENDERSIM_SOURCE_DIR "/docs/metrics.md");
    ScenarioSpec spec;
    spec.categories = default_categories();
    YearMetrics y;
    y.by_category.resize(spec.categories.size());
    for (const auto& [name, value] : metric_rows(y, spec)) {
        CAPTURE(name);
        const auto dot = name.find('.');
        // per-category metrics are documented once as `name.<category>`
        const std::string documented = dot == std::string::npos
                                           ? "`" + name + "`"
                                           : "`" + name.substr(0, dot) + ".<category>`";
        CHECK(doc.find(documented) != std::string::npos);
    }
}

// Issue 19, item 5: wrong results that were accepted silently.

TEST_CASE("contradictory [[adopt]] forms are errors, located") {
    const std::string head = "schema_version = 1\n[[adopt]]\nyear = 3\n";
    const std::string policy = "[adopt.policy]\nsocial_value_weight = 0.2\n";
    // region without scope: the scope defaults to all and the region would be ignored.
    CHECK(error_of(head + "region = 2\n" + policy) ==
          "s.toml:4: key 'adopt.region': expected region only with scope = \"region\", got no "
          "scope (all)");
    CHECK(error_of(head + "scope = \"all\"\nregion = 1\n" + policy) ==
          "s.toml:5: key 'adopt.region': expected region only with scope = \"region\", got a "
          "string \"all\"");
    CHECK(error_of(head + "scope = \"region\"\n" + policy) ==
          "s.toml:4: key 'adopt.region': missing; scope = \"region\" needs region = N");
    CHECK(error_of(head + "scope = \"region\"\nregion = 1\ncouncils = [1, 2]\n" + policy) ==
          "s.toml:6: key 'adopt.councils': expected councils only with scope = \"councils\", got "
          "a string \"region\"");
    CHECK(error_of(head + "councils = [1]\n" + policy) ==
          "s.toml:4: key 'adopt.councils': expected councils only with scope = \"councils\", got "
          "no scope (all)");
    // The same key twice in a year for the same councils.
    CHECK(error_of(head + policy + "[[adopt]]\nyear = 3\n" + policy) ==
          "s.toml:9: key 'adopt.policy.social_value_weight': expected each policy key at most "
          "once a year for the same councils; another [[adopt]] entry already sets "
          "policy.social_value_weight in year 3 for councils this one covers");
    CHECK(error_of(head + "scope = \"region\"\nregion = 1\n" + policy +
                   "[[adopt]]\nyear = 3\nscope = \"region\"\nregion = 1\n" + policy)
              .find("s.toml:13: key 'adopt.policy.social_value_weight': expected each policy key "
                    "at most once a year") != std::string::npos);
    // Different years, disjoint regions or council lists, or different keys are fine.
    CHECK_NOTHROW(load_scenario_text(head + policy + "[[adopt]]\nyear = 4\n" + policy, "s"));
    CHECK_NOTHROW(load_scenario_text(head + "scope = \"region\"\nregion = 0\n" + policy +
                                         "[[adopt]]\nyear = 3\nscope = \"region\"\nregion = 1\n" +
                                         policy,
                                     "s"));
    CHECK_NOTHROW(load_scenario_text(head + "scope = \"councils\"\ncouncils = [0, 1]\n" + policy +
                                         "[[adopt]]\nyear = 3\nscope = \"councils\"\ncouncils = "
                                         "[2]\n" +
                                         policy,
                                     "s"));
    CHECK_NOTHROW(load_scenario_text(
        head + policy + "[[adopt]]\nyear = 3\n[adopt.policy]\nprice_weight = 0.5\n", "s"));
    // Across a base chain too: the second file's entry is named.
    const auto dir = scratch_dir("adopt_twice");
    write(dir / "base.toml", head + policy);
    const auto top = write(dir / "top.toml", "schema_version = 1\nbase = \"base.toml\"\n"
                                             "[[adopt]]\nyear = 3\n" +
                                                 policy);
    CHECK(file_error_of(top).starts_with(top + ":6: key 'adopt.policy.social_value_weight'"));
}

TEST_CASE("an adoption for a region or council the market lacks is an error after overrides") {
    const std::string text = "schema_version = 1\n[market]\nregions = 3\n[[adopt]]\nyear = 3\n"
                             "scope = \"region\"\nregion = 2\n[adopt.policy]\nsocial_value_weight "
                             "= 0.2\n";
    ScenarioSpec spec = load_scenario_text(text, "s.toml");
    try {
        apply_override(spec, "market.regions=1");
        FAIL("expected an error");
    } catch (const ScenarioError& e) {
        CHECK(std::string(e.what()) ==
              "--set market.regions=1: key 'market.regions': expected more than 2 (an [[adopt]] "
              "entry applies to region 2), got 1");
    }
    CHECK(error_of(text + "[[adopt]]\nyear = 3\nscope = \"councils\"\ncouncils = [3, 40]\n"
                          "[adopt.policy]\nprice_weight = 0.5\n") ==
          "s.toml:13: key 'adopt.councils': expected council numbers from 0 to 39 "
          "(market.councils = 40), got 40");
    // In a file built on it: the line of its market.regions.
    const auto dir = scratch_dir("adopt_region");
    write(dir / "base.toml", text);
    const auto top = write(dir / "top.toml",
                           "schema_version = 1\nbase = \"base.toml\"\n[market]\nregions = 2\n");
    CHECK(file_error_of(top) == top +
                                    ":4: key 'market.regions': expected more than 2 (an [[adopt]] "
                                    "entry applies to region 2), got 2");
}

TEST_CASE("overrides are validated once, on the final combination, in any order") {
    ScenarioSpec base;
    base.categories = default_categories(); // markup_min 0, markup_max 0.5
    for (const bool min_first : {true, false}) {
        ScenarioSpec spec = base;
        std::vector<Override> o{{"suppliers.markup_min=0.6", ""}, {"suppliers.markup_max=0.8", ""}};
        if (!min_first) std::swap(o[0], o[1]);
        CHECK_NOTHROW(apply_overrides(spec, o));
        CHECK(spec.suppliers.markup_min == 0.6);
        CHECK(spec.suppliers.markup_max == 0.8);
    }
    // An invalid final combination names the option that set the offending key.
    ScenarioSpec spec = base;
    try {
        apply_overrides(spec, {{"suppliers.markup_max=0.8", ""},
                               {"suppliers.markup_min=0.9", "--params-json"},
                               {"policy.price_weight=0.5", ""}});
        FAIL("expected an error");
    } catch (const ScenarioError& e) {
        CHECK(std::string(e.what()) == "--params-json: key 'suppliers.markup_min': expected "
                                       "markup_min <= markup_max (0.8), got 0.9");
    }
    // Value errors still name their own option at once.
    CHECK_THROWS_WITH(
        apply_overrides(spec, {{"policy.price_weight=0.5", ""}, {"policy.price_weight=7", ""}}),
        doctest::Contains("--set policy.price_weight=7: key 'policy.price_weight'"));
}

TEST_CASE("override errors: a near spelling, the same name in another section, a percentage") {
    ScenarioSpec spec;
    spec.categories = default_categories();
    CHECK_THROWS_WITH(apply_override(spec, "policy.price_wieght=0.8"),
                      doctest::Contains("unknown key (did you mean 'policy.price_weight'?)"));
    // Far from every key by spelling, but only one key ends in price_weight.
    CHECK_THROWS_WITH(apply_override(spec, "evaluation.price_weight=0.8"),
                      doctest::Contains("unknown key (did you mean 'policy.price_weight'?)"));
    // A share typed as a percentage: the message says what to write.
    CHECK_THROWS_WITH(apply_override(spec, "policy.social_value_weight=60"),
                      doctest::Contains("expected a number from 0 to 0.6 (weight; for 60% write "
                                        "0.6), got the integer 60"));
    CHECK_THROWS_WITH(apply_override(spec, "policy.social_value_weight=70"),
                      doctest::Contains("expected a number from 0 to 0.6 (weight), got"));
    // Nothing near and no key of that name: no suggestion.
    try {
        apply_override(spec, "nowhere.elasticity_of_everything=1");
        FAIL("expected an error");
    } catch (const ScenarioError& e) {
        CHECK(std::string(e.what()).find("did you mean") == std::string::npos);
    }
}

TEST_CASE("non-finite values are refused in files and overrides") {
    for (const char* v : {"nan", "inf", "-inf", "+nan"}) {
        CAPTURE(v);
        CHECK(error_of("schema_version = 1\n[policy]\nprice_weight = " + std::string(v) + "\n")
                  .find("s.toml:3: key 'policy.price_weight': expected a number from 0 to 1 "
                        "(weight), got the number ") == 0);
        ScenarioSpec spec;
        spec.categories = default_categories();
        CHECK_THROWS_WITH(apply_override(spec, "policy.price_weight=" + std::string(v)),
                          doctest::Contains("expected a number from 0 to 1"));
    }
}

TEST_CASE("integer ranges are checked exactly, not in double precision") {
    // Seeds stop at 2^53 - 1 (exact in a double, for R and pandas); 2^53 + 1 rounds to 2^53 as a
    // double, and a larger integer is still refused, not rounded.
    CHECK(error_of("schema_version = 1\n[run]\nseed = 9007199254740992\n") ==
          "s.toml:3: key 'run.seed': expected an integer from 0 to 9007199254740991, got the "
          "integer 9007199254740992");
    CHECK(error_of("schema_version = 1\n[run]\nseed = 9000000000000000001\n") ==
          "s.toml:3: key 'run.seed': expected an integer from 0 to 9007199254740991, got the "
          "integer 9000000000000000001");
    CHECK_NOTHROW(load_scenario_text("schema_version = 1\n[run]\nseed = 9007199254740991\n", "s"));
    ScenarioSpec spec;
    spec.categories = default_categories();
    CHECK_THROWS_WITH(apply_override(spec, "run.seed=9007199254740993", "--seed 9007199254740993"),
                      doctest::Contains("--seed 9007199254740993: key 'run.seed'"));
}

TEST_CASE("params --toml round-trips: [[adopt]] entries kept, strings escaped") {
    const std::string text =
        "schema_version = 1\nname = \"rt\"\ndescription = \"say \\\"hi\\\"\\nand a \\\\ and a "
        "tab\\t.\"\n[market]\nregions = 3\n[[category]]\nname = \"odd \\\"name\\\"\"\n"
        "[[adopt]]\nyear = 3\nscope = \"region\"\nregion = 2\n[adopt.policy]\n"
        "social_value_weight = 0.2\nreserve_local = true\npartnership_max_size = 3\n"
        "[[adopt]]\nyear = 4\nscope = \"councils\"\ncouncils = [0, 5]\n[adopt.policy]\n"
        "price_weight = 0.45\n[[adopt]]\nyear = 5\n[adopt.policy]\nlot_threshold_gbp = 250000\n";
    const ScenarioSpec spec = load_scenario_text(text, "s.toml");
    const std::string resolved = scenario_toml(spec, "# resolved");
    const ScenarioSpec again = load_scenario_text(resolved, "resolved.toml");
    CHECK(again.description == spec.description);
    CHECK(again.categories.front().name == "odd \"name\"");
    REQUIRE(again.adoptions.size() == 3);
    ManifestInfo info;
    // Everything the manifest records (every parameter, adoption and category) is the same.
    auto without_sources = [&](ScenarioSpec s) {
        s.sources.clear();
        return manifest_json(s, info);
    };
    CHECK(without_sources(again) == without_sources(spec));
    CHECK(scenario_toml(again, "# resolved") == resolved);
}
