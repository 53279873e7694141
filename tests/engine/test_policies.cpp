// Policy levers, each tested through its mechanism on a small hand-built market.
#include "core/simulation.hpp"
#include "core/social_value.hpp"
#include "core/supply_chain.hpp"
#include "fixture.hpp"
#include "harness.hpp"
#include "io/csv_writers.hpp"

#include <doctest/doctest.h>
#include <map>

using namespace tendersim;
using test::Harness;

namespace {

// Metric rows as written to metrics.csv, so a metric not defined that year (NaN) equals itself.
std::vector<std::pair<std::string, std::string>>
as_text(const std::vector<std::pair<std::string, double>>& rows) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [name, value] : rows) out.emplace_back(name, metric_text(value));
    return out;
}

} // namespace

TEST_CASE("a reserved tender gets no bids from large firms") {
    auto spec = test::tiny_spec(40, 6);
    spec.market.sme_fraction = 0.5;
    spec.policy.sme_reserve_threshold_gbp = 1e9; // everything is reserved
    Harness h(spec, 5);
    h.start_year();
    h.design();
    for (const auto& t : h.ys.tenders.tenders) REQUIRE(t.reserved_sme);
    h.bid();
    int sme_bids = 0;
    for (std::size_t i = 0; i < h.m.suppliers.size(); ++i) {
        if (h.m.suppliers.is_sme[i])
            sme_bids += h.m.suppliers.bids_year[i];
        else
            CHECK(h.m.suppliers.bids_year[i] == 0);
    }
    for (const auto& o : h.ys.tenders.outcomes)
        for (std::size_t r = 0; r < o.shortlisted; ++r) CHECK(o.shortlist[r].is_sme);
    CHECK(sme_bids > 0);
}

TEST_CASE("reserved for local suppliers: no bid from another region") {
    auto spec = test::tiny_spec(60, 6);
    spec.market.regions = 2;
    spec.market.sme_two_region_share = 1.0; // SMEs could otherwise bid across the border
    spec.policy.sme_reserve_threshold_gbp = 1e9;
    spec.policy.reserve_local = true;
    Harness h(spec, 6);
    h.tender();
    int bids = 0;
    for (std::size_t k = 0; k < h.ys.tenders.tenders.size(); ++k)
        for (std::size_t r = 0; r < h.ys.tenders.outcomes[k].shortlisted; ++r, ++bids)
            CHECK(h.m.suppliers.region[h.ys.tenders.outcomes[k].shortlist[r].supplier.index()] ==
                  h.ys.tenders.tenders[k].region);
    CHECK(bids > 0);
}

TEST_CASE("reserved for local suppliers only: local large firms may bid, other regions may not") {
    auto spec = test::tiny_spec(60, 6);
    spec.market.regions = 2;
    spec.market.sme_fraction = 0.5;
    spec.market.sme_two_region_share = 1.0;
    spec.policy.sme_reserve_threshold_gbp = 1e9;
    spec.policy.reserve_sme = false;
    spec.policy.reserve_local = true;
    Harness h(spec, 6);
    h.start_year();
    h.design();
    for (const auto& t : h.ys.tenders.tenders) REQUIRE((t.reserved_local && !t.reserved_sme));
    h.bid();
    int large_bids = 0;
    for (std::size_t k = 0; k < h.ys.tenders.tenders.size(); ++k)
        for (std::size_t r = 0; r < h.ys.tenders.outcomes[k].shortlisted; ++r) {
            const auto& bid = h.ys.tenders.outcomes[k].shortlist[r];
            CHECK(h.m.suppliers.region[bid.supplier.index()] == h.ys.tenders.tenders[k].region);
            large_bids += !bid.is_sme;
        }
    CHECK(large_bids > 0);
}

