#include "phases.hpp"
#include "policy.hpp"
#include "rng.hpp"

#include <algorithm>
#include <cmath>

namespace tendersim {
namespace {

// Partners' back-office tenders of the same category in the same year become one joint tender,
// bought by the partnership's first member: one larger contract replaces several.
void merge_joint_tenders(Market& m, std::vector<Tender>& tenders, YearCounters& ctr) {
    if (m.partnerships.empty()) return;
    const auto& c = m.councils;
    std::vector<Tender> out;
    out.reserve(tenders.size());
    // index of the joint tender for (partnership, category) in `out`, built as we go
    std::vector<std::int64_t> joint(m.partnerships.size() * m.categories, -1);
    for (const Tender& t : tenders) {
        const std::int32_t p = c.partnership[t.buyer.index()];
        const bool eligible = p >= 0 && m.spec.categories[t.category.index()].back_office &&
                              c.policy[t.buyer.index()].shared_back_office;
        if (!eligible) {
            out.push_back(t);
            continue;
        }
        std::int64_t& slot = joint[static_cast<std::size_t>(p) * m.categories + t.category.index()];
        if (slot < 0) {
            slot = static_cast<std::int64_t>(out.size());
            Tender lead = t;
            lead.buyer = m.partnerships[static_cast<std::size_t>(p)].front();
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

} // namespace

void run_design(Market& m, YearState& ys, Executor& exec) {
    auto& tenders = ys.tenders.tenders;
    merge_joint_tenders(m, tenders, ys.counters);
    divide_into_lots(m, tenders, ys.counters);
    // Each tender's design depends only on its buyer's policy and its own stream.
    exec.for_each(tenders.size(), [&](std::size_t k) {
        Tender& t = tenders[k];
        const auto& p = m.councils.policy[t.buyer.index()];
        // Social value takes its weight from price and quality, which keep their ratio.
        t.social_value_weight = static_cast<float>(p.social_value_weight);
        t.price_weight = static_cast<float>((1.0 - p.social_value_weight) * p.price_weight);
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
    });
    // A divided need is run as one procurement: its extra lots cost the lot admin cost only.
    const auto procurements =
        std::count_if(tenders.begin(), tenders.end(), [](const Tender& t) { return t.lot == 0; });
    add_money(ys.counters.council_procurement_cost,
              money_mul(pence_from_gbp(m.spec.council.tender_admin_cost_gbp), procurements,
                        "tender administration costs"),
              "the councils' procurement costs");
    ys.tenders.outcomes.assign(tenders.size(), TenderOutcome{});
}

} // namespace tendersim
