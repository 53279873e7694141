#include "phases.hpp"
#include "rng.hpp"
#include "supplier_factory.hpp"

#include <algorithm>
#include <cmath>

namespace tendersim {
namespace {

enum Event : std::uint8_t { None = 0, Exit = 1, Growth = 2 };

// An edge of three market spreads is already beyond any bidder's real advantage.
constexpr double kMaxEdge = 3.0;

void book_supplier_year(Market& m, std::size_t i, std::uint8_t& event) {
    auto& s = m.suppliers;
    const auto& sp = m.spec.suppliers;
    const auto& dy = m.spec.dynamics;
    event = None;
    if (!s.alive[i]) return;
    const Pence overhead = round_pence(sp.overhead_share * static_cast<double>(s.capacity[i]));
    const Pence spent = money_add(money_add(s.cost_year[i], s.bid_cost_year[i]), overhead,
                                  "a supplier's yearly costs");
    add_money(s.cash[i], money_add(s.revenue_year[i], -spent), "a supplier's cash");

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
        // A supplier that sat the year out drifts back toward the prior belief, so one bad spell
        // does not keep it out of the market for good.
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

    if (s.cash[i] < 0) {
        s.alive[i] = 0; // insolvent: exits; its contracts are re-let next year
        event = Exit;
        return;
    }
    // UK definition: an SME has fewer than 250 staff and either turnover under GBP 44m or a
    // balance sheet under GBP 38m (cash stands in for the balance sheet).
    const double staff = gbp(s.revenue_year[i]) / sp.revenue_per_employee_gbp;
    const bool over_money_limits = gbp(s.revenue_year[i]) >= sp.sme_turnover_limit_gbp &&
                                   gbp(s.cash[i]) >= sp.sme_balance_sheet_limit_gbp;
    if (s.is_sme[i] && (staff >= static_cast<double>(sp.sme_staff_limit) || over_money_limits))
        event = Growth;
}

// New SMEs arrive in proportion to the opportunities (tenders) and how attractive the market looked
// this year (margins won), in the places where tenders were.
void enter(Market& m, YearState& ys) {
    const auto& tenders = ys.tenders.tenders;
    if (tenders.empty()) return;
    const auto& ctr = ys.counters;
    const double mean_markup =
        ctr.awards ? ctr.award_markup_sum / static_cast<double>(ctr.awards) : 0.0;
    const double attractiveness =
        std::clamp(mean_markup / std::max(1e-9, m.spec.suppliers.initial_markup), 0.0, 3.0);
    Stream rng(m.seed, static_cast<std::uint32_t>(m.year), StreamPurpose::Entry, 0);
    const std::uint64_t entrants = rng.poisson(
        m.spec.dynamics.entry_rate * static_cast<double>(tenders.size()) * attractiveness);
    for (std::uint64_t k = 0; k < entrants; ++k) {
        Stream e(m.seed, static_cast<std::uint32_t>(m.year), StreamPurpose::Entry, k + 1);
        const Tender& seen = tenders[e.below(tenders.size())];
        const std::uint32_t mask = (1u << seen.category.index()) | draw_category_mask(m.spec, e);
        // Most entrants are new SMEs; a few are large firms arriving from other markets.
        const bool large = e.bernoulli(m.spec.dynamics.large_entry_share);
        add_supplier(m, e, !large, seen.region, mask, m.year);
        ++ys.counters.entries;
    }
}

} // namespace

void run_dynamics(Market& m, YearState& ys, Executor& exec) {
    auto& events = ys.supplier_event;
    events.assign(m.suppliers.size(), None);
    exec.for_each(m.suppliers.size(), [&](std::size_t i) { book_supplier_year(m, i, events[i]); });
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i] == Exit) ++ys.counters.exits;
        if (events[i] == Growth) {
            promote_to_large(m, SupplierId(static_cast<std::uint32_t>(i)));
            ++ys.counters.growths;
        }
    }
    enter(m, ys);
}

} // namespace tendersim
