#include "candidate_index.hpp"
#include "cost_model.hpp"
#include "frameworks.hpp"
#include "market_record.hpp"
#include "phases.hpp"
#include "rng.hpp"
#include "seeded_order.hpp"

#include <algorithm>
#include <numeric>

namespace tendersim {

namespace {

// A large prime passes part of the work to a subcontractor: at least the policy's SME share (to
// an SME), else the voluntary share (to any supplier). It asks a few suppliers that serve the
// category in the region and takes the cheapest with room.
void choose_subcontractor(Market& m, const CandidateIndex& index, const Tender& t, Contract& c,
                          const PolicySpec& policy, Stream& rng) {
    const bool required = policy.subcontract_sme_share > 0.0;
    const double share =
        std::max(policy.subcontract_sme_share, m.spec.market.voluntary_subcontract_share);
    if (share <= 0.0) return;
    const Pence sub_price = round_pence(share * static_cast<double>(c.annual_price));
    auto& s = m.suppliers;
    const auto cell = index.cell(t.category, t.region);
    if (cell.empty()) return;
    SupplierId best;
    for (int ask = 0; ask < 8; ++ask) {
        const SupplierId cand = cell[rng.below(cell.size())];
        const std::size_t k = cand.index();
        if (cand == c.supplier || !s.alive[k] || (required && !s.is_sme[k])) continue;
        if (s.capacity[k] - s.committed[k] < sub_price) continue;
        if (!best.valid() || s.cost_factor[k] < s.cost_factor[best.index()]) best = cand;
    }
    if (!best.valid()) return; // nobody suitable was found: the prime delivers it all
    c.subcontractor = best;
    c.subcontract_price = sub_price;
    add_money(s.committed[best.index()], sub_price, "a supplier's committed work");
}

} // namespace

void run_award(Market& m, YearState& ys, const CandidateIndex& index) {
    auto& tenders = ys.tenders;
    auto& s = m.suppliers;
    const std::size_t n = tenders.tenders.size();
    // Capacity conflicts are settled tender by tender in an order drawn from the seed, so no
    // council is always first in the queue and the result does not depend on threads.
    const std::uint64_t year_key = hash_combine(m.seed, static_cast<std::uint64_t>(m.year));
    auto order = seeded_order(
        n, [&](std::size_t k) { return hash_combine(year_key, tenders.tenders[k].need_key); });
    // A framework's direct awards were given to members with room for them all (design phase):
    // they are settled first, so no other award takes that room.
    std::stable_partition(order.begin(), order.end(), [&](const auto& entry) {
        return tenders.tenders[entry.second].route == Route::FrameworkDirect;
    });
    const auto year = static_cast<std::int16_t>(m.year);
    // The loop is serial and visits tenders in a random order, so it waited on memory for each
    // tender's outcome and its first-ranked bidder's record (half the phase's time). Fetching
    // them some tenders ahead overlaps those waits; prefetches change no value.
    constexpr std::size_t kOutcomeAhead = 12; // outcome and tender lines
    constexpr std::size_t kBidderAhead = 4;   // the first-ranked bidder, once its outcome is in
    const auto prefetch_tender = [&](std::size_t k) {
        const auto* out = reinterpret_cast<const char*>(&tenders.outcomes[k]);
        __builtin_prefetch(out);
        __builtin_prefetch(out + 64);
        __builtin_prefetch(out + sizeof(TenderOutcome) - 1);
        __builtin_prefetch(&tenders.tenders[k]);
    };
    const auto prefetch_bidder = [&](std::size_t k) {
        const TenderOutcome& out = tenders.outcomes[k];
        if (out.shortlisted == 0) return;
        const std::size_t i = out.shortlist[0].supplier.index();
        __builtin_prefetch(&s.alive[i]);
        __builtin_prefetch(&s.capacity[i]);
        __builtin_prefetch(&s.committed[i]);
    };
    for (std::size_t q = 0; q < order.size(); ++q) {
        if (q + kOutcomeAhead < order.size()) prefetch_tender(order[q + kOutcomeAhead].second);
        if (q + kBidderAhead < order.size()) prefetch_bidder(order[q + kBidderAhead].second);
        const std::size_t k = order[q].second;
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
        ys.counters.over_reserve_bids += out.over_reserve;
        const auto route = static_cast<std::size_t>(t.route);
        add_money(ys.counters.route_bid_costs[route], out.bid_costs, "the year's bid costs");
        if (!out.winner.valid()) {
            // Bids came but none within the reserve: the tender is re-advertised next year.
            if (out.bids > 0 && out.over_reserve == out.bids) ++ys.counters.no_admissible_bid;
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
        const Pence total = money_mul(b.price, t.duration, "a contract's total value");
        Stream rng(m.seed, static_cast<std::uint32_t>(m.year), StreamPurpose::Award, t.need_key);
        ++s.wins_year[i];
        add_money(s.bid_cost_year[i],
                  round_pence(m.spec.bidding.award_cost_share * static_cast<double>(total)),
                  "a supplier's bid costs");
        Contract c;
        c.buyer = t.buyer;
        c.supplier = b.supplier;
        c.category = t.category;
        c.start_year = year;
        c.end_year = static_cast<std::int16_t>(year + t.duration - 1);
        const auto& cat = m.spec.categories[t.category.index()];
        const auto& policy = m.councils.policy[t.buyer.index()];
        // A custom build on the incumbent's system stays custom; otherwise it is a fresh draw,
        // less likely when the buyer specified an outcome or partners buy a standard system.
        double custom_share = cat.custom_share;
        if (t.outcome_spec) custom_share *= 1.0 - m.spec.levers.outcome_lockin_reduction;
        if (t.joint) custom_share *= 1.0 - m.spec.levers.vanilla_lockin_reduction;
        const bool kept_custom = t.custom && b.supplier == t.incumbent && !t.outcome_spec;
        c.custom = kept_custom || rng.bernoulli(custom_share);
        c.annual_price = b.price;
        c.efficient_cost = t.efficient_cost;
        c.supplier_cost = b.own_cost;
        c.sv_promised = b.sv_offer;
        c.quality_offered = b.quality_offer;
        c.complexity = t.complexity;
        c.need_key = t.need_key;
        c.outcome_spec = t.outcome_spec;
        c.outcome_payment_share = t.outcome_payment_share;
        c.monitored = policy.monitor_social_value ? 1 : 0;
        c.joint = t.joint ? 1 : 0;
        c.route = t.route;
        c.framework = t.framework;
        if (is_call_off(t.route)) {
            const auto f = static_cast<std::size_t>(t.framework);
            c.fee_share = static_cast<float>(m.framework_spec(f).fee_share);
            FrameworkLot& lot = m.frameworks[f].lots[t.framework_lot];
            const std::ptrdiff_t r = member_rank(lot, b.supplier);
            if (r >= 0) lot.called_off[static_cast<std::size_t>(r)] = 1;
            add_money(ys.counters.call_off_sme_value, s.is_sme[i] ? total : 0,
                      "the year's call-off value");
        }
        // Under an outcome specification a supplier may bring a new solution.
        c.innovative = t.outcome_spec && rng.bernoulli(s.innovation[i] * cat.innovation_potential);
        if (!s.is_sme[i]) choose_subcontractor(m, index, t, c, policy, rng);
        add_money(s.committed[i], c.annual_price - c.subcontract_price,
                  "a supplier's committed work");
        m.contracts.push_back(c);
        auto& ctr = ys.counters;
        ++ctr.awards;
        ctr.sme_awards += s.is_sme[i];
        ctr.innovative_awards += c.innovative;
        ctr.award_years += t.duration;
        add_money(ctr.awarded_total_value, total, "the year's awarded value");
        ++ctr.route_awards[route];
        add_money(ctr.route_value[route], total, "the year's awarded value");
        add_money(ctr.awarded_annual_value, b.price, "the year's awarded annual value");
        add_money(ctr.sv_promised_total,
                  money_mul(b.sv_offer, t.duration, "a promise of social value"),
                  "the year's promised social value");
        ctr.award_markup_sum += static_cast<double>(b.price - b.own_cost) /
                                static_cast<double>(std::max<Pence>(1, b.own_cost));
        if (t.is_relet) {
            ++ctr.relets_awarded;
            if (b.supplier == t.incumbent) ++ctr.relets_won_by_incumbent;
        }
    }
    publish_results(m, ys);
}

} // namespace tendersim
