#include "atomic_add.hpp"
#include "cost_model.hpp"
#include "evaluation.hpp"
#include "frameworks.hpp"
#include "market_record.hpp"
#include "phases.hpp"
#include "rng.hpp"
#include "social_value.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace tendersim {
namespace {

// Everything one tender's bid/no-bid decisions read, gathered once per tender. Read-only: the
// decisions write nothing shared (bid_for_tender records each bid in BidCounters).
struct TenderView {
    const Market& m;
    const Tender& t;
    double sv_effort;
    Pence total_value;
    Pence bid_cost;
    Pence switching_cost;
    double large_scale;
    // Pricing: the market's record and curve, the highest log(price / estimate) a bidder will
    // ask (the reserve when published, else its guess of it), and the incumbent's known edge.
    const MarketRecord& record;
    const RivalBelief& rivals;
    double log_ceiling;
    double incumbent_shift;
    double sv_reference;  // the largest social-value offer possible: scores offers for pricing
    bool selection_stage; // an open tender above the threshold for a selection stage
    double fee_share;     // of the price, owed to the framework owner on a call-off
    // Per-scenario constants of the per-decision pricing (PricingConstants), copied per tender.
    double log_markup_min;
    double log_markup_max;
    std::array<double, 3> fit_scale; // the job fit's cost factor at each Gauss-Hermite node
    double fit_mean_shift;           // 0.5 x job_fit_sd^2: keeps the fit mean-preserving
    // Whether the rival belief holds a NaN, which makes a win chance NaN whatever the bid: only
    // then must a win chance that is multiplied by a zero profit still be computed.
    bool rivals_nan;
    Stream fit_draw; // the job fit's stream for this need (per supplier: its sub-stream)
};

// How a bid's price is set (docs/ODD.md 7.20). Compete: against the rivals it expects. Negotiate:
// a direct award, where no rival exists and it asks the most the council will pay (its estimate),
// up to its highest markup. RateCard: a framework's direct award, at the markup it tendered when
// appointed.
enum class Pricing : std::uint8_t { Compete, Negotiate, RateCard };
struct Terms {
    Pricing pricing = Pricing::Compete;
    double rate_markup = 0; // RateCard: the price; a member's competed call-off: the ceiling
    bool rate_ceiling = false;
};

// The price ratio (price / estimate) a bidder with cost ratio k asks and its believed chance of
// winning with it, by the pricing rule of pricing.hpp. A ratio of 0 means it cannot bid above its
// cost within the ceiling.
struct Ask {
    double ratio = 0;
    double win_chance = 0;
};

// The ask before its win chance: the chance (a pow()) is wanted only when the bid's profit counts,
// so it is left to the caller, from the cost standing y.
struct PendingAsk {
    double ratio = 0;
    double y = 0;
};

PendingAsk competitive_ask(const TenderView& v, double k, double non_price, double edge,
                           bool incumbent) {
    // Its cost standing: log(cost / scope) less what its non-price scores are worth, its learned
    // edge (wins it did or did not expect) and, for the incumbent, the switching cost rivals carry.
    const double log_k = std::log(k);
    const double y =
        log_k - non_price - edge * v.record.standing_sd - (incumbent ? v.incumbent_shift : 0.0);
    const double t = std::clamp(v.rivals.log_markup(y), v.log_markup_min, v.log_markup_max);
    const double log_x = std::min(log_k + t, v.log_ceiling);
    if (log_x <= log_k) return {};
    return {std::exp(log_x), y};
}

// The incumbent's advantage in log price: on a custom system rivals' evaluated prices carry the
// switching cost (its quality advantage is part of its non-price score).
double incumbent_shift(const Tender& t, Pence switching_cost) {
    if (!t.incumbent.valid()) return 0.0;
    const double scope = static_cast<double>(std::max<Pence>(1, t.efficient_cost));
    return std::log1p(static_cast<double>(switching_cost) / scope);
}

// The price-equivalent of a bid's non-price scores (pricing.hpp, MarketRecord): its quality and
// social-value scores weighted against price.
double non_price_standing(const Tender& t, double quality, double sv_score) {
    const double price_weight = std::max(0.05, static_cast<double>(t.price_weight));
    const double quality_weight = 1.0 - t.price_weight - t.social_value_weight;
    return (quality_weight * quality + t.social_value_weight * sv_score) / price_weight;
}

// The only supplier fields bidding writes. Tenders are bid for in parallel, so every write is an
// atomic add (integer sums: the same totals in any order).
struct BidCounters {
    std::vector<std::int32_t>& bids_year;
    std::vector<Pence>& bid_cost_year;
    std::vector<std::int64_t>& expected_wins_year;
    std::vector<std::int64_t>& markup_sum_year;