TEST_CASE("lots are each within the set size and add up to the whole need") {
    auto spec = test::tiny_spec(20, 8);
    spec.policy.lot_threshold_gbp = 30'000; // median need is 50k a year
    Harness h(spec, 7);
    h.start_year();
    const std::vector<Tender> before = h.ys.tenders.tenders;
    h.design();
    const auto& after = h.ys.tenders.tenders;
    const Pence limit = pence_from_gbp(30'000);
    std::size_t pos = 0, divided = 0;
    for (const Tender& need : before) {
        const Pence k = (need.estimated_value + limit - 1) / limit;
        Pence value = 0, cost = 0;
        for (Pence j = 0; j < k; ++j, ++pos) {
            REQUIRE(pos < after.size());
            CHECK(after[pos].lot == j);
            CHECK(after[pos].estimated_value <= limit);
            CHECK(after[pos].buyer == need.buyer);
            value += after[pos].estimated_value;
            cost += after[pos].efficient_cost;
        }
        CHECK(value == need.estimated_value);
        CHECK(cost == need.efficient_cost);
        divided += k > 1;
    }
    CHECK(pos == after.size());
    CHECK(divided > 0);
    CHECK(h.ys.counters.extra_lots == static_cast<std::int64_t>(after.size() - before.size()));
}

TEST_CASE("a joint tender's value is the sum of the partners' needs") {
    auto spec = test::tiny_spec(30, 4);
    spec.categories[0].back_office = true;
    spec.market.partnership_link_share = 1.0; // all four neighbours can partner
    spec.policy.shared_back_office = true;
    spec.policy.partnership_max_size = 4;
    spec.policy.joint_price_pooling = false; // pooled estimates: test_joint_buying.cpp
    Harness h(spec, 8);
    REQUIRE(h.m.partnerships.size() == 1);
    CHECK(h.m.partnerships[0].size() == 4);
    h.start_year();
    const std::vector<Tender> before = h.ys.tenders.tenders;
    REQUIRE(before.size() >= 2);
    h.design();
    const auto& after = h.ys.tenders.tenders;
    REQUIRE(after.size() == 1); // one category, one partnership: one joint tender
    Pence value = 0, cost = 0;
    for (const auto& t : before) value += t.estimated_value, cost += t.efficient_cost;
    CHECK(after[0].estimated_value == value);
    CHECK(after[0].efficient_cost == cost);
    CHECK(after[0].buyer == h.m.partnerships[0].front());
    CHECK(after[0].joint > 0);
}

TEST_CASE("partnerships are connected neighbours within a region and respect the size cap") {
    auto spec = test::tiny_spec(30, 40);
    spec.market.regions = 3;
    spec.policy.shared_back_office = true;
    spec.policy.partnership_max_size = 3;
    Harness h(spec, 9);
    REQUIRE(!h.m.partnerships.empty());
    for (const auto& p : h.m.partnerships) {
        CHECK(p.size() >= 2);
        CHECK(p.size() <= 3);
        for (const auto c : p)
            CHECK(h.m.councils.region[c.index()] == h.m.councils.region[p.front().index()]);
    }
}

TEST_CASE(
    "under outcome specifications the incumbent's product-specific advantage is not applied") {
    ScenarioSpec spec = test::tiny_spec();
    Tender t;
    CHECK(incumbent_quality_bonus(spec, t, true) == spec.incumbency.quality_bonus);
    CHECK(incumbent_quality_bonus(spec, t, false) == 0.0);
    t.outcome_spec = 1;
    CHECK(incumbent_quality_bonus(spec, t, true) == 0.0);

    // And through the bidding kernel: with no evaluator noise, an incumbent's evaluated quality is
    // exactly its offer (times reputation) under outcome specs, and offer + bonus otherwise.
    for (double share : {0.0, 1.0}) {
        CAPTURE(share);
        auto s = test::tiny_spec(30, 8);
        s.evaluation.evaluator_noise = 0.0;
        s.levers.outcome_noise_factor = 0.0;
        s.policy.outcome_spec_share = share;
        Harness h(s, 10);
        h.tender();
        int incumbent_bids = 0;
        for (std::size_t k = 0; k < h.ys.tenders.tenders.size(); ++k) {
            const auto& t2 = h.ys.tenders.tenders[k];
            const auto& o = h.ys.tenders.outcomes[k];
            for (std::size_t r = 0; r < o.shortlisted; ++r) {
                if (o.shortlist[r].supplier != t2.incumbent) continue;
                ++incumbent_bids;
                const double bonus = share > 0 ? 0.0 : s.incumbency.quality_bonus;
                CHECK(o.shortlist[r].quality ==
                      doctest::Approx(std::min(1.0, o.shortlist[r].quality_offer + bonus)));
            }
        }
        CHECK(incumbent_bids > 0);
    }
}

TEST_CASE("outcome specifications turn innovation into offered quality") {
    auto spec = test::tiny_spec(10, 2);
    spec.categories[0].innovation_potential = 1.0;
    Harness h(spec, 11);
    Tender t;
    t.category = CategoryId(0);
    const SupplierId id(0);
    h.m.suppliers.quality[0] = 0.5f;
    h.m.suppliers.innovation[0] = 0.8f;
    CHECK(offered_quality(h.m, t, id) == doctest::Approx(0.5));
    t.outcome_spec = 1;
    CHECK(offered_quality(h.m, t, id) ==
          doctest::Approx(0.5 + spec.levers.outcome_innovation_gain * 0.8));
}

TEST_CASE("subcontract values add up in the supply-chain graph") {
    auto spec = test::tiny_spec(80, 10);
    spec.market.sme_fraction = 0.6;
    spec.policy.subcontract_sme_share = 0.3;
    Harness h(spec, 12);
    for (int y = 0; y < 3; ++y) h.full_year();
    const SupplyChainGraph g = build_supply_chain(h.m, h.ys);
    const auto weight = boost::get(boost::edge_weight, g);
    Pence graph_total = 0;
    std::map<std::uint32_t, Pence> out_by_prime;
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
        graph_total += weight[*e];
        out_by_prime[static_cast<std::uint32_t>(boost::source(*e, g))] += weight[*e];
        CHECK(h.m.suppliers.is_sme[boost::target(*e, g)]); // the policy requires SME subs
    }
    Pence paid_total = 0;
    std::map<std::uint32_t, Pence> paid_by_prime;
    for (std::size_t k = 0; k < h.m.contracts.size(); ++k) {
        const auto& r = h.ys.delivery[k];
        paid_total += r.subcontract_paid;
        if (r.subcontract_paid > 0)
            paid_by_prime[h.m.contracts[k].supplier.v] += r.subcontract_paid;
    }
    CHECK(graph_total > 0);
    CHECK(graph_total == paid_total);
    CHECK(out_by_prime == paid_by_prime);
    Pence received = 0;
    for (auto p : h.m.suppliers.subcontract_revenue_year) received += p;
    CHECK(received == paid_total);
    const auto figures = supply_chain_figures(h.m, h.ys);
    CHECK(figures.value == paid_total);
    CHECK(figures.sme_value == paid_total);
    CHECK(figures.sme_subcontractors == figures.subcontractors);
    // The figures are read off the payments directly; they are the graph's.
    std::size_t primes = 0, subs = 0, links = 0;
    for (auto [e, end] = boost::edges(g); e != end; ++e) ++links;
    for (auto [v, end] = boost::vertices(g); v != end; ++v) {
        primes += boost::out_degree(*v, g) > 0;
        subs += boost::in_degree(*v, g) > 0;
    }
    CHECK(links > 0);
    CHECK(figures.links == links);
    CHECK(figures.primes == primes);
    CHECK(figures.subcontractors == subs);
}

