#pragma once
// The simulated year as one list of steps. Simulation::run_year walks it, and so does the test
// harness, step by step, so the two cannot disagree about the order (docs/ODD.md, section 7.1).
#include "candidate_index.hpp"
#include "market.hpp"
#include "metrics.hpp"
#include "year_state.hpp"

#include <array>
#include <cstdint>

namespace tendersim {

class Executor; // parallel.hpp (oneTBB): only the .cpp files that run kernels include it

enum class YearStep : std::uint8_t {
    Open,      // year += 1; counters reset; adoptions take effect; councils steer SME targets
    Needs,     // expiring, failed and new needs become this year's tenders
    Design,    // buyers design tenders, beside the candidate index rebuild (disjoint data)
    Attention, // suppliers spread their bid-writing capacity over the notices they could answer
    Bidding,   // bid/no-bid, prices, scores and shortlists, over tenders
    Award,     // contracts to the best-ranked bidder with room, in a seeded tender order
    Delivery,  // contracts delivered and paid; some fail
    Dynamics,  // suppliers book the year; growth, exit and entry
    Monitor,   // the year's metrics (no feedback into the market)
};

inline constexpr std::array kYearSchedule{
    YearStep::Open,  YearStep::Needs,    YearStep::Design,   YearStep::Attention, YearStep::Bidding,
    YearStep::Award, YearStep::Delivery, YearStep::Dynamics, YearStep::Monitor};

const char* step_name(YearStep step);

// What the steps of a year read and write.
struct YearContext {
    Market& market;
    YearState& year;
    CandidateIndex& index;
    Executor& exec;
    YearMetrics& metrics;
};

void run_step(YearStep step, const YearContext& ctx);

struct NoLap {
    void operator()(YearStep) const {}
};

// Runs the steps of kYearSchedule from `first` to `last`, both included, calling lap(step) after
// each (Simulation times them).
template <class Lap = NoLap>
void run_steps(YearStep first, YearStep last, const YearContext& ctx, Lap&& lap = {}) {
    bool on = false;
    for (const YearStep step : kYearSchedule) {
        on = on || step == first;
        if (!on) continue;
        run_step(step, ctx);
        lap(step);
        if (step == last) return;
    }
}

} // namespace tendersim
