#include "core/rng.hpp"
#include "experiment/compare.hpp"
#include "experiment/human_format.hpp"
#include "helpers.hpp"

#include <algorithm>
#include <cstring>
#include <doctest/doctest.h>
#include <limits>

using namespace tendersim::experiment;

namespace {

// Two scenarios, one metric, one year, five replicates: the hand-worked example of
// tests/analysis (a = 10 12 9 11 13, b = 12 15 9 14 14).
CompareData hand_data() {
    CompareData d;
    d.labels = {"A", "B"};
    d.files = {"a.toml", "b.toml"};
    d.descriptions = {"reference", ""};
    d.sha256 = {"aa", "bb"};
    d.seed = 1;
    d.replicate_seeds = {11, 12, 13, 14, 15};
    d.years = 20;
    d.years_at = {20};
    d.metrics = {"bids_per_tender"};
    d.values = {10, 12, 9, 11, 13, 12, 15, 9, 14, 14};
    return d;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

} // namespace

TEST_CASE("compare: paired differences and intervals against hand computation") {
    const CompareData d = hand_data();
    const auto rows = summarise(d);
    REQUIRE(rows.size() == 2);
    CHECK_FALSE(rows[0].diff);
    // Levels: A has mean 11, sd sqrt(2.5); t(0.975, 4) = 2.7764451.
    CHECK(rows[0].level.mean == doctest::Approx(11.0));
    CHECK(rows[0].level.ci95_low == doctest::Approx(11.0 - 2.7764451 * std::sqrt(2.5 / 5)));
    REQUIRE(rows[1].diff);
    const auto& diff = *rows[1].diff;
    // d = 2 3 0 3 1: mean 1.8, sd sqrt(1.7), half-width 2.7764451 * sqrt(1.7 / 5) = 1.61893179.
    CHECK(diff.mean_diff == doctest::Approx(1.8));
    CHECK(diff.ci95_low == doctest::Approx(0.18106821).epsilon(1e-7));
    CHECK(diff.ci95_high == doctest::Approx(3.41893179).epsilon(1e-7));
    CHECK(diff.share_same_sign == doctest::Approx(0.8));
    CHECK(diff.distinguishable);

    const auto csv = lines(comparison_csv(d, rows));
    REQUIRE(csv.size() == 3);
    CHECK(csv[0] == "metric,year,scenario,replicates,mean,mean_ci95_low,mean_ci95_high,vs,diff,"
                    "diff_ci95_low,diff_ci95_high,share_same_sign,distinguishable");
    CHECK(csv[1].starts_with("bids_per_tender,20,A,5,11,"));
    CHECK(csv[1].ends_with(",,,,,,"));
    CHECK(csv[2].starts_with("bids_per_tender,20,B,5,12.8,"));
    CHECK(csv[2].find(",A,1.8,0.181068") != std::string::npos);
    CHECK(csv[2].ends_with(",0.8,TRUE"));
}

TEST_CASE("compare: a metric not defined in a replicate counts in no mean, not as 0") {
    CompareData d = hand_data();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // Replicate 5 of A and replicate 4 of B not defined (e.g. nothing paid that year).
    d.values = {10, 12, 9, 11, nan, 12, 15, 9, nan, 14};
    const auto rows = summarise(d);
    CHECK(rows[0].level.n == 4);
    CHECK(rows[0].level.mean == doctest::Approx(10.5));
    CHECK(rows[1].level.n == 4);
    CHECK(rows[1].level.mean == doctest::Approx(12.5));
    REQUIRE(rows[1].diff);
    CHECK(rows[1].diff->mean_diff == doctest::Approx((2 + 3 + 0) / 3.0)); // 3 defined pairs
    const auto csv = lines(comparison_csv(d, rows));
    CHECK(csv[1].starts_with("bids_per_tender,20,A,4,10.5,"));
    // replicates.csv leaves the undefined values empty.
    const auto reps = lines(replicates_csv(d));
    CHECK(std::count_if(reps.begin(), reps.end(),
                        [](const std::string& l) { return l.ends_with(","); }) == 2);
    CHECK(std::none_of(reps.begin(), reps.end(),
                       [](const std::string& l) { return l.find("nan") != std::string::npos; }));
}

TEST_CASE("compare: report sentences say whether a difference is distinguishable") {
    CompareData d = hand_data();
    std::string report = comparison_report(d, summarise(d));
    CHECK(report.find("# Policy comparison: B against A") != std::string::npos);
    CHECK(report.find("**Bids per tender**, year 20: B is higher than A by 1.80 on average") !=
          std::string::npos);
    CHECK(report.find("**is distinguishable from noise**") != std::string::npos);
    CHECK(report.find("B was higher in 4 of 5 paired runs") != std::string::npos);

    // Differences 1 -1 2 -1 1: the interval covers zero.
    d.values = {5, 5, 5, 5, 5, 6, 4, 7, 4, 6};
    report = comparison_report(d, summarise(d));
    CHECK(report.find("**is not distinguishable from noise**: the interval includes zero") !=
          std::string::npos);
    const std::string table = comparison_table(d, summarise(d));
    CHECK(table.find("within noise") != std::string::npos);

    // One replicate: no interval, and the report says why.
    d.replicate_seeds = {11};
    d.values = {5, 6};
    report = comparison_report(d, summarise(d));
    CHECK(report.find("one run cannot separate a policy effect from chance") != std::string::npos);
}

TEST_CASE("compare: shares are reported in percent and percentage points") {
    CHECK(human_level(0.4123, MetricUnit::Share) == "41.2%");
    CHECK(human_difference(0.0351, MetricUnit::Share, true) == "+3.51 percentage points");
    CHECK(human_difference(-0.0351, MetricUnit::Share, false) == "-3.51 pts");
    CHECK(human_amount(-0.0351, MetricUnit::Share, true) == "3.51 percentage points");
    CHECK(human_number(3164.2) == "3,164");
    CHECK(human_number(0.0001984) == "0.000198");
    CHECK(human_signed(0.0315) == "+0.0315");
    CHECK(compare_dir_name({"baseline", "sv 10"}) == "compare-baseline-vs-sv_10");
}

TEST_CASE("compare: report labels and units come from the metric registry") {
    // Units are the registry's, not guessed from the name: a markup is a share of cost, a
    // delivery ratio a share, bids per tender a mean.
    CHECK(describe_metric("mean_markup").unit == MetricUnit::Share);
    CHECK(describe_metric("social_value_delivery_ratio").unit == MetricUnit::Share);
    CHECK(describe_metric("bids_per_tender").unit == MetricUnit::Mean);
    CHECK(describe_metric("social_value_delivered_per_pound").unit == MetricUnit::MoneyPerPound);
    CHECK(describe_metric("entries").label ==
          "Suppliers entering the market (SMEs and large firms)");
    CHECK(describe_metric("price_index").label == "Price index (spend / efficient cost)");
    const MetricInfo hhi = describe_metric("hhi.back-office");
    CHECK(hhi.unit == MetricUnit::Index);
    CHECK(hhi.label == "Market concentration (HHI): back-office");
    // Every headline metric is in the registry, so report.md never shows a raw name.
    for (const auto& name : headline_metric_names()) CHECK(describe_metric(name).label != name);
}

TEST_CASE("compare: runs on common seeds, replicate r equal to tendersim run's replicate r") {
    CompareConfig c;
    c.scenario_paths = {test::kDataDir + "/tiny.toml", test::kDataDir + "/tiny-variant.toml"};
    c.replicates = 3;
    c.years_at = {2, 4};
    c.metrics = {"sme_share_direct", "hhi"};
    c.threads = 2;
    const CompareData d = collect_comparison(c);
    CHECK(d.labels == std::vector<std::string>{"tiny", "tiny-variant"});
    CHECK(d.seed == 99); // the first scenario's run.seed
    REQUIRE(d.replicate_seeds.size() == 3);
    CHECK(d.replicate_seeds[2] ==
          tendersim::derive_seed(99, tendersim::StreamPurpose::Replicate, 2));
    // Thread count does not change anything.
    c.threads = 1;
    CHECK(collect_comparison(c).values == d.values);
    // Bad input is refused before running.
    c.years_at = {5};
    CHECK_THROWS_WITH(collect_comparison(c), doctest::Contains("--years-at 5: the scenarios run "
                                                               "years 1 to 4"));
    c.years_at = {};
    c.metrics = {"nope"};
    CHECK_THROWS_WITH(collect_comparison(c), doctest::Contains("unknown metric \"nope\""));
}

TEST_CASE("compare: scenarios.csv names each scenario as a reader knows it, and its policy start") {
    CompareData d = hand_data();
    d.labels = {"A", "B, quoted"};
    d.descriptions = {"The region as it is", "Social value at 60%, from year 5"};
    d.policy_from = {std::nullopt, 5};
    const auto l = lines(scenarios_csv(d));
    REQUIRE(l.size() == 3);
    CHECK(l[0] == "scenario,role,file,policy_from,description");
    CHECK(l[1] == "A,reference,a.toml,,The region as it is");
    // Commas are quoted so the row still has five fields.
    CHECK(l[2] == "\"B, quoted\",alternative,b.toml,5,\"Social value at 60%, from year 5\"");
}

TEST_CASE("compare: the policy start is the first year a scenario's [[adopt]] changes policy") {
    CompareConfig c;
    const std::string scenarios = TENDERSIM_SOURCE_DIR "/scenarios/";
    c.scenario_paths = {scenarios + "baseline.toml", scenarios + "sv60.toml"};
    c.replicates = 1;
    c.years = 5;
    c.metrics = {"hhi"};
    const CompareData d = collect_comparison(c);
    REQUIRE(d.policy_from.size() == 2);
    CHECK_FALSE(d.policy_from[0]);
    CHECK(d.policy_from[1] == 5); // sv60 adopts its weight from year 5
    CHECK(scenarios_csv(d).find("sv60,alternative,") != std::string::npos);
}

TEST_CASE("compare: the years every scenario shares are simulated once, with the same results") {
    // Every scenario here adopts its policy in year 5: they share the build, the burn-in and years
    // 1-4. The combined scenario adopts every lever (lots, partnerships, steering, outcome specs).
    CompareConfig c;
    const std::string scenarios = TENDERSIM_SOURCE_DIR "/scenarios/";
    c.scenario_paths = {scenarios + "baseline.toml", scenarios + "sv60.toml",
                        scenarios + "sme-lots.toml", scenarios + "combined.toml",
                        scenarios + "shared-backoffice.toml"};
    c.overrides = {"market.councils=12", "market.suppliers=400", "run.burn_in_years=3"};
    c.replicates = 3;
    c.years = 8;
    c.years_at = {2, 4, 5, 8};
    c.threads = 2;
    const CompareData shared = collect_comparison(c);
    CHECK(shared.shared_years == 3 + 4);
    c.share_prefix = false;
    const CompareData separate = collect_comparison(c);
    CHECK(separate.shared_years == 0);
    // Byte for byte: every value of every metric, year and replicate (NaN where undefined).
    REQUIRE(shared.values.size() == separate.values.size());
    CHECK(std::equal(shared.values.begin(), shared.values.end(), separate.values.begin(),
                     [](double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }));
    // And the scenarios did part after year 4.
    const std::size_t m = 0, y5 = 2;
    CHECK(shared.values[shared.slot(0, m, y5, 0)] != shared.values[shared.slot(3, m, y5, 0)]);
    // A scenario that differs from the build shares nothing.
    c.share_prefix = true;
    c.scenario_paths.push_back(test::kDataDir + "/tiny-variant.toml");
    c.metrics = {"hhi"};
    CHECK(collect_comparison(c).shared_years == 0);
}
