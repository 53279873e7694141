#include "phases.hpp"
#include "rng.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace tendersim {

namespace {

void add_supplier_total(Pence& total, Pence v) {
    add_money(total, v, "a supplier's yearly total");
}

// The sequential merge after the parallel passes: councils' payments, the ledgers of payments,
// reputations after a monitored shortfall, and failed contracts ended this year.
void settle_contracts(Market& m, YearState& ys) {
    const auto& lv = m.spec.levers;
    auto& s = m.suppliers;
    auto& councils = m.councils;
    std::fill(councils.paid_year.begin(), councils.paid_year.end(), 0);
    std::fill(councils.paid_sme_year.begin(), councils.paid_sme_year.end(), 0);
    for (std::size_t k = 0; k < m.contracts.size(); ++k) {
        const DeliveryResult& r = ys.delivery[k];
        Contract& c = m.contracts[k];
        if (!c.supplier.valid()) continue;
        add_money(m.ledger_council_paid, r.paid, "the councils' payments ledger");
        add_money(m.ledger_prime_paid_subs, r.subcontract_paid, "the subcontract payments ledger");
        add_money(ys.counters.outcome_withheld, r.withheld, "withheld outcome payments");
        if (c.fee_share > 0.0f) {
            // A call-off's fee: a fixed share of what is paid, owed to the framework's owner
            // (PA2023 s45(7)); a cost to the supplier.
            const Pence fee =
                round_pence(static_cast<double>(c.fee_share) * static_cast<double>(r.paid));
            add_money(s.cost_year[c.supplier.index()], fee, "a supplier's costs");
            add_money(m.ledger_framework_fees, fee, "the framework fees ledger");
            add_money(ys.counters.framework_fees, fee, "the year's framework fees");
        }
        const std::size_t b = c.buyer.index();
        add_money(councils.paid_total[b], r.paid, "a council's total payments");
        add_money(councils.paid_year[b], r.paid, "a council's yearly payments");
        if (s.is_sme[c.supplier.index()])
            add_money(councils.paid_sme_year[b], r.paid, "a council's SME payments");
        else if (r.subcontract_paid > 0 && s.is_sme[c.subcontractor.index()])
            add_money(councils.paid_sme_year[b], r.subcontract_paid, "a council's SME payments");
        if (r.shortfall) {
            // A monitored shortfall is remembered in later evaluations.
            float& rep = s.reputation[c.supplier.index()];
            rep = static_cast<float>(rep * (1.0 - lv.reputation_penalty));
            ++ys.counters.monitored_shortfalls;
        }
        if (r.failed) {
            // The contract ends this year and is re-let next year without its supplier.
            c.end_year = static_cast<std::int16_t>(m.year);
            c.relet_of_failure = 1;
            ++ys.counters.failures;
        }
    }
}

// Suppliers' side of the ledgers, summed from their own accounts rather than the payments.
void add_supplier_ledgers(Market& m) {
    const auto& s = m.suppliers;
    for (std::size_t i = 0; i < s.size(); ++i) {
        add_money(m.ledger_supplier_received, s.revenue_year[i] - s.subcontract_revenue_year[i],
                  "the suppliers' receipts ledger");
        add_money(m.ledger_subs_received, s.subcontract_revenue_year[i],
                  "the subcontractors' receipts ledger");
    }
}

} // namespace

