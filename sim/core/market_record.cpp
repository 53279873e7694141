#include "market_record.hpp"

#include <algorithm>
#include <cmath>

namespace tendersim {
namespace {

constexpr float kMinSpread = 0.02f; // a record never claims bids are identical

struct CellTotals {
    double tenders = 0;
    double bids = 0;
    double sum = 0;
    double sum_sq = 0;
    double standing = 0;
    double standing_sq = 0;
};

float blend(float old_value, double fresh, double weight) {
    return static_cast<float>((1.0 - weight) * old_value + weight * fresh);
}

} // namespace

void open_records(Market& m) {
    const auto& b = m.spec.bidding;
    MarketRecord prior;
    prior.bids_per_tender = static_cast<float>(b.prior_bids_per_tender);
    prior.log_ratio_mean = 0.0f; // bids around the estimate
    prior.log_ratio_sd = static_cast<float>(b.prior_bid_spread);
    prior.standing_mean = 0.0f;
    prior.standing_sd = static_cast<float>(b.prior_bid_spread);
    // The advertised market's records, then the call-offs' (used only with frameworks).
    m.records.assign(m.categories * m.regions * (m.spec.frameworks.empty() ? 1 : 2), prior);
    m.councils.price_belief.assign(m.councils.size() * m.categories,
                                   static_cast<float>(1.0 + m.spec.suppliers.initial_markup));
}

void prepare_pricing(const Market& m, YearState& ys) {
    ys.pricing.resize(m.records.size());
    for (std::size_t r = 0; r < m.records.size(); ++r) {
        ys.pricing[r] = RivalBelief(m.records[r]);
    }
}

double believed_unit_price(const Market& m, CouncilId buyer, CategoryId category) {
    return m.councils.price_belief[buyer.index() * m.categories + category.index()];
}

double pooled_unit_price(const Market& m, std::span<const CouncilId> partners,
                         CategoryId category) {
    if (partners.empty()) return 1.0 + m.spec.suppliers.initial_markup;
    double log_sum = 0.0;
    for (const CouncilId c : partners) log_sum += std::log(believed_unit_price(m, c, category));
    return std::exp(log_sum / static_cast<double>(partners.size()));
}

std::span<const CouncilId> price_learners(const Market& m, const Tender& t) {
    const auto& c = m.councils;
    const std::int32_t p = c.partnership[t.buyer.index()];
    if (t.joint == 0 || p < 0 || !c.policy[t.buyer.index()].joint_price_pooling)
        return {&t.buyer, 1};
    return m.partnerships[static_cast<std::size_t>(p)];
}

void publish_results(Market& m, const YearState& ys) {
    const auto& tenders = ys.tenders.tenders;
    const auto& outcomes = ys.tenders.outcomes;
    std::vector<CellTotals> cells(m.records.size());
    CellTotals unpublished; // a refused direct award: the buyer learns, the market does not
    const auto& cs = m.spec.council;
    for (std::size_t k = 0; k < tenders.size(); ++k) {
        const Tender& t = tenders[k];
        const TenderOutcome& o = outcomes[k];
        // An award without competition publishes no bids to learn from: a direct award's price
        // was the council's own estimate, a framework's direct award its rate card. Only a
        // refusal tells the council something: it offered too little.
        const bool competed = t.route != Route::DirectAward && t.route != Route::FrameworkDirect;
        if (!competed && o.winner.valid()) continue;
        auto& c = competed ? cells[m.record_index(t.category, t.region, t.route)] : unpublished;
        c.tenders += 1;
        c.bids += o.bids;
        c.sum += o.log_ratio_sum;
        c.sum_sq += o.log_ratio_sq_sum;
        c.standing += o.standing_sum;
        c.standing_sq += o.standing_sq_sum;
        // The buyer learns from the price it paid, or when it awarded nothing from the lowest bid
        // it saw; a tender that drew no bid tells it the price is higher than it thought. A
        // pooling partnership shares the notice: every partner learns from the joint price.
        const double efficient = static_cast<double>(std::max<Pence>(1, t.efficient_cost));
        for (const CouncilId learner : price_learners(m, t)) {
            float& belief =
                m.councils.price_belief[learner.index() * m.categories + t.category.index()];
            double seen = belief * (1.0 + cs.no_bid_step);
            if (o.winner.valid())
                seen = static_cast<double>(o.shortlist[o.winner_rank].price) / efficient;
            else if (o.lowest_price > 0)
                seen = std::max(seen, static_cast<double>(o.lowest_price) / efficient);
            belief = std::clamp(blend(belief, seen, cs.price_learning_rate), 0.25f, 4.0f);
        }
    }
    const double w = m.spec.bidding.market_memory;
    for (std::size_t r = 0; r < cells.size(); ++r) {
        const CellTotals& c = cells[r];
        MarketRecord& rec = m.records[r];
        if (c.tenders == 0) continue; // nothing published: the record stands
        rec.bids_per_tender = blend(rec.bids_per_tender, c.bids / c.tenders, w);
        if (c.bids == 0) {
            // Tenders went out and nobody bid: bidders learn that rivals would have asked more
            // than they thought, so a market whose record started too low does not stay empty.
            rec.standing_mean += rec.standing_sd;
            rec.log_ratio_mean += rec.log_ratio_sd;
            continue;
        }
        const double mean = c.sum / c.bids;
        const double standing = c.standing / c.bids;
        rec.log_ratio_mean = blend(rec.log_ratio_mean, mean, w);
        rec.standing_mean = blend(rec.standing_mean, standing, w);
        if (c.bids >= 2) {
            const double var = std::max(0.0, c.sum_sq / c.bids - mean * mean);
            rec.log_ratio_sd = std::max(kMinSpread, blend(rec.log_ratio_sd, std::sqrt(var), w));
            const double var_s = std::max(0.0, c.standing_sq / c.bids - standing * standing);
            rec.standing_sd = std::max(kMinSpread, blend(rec.standing_sd, std::sqrt(var_s), w));
        }
    }
}

} // namespace tendersim
