#include "year_schedule.hpp"

#include "frameworks.hpp"
#include "phases.hpp"
#include "policy.hpp"

#include <algorithm>

namespace tendersim {

void reset_year_counters(Market& m) {
    auto& s = m.suppliers;
    std::fill(s.bids_year.begin(), s.bids_year.end(), 0);
    std::fill(s.wins_year.begin(), s.wins_year.end(), 0);
    std::fill(s.bid_cost_year.begin(), s.bid_cost_year.end(), 0);
    std::fill(s.revenue_year.begin(), s.revenue_year.end(), 0);
    std::fill(s.cost_year.begin(), s.cost_year.end(), 0);
    std::fill(s.subcontract_revenue_year.begin(), s.subcontract_revenue_year.end(), 0);
    std::fill(s.expected_wins_year.begin(), s.expected_wins_year.end(), 0);
    std::fill(s.markup_sum_year.begin(), s.markup_sum_year.end(), 0);
}

namespace {

// The suppliers' yearly counters start from zero; the year's own counters too.
void open_year(Market& m, YearState& ys) {
    ++m.year;
    ys.counters.reset();
    reset_year_counters(m);
    apply_adoptions(m);
    steer_sme_targets(m);
    run_framework_appointments(m, ys.counters);
}

} // namespace

const char* step_name(YearStep step) {
    switch (step) {
    case YearStep::Open:
        return "open";
    case YearStep::Needs:
        return "needs";
    case YearStep::Design:
        return "design";
    case YearStep::Attention:
        return "attention";
    case YearStep::Bidding:
        return "bidding";
    case YearStep::Award:
        return "award";
    case YearStep::Delivery:
        return "delivery";
    case YearStep::Dynamics:
        return "dynamics";
    case YearStep::Monitor:
        return "monitor";
    }
    return "?";
}

void run_step(YearStep step, const YearContext& c) {
    Market& m = c.market;
    switch (step) {
    case YearStep::Open:
        open_year(m, c.year);
        return;
    case YearStep::Needs:
        run_needs(m, c.year, c.exec);
        return;
    case YearStep::Design:
        // The design reads councils and writes tenders, year counters and next_need_key; the
        // index rebuild reads only suppliers (and the market's sizes): they run side by side.
        c.exec.invoke([&] { run_design(m, c.year, c.exec); }, [&] { c.index.rebuild(m); });
        return;
    case YearStep::Attention:
        prepare_attention(m, c.year, c.index, c.exec);
        return;
    case YearStep::Bidding:
        run_bidding(m, c.year, c.index, c.exec);
        return;
    case YearStep::Award:
        run_award(m, c.year, c.index);
        return;
    case YearStep::Delivery:
        run_delivery(m, c.year, c.exec);
        return;
    case YearStep::Dynamics:
        run_dynamics(m, c.year, c.exec);
        return;
    case YearStep::Monitor:
        c.metrics = compute_metrics(m, c.year, c.exec);
        return;
    }
}

} // namespace tendersim