    void record(SupplierId id, Pence bid_cost, double win_chance, double markup) const {
        const std::size_t i = id.index();
        atomic_add(bids_year[i], 1);
        atomic_add(bid_cost_year[i], bid_cost);
        atomic_add(expected_wins_year[i],
                   static_cast<std::int64_t>(std::llround(win_chance * kMicro)));
        atomic_add(markup_sum_year[i], static_cast<std::int64_t>(std::llround(markup * kMicro)));
    }
    // A bid prepared but not sent (the job cost more than it could ask) still cost its writing.
    void record_unsent(SupplierId id, Pence bid_cost) const {
        atomic_add(bid_cost_year[id.index()], bid_cost);
    }
    static constexpr double kMicro = 1e6; // shares summed as integers: any order, same total
};

// What a bid carries besides the Bid record: its believed win chance and markup, for learning.
struct BidBelief {
    double win_chance = 0;
    double markup = 0;
    bool prepared = false; // it paid for preparing a bid, whether or not it sent one
};

// Three-point Gauss-Hermite rule for a standard normal: nodes -sqrt(3), 0, sqrt(3).
constexpr std::array<std::pair<double, double>, 3> kFitNodes{
    {{-1.7320508075688772, 1.0 / 6.0}, {0.0, 2.0 / 3.0}, {1.7320508075688772, 1.0 / 6.0}}};

// One supplier's bid/no-bid decision and, if it bids, its bid. Returns false for no bid. Writes
// only `bid` and `belief`.
bool decide_and_bid(const TenderView& v, SupplierId id, bool incumbent, Stream rng, Bid& bid,
                    BidBelief& belief, const Terms& terms = {}) {
    const auto& m = v.m;
    const auto& s = m.suppliers;
    const auto& t = v.t;
    const std::size_t i = id.index();
    if (!s.alive[i]) return false;
    if (t.reserved_sme && !s.is_sme[i]) return false;
    const bool local = s.region[i] == t.region;
    if (t.reserved_local && !local) return false;
    // Qualification: turnover must cover k x the annual value, above the threshold only (below
    // it there is no selection stage).
    if (v.selection_stage &&
        static_cast<double>(s.turnover[i]) < m.spec.evaluation.qualification_turnover_multiple *
                                                 static_cast<double>(t.estimated_value))
        return false;
    // A supplier without room for the work does not bid.
    if (s.capacity[i] - s.committed[i] < t.estimated_value) return false;

    const auto& b = m.spec.bidding;
    const auto& lv = m.spec.levers;
    // Its cost of this job: its firm-level cost, times how well the job fits what it already does
    // (a private draw per firm and tender, mean-preserving).
    const double fit = b.job_fit_sd;
    const double usual =
        static_cast<double>(supplier_cost(m, id, t.efficient_cost, v.large_scale, incumbent));
    // Its own cost and its estimate of it are drawn only once it costs the job: a competitive
    // bidder first decides on its usual cost whether to prepare a bid at all. Both draws come from
    // streams of their own (the estimate's is the first of `rng`), so drawing them later draws
    // the same numbers.
    Pence own = 0;
    double estimate = 0;
    const auto cost_the_job = [&] {
        // The fit belongs to the firm and the need, not to the year: the incumbent, chosen partly
        // for its fit, keeps it when the need is let again.
        own = round_pence(usual * std::exp(fit * v.fit_draw.sub(id.v).normal() - v.fit_mean_shift),
                          "a supplier's cost of a contract");
        // The incumbent knows the job: its estimate of the cost is closer to the truth.
        const double error = b.estimation_error * t.complexity *
                             (incumbent ? m.spec.incumbency.estimation_error_factor : 1.0);
        estimate = std::max(0.0, static_cast<double>(own) * (1.0 + error * rng.normal()));
    };
    // What the supplier can offer: quality, and under an outcome specification its own
    // (possibly innovative) solution.
    const double quality = offered_quality(m, t, id);
    // Social value: capability x effort (set by the weight), more for a local supplier. Its
    // units cost the same whatever the council values them at; the proxies set their GBP worth.
    const double sv_units_at_reference = static_cast<double>(t.estimated_value) *
                                         b.social_value_max_rate * s.social_value[i] * v.sv_effort *
                                         (local ? 1.0 + lv.social_value_local_bonus : 1.0);
    const double sv_cost = sv_units_at_reference * b.social_value_cost_ratio;
    // Outcome-linked payment: the supplier prices the share it expects to lose.
    const double withheld =
        t.outcome_payment_share > 0
            ? t.outcome_payment_share * (1.0 - outcome_met_probability(m, quality))
            : 0.0;
    double cost = 0; // what the price must cover a year, as it judges it: estimate + sv_cost
    // Bids are judged against the scope of the work, which every bidder reads in the same
    // specification (its size at the market's efficient unit cost), not against the council's
    // noisy estimate.
    const double scope = static_cast<double>(std::max<Pence>(1, t.efficient_cost));
    const double risk = 1.0 + lv.outcome_risk_premium * withheld;
    const double award_cost = b.award_cost_share * static_cast<double>(v.total_value);
    // What winning at a price is worth to it over the contract, by its own estimate of cost: a
    // low estimate can make it win work it will lose money on (the winner's curse).
    // A call-off's fee comes off what the supplier receives, so it prices it in.
    const double fee = v.fee_share;
    auto profit_if_won = [&](double price, double its_cost) {
        return (price * (1.0 - withheld - fee) - its_cost) * t.duration - award_cost;
    };
    // A framework's rate for this job: the member's usual cost (what the appointment ranked,
    // without this job's fit or its estimation error) and the social value asked, at the markup
    // it tendered, grossed up for the fee.
    const double rate_price = (usual + sv_cost) * (1.0 + terms.rate_markup) / (1.0 - fee);
    Ask ask;
    const bool competes = terms.pricing == Pricing::Compete && b.competitive_pricing;
    if (!competes) {
        cost_the_job();
        cost = estimate + sv_cost;
    }
    if (terms.pricing == Pricing::Negotiate) {
        // No rival: the most the council will pay without competing it (its estimate, within the
        // reserve), up to the highest markup, if that covers the cost.
        const auto& sp = m.spec.suppliers;
        const double asked =
            std::min({static_cast<double>(t.estimated_value), static_cast<double>(t.reserve),
                      cost * (1.0 + sp.markup_max) / (1.0 - fee)});
        ask = {asked / (scope * risk), 1.0};
        if (profit_if_won(asked, cost) <= 0.0) return false;
    } else if (terms.pricing == Pricing::RateCard) {
        // Framework terms bind the member to its appointed rate.
        ask = {rate_price / (scope * risk), 1.0};
    } else if (b.competitive_pricing) {
        // What it expects evaluators to credit: its quality and social value as its reputation
        // lets them count.
        const double expected_quality =
            quality * s.reputation[i] + incumbent_quality_bonus(m.spec, t, incumbent);
        const double sv_score = std::min(1.0, sv_units_at_reference * proxy_value_factor(m, i) *
                                                  s.reputation[i] / v.sv_reference);
        const double non_price = non_price_standing(t, expected_quality, sv_score);
        // Whether to prepare a bid is decided before the job is costed (Levin & Smith 1994):
        // on the expected profit over what this job may cost it (its usual cost spread by the
        // job fit; three-point Gauss-Hermite), against the cost of preparing the bid.
        // Every term is >= 0 (or NaN, which also prepares the bid), so the sum only grows: once
        // it passes the bid's cost the rest cannot change the decision and is not computed.
        const double edge = s.edge[i];
        double ex_ante = 0.0;
        for (std::size_t node = 0;
             node < kFitNodes.size() && ex_ante <= static_cast<double>(v.bid_cost); ++node) {
            // A call-off's fee is a cost: the bidder stands against rivals' prices, which carry it.
            const double c = usual * v.fit_scale[node] + sv_cost;
            const PendingAsk a =
                competitive_ask(v, c / (1.0 - fee) / scope, non_price, edge, incumbent);
            if (a.ratio > 0.0) {
                const double profit = std::max(0.0, profit_if_won(a.ratio * scope * risk, c));
                // A zero profit adds exactly +0 (a win chance lies in [0, 1]) unless it is NaN.
                if (profit > 0.0 || v.rivals_nan || std::isnan(a.y))
                    ex_ante += kFitNodes[node].second * v.rivals.win_chance(a.y) * profit;
            }
        }
        if (ex_ante <= static_cast<double>(v.bid_cost)) return false;
        cost_the_job();
        cost = estimate + sv_cost;
        if (cost <= 0.0) return false;
        belief.prepared = true;
        const PendingAsk pending =
            competitive_ask(v, cost / (1.0 - fee) / scope, non_price, edge, incumbent);
        ask.ratio = pending.ratio;
        // A framework's prices are maximums in its call-offs: a member bids no more than its
        // appointed rate.
        if (terms.rate_ceiling && ask.ratio > 0.0)
            ask.ratio = std::min(ask.ratio, rate_price / (scope * risk));
        // Costed above what it could ask, or at a price not worth winning: no bid is sent.
        if (ask.ratio <= 0.0 || profit_if_won(ask.ratio * scope * risk, cost) <= 0.0) return false;
        ask.win_chance = v.rivals.win_chance(pending.y);
    } else {
        // Knock-out: a fixed markup, blind to rivals; the chance of winning is its track record.
        ask = {(1.0 + m.spec.suppliers.initial_markup) * cost / scope / (1.0 - fee),
               s.win_belief[i]};
        if (ask.win_chance * profit_if_won(ask.ratio * scope * risk, cost) <=
            static_cast<double>(v.bid_cost))
            return false;
    }
    const double price = ask.ratio * scope * risk;
    belief.win_chance = ask.win_chance;
    // A bid without rivals teaches nothing about competing: it keeps the learned markup (and, at
    // a win chance of 1, its edge) where they are.
    belief.markup = terms.pricing == Pricing::Compete ? price / cost - 1.0 : s.markup[i];

    bid.supplier = id;
    bid.is_sme = s.is_sme[i];
    bid.rejected = 0;
    bid.reason = RejectReason::None;
    bid.price = std::max<Pence>(1, round_pence(price, "a bid's price"));
    bid.evaluated_price =
        money_add(bid.price, incumbent ? 0 : v.switching_cost, "a bid's evaluated price");
    bid.own_cost =
        money_add(own, round_pence(sv_cost, "a bid's social-value cost"), "a bid's cost");
    const double sv_offer = sv_units_at_reference * proxy_value_factor(m, i);
    bid.sv_offer = round_pence(sv_offer, "a social-value offer");
    bid.sv_evaluated = round_pence(sv_offer * s.reputation[i], "a social-value offer");
    bid.quality_offer = static_cast<float>(quality);
    const double noise =
        m.spec.evaluation.evaluator_noise * (t.outcome_spec ? 1.0 + lv.outcome_noise_factor : 1.0);
    const double evaluated = quality * s.reputation[i] +
                             incumbent_quality_bonus(m.spec, t, incumbent) + noise * rng.normal();
    bid.quality = static_cast<float>(std::clamp(evaluated, 0.0, 1.0));
    return true;
}

// A supplier the walk reached, with its draw: it notices the tender when x < its attention.
struct Landing {
    SupplierId id;
    double x;
};

// The records a bid/no-bid decision reads first, fetched ahead of it.
void prefetch_supplier(const Suppliers& s, SupplierId id) {
    const std::size_t i = id.index();
    __builtin_prefetch(&s.alive[i]);
    __builtin_prefetch(&s.is_sme[i]);
    __builtin_prefetch(&s.region[i]);
    __builtin_prefetch(&s.turnover[i]);
    __builtin_prefetch(&s.capacity[i]);
    __builtin_prefetch(&s.committed[i]);
    __builtin_prefetch(&s.cost_factor[i]);
    __builtin_prefetch(&s.quality[i]);
    __builtin_prefetch(&s.social_value[i]);
    __builtin_prefetch(&s.reputation[i]);
    __builtin_prefetch(&s.edge[i]);
}

bool serves(const Suppliers& s, SupplierId id, CategoryId category) {
    return s.category_mask[id.index()] >> category.index() & 1u;
}

// Who is asked to bid, by the tender's route (docs/ODD.md 7.20); `consider(id, incumbent, terms)`
// takes each decision.
template <class Consider>
void gather_bids(const Market& m, const CandidateIndex& index, const Tender& t, Stream& walk,
                 Consider&& consider) {
    const auto& s = m.suppliers;
    const bool incumbent_serves = t.incumbent.valid() && serves(s, t.incumbent, t.category);
    switch (t.route) {
    case Route::Open: {
        // Walk each attention band of the cell with geometric skips at the band's highest notice
        // rate, then thin by each supplier's own rate (see CandidateIndex::band). The decisions
        // draw only from their own sub-streams, so the walk's draws are all taken first; the
        // attentions and then the noticing suppliers' records, scattered over memory, are
        // fetched a few suppliers ahead of their reads (the decisions waited on them).
        if (incumbent_serves) prefetch_supplier(s, t.incumbent);
        thread_local std::vector<Landing> landed;
        landed.clear();
        for (std::size_t band = 0; band < CandidateIndex::kBands; ++band)
            walk_band_draws(index.band(t.category, t.region, band), walk,
                            [&](SupplierId id, double x) {
                                landed.push_back({id, x});
                            });
        constexpr std::size_t kAttentionAhead = 8;
        for (std::size_t k = 0; k < std::min(kAttentionAhead, landed.size()); ++k)
            __builtin_prefetch(&s.attention[landed[k].id.index()]);
        std::size_t noticed = 0; // the noticing suppliers, in walk order, replace the landings
        for (std::size_t k = 0; k < landed.size(); ++k) {
            if (k + kAttentionAhead < landed.size())
                __builtin_prefetch(&s.attention[landed[k + kAttentionAhead].id.index()]);
            const SupplierId id = landed[k].id;
            if (landed[k].x < s.attention[id.index()] && id != t.incumbent)
                landed[noticed++].id = id;
        }
        constexpr std::size_t kRecordsAhead = 2;
        for (std::size_t k = 0; k < std::min(kRecordsAhead, noticed); ++k)
            prefetch_supplier(s, landed[k].id);
        if (incumbent_serves) consider(t.incumbent, true, Terms{});
        for (std::size_t k = 0; k < noticed; ++k) {
            if (k + kRecordsAhead < noticed) prefetch_supplier(s, landed[k + kRecordsAhead].id);
            consider(landed[k].id, false, Terms{});
        }
        return;
    }
    case Route::Quotes: {
        // No notice: the council invites a few suppliers it knows in the market, the incumbent
        // first, each of whom decides whether to quote.
        const auto want =
            static_cast<std::size_t>(m.councils.policy[t.buyer.index()].quote_invitations);
        // A reserved quote invites only suppliers the reservation admits.
        const auto admitted = [&](SupplierId id) {
            return (!t.reserved_sme || s.is_sme[id.index()]) &&
                   (!t.reserved_local || s.region[id.index()] == t.region);
        };
        std::array<SupplierId, 16> invited{};
        std::size_t count = 0;
        if (incumbent_serves && want > 0 && admitted(t.incumbent)) invited[count++] = t.incumbent;
        const auto cell = index.cell(t.category, t.region);
        for (std::size_t tries = 0;
             count < std::min(want, invited.size()) && tries < 4 * want && !cell.empty(); ++tries) {
            const SupplierId id = cell[walk.below(cell.size())];
            if (admitted(id) &&
                std::find(invited.begin(), invited.begin() + count, id) == invited.begin() + count)
                invited[count++] = id;
        }
        for (std::size_t k = 0; k < count; ++k)
            consider(invited[k], invited[k] == t.incumbent, Terms{});
        return;
    }
    case Route::DirectAward: {
        // One supplier, asked without competition: the incumbent if it can take the work, else
        // one the council finds in the market with room for it.
        const auto fits = [&](SupplierId id) {
            const std::size_t i = id.index();
            return s.alive[i] && s.capacity[i] - s.committed[i] >= t.estimated_value &&
                   (!t.reserved_sme || s.is_sme[i]) &&
                   (!t.reserved_local || s.region[i] == t.region);
        };
        if (incumbent_serves && fits(t.incumbent)) {
            consider(t.incumbent, true, Terms{Pricing::Negotiate, 0.0});
            return;
        }
        const auto cell = index.cell(t.category, t.region);
        for (int tries = 0; tries < 8 && !cell.empty(); ++tries) {
            const SupplierId id = cell[walk.below(cell.size())];
            if (!fits(id)) continue;
            consider(id, false, Terms{Pricing::Negotiate, 0.0});
            return;
        }
        return;
    }
    case Route::FrameworkDirect:
    case Route::MiniCompetition:
    case Route::DynamicMarket: {
        const FrameworkLot& lot =
            m.frameworks[static_cast<std::size_t>(t.framework)].lots[t.framework_lot];
        const auto member_can = [&](std::size_t r) { return can_serve(m, lot.members[r], t); };
        if (t.route == Route::FrameworkDirect) {
            // The framework's objective selection (the design phase's assign_direct_awards): the
            // best-ranked member with room, at its appointed rate (PA2023 s45(4)).
            const auto r = static_cast<std::size_t>(member_rank(lot, t.direct_member));
            consider(t.direct_member, t.direct_member == t.incumbent,
                     Terms{Pricing::RateCard, lot.rate_markup[r]});
            return;
        }
        // Competition among the members only: every member that can serve the need is invited,
        // reads the invitation as its bid-writing capacity allows (attention counts its
        // invitations with the notices it could answer) and decides whether a bid is worth its
        // cost; a supplier off the framework cannot bid.
        // Framework members bid at most their appointed rates; a dynamic market sets no prices.
        const bool capped = t.route != Route::DynamicMarket;
        const auto terms_of = [&](std::size_t r) {
            return Terms{Pricing::Compete, lot.rate_markup[r], capped};
        };
        const std::ptrdiff_t held = t.incumbent.valid() ? member_rank(lot, t.incumbent) : -1;
        if (held >= 0 && member_can(static_cast<std::size_t>(held)))
            consider(t.incumbent, true, terms_of(static_cast<std::size_t>(held)));
        for (std::size_t r = 0; r < lot.members.size(); ++r) {
            if (static_cast<std::ptrdiff_t>(r) == held || !member_can(r)) continue;
            if (walk.uniform() < s.attention[lot.members[r].index()])
                consider(lot.members[r], false, terms_of(r));
        }
        return;
    }
    }
}

// The scenario's constants of the per-decision pricing, computed once a year rather than per
// tender (adoptions may change the scenario between years): the same expressions, so the same
// values, without two log1p and three exp per tender.
struct PricingConstants {
    double log_markup_min;
    double log_markup_max;
    std::array<double, 3> fit_scale;
    double fit_mean_shift;

