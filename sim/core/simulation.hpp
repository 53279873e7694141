#pragma once
// One replicate of a scenario: the immutable spec, the market it builds, and the yearly loop.
// No oneTBB header is reached from here (the Executor is held behind a pointer): code that runs a
// Simulation compiles without them (tests/engine/test_simulation_header.cpp checks it).
#include "bid_cap.hpp"
#include "candidate_index.hpp"
#include "market.hpp"
#include "metrics.hpp"
#include "year_schedule.hpp"
#include "year_state.hpp"

#include <cstdint>
#include <memory>

namespace tendersim {

class Executor; // parallel.hpp

// Everything a replicate carries from one year into the next: the market (its spec included) and
// the running bid-cap count. The year's scratch (tenders, delivery slots, the candidate index,
// pricing curves) is rebuilt every year from these, so a replicate restored from a
// SimulationState continues exactly as the one it was taken from (docs/state-format.md).
struct SimulationState {
    Market market;
    BidCapCount bid_cap;
};

// Seconds spent in each phase, summed over the years run (reported by the benchmark).
struct PhaseTimes {
    double needs = 0, design = 0, index = 0, bidding = 0, award = 0, delivery = 0, dynamics = 0,
           monitor = 0;
    double& of(YearStep step); // the figure a step's time is added to
};

class Simulation {
  public:
    Simulation(const ScenarioSpec& spec, std::uint64_t seed, int threads);
    // Continues a saved replicate (io/state_file.hpp reads one from disk).
    Simulation(SimulationState state, int threads);
    ~Simulation(); // defined where Executor is complete
    Simulation(const Simulation&) = delete;
    Simulation& operator=(const Simulation&) = delete;

    // A copy of this replicate as it stands, which continues exactly as this one would: the live
    // app's rewind and branch. Every piece of state is copied (the random streams are keyed by
    // seed, year, phase and id, so there is no generator to copy); the executor is a new one
    // with the same number of threads, which does not change results.
    std::unique_ptr<Simulation> clone() const;

    // The state to continue from, as it stands after the last year run.
    SimulationState state() const { return {market_, bid_cap_}; }

    // Follows `spec` from the next simulated year on, in place of the spec the market was built
    // from. Only the years still to come read it (adoptions, frameworks' appointments), so the
    // caller must have checked that the two specs agree on everything the years already run
    // depended on (io/spec_prefix.hpp): then the run continues exactly as a run of `spec` from
    // the start would. Compare and sweep branch scenarios that share their first years this way.
    void continue_under(const ScenarioSpec& spec) { market_.spec = spec; }

    // Changes councils' policies from the next simulated year on (the live app's controls).
    void adopt_now(const Adoption& adoption);

    // Keep every bid of each year in last_year().bid_log (the per-bid log and the OCDS export).
    // It changes no result: the same bids are scored in other memory.
    void set_bid_log(bool on) { year_.bid_log.enabled = on; }

    // Advances one simulated year and returns its metrics.
    const YearMetrics& run_year();

    const Market& market() const { return market_; }
    const YearState& last_year() const { return year_; }
    const YearMetrics& metrics() const { return metrics_; }
    int threads() const;
    const PhaseTimes& phase_times() const { return times_; }
    // How often the per-tender bid cap bound, over every year run so far (burn-in included).
    const BidCapCount& bid_cap() const { return bid_cap_; }

  private:
    Simulation(const Simulation& other, int threads);
    Market market_;
    std::unique_ptr<Executor> exec_;
    CandidateIndex index_;
    YearState year_;
    YearMetrics metrics_;
    PhaseTimes times_;
    BidCapCount bid_cap_;
};

// Hash of the whole market state (suppliers, councils, contracts, ledgers): equal hashes across
// thread counts are the determinism check.
std::uint64_t state_hash(const Market& market);

} // namespace tendersim
