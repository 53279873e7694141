// Procurement routes (docs/ODD.md 7.20): frameworks and their call-offs, dynamic markets, quotes
// and direct awards below thresholds. Mechanism tests on a small hand-built market.
#include "core/frameworks.hpp"
#include "core/metric_registry.hpp"
#include "core/metrics.hpp"
#include "core/supplier_factory.hpp"
#include "fixture.hpp"
#include "harness.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <map>

using namespace tendersim;
using test::Harness;

namespace {

// One region, one category, four councils that buy everything they can through one national
// framework (a single lot) from year 1.
ScenarioSpec framework_spec(bool direct_award, std::int64_t max_suppliers = 5) {
    auto spec = test::tiny_spec(40, 4);
    FrameworkSpec fw;
    fw.name = "national ICT";
    fw.onboarding_cost_gbp = 1'000;
    fw.fee_share = 0.01;
    fw.direct_award = direct_award;
    FrameworkLotSpec lot;
    lot.name = "all";
    lot.categories = {"ict"};
    lot.max_suppliers = max_suppliers;
    fw.lots = {lot};
    spec.frameworks = {fw};
    spec.policy.framework_share = 1.0;
    return spec;
}

const FrameworkLot& the_lot(const Harness& h) {
    return h.m.frameworks.at(0).lots.at(0);
}

bool member(const Harness& h, SupplierId id) {
    return member_rank(the_lot(h), id) >= 0;
}

std::size_t call_offs(const Harness& h) {
    std::size_t n = 0;
    for (const Tender& t : h.ys.tenders.tenders) n += is_call_off(t.route);
    return n;
}

} // namespace

TEST_CASE("a supplier not on a framework never bids for or wins its call-offs") {
    Harness h(framework_spec(false), 7);
    h.ys.bid_log.enabled = true;
    std::size_t checked = 0, non_member_bids_elsewhere = 0;
    for (int year = 0; year < 5; ++year) {
        h.tender();
        h.award();
        const auto& tenders = h.ys.tenders;
        for (std::size_t k = 0; k < tenders.tenders.size(); ++k) {
            const Tender& t = tenders.tenders[k];
            const TenderOutcome& o = tenders.outcomes[k];
            for (const Bid& b : h.ys.bid_log.of(k, o.bids)) {
                if (!is_call_off(t.route)) {
                    non_member_bids_elsewhere += !member(h, b.supplier);
                    continue;
                }
                CHECK(t.route == Route::MiniCompetition);
                CHECK(member(h, b.supplier));
            }
            if (is_call_off(t.route) && o.winner.valid()) {
                CHECK(member(h, o.winner));
                ++checked;
            }
        }
        h.steps(YearStep::Delivery, YearStep::Monitor);
    }
    // The lot is capped at five: the rest of the 40 suppliers are outside it, and call-offs
    // were made.
    CHECK(the_lot(h).members.size() == 5);
    CHECK(checked > 20);
    // Open tenders (needs no member can serve) are still open to everyone.
    INFO("non-member bids on other routes: " << non_member_bids_elsewhere);
}

TEST_CASE("a framework's direct award goes to its best-ranked member with room, with no other "
          "bid, and is awarded") {
    Harness h(framework_spec(true), 11);
    h.ys.bid_log.enabled = true;
    std::size_t direct = 0, awarded = 0;
    for (int year = 0; year < 4; ++year) {
        h.tender();
        const auto& s = h.m.suppliers;
        const auto& tenders = h.ys.tenders;
        // The work each member was given directly this year fits in its room.
        std::vector<Pence> given(s.size(), 0);
        for (std::size_t k = 0; k < tenders.tenders.size(); ++k) {
            const Tender& t = tenders.tenders[k];
            if (t.route != Route::FrameworkDirect) continue;
            const TenderOutcome& o = tenders.outcomes[k];
            REQUIRE(member(h, t.direct_member));
            CHECK(o.considered == 1);
            REQUIRE(o.bids == 1);
            CHECK(h.ys.bid_log.of(k, 1)[0].supplier == t.direct_member);
            given[t.direct_member.index()] += t.estimated_value;
            ++direct;
        }
        for (std::size_t i = 0; i < s.size(); ++i)
            CHECK(given[i] <= s.capacity[i] - s.committed[i]);
        h.award();
        for (std::size_t k = 0; k < tenders.tenders.size(); ++k)
            if (tenders.tenders[k].route == Route::FrameworkDirect)
                awarded += tenders.outcomes[k].winner.valid();
        h.steps(YearStep::Delivery, YearStep::Monitor);
    }
    CHECK(direct > 8);
    // The member's room was checked with the year's other direct awards counted: most are
    // awarded (an open tender awarded earlier in the year can still take the room).
    CHECK(static_cast<double>(awarded) >= 0.75 * static_cast<double>(direct));
}

