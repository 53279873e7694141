#pragma once
// Drives the phases of a year one by one, so tests can inspect the state between them.
#include "core/initialise.hpp"
#include "core/phases.hpp"
#include "core/policy.hpp"

namespace tendersim::test {

struct Harness {
    Market m;
    YearState ys;
    Executor exec{1};
    CandidateIndex index;
    explicit Harness(const ScenarioSpec& spec, std::uint64_t seed = 1)
        : m(build_market(spec, seed)) {}
    void start_year() {
        ++m.year;
        ys.counters.reset();
        reset_year_counters(m);
        apply_adoptions(m);
        steer_sme_targets(m);
        run_needs(m, ys, exec);
    }
    void design() { run_design(m, ys, exec); }
    void bid() {
        index.rebuild(m);
        prepare_attention(m, ys, index, exec);
        run_bidding(m, ys, index, exec);
    }
    // A year up to the bids: needs, design, bidding.
    void tender() {
        start_year();
        design();
        bid();
    }
    void award() { run_award(m, ys, index); }
    void deliver() { run_delivery(m, ys, exec); }
    void finish_year() {
        award();
        deliver();
        run_dynamics(m, ys, exec);
    }
    void full_year() {
        tender();
        finish_year();
    }
};

} // namespace tendersim::test
