#include "experiment/sweep_plan.hpp"
#include "helpers.hpp"
#include "io/input_file_error.hpp"

#include <doctest/doctest.h>

using namespace tendersim::experiment;
using tendersim::InputFileError;
using tendersim::ParamKind;
using tendersim::SweepFileError;

namespace {

const char* kLhs = R"(name = "lhs-test"
seed = 11
replicates = 3
years = 2

[design]
type = "lhs"
samples = 8

[outputs]
metrics = ["sme_share_direct", "hhi"]
timeseries = true

[set.market]
councils = 5

[[parameter]]
key = "policy.price_weight"
min = 0.3
max = 0.9

[[parameter]]
key = "market.suppliers"
values = [100, 150, 200]

[[parameter]]
key = "evaluation.abnormally_low_action"
values = ["off", "reject"]

[[parameter]]
key = "policy.reserve_local"
)";

// Loads `body` expecting an error whose text contains `needle`.
void expect_error(const std::string& body, const std::string& needle) {
    INFO("expected error containing: " << needle);
    CHECK_THROWS_WITH_AS(SweepPlan(test::load(body, "bad.toml")), doctest::Contains(needle.c_str()),
                         SweepFileError);
}

} // namespace

TEST_CASE("sweep file: every setting is read") {
    const SweepSpec s = test::load(kLhs);
    CHECK(s.name == "lhs-test");
    CHECK(s.seed == 11);
    CHECK(s.replicates == 3);
    CHECK(s.base.run.years == 2);
    CHECK(s.base.market.councils == 5); // [set]
    CHECK(s.design == DesignKind::Lhs);
    CHECK(s.samples == 8);
    CHECK(s.outputs == std::vector<std::string>{"sme_share_direct", "hhi"});
    CHECK(s.timeseries);
    REQUIRE(s.params.size() == 4);
    CHECK(s.params[0].range.lo == 0.3);
    CHECK(s.params[0].range.hi == 0.9);
    CHECK(s.params[1].range.levels == std::vector<double>{100, 150, 200});
    CHECK(s.params[2].def->kind == ParamKind::Choice);
    CHECK(s.params[2].range.levels == std::vector<double>{0, 1}); // indices of off, reject
    CHECK(param_text(s.params[2], 1) == "reject");
    CHECK(s.params[3].range.levels == std::vector<double>{0, 1}); // bool: both values
    CHECK(param_text(s.params[3], 1) == "true");
    CHECK(s.file_sha256.size() == 64);
    CHECK(s.base_sha256.size() == 64);
}

TEST_CASE("sweep file: defaults") {
    const SweepSpec s = test::load("[design]\ntype = \"grid\"\n[[parameter]]\nkey = "
                                   "\"market.suppliers\"\nmin = 100\nmax = 300\n",
                                   "dir/my-sweep.toml");
    CHECK(s.name == "my-sweep"); // the file's stem
    CHECK(s.seed == 99);         // the base scenario's run.seed
    CHECK(s.replicates == 1);
    CHECK(s.points_per_dim == 3);
    CHECK(s.outputs.size() == 9); // the headline metrics
    CHECK(s.params[0].range.integer);
    const SweepPlan plan(s);
    CHECK(plan.run_count() == 3);
}