TEST_CASE("an open framework admits a new supplier at its reopening, a closed one at its next "
          "term") {
    for (const bool open : {true, false}) {
        CAPTURE(open);
        auto spec = framework_spec(false, 0);
        spec.frameworks[0].open = open;
        spec.frameworks[0].reopen_years = 2;
        spec.frameworks[0].term_years = 4;
        spec.dynamics.exit_idle_years = 100; // the newcomer stays in the market while it waits
        Harness h(spec, 3);
        h.full_year(); // year 1: the first appointment
        REQUIRE(!the_lot(h).members.empty());
        // A large newcomer arrives after the first competition.
        Stream rng(99, 0, StreamPurpose::Entry, 1);
        const SupplierId newcomer = add_supplier(h.m, rng, false, 0, 1u, h.m.year);
        h.m.suppliers.capacity[newcomer.index()] = pence_from_gbp(20'000'000);
        h.m.suppliers.turnover[newcomer.index()] = pence_from_gbp(20'000'000);
        h.m.suppliers.cash[newcomer.index()] = pence_from_gbp(1e9); // it must last
        h.full_year(); // year 2: no competition, it cannot join
        CHECK_FALSE(member(h, newcomer));
        h.start_year(); // year 3: the open framework reopens
        CHECK(member(h, newcomer) == open);
        h.steps(YearStep::Design, YearStep::Monitor);
        h.full_year(); // year 4: the closed framework's term runs to its end
        CHECK(member(h, newcomer) == open);
        h.start_year(); // year 5: the closed framework is competed afresh
        if (!open) CHECK(member(h, newcomer));
    }
}

