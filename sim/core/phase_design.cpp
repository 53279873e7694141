#include "candidate_index.hpp"
#include "evaluation.hpp"
#include "frameworks.hpp"
#include "market_record.hpp"
#include "phases.hpp"
#include "policy.hpp"
#include "rng.hpp"
#include "seeded_order.hpp"

#include <algorithm>
#include <cmath>

namespace tendersim {
namespace {

// A bigger buyer knows prices better (Bandiera, Prat & Valletti 2009): a pooling partnership
// prices each need it buys jointly from the partners' pooled belief, and pooling n partners'
// records divides the error of each need's estimate by sqrt(n). The floor (half a council's error)
// is assumed: the partners see the same market, so pooling cannot remove the error without limit.
constexpr double kPooledErrorFloor = 0.5;

double pooled_estimate_error(const Market& m, std::size_t partners) {
    const double n = static_cast<double>(std::max<std::size_t>(1, partners));
    return m.spec.council.estimate_error * std::max(kPooledErrorFloor, 1.0 / std::sqrt(n));
}

// One merged need's share of a pooled joint estimate before the pooled belief: its efficient cost
// x the pooled (smaller) error, on its own stream keyed by the need, so no other draw moves.
double pooled_need_estimate(const Market& m, const Tender& need, std::size_t partners) {
    Stream rng(m.seed, static_cast<std::uint32_t>(m.year), StreamPurpose::JointEstimate,
               need.need_key);
    const double error = pooled_estimate_error(m, partners);
    return static_cast<double>(need.efficient_cost) *
           std::exp(error * rng.normal() - 0.5 * error * error);
}

// Partners' back-office tenders of the same category in the same year become one joint tender,
// bought by the partnership's first member: one larger contract replaces several. Its estimate is
// the sum of the needs' estimates: with price pooling (the lead's policy) each from the pooled
// belief and error, else the partners' own estimates as drawn with the needs.
void merge_joint_tenders(Market& m, std::vector<Tender>& tenders, YearCounters& ctr) {
    if (m.partnerships.empty()) return;
    const auto& c = m.councils;
    std::vector<Tender> out;
    out.reserve(tenders.size());
    // index of the joint tender for (partnership, category) in `out`, built as we go
    std::vector<std::int64_t> joint(m.partnerships.size() * m.categories, -1);
    std::vector<double> pooled(joint.size(), 0.0); // sum of pooled need estimates per slot
    for (const Tender& t : tenders) {
        const std::int32_t p = c.partnership[t.buyer.index()];
        // A partnership with a framework of its own covering the need calls it off there
        // instead (choose_route), each partner its own need.
        const bool eligible = p >= 0 && m.spec.categories[t.category.index()].back_office &&
                              c.policy[t.buyer.index()].shared_back_office &&
                              !buys_through_partnership_framework(m, t.buyer, t.category);
        if (!eligible) {
            out.push_back(t);
            continue;
        }
        const std::size_t key = static_cast<std::size_t>(p) * m.categories + t.category.index();
        const auto& partners = m.partnerships[static_cast<std::size_t>(p)];
        if (c.policy[partners.front().index()].joint_price_pooling)
            pooled[key] += pooled_need_estimate(m, t, partners.size());
        std::int64_t& slot = joint[key];
        if (slot < 0) {
            slot = static_cast<std::int64_t>(out.size());
            Tender lead = t;
            lead.buyer = partners.front();
            lead.joint = 1;
            lead.incumbent = t.incumbent;
            out.push_back(lead);
            continue;
        }
        Tender& j = out[static_cast<std::size_t>(slot)];
        add_money(j.efficient_cost, t.efficient_cost, "a joint tender's cost");
        add_money(j.estimated_value, t.estimated_value, "a joint tender's value");
        j.joint = static_cast<std::uint8_t>(std::min(255, j.joint + 1));
        // Mixed incumbents: the partnership is buying afresh, and nobody holds the whole system.
        if (j.incumbent != t.incumbent) j.incumbent = SupplierId(), j.is_relet = 0, j.custom = 0;
        ++ctr.merged_needs;
    }
    for (std::size_t key = 0; key < joint.size(); ++key) {
        if (joint[key] < 0) continue;
        Tender& j = out[static_cast<std::size_t>(joint[key])];
        if (!c.policy[j.buyer.index()].joint_price_pooling) continue;
        const auto& partners = m.partnerships[key / m.categories];
        j.estimated_value = round_pence(pooled_unit_price(m, partners, j.category) * pooled[key],
                                        "a joint tender's estimate");
    }
    tenders.swap(out);
}

// Tenders above the buyer's lot threshold are divided into the fewest equal lots no larger than
// it; values are split to the penny so the lots add up to the whole.
void divide_into_lots(Market& m, std::vector<Tender>& tenders, YearCounters& ctr) {
    std::vector<Tender> out;
    out.reserve(tenders.size());
    for (const Tender& t : tenders) {
        const double threshold = as_pence(m.councils.policy[t.buyer.index()].lot_threshold_gbp);
        if (threshold <= 0.0 || static_cast<double>(t.estimated_value) <= threshold) {
            out.push_back(t);
            continue;
        }
        const auto k =
            static_cast<Pence>(std::ceil(static_cast<double>(t.estimated_value) / threshold));
        for (Pence j = 0; j < k; ++j) {
            Tender lot = t;
            // Integer split: the first (value % k) lots carry one extra penny.
            lot.estimated_value = t.estimated_value / k + (j < t.estimated_value % k ? 1 : 0);
            lot.efficient_cost = t.efficient_cost / k + (j < t.efficient_cost % k ? 1 : 0);
            lot.lot = static_cast<std::uint8_t>(std::min<Pence>(j, 255));
            if (j > 0) lot.need_key = m.next_need_key++; // each lot is its own need from now on
            out.push_back(lot);
        }
        ctr.extra_lots += k - 1;
        add_money(ctr.council_procurement_cost,
                  money_mul(pence_from_gbp(m.councils.policy[t.buyer.index()].lot_admin_cost_gbp),
                            k - 1, "lot administration costs"),
                  "the councils' procurement costs");
    }
    tenders.swap(out);
}

bool below_quote_threshold(const Tender& t, const PolicySpec& p) {
    const double total = static_cast<double>(t.estimated_value) * t.duration;
    return p.quote_threshold_gbp > 0.0 && total < as_pence(p.quote_threshold_gbp);
}

// How the need is bought (docs/ODD.md 7.20): below the direct-award threshold without
// competition; else, for a council that routes a share of its spend through frameworks, a call-off
// from the framework lot that covers it (the draw on its own stream, so no other draw moves;
// settle_call_offs then checks the members can take it); else below the quote threshold by
// invited quotes; else an open procedure.
void choose_route(const Market& m, Tender& t, const PolicySpec& p) {
    const double total = static_cast<double>(t.estimated_value) * t.duration;
    if (p.direct_award_threshold_gbp > 0.0 && total < as_pence(p.direct_award_threshold_gbp)) {
        t.route = Route::DirectAward;
        return;
    }
    if (p.framework_share > 0.0) {
        const FrameworkLotRef ref = framework_for(m, t.buyer, t.category);
        Stream rng(m.seed, static_cast<std::uint32_t>(m.year), StreamPurpose::Route, t.need_key);
        if (ref.valid() && rng.bernoulli(p.framework_share)) {
            const auto& fw = m.framework_spec(static_cast<std::size_t>(ref.framework));
            t.framework = ref.framework;
            t.framework_lot = ref.lot;
            const bool direct = fw.direct_award && (fw.direct_award_max_gbp <= 0.0 ||
                                                    total <= as_pence(fw.direct_award_max_gbp));
            t.route = fw.dynamic ? Route::DynamicMarket
                                 : (direct ? Route::FrameworkDirect : Route::MiniCompetition);
            return; // settle_call_offs decides whether its members can take it
        }
    }
    t.route = below_quote_threshold(t, p) ? Route::Quotes : Route::Open;
}

// Call-offs meet the members' room, in a seeded order so the work earlier call-offs take counts
// against it (serial: the room is shared). A framework's direct award goes to the best-ranked
// member with room for the work (PA2023 s45(4)); with none it is competed among the members. A
// competed call-off needs a member with room, whose room it then takes (the likeliest winner's,
// as far as the council can tell); with none, the framework cannot serve the need and the
// council buys it by its own routes. A call-off that stays one takes the lot's weights and drops
// reservations (a framework's membership is fixed).
void settle_call_offs(Market& m, std::vector<Tender>& tenders) {
    if (std::none_of(tenders.begin(), tenders.end(),
                     [](const Tender& t) { return is_call_off(t.route); }))
        return;
    const auto& s = m.suppliers;
    std::vector<Pence> assigned(s.size(), 0);
    const auto room = [&](SupplierId id) {
        const std::size_t i = id.index();
        return s.capacity[i] - s.committed[i] - assigned[i];
    };
    const std::uint64_t year_key = hash_combine(m.seed, static_cast<std::uint64_t>(m.year));
    const auto order = seeded_order(
        tenders.size(), [&](std::size_t k) { return hash_combine(year_key, tenders[k].need_key); });
    for (const auto& [key, k] : order) {
        Tender& t = tenders[k];
        if (!is_call_off(t.route)) continue;
        const auto f = static_cast<std::size_t>(t.framework);
        const auto& lot = m.frameworks[f].lots[t.framework_lot];
        SupplierId first_with_room, most_room;
        for (const SupplierId id : lot.members) {
            if (!can_serve(m, id, t) || room(id) < t.estimated_value) continue;
            if (!first_with_room.valid()) first_with_room = id;
            if (!most_room.valid() || room(id) > room(most_room)) most_room = id;
        }
        if (!first_with_room.valid()) {
            // No member can take it: the council buys it by its own routes.
            const auto& p = m.councils.policy[t.buyer.index()];
            t.route = below_quote_threshold(t, p) ? Route::Quotes : Route::Open;
            t.framework = -1;
            t.framework_lot = 0;
            continue;
        }
        if (t.route == Route::FrameworkDirect) {
            t.direct_member = first_with_room;
            assigned[first_with_room.index()] += t.estimated_value;
        } else {
            assigned[most_room.index()] += t.estimated_value;
        }
        const auto& lot_spec = m.framework_spec(f).lots[t.framework_lot];
        const EvaluationWeights w =
            policy_score_weights(lot_spec.social_value_weight, lot_spec.price_weight);
        t.social_value_weight = static_cast<float>(w.social_value);
        t.price_weight = static_cast<float>(w.price);
        t.reserved_sme = 0;
        t.reserved_local = 0;
    }
}

} // namespace

void run_design(Market& m, YearState& ys, Executor& exec) {
    auto& tenders = ys.tenders.tenders;
    merge_joint_tenders(m, tenders, ys.counters);
    divide_into_lots(m, tenders, ys.counters);
    // Each tender's design depends only on its buyer's policy and its own stream.
    exec.for_each(tenders.size(), [&](std::size_t k) {
        Tender& t = tenders[k];
        const auto& p = m.councils.policy[t.buyer.index()];
        // The same rule the app's score-split bar shows (policy_score_weights).
        const EvaluationWeights w = policy_score_weights(p.social_value_weight, p.price_weight);
        t.social_value_weight = static_cast<float>(w.social_value);
        t.price_weight = static_cast<float>(w.price);
        const double reserve = as_pence(reserve_threshold(m, t.buyer));
        if (reserve > 0.0 && static_cast<double>(t.estimated_value) < reserve) {
            t.reserved_sme = p.reserve_sme ? 1 : 0;
            t.reserved_local = p.reserve_local ? 1 : 0;
        }
        t.reserve = round_pence(p.reserve_ratio * static_cast<double>(t.estimated_value),
                                "a tender's reserve price");
        t.reserve_published = p.reserve_published ? 1 : 0;
        Stream rng(m.seed, static_cast<std::uint32_t>(m.year), StreamPurpose::Design, t.need_key);
        if (p.outcome_spec_share > 0.0 && rng.bernoulli(p.outcome_spec_share)) {
            t.outcome_spec = 1;
            t.outcome_payment_share = static_cast<float>(p.outcome_payment_share);
        }
        choose_route(m, t, p);
    });
    settle_call_offs(m, tenders);
    // A divided need is run as one procurement: its extra lots cost the lot admin cost only. A
    // quote, direct award or call-off costs a share of an open procedure's administration.
    const Pence open_cost = pence_from_gbp(m.spec.council.tender_admin_cost_gbp);
    const Pence light_cost = pence_from_gbp(m.spec.council.tender_admin_cost_gbp *
                                            m.spec.levers.light_route_admin_factor);
    std::int64_t open_procurements = 0;
    std::int64_t light_procurements = 0;
    for (const Tender& t : tenders) {
        if (t.lot != 0) continue;
        ++(t.route == Route::Open ? open_procurements : light_procurements);
    }
    add_money(ys.counters.council_procurement_cost,
              money_add(money_mul(open_cost, open_procurements, "tender administration costs"),
                        money_mul(light_cost, light_procurements, "tender administration costs"),
                        "tender administration costs"),
              "the councils' procurement costs");
    ys.tenders.outcomes.assign(tenders.size(), TenderOutcome{});
}

} // namespace tendersim
