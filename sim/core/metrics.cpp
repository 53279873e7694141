#include "metrics.hpp"

#include "cost_model.hpp"
#include "metric_registry.hpp"
#include "parallel.hpp"
#include "social_value.hpp"
#include "supply_chain.hpp"

#include <algorithm>
#include <functional>
#include <limits>

namespace tendersim {
namespace {

constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

// a / b, or "not defined" (NaN, written as an empty value) when there is nothing to divide by:
// a price index in a year when nothing was paid is not 0.
double ratio(double a, double b) {
    return b > 0 ? a / b : kUndefined;
}

// HHI and top-5 / top-150 shares of per-supplier spends. The HHI sum runs in the given
// (deterministic) order; only the 150 largest are sorted, not the whole list.
Concentration concentration(std::vector<Pence>& spends) {
    Concentration c;
    double total = 0;
    for (Pence p : spends) total += static_cast<double>(p);
    if (total <= 0) return {kUndefined, kUndefined, kUndefined}; // no spend: not defined
    for (Pence p : spends) {
        const double share = static_cast<double>(p) / total;
        c.hhi += 10'000.0 * share * share;
    }
    const std::size_t top = std::min<std::size_t>(150, spends.size());
    std::partial_sort(spends.begin(), spends.begin() + static_cast<std::ptrdiff_t>(top),
                      spends.end(), std::greater<>());
    for (std::size_t k = 0; k < top; ++k) {
        const double share = static_cast<double>(spends[k]) / total;
        if (k < 5) c.top5_share += share;
        c.top150_share += share;
    }
    return c;
}

// Concentration: overall from supplier revenue; by category, this year's payments are grouped
// by category in contract order, then summed per supplier in a reused scratch
// array (suppliers listed in the order they first appear). Writes only y.overall and
// y.by_category, so it can run beside the rest of the monitor.
void concentration_metrics(const Market& m, const YearState& ys, YearMetrics& y) {
    const auto& s = m.suppliers;
    std::vector<Pence> spends;
    for (std::size_t i = 0; i < s.size(); ++i)
        // Councils' spend by prime: subcontract receipts are part of a prime's spend already.
        if (const Pence direct = s.revenue_year[i] - s.subcontract_revenue_year[i]; direct > 0)
            spends.push_back(direct);
    y.overall = concentration(spends);
    // The paid contracts' indices grouped by category, each group in contract order (a counting
    // sort): 4 bytes a contract instead of a (supplier, paid) pair in a growing vector per
    // category, as this runs at the year's peak of memory.
    const std::size_t n = std::min(m.contracts.size(), ys.delivery.size());
    const auto paid = [&](std::size_t k) {
        return m.contracts[k].supplier.valid() && ys.delivery[k].paid != 0;
    };
    std::vector<std::size_t> start(m.categories + 1, 0);
    for (std::size_t k = 0; k < n; ++k)
        if (paid(k)) ++start[m.contracts[k].category.index() + 1];
    for (std::size_t c = 0; c < m.categories; ++c) start[c + 1] += start[c];
    std::vector<std::uint32_t> by_category(start[m.categories]);
    {
        std::vector<std::size_t> next(start.begin(), start.end() - 1);
        for (std::size_t k = 0; k < n; ++k)
            if (paid(k))
                by_category[next[m.contracts[k].category.index()]++] =
                    static_cast<std::uint32_t>(k);
    }
    std::vector<Pence> scratch(s.size(), 0);
    std::vector<std::uint32_t> touched;
    y.by_category.assign(m.categories, Concentration{});
    for (std::size_t c = 0; c < m.categories; ++c) {
        touched.clear();
        for (std::size_t j = start[c]; j < start[c + 1]; ++j) {
            const std::size_t k = by_category[j];
            const std::uint32_t id = m.contracts[k].supplier.v;
            if (scratch[id] == 0) touched.push_back(id);
            scratch[id] += ys.delivery[k].paid;
        }
        spends.clear();
        for (std::uint32_t id : touched) {
            spends.push_back(scratch[id]);
            scratch[id] = 0;
        }
        y.by_category[c] = concentration(spends);
    }
}

// Entry, exit and idleness. A cohort is the suppliers born in one year after the start
// (born_year > 0); the start population is not a cohort of entrants.
void population_metrics(const Market& m, const YearState& ys, YearMetrics& y) {
    const auto& s = m.suppliers;
    const auto& ctr = ys.counters;
    y.exits_idle = static_cast<double>(ctr.exits_idle);
    y.potential_entrants = static_cast<double>(ctr.potential_entrants);
    y.needs_carried = static_cast<double>(ctr.carried_needs);
    std::vector<std::uint8_t> holds(s.size(), 0);
    for (const Contract& c : m.contracts)
        if (c.supplier.valid()) holds[c.supplier.index()] = 1;
    const std::int32_t cohort_year = m.year - 3;
    double living_sme = 0, idle_sme = 0, cohort = 0, cohort_alive = 0, cohort_won = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.alive[i] && s.is_sme[i]) {
            living_sme += 1;
            idle_sme += holds[i] == 0;
        }
        if (cohort_year <= 0 || s.born_year[i] != cohort_year) continue;
        cohort += 1;
        cohort_alive += s.alive[i];
        cohort_won += s.has_won[i];
    }
    y.idle_sme_share = ratio(idle_sme, living_sme);
    y.entrant_survival_3y = ratio(cohort_alive, cohort);
    y.entrant_win_share_3y = ratio(cohort_won, cohort);
}

