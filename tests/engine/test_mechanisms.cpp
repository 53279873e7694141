// Mechanism tests on small hand-built markets: each drives the phases directly and checks one
// rule of the model.
#include "core/metrics.hpp"
#include "fixture.hpp"
#include "harness.hpp"
#include "io/csv_writers.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <sstream>

using namespace tendersim;

namespace {

using test::Harness;

int total_bids(const Market& m) {
    int n = 0;
    for (auto b : m.suppliers.bids_year) n += b;
    return n;
}

bool in_any_shortlist(const YearState& ys, SupplierId id) {
    for (const auto& o : ys.tenders.outcomes)
        for (std::size_t r = 0; r < o.shortlisted; ++r)
            if (o.shortlist[r].supplier == id) return true;
    return false;
}

} // namespace

TEST_CASE("a supplier over capacity does not bid, nor one failing the turnover test") {
    auto spec = test::tiny_spec(10, 6);
    spec.evaluation.selection_threshold_gbp = 0; // every tender has a selection stage
    Harness h(spec);
    h.start_year();
    h.design();
    REQUIRE(!h.ys.tenders.tenders.empty());
    auto& s = h.m.suppliers;
    s.committed[0] = s.capacity[0]; // full
    s.turnover[1] = 0;              // cannot show 2x the contract value
    h.bid();
    CHECK(s.bids_year[0] == 0);
    CHECK(s.bids_year[1] == 0);
    CHECK_FALSE(in_any_shortlist(h.ys, SupplierId(0)));
    CHECK_FALSE(in_any_shortlist(h.ys, SupplierId(1)));
    CHECK(total_bids(h.m) > 0); // the others did bid, so the check above means something
}

TEST_CASE("below the selection threshold a supplier without turnover may bid") {
    auto spec = test::tiny_spec(10, 6);
    spec.evaluation.selection_threshold_gbp = 1e12; // no tender reaches it
    Harness h(spec);
    h.start_year();
    h.design();
    auto& s = h.m.suppliers;
    for (std::size_t i = 0; i < s.size(); ++i) s.turnover[i] = 0; // nobody could pass the test
    h.bid();
    CHECK(total_bids(h.m) > 0);
}

TEST_CASE("every award goes to a qualified bidder with room, and never overfills capacity") {
    auto spec = test::tiny_spec(40, 10);
    spec.evaluation.qualification_turnover_multiple = 1.5;
    // Everyone bids on everything here, so bids would bankrupt the 40 suppliers in two years:
    // keep them alive (the population rules have their own tests) so there are awards each year.
    spec.bidding.bid_cost_share = spec.bidding.award_cost_share = spec.bidding.min_bid_cost_gbp = 0;
    spec.dynamics.exit_idle_years = 100;
    Harness h(spec, 3);
    for (int year = 0; year < 6; ++year) {
        h.tender();
        run_award(h.m, h.ys, h.index);
        const auto& s = h.m.suppliers;
        int awarded = 0;
        for (std::size_t k = 0; k < h.ys.tenders.tenders.size(); ++k) {
            const auto& t = h.ys.tenders.tenders[k];
            const auto& o = h.ys.tenders.outcomes[k];
            if (!o.winner.valid()) continue;
            ++awarded;
            CHECK(in_any_shortlist(h.ys, o.winner));
            // The turnover test applies from the selection threshold (PCR 2015 reg. 111).
            const double total = static_cast<double>(t.estimated_value) * t.duration;
            if (total >= as_pence(h.m.spec.evaluation.selection_threshold_gbp))
                CHECK(static_cast<double>(s.turnover[o.winner.index()]) >=
                      1.5 * static_cast<double>(t.estimated_value));
            CHECK(s.alive[o.winner.index()]);
        }
        CHECK(awarded > 0);
        for (std::size_t i = 0; i < s.size(); ++i) CHECK(s.committed[i] <= s.capacity[i]);
        run_delivery(h.m, h.ys, h.exec);
        run_dynamics(h.m, h.ys, h.exec);
    }
}

TEST_CASE("a supplier that wins more than its pricing rule predicted learns an edge") {
    Harness h(test::tiny_spec(4, 1));
    auto& s = h.m.suppliers;
    reset_year_counters(h.m);
    for (std::size_t i = 0; i < 4; ++i) {
        s.edge[i] = 0.5f;
        s.cash[i] = pence_from_gbp(1e7); // solvent whatever happens
    }
    constexpr std::int64_t kMicro = 1'000'000;
    s.bids_year[0] = 6, s.wins_year[0] = 0, s.expected_wins_year[0] = 3 * kMicro; // won less
    s.bids_year[1] = 6, s.wins_year[1] = 5, s.expected_wins_year[1] = 2 * kMicro; // won more
    s.bids_year[2] = 6, s.wins_year[2] = 2, s.expected_wins_year[2] = 2 * kMicro; // as predicted
    s.bids_year[3] = 0, s.wins_year[3] = 0;                                       // sat out
    h.ys.tenders.clear();
    run_dynamics(h.m, h.ys, h.exec);
    const double rate = h.m.spec.suppliers.edge_learning_rate;
    CHECK(s.edge[0] == doctest::Approx(0.5 - rate * 3.0 / 6.0).epsilon(1e-5));
    CHECK(s.edge[1] == doctest::Approx(0.5 + rate * 3.0 / 6.0).epsilon(1e-5));
    CHECK(s.edge[2] == doctest::Approx(0.5).epsilon(1e-5));
    CHECK(s.edge[3] == doctest::Approx(0.5 * (1.0 - rate)).epsilon(1e-5)); // forgets
    CHECK(s.win_belief[0] < 0.25f);
}