TEST_CASE("an adoption changes only the councils in its scope, from its year") {
    auto spec = test::tiny_spec(30, 12);
    spec.market.regions = 3;
    Adoption a;
    a.year = 2;
    a.scope = Adoption::Scope::Region;
    a.region = 1;
    a.patch.social_value_weight = 0.4;
    a.keys = {"social_value_weight"};
    spec.adoptions = {a};
    Harness h(spec, 13);
    h.full_year();
    for (const auto& p : h.m.councils.policy) CHECK(p.social_value_weight == 0.0);
    h.full_year();
    for (std::size_t c = 0; c < h.m.councils.size(); ++c)
        CHECK(h.m.councils.policy[c].social_value_weight ==
              (h.m.councils.region[c] == 1 ? 0.4 : 0.0));
}

TEST_CASE("years before an adoption are identical to the baseline run with the same seed") {
    ScenarioSpec base;
    base.categories = default_categories();
    ScenarioSpec policy = base;
    Adoption a;
    a.year = 4;
    a.patch.social_value_weight = 0.2;
    a.patch.lot_threshold_gbp = 100'000;
    a.patch.shared_back_office = true;
    a.keys = {"social_value_weight", "lot_threshold_gbp", "shared_back_office"};
    policy.adoptions = {a};
    Simulation s1(base, 77, 2), s2(policy, 77, 2);
    for (int y = 1; y <= 5; ++y) {
        const auto rows1 = metric_rows(s1.run_year(), base);
        const auto rows2 = metric_rows(s2.run_year(), policy);
        if (y < 4) {
            CHECK(state_hash(s1.market()) == state_hash(s2.market()));
            CHECK(as_text(rows1) == as_text(rows2)); // NaN (not defined) equals itself here
        } else {
            CHECK(state_hash(s1.market()) != state_hash(s2.market()));
        }
    }
}