// Every metric but the concentration and supply-chain figures, from the year's tenders,
// deliveries and supplier state.
void flow_metrics(const Market& m, const YearState& ys, YearMetrics& y) {
    y.year = m.reported_year();
    const auto& s = m.suppliers;
    const auto& ctr = ys.counters;
    const auto& tenders = ys.tenders;

    double bids = 0, sme_bids = 0, with_bids = 0, single = 0, bid_cost_shares = 0;
    double outcome_specs = 0, reserved = 0, joint = 0;
    for (const auto& t : tenders.tenders) {
        outcome_specs += t.outcome_spec;
        reserved += (t.reserved_sme | t.reserved_local) != 0;
        joint += t.joint > 0;
    }
    for (std::size_t k = 0; k < tenders.outcomes.size(); ++k) {
        const auto& o = tenders.outcomes[k];
        const Pence total = money_mul(tenders.tenders[k].estimated_value,
                                      tenders.tenders[k].duration, "a tender's total value");
        if (o.bids > 0 && total > 0)
            bid_cost_shares += o.bids * static_cast<double>(bid_cost(m.spec.bidding, total)) /
                               static_cast<double>(total);
        bids += o.bids;
        sme_bids += o.sme_bids;
        with_bids += o.bids > 0;
        single += o.bids == 1;
        y.abnormally_low_flagged += o.abnormal_flagged;
        y.abnormally_low_rejected += o.abnormal_rejected;
        y.bid_decisions += o.considered;
    }
    // Prices against the estimate, by competition; incumbents against the lottery rate.
    double ratio_single = 0, n_single = 0, ratio_multi = 0, n_multi = 0, chance = 0, relets = 0;
    for (std::size_t k = 0; k < tenders.outcomes.size(); ++k) {
        const auto& o = tenders.outcomes[k];
        const Tender& t = tenders.tenders[k];
        if (!o.winner.valid() || t.estimated_value <= 0) continue;
        const double r = static_cast<double>(o.shortlist[o.winner_rank].price) /
                         static_cast<double>(t.estimated_value);
        (o.bids == 1 ? ratio_single : ratio_multi) += r;
        (o.bids == 1 ? n_single : n_multi) += 1;
        if (t.is_relet) {
            chance += 1.0 / o.bids;
            relets += 1;
        }
    }
    y.price_to_estimate = ratio(ratio_single + ratio_multi, n_single + n_multi);
    y.single_bid_premium = n_single > 0 && n_multi > 0 && ratio_multi > 0
                               ? (ratio_single / n_single) / (ratio_multi / n_multi) - 1.0
                               : 0.0;
    y.incumbent_chance_rate = ratio(chance, relets);
    y.tenders = static_cast<double>(tenders.tenders.size());
    y.no_bid_share = ratio(y.tenders - with_bids, y.tenders);
    y.failed_tender_share = ratio(static_cast<double>(ctr.no_admissible_bid), y.tenders);
    y.awards = static_cast<double>(ctr.awards);
    y.unawarded = static_cast<double>(ctr.unawarded);
    y.extensions = static_cast<double>(ctr.extensions);
    y.bids_per_tender = ratio(bids, y.tenders);
    y.single_bid_share = ratio(single, with_bids);
    y.sme_bid_share = ratio(sme_bids, bids);

    // Spend-side metrics from this year's deliveries, in contract order.
    double paid = 0, efficient = 0, sme = 0, local = 0, sv = 0, quality = 0, promised = 0;
    double sub_paid = 0, sub_sme = 0, sv_sme = 0, sv_local = 0;
    for (std::size_t k = 0; k < m.contracts.size() && k < ys.delivery.size(); ++k) {
        const Contract& c = m.contracts[k];
        const DeliveryResult& r = ys.delivery[k];
        if (!c.supplier.valid()) continue;
        const double p = static_cast<double>(r.paid);
        paid += p;
        efficient += static_cast<double>(c.efficient_cost);
        if (s.is_sme[c.supplier.index()]) sme += p;
        if (s.region[c.supplier.index()] == m.councils.region[c.buyer.index()]) local += p;
        sv += static_cast<double>(r.sv_delivered);
        promised += static_cast<double>(c.sv_promised);
        if (s.is_sme[c.supplier.index()]) sv_sme += static_cast<double>(r.sv_delivered);
        if (s.region[c.supplier.index()] == m.councils.region[c.buyer.index()])
            sv_local += static_cast<double>(r.sv_delivered);
        const SocialValueUnits units = units_of(m, c.supplier.index(), gbp(r.sv_delivered));
        y.social_value_job_years += units.job_years;
        y.social_value_carbon_tonnes += units.carbon_tonnes;
        y.social_value_community_hours += units.community_hours;
        quality += p * r.quality_delivered;
        if (r.subcontract_paid > 0) {
            sub_paid += static_cast<double>(r.subcontract_paid);
            if (s.is_sme[c.subcontractor.index()])
                sub_sme += static_cast<double>(r.subcontract_paid);
        }
    }
    y.total_spend_gbp = as_gbp(paid);
    y.price_index = ratio(paid, efficient);
    y.sme_share_direct = ratio(sme, paid);
    y.local_share = ratio(local, paid);
    y.social_value_delivered_gbp = as_gbp(sv);
    y.social_value_delivered_per_pound = ratio(sv, paid);
    y.quality_delivered = ratio(quality, paid);
    y.social_value_delivery_ratio = ratio(sv, promised);
    y.social_value_sme_share = ratio(sv_sme, sv);
    y.social_value_local_share = ratio(sv_local, sv);
    y.subcontract_value_gbp = as_gbp(sub_paid);
    y.subcontract_sme_share = ratio(sub_sme, sub_paid);
    // Only large primes subcontract, so direct and indirect SME spend never overlap.
    y.sme_share_indirect = ratio(sub_sme, paid);
    y.sme_share_total = y.sme_share_direct + y.sme_share_indirect;
    y.outcome_spec_share = ratio(outcome_specs, y.tenders);
    y.reserved_share = ratio(reserved, y.tenders);
    y.joint_tenders = joint;
    y.merged_needs = static_cast<double>(ctr.merged_needs);
    y.extra_lots = static_cast<double>(ctr.extra_lots);
    y.partnerships = static_cast<double>(m.partnerships.size());
    double members = 0;
    for (const auto& p : m.partnerships) members += static_cast<double>(p.size());
    y.mean_partnership_size = ratio(members, y.partnerships);
    y.innovation_adoption_share =
        ratio(static_cast<double>(ctr.innovative_awards), static_cast<double>(ctr.awards));
    y.outcome_payment_withheld_gbp = gbp(ctr.outcome_withheld);
    y.sme_win_rate = ratio(static_cast<double>(ctr.sme_awards), sme_bids);
    y.mean_contract_value_gbp = as_gbp(
        ratio(static_cast<double>(ctr.awarded_annual_value), static_cast<double>(ctr.awards)));
    y.monitored_shortfalls = static_cast<double>(ctr.monitored_shortfalls);
    y.social_value_promised_gbp = gbp(ctr.sv_promised_total);
    y.social_value_promised_per_pound = ratio(static_cast<double>(ctr.sv_promised_total),
                                              static_cast<double>(ctr.awarded_total_value));

    double markup = 0, alive = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!s.alive[i]) continue;
        alive += 1;
        markup += s.markup[i];
        (s.is_sme[i] ? y.active_suppliers_sme : y.active_suppliers_large) += 1;
    }
    y.mean_markup = ratio(markup, alive);
    population_metrics(m, ys, y);
    y.entries = static_cast<double>(ctr.entries);
    y.exits = static_cast<double>(ctr.exits);
    y.sme_to_large = static_cast<double>(ctr.growths);
    y.incumbent_win_rate = ratio(static_cast<double>(ctr.relets_won_by_incumbent),
                                 static_cast<double>(ctr.relets_awarded));
    y.switching_rate = 1.0 - y.incumbent_win_rate; // not defined without re-lets
    y.contract_failures = static_cast<double>(ctr.failures);
    y.council_procurement_cost_gbp = gbp(ctr.council_procurement_cost);
    Pence bid_cost = 0;
    for (std::size_t i = 0; i < s.size(); ++i) bid_cost += s.bid_cost_year[i];
    y.supplier_bid_cost_gbp = gbp(bid_cost);
    y.bid_cost_share = ratio(bid_cost_shares, bids);
    y.mean_contract_years =
        ratio(static_cast<double>(ctr.award_years), static_cast<double>(ctr.awards));
}

} // namespace

