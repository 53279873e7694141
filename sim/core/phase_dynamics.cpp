#include "entry.hpp"
#include "phases.hpp"
#include "rng.hpp"
#include "supplier_factory.hpp"

#include <algorithm>
#include <cmath>

namespace tendersim {
namespace {

enum Event : std::uint8_t { None = 0, Exit = 1, Growth = 2, IdleExit = 3 };

// An edge of three market spreads is already beyond any bidder's real advantage.
constexpr double kMaxEdge = 3.0;

void book_supplier_year(Market& m, std::size_t i, std::uint8_t& event) {
    auto& s = m.suppliers;
    const auto& sp = m.spec.suppliers;
    const auto& dy = m.spec.dynamics;
    event = None;
    if (!s.alive[i]) return;
    const Pence overhead = yearly_overhead(m, i); // a floor: an idle firm still pays it
    const Pence spent = money_add(money_add(s.cost_year[i], s.bid_cost_year[i]), overhead,
                                  "a supplier's yearly costs");
    add_money(s.cash[i], money_add(s.revenue_year[i], -spent), "a supplier's cash");

    // Relative costs do not last: rivals imitate, staff move, a firm's advantage or handicap
    // reverts toward the market's (AR(1) in the cost factor around its scale's mean).
    if (const double rho = sp.cost_persistence; rho < 1.0) {
        Stream rng(m.seed, static_cast<std::uint32_t>(m.year), StreamPurpose::Dynamics, i);
        const double mean = s.is_sme[i] ? 1.0 : 1.0 + sp.large_cost_premium;
        const double sd = s.is_sme[i] ? sp.sme_cost_factor_sd : 0.6 * sp.sme_cost_factor_sd;
        const double next =
            mean + rho * (s.cost_factor[i] - mean) + sd * std::sqrt(1.0 - rho * rho) * rng.normal();
        s.cost_factor[i] = static_cast<float>(std::clamp(next, 0.6, 1.6));
    }
    // Beliefs learn from outcomes: a supplier that won more than its pricing rule predicted has
    // an edge the published bids do not show (quality, social value, reputation) and can ask
    // more; one that won less has less. The markup and win rate are kept for the record.
    const int bids = s.bids_year[i];
    const int wins = s.wins_year[i];
    if (bids > 0) {
        const double expected = static_cast<double>(s.expected_wins_year[i]) * 1e-6;
        const double surprise = (static_cast<double>(wins) - expected) / bids;
        s.edge[i] = static_cast<float>(
            std::clamp(s.edge[i] + sp.edge_learning_rate * surprise, -kMaxEdge, kMaxEdge));
        s.markup[i] = static_cast<float>(static_cast<double>(s.markup_sum_year[i]) * 1e-6 / bids);
        const double rate = static_cast<double>(wins) / bids;
        s.win_belief[i] = static_cast<float>((1.0 - sp.belief_learning_rate) * s.win_belief[i] +
                                             sp.belief_learning_rate * rate);
    } else {
        // A supplier that sat the year out drifts back toward the prior belief and forgets part
        // of its edge, so one bad spell does not keep it out of the market for good.
        s.edge[i] = static_cast<float>(s.edge[i] * (1.0 - sp.edge_learning_rate));
        constexpr double prior = 0.25;
        s.win_belief[i] = static_cast<float>(s.win_belief[i] + 0.5 * sp.belief_learning_rate *
                                                                   (prior - s.win_belief[i]));
    }
    s.turnover[i] = (s.turnover[i] + s.revenue_year[i]) / 2;
    s.reputation[i] =
        static_cast<float>(std::min(1.0, s.reputation[i] + m.spec.levers.reputation_recovery));

    const double utilisation = static_cast<double>(s.committed[i]) /
                               static_cast<double>(std::max<Pence>(1, s.capacity[i]));
    if (utilisation > dy.growth_utilisation)
        s.capacity[i] =
            round_pence(static_cast<double>(s.capacity[i]) * (1.0 + dy.capacity_growth));
    else if (utilisation < dy.shrink_utilisation)
        s.capacity[i] = std::max(s.committed[i], round_pence(static_cast<double>(s.capacity[i]) *
                                                             (1.0 - dy.capacity_shrink)));

    if (s.is_sme[i]) {
        // A medium-sized firm's bid team grows with its staff (size / revenue per employee).
        const double scale = gbp(s.capacity[i]) / (50.0 * sp.revenue_per_employee_gbp);
        s.bid_capacity[i] = static_cast<std::uint16_t>(std::clamp(
            std::round(static_cast<double>(sp.sme_bid_capacity) * scale),
            static_cast<double>(sp.sme_bid_capacity), static_cast<double>(sp.large_bid_capacity)));
    }
    if (s.wins_year[i] > 0) s.has_won[i] = 1;
    if (s.cash[i] < 0) {
        s.alive[i] = 0; // insolvent: exits; its contracts are re-let next year
        event = Exit;
        return;
    }
    // A firm with no revenue (no contract, no subcontract) for dy.exit_idle_years years in a row
    // leaves the market (Eurostat-OECD 2007: a firm inactive for two years counts as dead).
    s.idle_years[i] = s.revenue_year[i] > 0
                          ? std::int16_t{0}
                          : static_cast<std::int16_t>(std::min(s.idle_years[i] + 1, 10'000));
    if (s.idle_years[i] >= dy.exit_idle_years) {
        s.alive[i] = 0;
        event = IdleExit;
        return;
    }
    // UK definition: an SME has fewer than 250 staff and either turnover under GBP 44m or a
    // balance sheet under GBP 38m (cash stands in for the balance sheet). The firm's size is the
    // larger of this year's revenue and its capacity (the work it is staffed to deliver a year).
    const double size = gbp(std::max(s.revenue_year[i], s.capacity[i]));
    const double staff = size / sp.revenue_per_employee_gbp;
    const bool over_money_limits =
        size >= sp.sme_turnover_limit_gbp && gbp(s.cash[i]) >= sp.sme_balance_sheet_limit_gbp;
    if (s.is_sme[i] && (staff >= static_cast<double>(sp.sme_staff_limit) || over_money_limits))
        event = Growth;
}

} // namespace

void run_dynamics(Market& m, YearState& ys, Executor& exec) {
    auto& events = ys.supplier_event;
    events.assign(m.suppliers.size(), None);
    exec.for_each(m.suppliers.size(), [&](std::size_t i) { book_supplier_year(m, i, events[i]); });
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i] == Exit || events[i] == IdleExit) ++ys.counters.exits;
        if (events[i] == IdleExit) ++ys.counters.exits_idle;
        if (events[i] == Growth) {
            promote_to_large(m, SupplierId(static_cast<std::uint32_t>(i)));
            ++ys.counters.growths;
        }
    }
    enter_markets(m, ys);
}

} // namespace tendersim