TEST_CASE("a council below its SME target reserves more tenders each year, above it fewer") {
    auto spec = test::tiny_spec(10, 2);
    spec.policy.sme_target_share = 0.5;
    Harness h(spec, 14);
    auto& c = h.m.councils;
    steer_sme_targets(h.m);
    const double start = c.steer_threshold[0];
    CHECK(start == spec.levers.steer_initial_reserve_gbp);
    c.paid_year[0] = 1000, c.paid_sme_year[0] = 100; // 10% < 50%
    c.paid_year[1] = 1000, c.paid_sme_year[1] = 900; // 90% > 50%
    c.steer_threshold[1] = 4 * start;
    steer_sme_targets(h.m);
    CHECK(c.steer_threshold[0] == doctest::Approx(start * spec.levers.steer_step));
    CHECK(c.steer_threshold[1] == doctest::Approx(4 * start / spec.levers.steer_step));
    CHECK(reserve_threshold(h.m, CouncilId(0)) == c.steer_threshold[0]);
}

TEST_CASE("outcome-linked payment withholds part of the price when the outcome is missed") {
    auto spec = test::tiny_spec(40, 8);
    spec.policy.outcome_spec_share = 1.0;
    spec.policy.outcome_payment_share = 0.2;
    spec.levers.outcome_target_quality = 0.65;
    Harness h(spec, 15);
    int missed = 0, met_count = 0;
    for (int y = 0; y < 4; ++y) {
        h.full_year();
        for (std::size_t k = 0; k < h.m.contracts.size(); ++k) {
            const auto& c = h.m.contracts[k];
            const auto& r = h.ys.delivery[k];
            if (!c.supplier.valid() || !c.outcome_spec) continue;
            CHECK(r.paid + r.withheld == c.annual_price);
            if (r.quality_delivered >= 0.65f) {
                ++met_count;
                CHECK(r.withheld == 0);
            } else {
                ++missed;
                CHECK(r.withheld == round_pence(0.2 * static_cast<double>(c.annual_price)));
            }
        }
    }
    CHECK(missed > 0);
    CHECK(met_count > 0);
}