YearMetrics compute_metrics(const Market& m, const YearState& ys, Executor& exec) {
    YearMetrics y;
    SupplyChainFigures chain;
    // The graph and the concentration sums read the same state as the rest and write their own
    // fields: they run beside it.
    exec.invoke([&] { flow_metrics(m, ys, y); },
                [&] {
                    chain = supply_chain_figures(m, ys);
                    concentration_metrics(m, ys, y);
                });
    route_metrics(m, ys, y);
    y.smes_in_supply_chain = static_cast<double>(chain.sme_subcontractors);
    y.primes_subcontracting = static_cast<double>(chain.primes);
    return y;
}

std::vector<std::pair<std::string, double>> metric_rows(const YearMetrics& y,
                                                        const ScenarioSpec& spec) {
    const auto overall = metric_registry();
    const auto per_category = category_metric_registry();
    std::vector<std::pair<std::string, double>> rows;
    rows.reserve(overall.size() + per_category.size() * y.by_category.size());
    for (const MetricDef& m : overall) rows.emplace_back(std::string(m.name), m.value(y));
    for (std::size_t c = 0; c < y.by_category.size(); ++c)
        for (const MetricDef& m : per_category)
            rows.emplace_back(std::string(m.name) + "." + spec.categories[c].name,
                              m.category_value(y.by_category[c]));
    const auto per_framework = framework_metric_registry();
    for (std::size_t f = 0; f < y.by_framework.size() && f < spec.frameworks.size(); ++f)
        for (const MetricDef& m : per_framework)
            rows.emplace_back(std::string(m.name) + "." + spec.frameworks[f].name,
                              m.framework_value(y.by_framework[f]));
    return rows;
}

} // namespace tendersim
