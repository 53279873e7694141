#include "entry.hpp"

#include "candidate_index.hpp"
#include "cost_model.hpp"
#include "rng.hpp"
#include "supplier_factory.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace tendersim {
namespace {

std::size_t cell_of(const Market& m, std::size_t category, std::size_t region) {
    return category * m.regions + region;
}

// Calls f(cell) for every cell of the categories in `mask` in the `reach` regions from `home`.
template <class F>
void for_each_cell(const Market& m, std::uint32_t mask, std::size_t home, std::size_t reach,
                   F&& f) {
    for (; mask; mask &= mask - 1) {
        const auto c = static_cast<std::size_t>(std::countr_zero(mask));
        for_each_reached_region(home, reach, m.regions,
                                [&](std::size_t r) { f(cell_of(m, c, r)); });
    }
}

// Calls f(cell) for every cell a supplier serves: its categories x the regions it reaches.
template <class F> void for_each_cell_served(const Market& m, std::size_t i, F&& f) {
    const auto& s = m.suppliers;
    for_each_cell(m, s.category_mask[i], s.region[i], s.reach[i], f);
}

} // namespace

std::vector<CellProspect> cell_prospects(const Market& m, const YearState& ys) {
    std::vector<CellProspect> cells(m.categories * m.regions);
    const auto& tenders = ys.tenders;
    const auto& bidding = m.spec.bidding;
    for (std::size_t k = 0; k < tenders.tenders.size(); ++k) {
        const Tender& t = tenders.tenders[k];
        // A call-off is open only to a framework's members. A closed framework's call-offs are
        // out of a newcomer's reach for the rest of its term; an open framework or dynamic
        // market can be joined at its next reopening, so its call-offs count as prospects.
        if (is_call_off(t.route)) {
            const auto& fw = m.framework_spec(static_cast<std::size_t>(t.framework));
            if (!fw.open && !fw.dynamic) continue;
        }
        CellProspect& cell = cells[cell_of(m, t.category.index(), t.region)];
        ++cell.tenders;
        if (k >= tenders.outcomes.size()) continue;
        const TenderOutcome& o = tenders.outcomes[k];
        if (o.bids > 0 && t.route != Route::FrameworkDirect) {
            // The bids sent, at the route's cost of a bid (a quote or call-off bid costs less).
            const Pence total = money_mul(t.estimated_value, t.duration, "a tender's total value");
            const double share =
                t.route == Route::Open ? 1.0 : m.spec.levers.call_off_bid_cost_factor;
            add_money(cell.bid_costs,
                      money_mul(round_pence(share * static_cast<double>(bid_cost(bidding, total))),
                                o.bids),
                      "a cell's bid costs");
        }
        if (!o.winner.valid()) continue;
        const Bid& won = o.shortlist[o.winner_rank];
        ++cell.awards;
        add_money(cell.bid_costs,
                  round_pence(bidding.award_cost_share *
                              static_cast<double>(money_mul(won.price, t.duration))),
                  "a cell's bid costs");
        // Re-lets the incumbent kept were never open to a newcomer: only the rest are its pool.
        if (o.winner == t.incumbent) continue;
        ++cell.open_awards;
        add_money(cell.margin_pool,
                  money_mul(won.price - won.own_cost, t.duration, "a winner's margin"),
                  "a cell's margin pool");
    }
    for (std::size_t i = 0; i < m.suppliers.size(); ++i)
        if (m.suppliers.alive[i])
            for_each_cell_served(m, i, [&](std::size_t k) { ++cells[k].suppliers; });
    return cells;
}

double entrant_operating_profit(const CellProspect& cell) {
    const auto n = static_cast<double>(cell.suppliers);
    return static_cast<double>(cell.margin_pool) / (n + 1.0) -
           static_cast<double>(cell.bid_costs) / std::max(1.0, n);
}

void enter_markets(Market& m, YearState& ys) {
    auto cells = cell_prospects(m, ys);
    const auto& dy = m.spec.dynamics;
    const auto& sp = m.spec.suppliers;
    const auto year = static_cast<std::uint32_t>(m.year);
    // Cells in order, would-be entrants in order within a cell: each entrant counts as one more
    // supplier in every cell it serves before the next one decides.
    for (std::size_t k = 0; k < cells.size(); ++k) {
        if (cells[k].tenders == 0) continue;
        const Stream cell_rng(m.seed, year, StreamPurpose::Entry, k);
        Stream arrivals = cell_rng;
        const std::uint64_t would_be =
            arrivals.poisson(dy.entry_rate * static_cast<double>(cells[k].tenders));
        for (std::uint64_t j = 0; j < would_be; ++j) {
            Stream e = cell_rng.sub(j + 1);
            ++ys.counters.potential_entrants;
            // Most would-be entrants are new SMEs; a few are large firms from other markets.
            const bool large = e.bernoulli(dy.large_entry_share);
            const Pence fixed = round_pence(static_cast<double>(fixed_cost_floor(sp, !large)) *
                                            std::exp(dy.entrant_fixed_cost_sigma * e.normal()));
            const std::size_t category = k / m.regions;
            const auto region = static_cast<std::uint16_t>(k % m.regions);
            const std::uint32_t mask = (1u << category) | draw_category_mask(m.spec, e);
            // One fixed cost buys a presence in every cell the firm would serve: its categories in
            // the regions it reaches (a large firm its neighbours too; an SME is judged on its
            // home region alone, as it does not yet know whether it will reach a second).
            const std::size_t reach =
                large ? static_cast<std::size_t>(m.spec.market.large_reach_regions) : 1;
            double operating = 0;
            for_each_cell(m, mask, region, reach,
                          [&](std::size_t c) { operating += entrant_operating_profit(cells[c]); });
            if (operating - static_cast<double>(fixed) <= 0.0) continue;
            const SupplierId id =
                add_supplier(m, e, !large, region, mask, static_cast<std::int32_t>(m.year));
            m.suppliers.fixed_cost[id.index()] = fixed;
            for_each_cell_served(m, id.index(), [&](std::size_t c) { ++cells[c].suppliers; });
            ++ys.counters.entries;
        }
    }
}

} // namespace tendersim