TEST_CASE("sweep file: errors name file, line and key, and say what was expected") {
    const std::string grid = "[design]\ntype = \"grid\"\n";
    const std::string p = "[[parameter]]\nkey = \"policy.price_weight\"\nmin = 0.2\nmax = 0.8\n";
    expect_error(grid + "[[parameter]]\nkey = \"policy.price_wieght\"\nmin = 0\nmax = 1\n",
                 "bad.toml:6: key 'policy.price_wieght': unknown parameter; swept parameters "
                 "must be scenario parameter keys from docs/parameters.md (did you mean "
                 "'policy.price_weight'?)");
    expect_error(grid + "[[parameter]]\nkey = \"policy.price_weight\"\nmin = 0.2\nmax = 1.4\n",
                 "bad.toml:8: key 'policy.price_weight.max': expected a number from 0 to 1 "
                 "(weight), got the number 1.4");
    expect_error(grid + "[[parameter]]\nkey = \"policy.price_weight\"\nmin = 0.8\nmax = 0.2\n",
                 "key 'policy.price_weight.max': expected max >= min (0.8)");
    expect_error(grid + "[[parameter]]\nkey = \"market.suppliers\"\nmin = 10.5\nmax = 20\n",
                 "key 'market.suppliers.min': expected an integer from 1 to");
    expect_error(grid + "[[parameter]]\nkey = \"evaluation.abnormally_low_action\"\n"
                        "values = [\"off\", \"maybe\"]\n",
                 "expected one of off|reject|investigate, got a string \"maybe\"");
    expect_error("[design]\ntype = \"latin\"\n" + p,
                 "bad.toml:4: key 'design.type': expected grid, lhs, morris, sobol or points, got "
                 "\"latin\"");
    expect_error("[design]\ntype = \"sobl\"\n" + p, "(did you mean 'sobol'?)");
    expect_error("[design]\ntype = \"sobol\"\nbase_samples = 100\n" + p,
                 "key 'design.base_samples': expected a power of two");
    expect_error("[design]\ntype = \"morris\"\ntrajectories = 4\nlevels = 5\n" + p,
                 "key 'design.levels': expected an even number of levels");
    expect_error("[design]\ntype = \"lhs\"\n" + p, "key 'design.samples': missing");
    expect_error("[design]\ntype = \"grid\"\nsamples = 4\n" + p,
                 "key 'design.samples': not a setting of design 'grid'");
    expect_error(grid + "[[parameter]]\nkey = \"run.seed\"\nmin = 1\nmax = 5\n",
                 "key 'run.seed': swept parameters cannot be run.seed");
    expect_error(grid + p + p, "key 'policy.price_weight': listed twice");
    expect_error(grid, "key 'parameter': missing");
    expect_error(p, "key 'design': missing");
    expect_error("replicates = 0\n" + grid + p,
                 "key 'replicates': expected an integer from 1 to 100000, got the integer 0");
    expect_error("bogus = 1\n" + grid + p, "bad.toml:3: key 'bogus': unknown top-level key");
    expect_error(grid + "[outputs]\nmetrics = [\"sme_share\"]\n" + p,
                 "key 'outputs.metrics': unknown metric \"sme_share\"");
    expect_error(grid + "[set]\npolicy.price_weight = 2\n" + p,
                 "key 'policy.price_weight': expected a number from 0 to 1");
    // Cross-field rules broken by [set] name the line of the key set.
    expect_error(grid + "[set]\nsuppliers.markup_min = 0.9\n" + p,
                 "bad.toml:6: key 'suppliers.markup_min': expected markup_min <= markup_max "
                 "(0.5), got 0.9");
    expect_error(grid + "[[parameter]]\nkey = \"policy.price_weight\"\nmin = 0.2\n",
                 "expected min and max (or values) for a numeric parameter");
    expect_error(grid + "[[parameter]]\nkey = \"policy.price_weight\"\nvalues = [0.1]\nmax = 1\n",
                 "give either min and max, or values, not both");
    expect_error(grid + "[[parameter]]\nkey = \"policy.price_weight\"\nmni = 0.1\n",
                 "key 'parameter.mni': unknown key; a [[parameter]] has key, and min and max or "
                 "values (did you mean 'min'?)");
    expect_error("name = \"a/b\"\n" + grid + p, "key 'name': expected a name of 1 to 100 letters");
    expect_error("schema_version = 2\n", "TOML syntax error"); // a second schema_version
    CHECK_THROWS_WITH_AS(
        load_sweep_text("schema_version = 2\nbase = \"tiny.toml\"\n", "v.toml", test::kDataDir),
        doctest::Contains("v.toml:1: key 'schema_version': expected 1"), SweepFileError);
    CHECK_THROWS_WITH_AS(load_sweep_text("base = \"tiny.toml\"\n", "v.toml", test::kDataDir),
                         doctest::Contains("v.toml:1: key 'schema_version': missing"),
                         SweepFileError);
    CHECK_THROWS_WITH_AS(
        load_sweep_text("schema_version = 1\nbase = \"none.toml\"\n", "v.toml", test::kDataDir),
        doctest::Contains(
            "v.toml:2: key 'base': base scenario 'none.toml' not found (resolved to "),
        SweepFileError);
    CHECK_THROWS_WITH_AS(load_sweep_file("/no/such/sweep.toml"),
                         doctest::Contains("/no/such/sweep.toml: sweep file not found"),
                         InputFileError);
}

TEST_CASE("sweep file: a design point that breaks a cross-field rule is refused up front") {
    // markup_min above markup_max at some grid points.
    const std::string body =
        "[design]\ntype = \"grid\"\npoints_per_dim = 2\n"
        "[[parameter]]\nkey = \"suppliers.markup_min\"\nmin = 0\nmax = 0.4\n"
        "[[parameter]]\nkey = \"suppliers.markup_max\"\nmin = 0.1\nmax = 0.5\n";
    CHECK_THROWS_WITH_AS(SweepPlan(test::load(body, "x.toml")),
                         doctest::Contains("is not a valid scenario: expected markup_min <= "
                                           "markup_max (0.1), got 0.4; narrow the ranges"),
                         SweepFileError);
}

TEST_CASE("sweep file: a design point whose market lacks an adoption's region is refused") {
    // Issue 19 item 5: a sweep over market.regions left a region-1 adoption applying to nobody
    // at the points with one region.
    const auto dir = test::scratch("sweep-adopt-region");
    std::ofstream(dir / "base.toml") << "schema_version = 1\n[market]\nregions = 2\ncouncils = 6\n"
                                        "suppliers = 200\n[[adopt]]\nyear = 2\nscope = \"region\"\n"
                                        "region = 1\n[adopt.policy]\nsocial_value_weight = 0.2\n";
    const std::string text = "schema_version = 1\nbase = \"base.toml\"\n[design]\ntype = \"grid\"\n"
                             "[[parameter]]\nkey = \"market.regions\"\nmin = 1\nmax = 3\n";
    CHECK_THROWS_WITH_AS(SweepPlan(load_sweep_text(text, "x.toml", dir.string())),
                         doctest::Contains("is not a valid scenario: expected more than 1 (an "
                                           "[[adopt]] entry applies to region 1), got 1"),
                         SweepFileError);
    // [set] market.regions = 1 too.
    CHECK_THROWS_WITH_AS(load_sweep_text("schema_version = 1\nbase = \"base.toml\"\n[set.market]\n"
                                         "regions = 1\n[design]\ntype = \"grid\"\n[[parameter]]\n"
                                         "key = \"policy.price_weight\"\nmin = 0.2\nmax = 0.8\n",
                                         "y.toml", dir.string()),
                         doctest::Contains("y.toml:4: key 'market.regions': expected more than 1"),
                         SweepFileError);
}
