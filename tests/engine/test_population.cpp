// Population rules (docs/ODD.md 7.8, 7.17, 7.18): fixed costs, exit after idle years, free entry
// by market cell, SME -> large growth, and new needs that wait rather than vanish.
#include "core/entry.hpp"
#include "core/supplier_factory.hpp"
#include "fixture.hpp"
#include "harness.hpp"

#include <doctest/doctest.h>

using namespace tendersim;

namespace {

using test::Harness;

// A year up to the end of delivery, so the dynamics can be run by hand.
void year_to_delivery(Harness& h) {
    h.tender();
    h.award();
    h.deliver();
}

// The first supplier with no contract at all (as prime or subcontractor).
SupplierId idle_supplier(const Market& m) {
    std::vector<std::uint8_t> holds(m.suppliers.size(), 0);
    for (const auto& c : m.contracts) {
        if (c.supplier.valid()) holds[c.supplier.index()] = 1;
        if (c.subcontractor.valid()) holds[c.subcontractor.index()] = 1;
    }
    for (std::size_t i = 0; i < holds.size(); ++i)
        if (m.suppliers.alive[i] && !holds[i]) return SupplierId(static_cast<std::uint32_t>(i));
    return {};
}

} // namespace

TEST_CASE("population: a supplier with no revenue for exit_idle_years years exits, not earlier") {
    for (const std::int64_t idle_years : {1, 2, 4}) {
        CAPTURE(idle_years);
        auto spec = test::tiny_spec(12, 3);
        spec.dynamics.exit_idle_years = idle_years;
        spec.dynamics.entry_rate = 0; // no entrants to muddle the ids
        Harness h(spec, 5);
        auto& s = h.m.suppliers;
        const std::size_t v = 0;
        for (std::int64_t year = 1; year <= idle_years; ++year) {
            year_to_delivery(h);
            REQUIRE(s.alive[v]);
            s.revenue_year[v] = 0;                     // no contract, no subcontract paid
            s.cash[v] = pence_from_gbp(100'000'000.0); // never insolvent
            run_dynamics(h.m, h.ys, h.exec);
            CHECK(s.idle_years[v] == year);
            if (year < idle_years) {
                CHECK(s.alive[v]);
                CHECK(h.ys.counters.exits_idle == 0);
            } else {
                CHECK_FALSE(s.alive[v]);
                CHECK(h.ys.counters.exits_idle >= 1);
                CHECK(h.ys.counters.exits >= h.ys.counters.exits_idle);
            }
        }
    }
}