TEST_CASE("an insolvent supplier exits and its contracts are re-let without it") {
    Harness h(test::tiny_spec(6, 4));
    auto& s = h.m.suppliers;
    // Find a supplier holding a contract that runs past year 1.
    SupplierId victim;
    for (const auto& c : h.m.contracts)
        if (c.supplier.valid() && c.end_year >= 2) victim = c.supplier;
    REQUIRE(victim.valid());
    h.tender();
    run_award(h.m, h.ys, h.index);
    run_delivery(h.m, h.ys, h.exec);
    s.cash[victim.index()] = -s.revenue_year[victim.index()] - 1; // cannot cover the year
    run_dynamics(h.m, h.ys, h.exec);
    CHECK_FALSE(s.alive[victim.index()]);
    CHECK(h.ys.counters.exits >= 1);
    h.start_year();
    h.design();
    CHECK(h.ys.counters.failures >= 1);
    bool relet = false;
    for (const auto& t : h.ys.tenders.tenders) {
        CHECK(t.incumbent != victim);
        relet = relet || !t.incumbent.valid();
    }
    CHECK(relet);
    for (const auto& c : h.m.contracts) CHECK(c.supplier != victim);
    h.bid();
    CHECK(s.bids_year[victim.index()] == 0);
}

TEST_CASE("cost overruns that push a supplier past its capacity make its contracts fail") {
    auto spec = test::tiny_spec(20, 6);
    spec.delivery.overrun_sigma = 0.5;
    spec.delivery.base_failure_rate = 0.0; // only distress or overload can fail a contract
    // capacity_multiple: each supplier's capacity as a multiple of the work it has committed to.
    auto deliver = [&](double capacity_multiple) {
        Harness h(spec, 3);
        h.tender();
        h.award();
        auto& s = h.m.suppliers;
        for (std::size_t i = 0; i < s.size(); ++i) {
            s.capacity[i] = round_pence(static_cast<double>(s.committed[i]) * capacity_multiple);
            s.cash[i] = s.capacity[i] + 1; // never in distress
        }
        h.deliver();
        std::int64_t failed_over_capacity = 0;
        for (std::size_t k = 0; k < h.m.contracts.size(); ++k) {
            const auto& c = h.m.contracts[k];
            if (!c.supplier.valid() || !h.ys.delivery[k].failed) continue;
            const std::size_t i = c.supplier.index();
            failed_over_capacity += h.ys.supplier_workload[i] > s.capacity[i];
        }
        CHECK(failed_over_capacity == h.ys.counters.failures);
        return h.ys.counters.failures;
    };
    CHECK(deliver(10.0) == 0); // ample room: overruns are absorbed
    CHECK(deliver(1.0) > 0);   // fully booked: an overrun overloads the supplier
}

TEST_CASE(
    "an SME whose revenue needs 250 staff grows into a large firm, one just below stays SME") {
    auto spec = test::tiny_spec(10, 4);
    spec.market.sme_fraction = 1.0;
    spec.market.large_reach_regions = 3;
    spec.market.regions = 3;
    Harness h(spec, 4);
    h.tender();
    h.award();
    h.deliver();
    auto& s = h.m.suppliers;
    REQUIRE(s.is_sme[0]);
    REQUIRE(s.is_sme[1]);
    const double per_staff = spec.suppliers.revenue_per_employee_gbp;
    const double limit = static_cast<double>(spec.suppliers.sme_staff_limit);
    s.revenue_year[0] = pence_from_gbp(per_staff * limit);         // 250 staff
    s.revenue_year[1] = pence_from_gbp(per_staff * (limit - 1.0)); // 249 staff
    s.cash[0] = s.cash[1] = pence_from_gbp(1e6);                   // solvent after the year
    run_dynamics(h.m, h.ys, h.exec);
    CHECK_FALSE(s.is_sme[0]);
    CHECK(s.reach[0] == 3);
    CHECK(s.bid_capacity[0] == spec.suppliers.large_bid_capacity);
    CHECK(s.is_sme[1]);
    CHECK(h.ys.counters.growths >= 1);
}

TEST_CASE("a ratio with nothing to divide by is not defined (NaN, written empty), not 0") {
    // Needs and tenders of year 1, but no delivery yet: nothing was paid.
    Harness h(test::tiny_spec());
    h.start_year();
    const YearMetrics y = compute_metrics(h.m, h.ys, h.exec);
    CHECK(y.total_spend_gbp == 0);
    CHECK(std::isnan(y.price_index));
    CHECK(std::isnan(y.sme_share_direct));
    CHECK(std::isnan(y.overall.hhi));
    CHECK(std::isnan(y.switching_rate));
    CHECK(metric_text(y.price_index).empty());
    std::ostringstream rows;
    const std::string name = "tiny";
    write_metrics_rows(rows, RowKey{name, 0, 1}, y, h.m.spec);
    CHECK(rows.str().find("tiny,0,1,1,price_index,\n") != std::string::npos);
    CHECK(rows.str().find("nan") == std::string::npos);
    // Counts stay defined.
    CHECK(rows.str().find("tiny,0,1,1,contract_failures,0\n") != std::string::npos);
}
