#include "cost_model.hpp"
#include "phases.hpp"
#include "rng.hpp"

#include <algorithm>
#include <numeric>

namespace tendersim {

void run_award(Market& m, YearState& ys) {
    auto& tenders = ys.tenders;
    auto& s = m.suppliers;
    const std::size_t n = tenders.tenders.size();
    // Capacity conflicts are settled tender by tender in an order drawn from the seed, so no
    // council is always first in the queue and the result does not depend on threads.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> order(n);
    for (std::size_t k = 0; k < n; ++k)
        order[k] = {hash_combine(hash_combine(m.seed, static_cast<std::uint64_t>(m.year)),
                                 tenders.tenders[k].need_key),
                    static_cast<std::uint32_t>(k)};
    std::sort(order.begin(), order.end());
    const auto year = static_cast<std::int16_t>(m.year);
    for (const auto& [key, k] : order) {
        const Tender& t = tenders.tenders[k];
        TenderOutcome& out = tenders.outcomes[k];
        for (std::uint8_t r = 0; r < out.shortlisted; ++r) {
            const Bid& b = out.shortlist[r];
            const std::size_t i = b.supplier.index();
            if (!s.alive[i] || s.capacity[i] - s.committed[i] < b.price) continue;
            out.winner = b.supplier;
            out.winner_rank = r;
            break;
        }
        if (!out.winner.valid()) {
            // No one could take it: the need waits for next year's round, unserved meanwhile.
            Contract waiting;
            waiting.buyer = t.buyer;
            waiting.category = t.category;
            waiting.efficient_cost = t.efficient_cost;
            waiting.need_key = t.need_key;
            waiting.start_year = waiting.end_year = year;
            waiting.relet_of_failure = 1;
            m.contracts.push_back(waiting);
            ++ys.counters.unawarded;
            continue;
        }
        const Bid& b = out.shortlist[out.winner_rank];
        const std::size_t i = b.supplier.index();
        const Pence total = b.price * t.duration;
        s.committed[i] += b.price;
        ++s.wins_year[i];
        s.bid_cost_year[i] +=
            round_pence(m.spec.bidding.award_cost_share * static_cast<double>(total));
        Contract c;
        c.buyer = t.buyer;
        c.supplier = b.supplier;
        c.category = t.category;
        c.start_year = year;
        c.end_year = static_cast<std::int16_t>(year + t.duration - 1);
        const auto& cat = m.spec.categories[t.category.index()];
        // A custom build on the incumbent's system stays custom; otherwise it is a fresh draw.
        c.custom = (t.custom && b.supplier == t.incumbent) ||
                   Stream(m.seed, static_cast<std::uint32_t>(m.year), Phase::Award, t.need_key)
                       .bernoulli(cat.custom_share);
        c.annual_price = b.price;
        c.efficient_cost = t.efficient_cost;
        c.supplier_cost = b.own_cost;
        c.sv_promised = b.sv_offer;
        c.quality_offered = b.quality_offer;
        c.complexity = t.complexity;
        c.need_key = t.need_key;
        m.contracts.push_back(c);
        auto& ctr = ys.counters;
        ++ctr.awards;
        ctr.award_years += t.duration;
        ctr.awarded_total_value += total;
        ctr.sv_promised_total += b.sv_offer * t.duration;
        ctr.award_markup_sum += static_cast<double>(b.price - b.own_cost) /
                                static_cast<double>(std::max<Pence>(1, b.own_cost));
        if (t.is_relet) {
            ++ctr.relets_awarded;
            if (b.supplier == t.incumbent) ++ctr.relets_won_by_incumbent;
        }
    }
}

} // namespace tendersim