TEST_CASE("population: a year with revenue resets the idle count") {
    auto spec = test::tiny_spec(12, 3);
    spec.dynamics.exit_idle_years = 2;
    spec.dynamics.entry_rate = 0;
    Harness h(spec, 5);
    auto& s = h.m.suppliers;
    const std::size_t v = 0;
    const Pence revenue[] = {0, pence_from_gbp(10'000.0), 0};
    for (const Pence r : revenue) {
        year_to_delivery(h);
        s.revenue_year[v] = r;
        s.cash[v] = pence_from_gbp(100'000'000.0);
        run_dynamics(h.m, h.ys, h.exec);
        CHECK(s.alive[v]); // never two idle years in a row
    }
    CHECK(s.idle_years[v] == 1);
}

TEST_CASE("population: an idle supplier's cash falls by at least its fixed-cost floor a year") {
    auto spec = test::tiny_spec(80, 2);
    spec.dynamics.exit_idle_years = 100;
    spec.dynamics.entry_rate = 0;
    Harness h(spec, 7);
    auto& s = h.m.suppliers;
    for (int year = 1; year <= 3; ++year) {
        year_to_delivery(h);
        const SupplierId v = idle_supplier(h.m);
        REQUIRE(v.valid());
        const std::size_t i = v.index();
        REQUIRE(s.revenue_year[i] == 0);
        // Capacity shrinks toward nothing when idle; the floor does not.
        s.capacity[i] = pence_from_gbp(1'000.0);
        s.cash[i] = pence_from_gbp(1'000'000.0);
        const Pence before = s.cash[i];
        run_dynamics(h.m, h.ys, h.exec);
        const Pence floor = fixed_cost_floor(spec.suppliers, s.is_sme[i] != 0);
        CHECK(floor > 0);
        CHECK(s.fixed_cost[i] >= floor);
        CHECK(before - s.cash[i] >= floor);
    }
}

TEST_CASE("population: an idle supplier with little cash runs out of it and exits insolvent") {
    auto spec = test::tiny_spec(80, 2);
    spec.dynamics.exit_idle_years = 100; // only cash can end it
    spec.dynamics.entry_rate = 0;
    Harness h(spec, 7);
    year_to_delivery(h);
    const SupplierId v = idle_supplier(h.m);
    REQUIRE(v.valid());
    auto& s = h.m.suppliers;
    s.cash[v.index()] = s.fixed_cost[v.index()] / 2; // half a year of fixed costs
    s.capacity[v.index()] = pence_from_gbp(1'000.0);
    run_dynamics(h.m, h.ys, h.exec);
    CHECK_FALSE(s.alive[v.index()]);
    CHECK(h.ys.counters.exits > h.ys.counters.exits_idle);
}

TEST_CASE("population: entry into a market falls as the market's profit falls") {
    auto spec = test::tiny_spec(60, 4);
    spec.market.regions = 2;
    spec.bidding.attention = 1.0; // suppliers read a few notices, as in the scenarios
    spec.dynamics.entry_rate = 3.0;
    spec.suppliers.sme_fixed_cost_gbp = 2'000.0;
    // margin_scale: the winners' margins (price - own cost) this year, scaled; all else equal.
    auto entrants = [&](double margin_scale) {
        Harness h(spec, 9);
        year_to_delivery(h);
        for (auto& o : h.ys.tenders.outcomes) {
            if (!o.winner.valid()) continue;
            Bid& won = o.shortlist[o.winner_rank];
            won.price = won.own_cost +
                        round_pence(margin_scale * static_cast<double>(won.price - won.own_cost));
        }
        const auto cells = cell_prospects(h.m, h.ys);
        const std::size_t before = h.m.suppliers.size();
        run_dynamics(h.m, h.ys, h.exec);
        // Entrants per cell (one category, so a cell is a region): each in its home cell.
        std::vector<std::int64_t> per_cell(cells.size(), 0);
        for (std::size_t i = before; i < h.m.suppliers.size(); ++i) {
            const auto& s = h.m.suppliers;
            CHECK(s.born_year[i] == h.m.year);
            bool home = false;
            for (std::size_t k = 0; k < cells.size(); ++k) {
                const std::size_t c = k / h.m.regions, r = k % h.m.regions;
                if (s.region[i] == r && (s.category_mask[i] >> c & 1u) && cells[k].tenders > 0)
                    home = true;
            }
            CHECK(home); // entrants come where tenders were
            ++per_cell[s.region[i]];
        }
        CHECK(h.ys.counters.entries == static_cast<std::int64_t>(h.m.suppliers.size() - before));
        CHECK(h.ys.counters.potential_entrants >= h.ys.counters.entries);
        return per_cell;
    };
    const auto rich = entrants(2.0);
    const auto normal = entrants(1.0);
    const auto poor = entrants(0.3);
    const auto none = entrants(0.0);
    std::int64_t total_rich = 0, total_normal = 0, total_poor = 0, total_none = 0;
    for (std::size_t r = 0; r < rich.size(); ++r) {
        CAPTURE(r);
        // The would-be entrants are the same draws: fewer of them find a poorer market worth it.
        CHECK(rich[r] >= normal[r]);
        CHECK(normal[r] >= poor[r]);
        CHECK(poor[r] >= none[r]);
        total_rich += rich[r];
        total_normal += normal[r];
        total_poor += poor[r];
        total_none += none[r];
    }
    CHECK(total_rich > total_normal);
    CHECK(total_normal > total_poor);
    CHECK(total_none == 0); // no margin to be had: nobody enters
}

TEST_CASE("population: a crowded cell promises one more firm less than an empty one") {
    CellProspect cell;
    cell.margin_pool = pence_from_gbp(1'000'000.0);
    cell.bid_costs = pence_from_gbp(50'000.0);
    const Pence fixed = pence_from_gbp(20'000.0);
    // A firm serving this cell alone enters when its operating profit there covers its fixed cost.
    const auto profit = [&] { return entrant_operating_profit(cell) - static_cast<double>(fixed); };
    cell.suppliers = 4;
    const double few = profit();
    cell.suppliers = 40;
    const double many = profit();
    CHECK(few == doctest::Approx(1e8 / 5.0 - 5e6 / 4.0 - 2e6));
    CHECK(many < few);
    cell.suppliers = 400;
    CHECK(profit() < 0.0); // free entry stops here
}

TEST_CASE("population: no need is lost when a council's procurement team is full") {
    auto spec = test::tiny_spec(20, 3);
    spec.market.new_need_rate = 0.5;      // many needs end, as many new ones arrive
    spec.council.tenders_per_officer = 1; // a team that runs one or two tenders a year
    Harness h(spec, 11);
    std::int64_t carried = 0;
    for (int year = 1; year <= 4; ++year) {
        const std::size_t needs_before = h.m.contracts.size();
        h.start_year();
        const auto& ctr = h.ys.counters;
        // Every need is still a contract (running, extended or waiting) or a tender this year.
        CHECK(h.m.contracts.size() + h.ys.tenders.tenders.size() ==
              needs_before - static_cast<std::size_t>(ctr.ended_needs) +
                  static_cast<std::size_t>(ctr.new_needs));
        carried += ctr.carried_needs;
        // A carried need waits with no supplier and must be tendered next year.
        for (const auto& c : h.m.contracts)
            if (!c.supplier.valid()) CHECK(c.relet_of_failure == 1);
        h.design();
        h.bid();
        h.finish_year();
    }
    CHECK(carried > 0); // the team was full, and the needs waited
}

TEST_CASE("population: an SME whose capacity passes the SME limits becomes large") {
    auto spec = test::tiny_spec(10, 4);
    spec.market.sme_fraction = 1.0;
    spec.market.regions = 3;
    spec.market.large_reach_regions = 3;
    spec.dynamics.entry_rate = 0;
    Harness h(spec, 4);
    year_to_delivery(h);
    auto& s = h.m.suppliers;
    REQUIRE(s.is_sme[0]);
    REQUIRE(s.is_sme[1]);
    const double staff_capacity_gbp = spec.suppliers.revenue_per_employee_gbp *
                                      static_cast<double>(spec.suppliers.sme_staff_limit);
    // Staffed for 250 (capacity / revenue per employee) but earning little this year.
    s.capacity[0] = pence_from_gbp(staff_capacity_gbp);
    s.capacity[1] = pence_from_gbp(staff_capacity_gbp * 0.99);
    // Half used: capacity neither grows nor shrinks this year.
    s.committed[0] = s.capacity[0] / 2;
    s.committed[1] = s.capacity[1] / 2;
    s.revenue_year[0] = s.revenue_year[1] = pence_from_gbp(100'000.0);
    // Solvent whatever this year's work cost (but under the SME balance-sheet limit).
    s.cash[0] = s.cash[1] = pence_from_gbp(1e7);
    const std::int64_t before = h.ys.counters.growths;
    run_dynamics(h.m, h.ys, h.exec);
    CHECK_FALSE(s.is_sme[0]);
    CHECK(s.reach[0] == 3);
    CHECK(s.bid_capacity[0] == spec.suppliers.large_bid_capacity);
    CHECK(s.fixed_cost[0] >= fixed_cost_floor(spec.suppliers, false));
    CHECK(s.is_sme[1]);
    CHECK(h.ys.counters.growths == before + 1); // the sme_to_large counter
}

TEST_CASE("population: a medium-sized SME's bid team grows with its staff") {
    auto spec = test::tiny_spec(10, 4);
    spec.market.sme_fraction = 1.0;
    spec.dynamics.entry_rate = 0;
    Harness h(spec, 4);
    year_to_delivery(h);
    auto& s = h.m.suppliers;
    const double per_staff = spec.suppliers.revenue_per_employee_gbp;
    s.capacity[0] = pence_from_gbp(100.0 * per_staff); // 100 staff
    s.capacity[1] = pence_from_gbp(20.0 * per_staff);  // 20 staff
    s.committed[0] = s.capacity[0] / 2;                // half used: capacity stays
    s.committed[1] = s.capacity[1] / 2;
    s.revenue_year[0] = s.revenue_year[1] = pence_from_gbp(100'000.0);
    s.cash[0] = s.cash[1] = pence_from_gbp(1e6);
    run_dynamics(h.m, h.ys, h.exec);
    CHECK(s.bid_capacity[0] == 2 * spec.suppliers.sme_bid_capacity);
    CHECK(s.bid_capacity[1] == spec.suppliers.sme_bid_capacity);
}
