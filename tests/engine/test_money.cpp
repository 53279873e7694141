// Money is conserved to the penny: councils' payments are suppliers' receipts, and each
// supplier's cash moves by exactly its receipts less its costs.
#include "core/simulation.hpp"
#include "fixture.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace tendersim;

TEST_CASE("what councils pay equals what suppliers receive, every year") {
    ScenarioSpec spec;
    spec.categories = default_categories();
    // Outcome-linked payments and required SME subcontracting make the money flows non-trivial.
    spec.policy.outcome_spec_share = 0.5;
    spec.policy.outcome_payment_share = 0.2;
    spec.policy.subcontract_sme_share = 0.2;
    Simulation sim(spec, 7, 2);
    Pence received = 0;
    for (int y = 0; y < 8; ++y) {
        const auto& m = sim.market();
        const auto& s = m.suppliers;
        const std::vector<Pence> cash_before = s.cash;
        const std::vector<Pence> capacity_before = s.capacity;
        const std::vector<Pence> fixed_before = s.fixed_cost;
        const std::vector<std::uint8_t> alive_before = s.alive;
        sim.run_year();
        Pence revenue = 0, sub_revenue = 0, paid_to_subs = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            revenue += s.revenue_year[i] - s.subcontract_revenue_year[i];
            sub_revenue += s.subcontract_revenue_year[i];
        }
        for (const auto& r : sim.last_year().delivery) paid_to_subs += r.subcontract_paid;
        CHECK(sub_revenue == paid_to_subs); // what primes pass on is what subcontractors get
        received += revenue;
        Pence paid = 0;
        for (Pence p : m.councils.paid_total) paid += p;
        CHECK(paid == received);
        CHECK(m.ledger_council_paid == m.ledger_supplier_received);
        CHECK(m.ledger_prime_paid_subs == m.ledger_subs_received);
        CHECK(m.ledger_council_paid == paid);
        CHECK(sim.metrics().total_spend_gbp == doctest::Approx(gbp(revenue)));
        for (std::size_t i = 0; i < cash_before.size(); ++i) {
            if (!alive_before[i]) continue;
            // The larger of the fixed-cost floor and the cost of keeping capacity.
            const Pence overhead =
                std::max(fixed_before[i], round_pence(spec.suppliers.overhead_share *
                                                      static_cast<double>(capacity_before[i])));
            CHECK(s.cash[i] - cash_before[i] ==
                  s.revenue_year[i] - s.cost_year[i] - s.bid_cost_year[i] - overhead);
        }
    }
    CHECK(received > 0);
    CHECK(sim.market().ledger_subs_received > 0); // subcontracting happened, so the check bit
}