void run_delivery(Market& m, YearState& ys, Executor& exec) {
    const auto& d = m.spec.delivery;
    const auto& lv = m.spec.levers;
    auto& s = m.suppliers;
    ys.delivery.assign(m.contracts.size(), DeliveryResult{});
    ys.supplier_workload.assign(s.size(), 0);
    // Each contract's work, overruns included, for its prime and its subcontractor: written in
    // the parallel pass, added to the suppliers' totals in the merge after it. A few large
    // suppliers hold many contracts, so adding to their totals from the parallel pass kept both
    // threads contending for the same cache lines (the pass did not scale with threads).
    std::vector<std::array<Pence, 2>> work(m.contracts.size());
    exec.for_each(m.contracts.size(), [&](std::size_t k) {
        const Contract& c = m.contracts[k];
        if (!c.supplier.valid()) return; // a need waiting for next year's tender
        const std::size_t i = c.supplier.index();
        Stream rng(m.seed, static_cast<std::uint32_t>(m.year), StreamPurpose::Delivery, c.need_key);
        DeliveryResult r;
        const double overrun = std::exp(d.overrun_sigma * c.complexity * rng.normal());
        // Promises are not always kept; capable suppliers keep more of them.
        const double kept =
            std::clamp(rng.normal(d.social_value_delivery_mean, d.social_value_delivery_sd) *
                           (0.75 + 0.5 * s.social_value[i]),
                       0.0, 1.2);
        r.sv_delivered = round_pence(static_cast<double>(c.sv_promised) * kept);
        r.shortfall = c.monitored && c.sv_promised > 0 && kept < lv.social_value_monitor_threshold;
        r.quality_delivered = static_cast<float>(
            std::clamp(c.quality_offered + d.quality_delivery_sd * rng.normal(), 0.0, 1.0));
        // Outcome-linked payment: part of the price is paid only if the outcome is met.
        const bool met = r.quality_delivered >= lv.outcome_target_quality;
        r.paid = met ? c.annual_price
                     : c.annual_price - round_pence(c.outcome_payment_share *
                                                    static_cast<double>(c.annual_price));
        r.withheld = c.annual_price - r.paid;
        // The prime pays its subcontractor its share of what it was paid, and delivers the rest.
        const bool has_sub = c.subcontractor.valid() && s.alive[c.subcontractor.index()];
        const double sub_fraction =
            has_sub ? static_cast<double>(c.subcontract_price) / static_cast<double>(c.annual_price)
                    : 0.0;
        if (has_sub) {
            const std::size_t j = c.subcontractor.index();
            r.subcontract_paid = round_pence(sub_fraction * static_cast<double>(r.paid));
            r.subcontract_cost = round_pence(sub_fraction * static_cast<double>(c.efficient_cost) *
                                             s.cost_factor[j] * overrun);
        }
        r.cost = money_add(
            round_pence(static_cast<double>(c.supplier_cost) * (1.0 - sub_fraction) * overrun),
            r.subcontract_paid, "a contract's delivery cost");
        // Overruns are extra work: a supplier near its capacity can be pushed past it.
        const Pence own_value = c.annual_price - (has_sub ? c.subcontract_price : 0);
        work[k] = {round_pence(static_cast<double>(own_value) * overrun),
                   has_sub ? round_pence(static_cast<double>(c.subcontract_price) * overrun) : 0};
        r.fail_draw = rng.uniform();
        ys.delivery[k] = r;
    });
    // The suppliers' totals, in contract order (integer sums: the same at any thread count).
    for (std::size_t k = 0; k < m.contracts.size(); ++k) {
        const Contract& c = m.contracts[k];
        if (!c.supplier.valid()) continue;
        const std::size_t i = c.supplier.index();
        const DeliveryResult& r = ys.delivery[k];
        if (c.subcontractor.valid() && s.alive[c.subcontractor.index()]) {
            const std::size_t j = c.subcontractor.index();
            add_supplier_total(s.revenue_year[j], r.subcontract_paid);
            add_supplier_total(s.subcontract_revenue_year[j], r.subcontract_paid);
            add_supplier_total(s.cost_year[j], r.subcontract_cost);
            add_supplier_total(ys.supplier_workload[j], work[k][1]);
        }
        add_supplier_total(ys.supplier_workload[i], work[k][0]);
        add_supplier_total(s.revenue_year[i], r.paid);
        add_supplier_total(s.cost_year[i], r.cost);
    }
    std::vector<std::array<Pence, 2>>().swap(work);
    // Failure needs every contract's overrun in its supplier's workload: a second pass.
    exec.for_each(m.contracts.size(), [&](std::size_t k) {
        const Contract& c = m.contracts[k];
        if (!c.supplier.valid()) return;
        const std::size_t i = c.supplier.index();
        const Pence overhead =
            round_pence(m.spec.suppliers.overhead_share * static_cast<double>(s.capacity[i]));
        const bool distressed = s.cash[i] < overhead;
        const bool overloaded = ys.supplier_workload[i] > s.capacity[i];
        const double p_fail = d.base_failure_rate + (distressed ? d.distress_failure_rate : 0.0) +
                              (overloaded ? d.distress_failure_rate : 0.0);
        ys.delivery[k].failed = ys.delivery[k].fail_draw < p_fail ? 1 : 0;
    });
    settle_contracts(m, ys);
    add_supplier_ledgers(m);
}

} // namespace tendersim