    explicit PricingConstants(const ScenarioSpec& spec)
        : log_markup_min(std::log1p(spec.suppliers.markup_min)),
          log_markup_max(std::log1p(spec.suppliers.markup_max)), fit_scale{},
          fit_mean_shift(0.5 * spec.bidding.job_fit_sd * spec.bidding.job_fit_sd) {
        const double fit = spec.bidding.job_fit_sd;
        for (std::size_t node = 0; node < kFitNodes.size(); ++node)
            fit_scale[node] = std::exp(fit * kFitNodes[node].first - 0.5 * fit * fit);
    }
};

void bid_for_tender(const Market& m, const CandidateIndex& index,
                    const std::vector<RivalBelief>& pricing, const PricingConstants& constants,
                    const Tender& t, const BidCounters& counters, TenderOutcome& out,
                    Bid* log_slots) {
    const auto& b = m.spec.bidding;
    const double effort = std::clamp(
        b.social_value_base_effort + (1.0 - b.social_value_base_effort) * t.social_value_weight /
                                         b.social_value_effort_saturation,
        0.0, 1.0);
    const Pence total = money_mul(t.estimated_value, t.duration, "a tender's total value");
    // Switching costs on a custom system; an outcome specification frees rivals from most of them.
    const double lockin = t.outcome_spec ? 1.0 - m.spec.levers.outcome_lockin_reduction : 1.0;
    const Pence switching = t.custom ? round_pence(lockin * m.spec.incumbency.switching_cost_share *
                                                   static_cast<double>(t.estimated_value))
                                     : 0;
    const std::size_t market = m.record_index(t.category, t.region, t.route);
    const MarketRecord& record = m.records[market];
    // A published reserve is the ceiling; a secret one is guessed from the bids the market has
    // published (rarely above the mean plus two spreads).
    const double log_ceiling =
        t.reserve_published ? std::log(static_cast<double>(std::max<Pence>(1, t.reserve)) /
                                       static_cast<double>(std::max<Pence>(1, t.efficient_cost)))
                            : record.log_ratio_mean + 2.0 * record.log_ratio_sd;
    // A quote or a call-off bid reuses what an open tender's bid must prove afresh (no selection
    // stage below the threshold, PA2023 s85; members qualified on appointment): it costs less.
    const Pence full_bid_cost = bid_cost(b, total);
    const Pence route_bid_cost = t.route == Route::Open
                                     ? full_bid_cost
                                     : round_pence(m.spec.levers.call_off_bid_cost_factor *
                                                   static_cast<double>(full_bid_cost));
    const double fee_share = is_call_off(t.route)
                                 ? m.framework_spec(static_cast<std::size_t>(t.framework)).fee_share
                                 : 0.0;
    TenderView view{m,
                    t,
                    effort,
                    total,
                    route_bid_cost,
                    switching,
                    large_scale_factor(m.spec.categories[t.category.index()], t.efficient_cost),
                    record,
                    pricing[market],
                    log_ceiling,
                    incumbent_shift(t, switching),
                    std::max(1.0, static_cast<double>(t.estimated_value) * b.social_value_max_rate *
                                      effort * (1.0 + m.spec.levers.social_value_local_bonus)),
                    t.route == Route::Open &&
                        static_cast<double>(total) >=
                            as_pence(m.spec.evaluation.selection_threshold_gbp),
                    fee_share,
                    constants.log_markup_min,
                    constants.log_markup_max,
                    constants.fit_scale,
                    constants.fit_mean_shift,
                    std::isnan(pricing[market].rivals()) || std::isnan(pricing[market].upper()) ||
                        std::isnan(pricing[market].lower()),
                    Stream(m.seed, 0, StreamPurpose::JobFit, t.need_key)};
    Stream walk(m.seed, static_cast<std::uint32_t>(m.year), StreamPurpose::Bidding, t.need_key);
    // Per-thread scratch: every field of a bid is written before it is read, and a fresh array
    // would zero 64 bids (4 KB) for every tender. With the bid log on, the tender's own log slots
    // take its place, so the bids are kept exactly as scored.
    thread_local std::array<Bid, kMaxBids> scratch;
    Bid* const bids = log_slots ? log_slots : scratch.data();
    std::size_t n = 0;
    out.bids_over_cap = 0;
    out.bid_costs = 0;
    auto consider = [&](SupplierId id, bool incumbent, const Terms& terms = {}) {
        ++out.considered;
        BidBelief belief;
        // A rate-card award asks for no bid; every other route's bid is prepared at a cost.
        const Pence cost = terms.pricing == Pricing::RateCard ? 0 : view.bid_cost;
        if (n < kMaxBids) {
            if (!decide_and_bid(view, id, incumbent, walk.sub(id.v), bids[n], belief, terms)) {
                if (belief.prepared) {
                    counters.record_unsent(id, cost);
                    out.bid_costs += cost;
                }
                return;
            }
            counters.record(id, cost, belief.win_chance, belief.markup);
            out.bid_costs += cost;
            ++n;
        } else {
            // The cap binds: the decision is still taken (it draws from its own sub-stream and
            // writes nothing), only to count the bid the cap drops (reported at the end of a run).
            Bid dropped;
            if (decide_and_bid(view, id, incumbent, walk.sub(id.v), dropped, belief, terms))
                ++out.bids_over_cap;
        }
    };
    gather_bids(m, index, t, walk, consider);

    out.bids = static_cast<std::uint16_t>(n);
    out.sme_bids = 0;
    out.lowest_price = 0;
    out.log_ratio_sum = 0;
    out.log_ratio_sq_sum = 0;
    const double scope = static_cast<double>(std::max<Pence>(1, t.efficient_cost));
    std::array<double, kMaxBids> log_ratio; // each bid's log(price / scope), read twice
    for (std::size_t k = 0; k < n; ++k) {
        out.sme_bids = static_cast<std::uint16_t>(out.sme_bids + bids[k].is_sme);
        if (out.lowest_price == 0 || bids[k].price < out.lowest_price)
            out.lowest_price = bids[k].price;
        // Published in the award notice (every bid, as the OCDS bids extension lists them).
        const double r = std::log(static_cast<double>(bids[k].price) / scope);
        log_ratio[k] = r;
        out.log_ratio_sum += static_cast<float>(r);
        out.log_ratio_sq_sum += static_cast<float>(r * r);
    }
    const std::span<Bid> all(bids, n);
    out.over_reserve = reject_over_reserve(all, t.reserve);
    out.standing_sum = 0;
    out.standing_sq_sum = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const Bid& bid = bids[k];
        const double sv_score =
            std::min(1.0, static_cast<double>(bid.sv_evaluated) / view.sv_reference);
        const double standing = log_ratio[k] - non_price_standing(t, bid.quality, sv_score);
        out.standing_sum += static_cast<float>(standing);
        out.standing_sq_sum += static_cast<float>(standing * standing);
    }
    const auto summary = score_bids(all, EvaluationWeights{t.price_weight, t.social_value_weight},
                                    AbnormalRule{m.spec.evaluation.abnormally_low_ratio,
                                                 m.spec.evaluation.abnormally_low_action});
    out.abnormal_flagged = summary.flagged;
    out.abnormal_rejected = summary.rejected;
    std::array<std::uint16_t, kShortlist> order{};
    out.shortlisted = static_cast<std::uint8_t>(rank_bids(all, order));
    for (std::size_t r = 0; r < out.shortlisted; ++r) out.shortlist[r] = bids[order[r]];
}

} // namespace

