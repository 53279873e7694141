#pragma once
// Drives a year step by step, so tests can inspect the state between steps. It walks the same
// schedule as Simulation::run_year (core/year_schedule.hpp); test_determinism checks that both
// end in the same state.
#include "core/initialise.hpp"
#include "core/phases.hpp"
#include "core/policy.hpp"
#include "core/year_schedule.hpp"

namespace tendersim::test {

struct Harness {
    Market m;
    YearState ys;
    Executor exec{1};
    CandidateIndex index;
    YearMetrics metrics;
    explicit Harness(const ScenarioSpec& spec, std::uint64_t seed = 1)
        : m(build_market(spec, seed)) {}
    void steps(YearStep first, YearStep last) {
        run_steps(first, last, YearContext{m, ys, index, exec, metrics});
    }
    // The year opens and its needs become tenders.
    void start_year() { steps(YearStep::Open, YearStep::Needs); }
    // Buyers design the tenders (the candidate index is rebuilt beside them).
    void design() { steps(YearStep::Design, YearStep::Design); }
    void bid() { steps(YearStep::Attention, YearStep::Bidding); }
    // A year up to the bids: needs, design, bidding.
    void tender() { steps(YearStep::Open, YearStep::Bidding); }
    void award() { steps(YearStep::Award, YearStep::Award); }
    void deliver() { steps(YearStep::Delivery, YearStep::Delivery); }
    void finish_year() { steps(YearStep::Award, YearStep::Monitor); }
    void full_year() { steps(YearStep::Open, YearStep::Monitor); }
};

} // namespace tendersim::test