TEST_CASE("when payment by results is set too harshly, providers stay away") {
    // NAO HC 86 (2015): set too low, providers do not bid.
    auto spec = test::tiny_spec(40, 8);
    spec.policy.outcome_spec_share = 1.0;
    spec.policy.outcome_payment_share = 0.6;
    spec.levers.outcome_target_quality = 0.98;
    Harness harsh(spec, 16);
    harsh.tender();
    spec.policy.outcome_payment_share = 0.0;
    Harness mild(spec, 16);
    mild.tender();
    int harsh_bids = 0, mild_bids = 0;
    for (const auto& o : harsh.ys.tenders.outcomes) harsh_bids += o.bids;
    for (const auto& o : mild.ys.tenders.outcomes) mild_bids += o.bids;
    CHECK(mild_bids > 0);
    CHECK(harsh_bids < mild_bids / 4);
}

TEST_CASE("social value is offered in units whose GBP worth the proxies set") {
    auto spec = test::tiny_spec(40, 6);
    spec.market.sme_fraction = 0.5;
    spec.policy.social_value_weight = 0.6;
    Harness ref(spec, 8);
    const auto& s = ref.m.suppliers;
    double sme_carbon = 0, large_carbon = 0, smes = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        // At the National TOMs proxies the offer is worth exactly what it was sized at.
        CHECK(proxy_value_factor(ref.m, i) == 1.0);
        CHECK(s.sv_mix_job[i] + s.sv_mix_carbon[i] + s.sv_mix_community[i] ==
              doctest::Approx(1.0).epsilon(1e-6));
        (s.is_sme[i] ? sme_carbon : large_carbon) += s.sv_mix_carbon[i];
        smes += s.is_sme[i];
        // The units behind any GBP amount price back to that amount.
        const SocialValueUnits u = units_of(ref.m, i, 1000.0);
        CHECK(u.job_years * spec.social_value.job_proxy_gbp +
                  u.carbon_tonnes * spec.social_value.carbon_proxy_gbp +
                  u.community_hours * spec.social_value.community_proxy_gbp ==
              doctest::Approx(1000.0));
    }
    REQUIRE(smes > 0);
    REQUIRE(smes < static_cast<double>(s.size()));
    // Large firms' offers lean on carbon and jobs, SMEs' on many small parts.
    CHECK(large_carbon / (static_cast<double>(s.size()) - smes) > sme_carbon / smes);

    // A council that values carbon at twice the TOMs proxy credits carbon-heavy offers more.
    auto dear = spec;
    dear.social_value.carbon_proxy_gbp *= 2;
    Harness h0(spec, 8), h1(dear, 8);
    for (Harness* h : {&h0, &h1}) {
        h->start_year();
        h->design();
        h->bid();
    }
    int compared = 0;
    for (std::size_t k = 0; k < h0.ys.tenders.outcomes.size(); ++k) {
        const auto& a = h0.ys.tenders.outcomes[k];
        const auto& b = h1.ys.tenders.outcomes[k];
        for (std::size_t r = 0; r < a.shortlisted; ++r)
            for (std::size_t q = 0; q < b.shortlisted; ++q) {
                if (a.shortlist[r].supplier != b.shortlist[q].supplier) continue;
                const std::size_t i = a.shortlist[r].supplier.index();
                CHECK(proxy_value_factor(h1.m, i) ==
                      doctest::Approx(1.0 + h1.m.suppliers.sv_mix_carbon[i]));
                // Same units at the same cost to the bidder, but a dearer worth: the offer scores
                // more, so the bidder can ask at least as much.
                CHECK(b.shortlist[q].price >= a.shortlist[r].price);
                CHECK(static_cast<double>(b.shortlist[q].sv_offer) ==
                      doctest::Approx(static_cast<double>(a.shortlist[r].sv_offer) *
                                      proxy_value_factor(h1.m, i))
                          .epsilon(1e-3));
                ++compared;
            }
    }
    CHECK(compared > 0);
}