double offered_quality(const Market& m, const Tender& t, SupplierId id) {
    const auto& s = m.suppliers;
    double q = s.quality[id.index()];
    if (t.outcome_spec)
        q += m.spec.levers.outcome_innovation_gain * s.innovation[id.index()] *
             m.spec.categories[t.category.index()].innovation_potential;
    return std::clamp(q, 0.0, 1.0);
}

double outcome_met_probability(const Market& m, double quality) {
    // Delivered quality scatters around the offer; the outcome is met above the target.
    const double sd = std::max(1e-6, m.spec.delivery.quality_delivery_sd);
    const double z = (quality - m.spec.levers.outcome_target_quality) / sd;
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

double incumbent_quality_bonus(const ScenarioSpec& spec, const Tender& t, bool incumbent) {
    // The product-specific advantage exists only when the specification describes the product.
    return incumbent && !t.outcome_spec ? spec.incumbency.quality_bonus : 0.0;
}

void run_bidding(Market& m, YearState& ys, const CandidateIndex& index, Executor& exec) {
    auto& tenders = ys.tenders;
    auto& s = m.suppliers;
    const BidCounters counters{s.bids_year, s.bid_cost_year, s.expected_wins_year,
                               s.markup_sum_year};
    prepare_pricing(m, ys);
    BidLog& log = ys.bid_log;
    if (log.enabled) log.prepare(tenders.tenders.size());
    const Market& market = m; // the rest of the market is only read
    const PricingConstants constants(m.spec);
    exec.for_each(tenders.tenders.size(), [&](std::size_t k) {
        bid_for_tender(market, index, ys.pricing, constants, tenders.tenders[k], counters,
                       tenders.outcomes[k], log.enabled ? log.slot(k) : nullptr);
    });
}

} // namespace tendersim
