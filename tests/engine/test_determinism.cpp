// The same scenario and seed give the same state at any thread count (compare Box2D's
// test_determinism.c): state hashes after every year, and the metrics, must match.
#include "core/policy.hpp"
#include "core/simulation.hpp"
#include "every_lever_spec.hpp"
#include "harness.hpp"
#include "io/csv_writers.hpp"
#include "io/scenario_loader.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <memory>
#include <vector>

using namespace tendersim;

namespace {

struct Trace {
    std::vector<std::uint64_t> hashes;
    // As written to metrics.csv: exact (shortest round-trip), and a metric not defined that year
    // (NaN, written empty) equals itself.
    std::vector<std::pair<std::string, std::string>> metrics;
};

// A year's metrics as written to metrics.csv: exact, and an undefined one (NaN) equals itself.
std::vector<std::pair<std::string, std::string>> metric_texts(const YearMetrics& metrics,
                                                              const ScenarioSpec& spec) {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto& [name, value] : metric_rows(metrics, spec))
        out.emplace_back(std::move(name), metric_text(value));
    return out;
}

Trace trace(const ScenarioSpec& spec, int threads, int years) {
    Simulation sim(spec, 99, threads);
    Trace t;
    for (int y = 0; y < years; ++y) {
        const auto& metrics = sim.run_year();
        t.hashes.push_back(state_hash(sim.market()));
        for (auto& row : metric_texts(metrics, spec)) t.metrics.push_back(std::move(row));
    }
    return t;
}

} // namespace

TEST_CASE("state and metrics are identical at 1, 2, 3 and 8 threads") {
    ScenarioSpec spec;
    spec.categories = default_categories();
    spec.market.regions = 4;
    spec.market.councils = 120;
    spec.market.suppliers = 6000;
    const Trace one = trace(spec, 1, 6);
    REQUIRE(one.hashes.size() == 6);
    for (int threads : {2, 3, 8}) {
        CAPTURE(threads);
        const Trace other = trace(spec, threads, 6);
        CHECK(other.hashes == one.hashes);
        CHECK(other.metrics == one.metrics);
    }
}

TEST_CASE("with every policy lever on, state and metrics are identical at 1, 2, 4 and 8 threads") {
    // The levers add their own parallel work (joint tenders, lots, subcontracting, steering) and
    // so do the routes (appointments, call-offs, fees).
    const ScenarioSpec spec = test::every_lever_spec();
    REQUIRE(!spec.adoptions.empty());
    const Trace one = trace(spec, 1, 8);
    // Every route was taken in some year.
    for (const char* route :
         {"spend_share_quotes", "spend_share_direct_award", "spend_share_framework_direct",
          "spend_share_mini_competition", "spend_share_dynamic_market"}) {
        CAPTURE(route);
        CHECK(std::any_of(one.metrics.begin(), one.metrics.end(), [&](const auto& row) {
            return row.first == route && !row.second.empty() && std::stod(row.second) > 0.0;
        }));
    }
    for (int threads : {2, 4, 8}) {
        CAPTURE(threads);
        const Trace other = trace(spec, threads, 8);
        CHECK(other.hashes == one.hashes);
        CHECK(other.metrics == one.metrics);
    }
}

TEST_CASE("a different seed gives a different market") {
    ScenarioSpec spec;
    spec.categories = default_categories();
    Simulation a(spec, 1, 1), b(spec, 2, 1);
    a.run_year(), b.run_year();
    CHECK(state_hash(a.market()) != state_hash(b.market()));
}

TEST_CASE("the step-by-step test harness and Simulation walk the same year") {
    // Mechanism tests drive years through test::Harness; their findings hold for the engine only
    // if both run the same steps in the same order. Every lever on, adopted in year 5.
    ScenarioSpec spec = load_scenario_file(TENDERSIM_SOURCE_DIR "/scenarios/combined.toml");
    spec.run.burn_in_years = 0;
    spec.policy.sme_target_share = 0.5;
    Simulation sim(spec, 99, 1);
    test::Harness h(spec, 99);
    for (int y = 0; y < 7; ++y) {
        CAPTURE(y);
        const auto& metrics = sim.run_year();
        h.full_year();
        CHECK(state_hash(h.m) == state_hash(sim.market()));
        CHECK(metric_texts(h.metrics, spec) == metric_texts(metrics, spec));
    }
    // A harness that skips a step ends elsewhere: the comparison can fail.
    test::Harness skipped(spec, 99);
    skipped.steps(YearStep::Open, YearStep::Award);
    skipped.steps(YearStep::Dynamics, YearStep::Monitor);
    Simulation once(spec, 99, 1);
    once.run_year();
    CHECK(state_hash(skipped.m) != state_hash(once.market()));
}

TEST_CASE("a clone continues exactly as the original, and a branch leaves the original alone") {
    // Every lever on, so every piece of state (partnerships, lots, reservations, monitoring) is
    // exercised by the copy.
    ScenarioSpec spec = load_scenario_file(TENDERSIM_SOURCE_DIR "/scenarios/combined.toml");
    spec.run.burn_in_years = 3;
    Simulation uninterrupted(spec, 7, 2);
    auto original = std::make_unique<Simulation>(spec, 7, 2);
    for (int y = 0; y < 6; ++y) { // past the scenario's adoptions
        uninterrupted.run_year();
        original->run_year();
    }
    const auto copy = original->clone();
    const auto branch = original->clone();
    CHECK(state_hash(copy->market()) == state_hash(original->market()));
    CHECK(copy->threads() == 2);
    // The copy owns everything it needs: the original is gone before the copy runs on.
    original.reset();
    Adoption a;
    REQUIRE(make_adoption(a, "social_value_weight", 0.6));
    branch->adopt_now(a); // a lever moved in the branch only
    for (int y = 0; y < 4; ++y) {
        const auto expected = metric_texts(uninterrupted.run_year(), spec);
        CHECK(metric_texts(copy->run_year(), spec) == expected);
        CHECK(state_hash(copy->market()) == state_hash(uninterrupted.market()));
        branch->run_year();
    }
    CHECK(state_hash(branch->market()) != state_hash(uninterrupted.market()));
}