TEST_CASE("a call-off below the framework's direct-award limit draws no competition, one above "
          "it is competed among members") {
    auto spec = framework_spec(true);
    spec.frameworks[0].direct_award_max_gbp = 175'000; // about the median call-off's total
    Harness h(spec, 5);
    h.ys.bid_log.enabled = true;
    std::size_t below = 0, above = 0;
    for (int year = 0; year < 4; ++year) {
        h.tender();
        const auto& tenders = h.ys.tenders;
        for (std::size_t k = 0; k < tenders.tenders.size(); ++k) {
            const Tender& t = tenders.tenders[k];
            if (!is_call_off(t.route)) continue;
            const double total = static_cast<double>(t.estimated_value) * t.duration;
            if (total <= as_pence(175'000)) {
                // Directly to one member, unless no member had room (then competed).
                if (t.route == Route::FrameworkDirect) {
                    CHECK(tenders.outcomes[k].considered == 1);
                    CHECK(tenders.outcomes[k].bids <= 1);
                    ++below;
                } else {
                    CHECK(t.route == Route::MiniCompetition);
                }
            } else {
                CHECK(t.route == Route::MiniCompetition);
                ++above;
            }
            for (const Bid& b : h.ys.bid_log.of(k, tenders.outcomes[k].bids))
                CHECK(member(h, b.supplier));
        }
        h.steps(YearStep::Award, YearStep::Monitor);
    }
    CHECK(below > 10);
    CHECK(above > 10);
}

TEST_CASE("below the council's thresholds a need is awarded directly or by invited quotes") {
    auto spec = test::tiny_spec(40, 4);
    spec.policy.direct_award_threshold_gbp = 120'000;
    spec.policy.quote_threshold_gbp = 200'000;
    spec.policy.quote_invitations = 3;
    Harness h(spec, 9);
    std::size_t direct = 0, quotes = 0, open = 0;
    for (int year = 0; year < 4; ++year) {
        h.tender();
        const auto& tenders = h.ys.tenders;
        for (std::size_t k = 0; k < tenders.tenders.size(); ++k) {
            const Tender& t = tenders.tenders[k];
            const TenderOutcome& o = tenders.outcomes[k];
            const double total = static_cast<double>(t.estimated_value) * t.duration;
            if (total < as_pence(120'000)) {
                REQUIRE(t.route == Route::DirectAward);
                CHECK(o.considered <= 1); // no competition: one supplier is asked
                CHECK(o.bids <= 1);
                ++direct;
            } else if (total < as_pence(200'000)) {
                REQUIRE(t.route == Route::Quotes);
                CHECK(o.considered <= 3);
                ++quotes;
            } else {
                REQUIRE(t.route == Route::Open);
                ++open;
            }
        }
        h.steps(YearStep::Award, YearStep::Monitor);
    }
    CHECK(direct > 10);
    CHECK(quotes > 10);
    CHECK(open > 10);
}

TEST_CASE("framework fees are a fixed share of what call-offs are paid, and money is conserved") {
    Harness h(framework_spec(false), 13);
    Pence fees = 0;
    for (int year = 0; year < 5; ++year) {
        h.tender();
        h.award();
        h.deliver();
        Pence expected = 0;
        for (std::size_t k = 0; k < h.m.contracts.size(); ++k) {
            const Contract& c = h.m.contracts[k];
            if (!c.supplier.valid()) continue;
            if (is_call_off(c.route)) {
                CHECK(c.fee_share == doctest::Approx(0.01));
                expected += round_pence(0.01f * static_cast<double>(h.ys.delivery[k].paid));
            } else {
                CHECK(c.fee_share == 0.0f);
            }
        }
        CHECK(h.ys.counters.framework_fees == expected);
        fees += h.ys.counters.framework_fees;
        h.steps(YearStep::Dynamics, YearStep::Monitor);
    }
    CHECK(fees > 0);
    CHECK(h.m.ledger_framework_fees == fees);
    CHECK(h.m.ledger_council_paid == h.m.ledger_supplier_received);
}

TEST_CASE("a costly application keeps small suppliers off a framework") {
    // Suppliers apply when the margin they expect on their share of the framework's value covers
    // the cost of applying (OFT ICT market study 2013-14: up-front bid costs exclude SMEs).
    auto sme_share_of_members = [](double onboarding_gbp) {
        auto spec = framework_spec(false, 0);
        spec.market.suppliers = 200;
        spec.market.sme_fraction = 0.8;
        spec.frameworks[0].onboarding_cost_gbp = onboarding_gbp;
        Harness h(spec, 21);
        h.start_year();
        double smes = 0;
        for (const SupplierId id : the_lot(h).members) smes += h.m.suppliers.is_sme[id.index()];
        const auto n = static_cast<double>(the_lot(h).members.size());
        return std::pair{n, n > 0 ? smes / n : 0.0};
    };
    const auto [cheap_n, cheap_share] = sme_share_of_members(500);
    const auto [dear_n, dear_share] = sme_share_of_members(60'000);
    CAPTURE(cheap_n);
    CAPTURE(dear_n);
    CHECK(cheap_n > dear_n);
    CHECK(dear_n > 0);
    CHECK(dear_share < cheap_share);
}

TEST_CASE("with no member able to serve a need, the council buys it by its other routes") {
    auto spec = framework_spec(false);
    spec.frameworks[0].onboarding_cost_gbp = 1e7; // nobody applies
    Harness h(spec, 4);
    h.tender();
    CHECK(the_lot(h).members.empty());
    CHECK(call_offs(h) == 0);
    CHECK(!h.ys.tenders.tenders.empty());
}

TEST_CASE("a partnership's own framework serves only its partners, each calling off its own "
          "need") {
    auto spec = test::tiny_spec(40, 8);
    spec.categories[0].back_office = true;
    spec.market.partnership_link_share = 1.0;
    spec.policy.shared_back_office = true;
    spec.policy.partnership_max_size = 4;
    spec.policy.framework_share = 1.0;
    FrameworkSpec fw;
    fw.name = "consortium";
    fw.partnership = true;
    fw.onboarding_cost_gbp = 500;
    fw.lots = {FrameworkLotSpec{"back office", {"ict"}, 0, 0.6, 0.0}};
    spec.frameworks = {fw};
    Harness h(spec, 8);
    REQUIRE(h.m.partnerships.size() >= 2);
    h.ys.bid_log.enabled = true;
    std::size_t called_off = 0;
    for (int year = 0; year < 3; ++year) {
        h.tender();
        // One framework of each partnership, used by its partners only.
        REQUIRE(h.m.frameworks.size() == h.m.partnerships.size());
        for (std::size_t f = 0; f < h.m.frameworks.size(); ++f)
            CHECK(h.m.frameworks[f].councils == h.m.partnerships[f]);
        const auto& tenders = h.ys.tenders;
        for (std::size_t k = 0; k < tenders.tenders.size(); ++k) {
            const Tender& t = tenders.tenders[k];
            CHECK(t.joint == 0); // called off need by need, not merged into a joint tender
            if (!is_call_off(t.route)) continue;
            const FrameworkState& own = h.m.frameworks[static_cast<std::size_t>(t.framework)];
            CHECK(std::find(own.councils.begin(), own.councils.end(), t.buyer) !=
                  own.councils.end());
            for (const Bid& b : h.ys.bid_log.of(k, tenders.outcomes[k].bids))
                CHECK(member_rank(own.lots[0], b.supplier) >= 0);
            ++called_off;
        }
        h.steps(YearStep::Award, YearStep::Monitor);
    }
    CHECK(called_off > 10);
}

TEST_CASE("per-framework metrics name the framework and count its live members") {
    Harness h(framework_spec(false), 7);
    h.full_year();
    double live = 0;
    for (const SupplierId id : the_lot(h).members) live += h.m.suppliers.alive[id.index()];
    REQUIRE(live > 0);
    std::map<std::string, double> rows;
    for (const auto& [name, value] : metric_rows(h.metrics, h.m.spec)) rows[name] = value;
    REQUIRE(rows.count("framework_members.national ICT") == 1);
    CHECK(rows["framework_members.national ICT"] == live);
    CHECK(rows["framework_members"] == live); // the only framework
    const double sme = rows["framework_sme_share.national ICT"];
    CHECK(sme >= 0.0);
    CHECK(sme <= 1.0);
    CHECK(find_metric("framework_sme_share.national ICT").def != nullptr);
}
