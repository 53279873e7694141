#include "atomic_add.hpp"
#include "phases.hpp"
#include "rng.hpp"

#include <algorithm>
#include <cmath>

namespace tendersim {

void run_delivery(Market& m, YearState& ys, Executor& exec) {
    const auto& d = m.spec.delivery;
    auto& s = m.suppliers;
    ys.delivery.assign(m.contracts.size(), DeliveryResult{});
    exec.for_each(m.contracts.size(), [&](std::size_t k) {
        const Contract& c = m.contracts[k];
        if (!c.supplier.valid()) return; // a need waiting for next year's tender
        const std::size_t i = c.supplier.index();
        Stream rng(m.seed, static_cast<std::uint32_t>(m.year), Phase::Delivery, c.need_key);
        DeliveryResult r;
        r.paid = c.annual_price;
        r.cost = round_pence(static_cast<double>(c.supplier_cost) *
                             std::exp(d.overrun_sigma * c.complexity * rng.normal()));
        // Promises are not always kept; capable suppliers keep more of them.
        const double kept =
            std::clamp(rng.normal(d.social_value_delivery_mean, d.social_value_delivery_sd) *
                           (0.75 + 0.5 * s.social_value[i]),
                       0.0, 1.2);
        r.sv_delivered = round_pence(static_cast<double>(c.sv_promised) * kept);
        r.quality_delivered = static_cast<float>(
            std::clamp(c.quality_offered + d.quality_delivery_sd * rng.normal(), 0.0, 1.0));
        const Pence overhead =
            round_pence(m.spec.suppliers.overhead_share * static_cast<double>(s.capacity[i]));
        const bool distressed = s.cash[i] < overhead;
        const bool overloaded = s.committed[i] > s.capacity[i];
        const double p_fail = d.base_failure_rate + (distressed ? d.distress_failure_rate : 0.0) +
                              (overloaded ? d.distress_failure_rate : 0.0);
        r.failed = rng.uniform() < p_fail ? 1 : 0;
        ys.delivery[k] = r;
        // Integer sums commute, so concurrent adds give the same totals at any thread count.
        atomic_add(m.councils.paid_total[c.buyer.index()], r.paid);
        atomic_add(s.revenue_year[i], r.paid);
        atomic_add(s.cost_year[i], r.cost);
    });
    for (std::size_t k = 0; k < m.contracts.size(); ++k) {
        const DeliveryResult& r = ys.delivery[k];
        Contract& c = m.contracts[k];
        m.ledger_council_paid += r.paid;
        if (r.failed) {
            // The contract ends this year and is re-let next year without its supplier.
            c.end_year = static_cast<std::int16_t>(m.year);
            c.relet_of_failure = 1;
            ++ys.counters.failures;
        }
    }
    // Suppliers' side of the ledger, summed from their own accounts rather than the payments.
    for (std::size_t i = 0; i < s.size(); ++i) m.ledger_supplier_received += s.revenue_year[i];
}

} // namespace tendersim
