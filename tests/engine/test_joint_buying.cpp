// Joint buying's buyer-side channel: a partnership estimates its joint tenders from its partners'
// pooled price records (smaller error) and every partner learns from the joint price; the
// policy.joint_price_pooling knock-out restores the lead-only rule.
#include "core/market_record.hpp"
#include "fixture.hpp"
#include "harness.hpp"

#include <cmath>
#include <doctest/doctest.h>

using namespace tendersim;
using test::Harness;

namespace {

// Four neighbouring councils in one back-office partnership, pooling prices or not.
ScenarioSpec partnership_spec(bool pooling) {
    auto spec = test::tiny_spec(30, 4);
    spec.categories[0].back_office = true;
    spec.market.partnership_link_share = 1.0; // all four neighbours can partner
    spec.policy.shared_back_office = true;
    spec.policy.partnership_max_size = 4;
    spec.policy.joint_price_pooling = pooling;
    return spec;
}

double log_ratio(const Tender& t) {
    return std::log(static_cast<double>(t.estimated_value) / static_cast<double>(t.efficient_cost));
}

struct Spread {
    double n = 0, sum = 0, sum_sq = 0;
    void add(double x) { n += 1, sum += x, sum_sq += x * x; }
    double sd() const { return std::sqrt(sum_sq / n - (sum / n) * (sum / n)); }
};

float belief_of(const Harness& h, CouncilId c) {
    return h.m.councils.price_belief[c.index() * h.m.categories];
}

} // namespace

TEST_CASE("a joint tender's estimate errs less with pooled records than without") {
    // Year 1: every council holds the prior belief, so log(estimate / efficient cost) is the
    // estimation error plus a constant: its spread is the error's. Without pooling the joint
    // estimate sums the partners' own estimates (each with a council's error, sd 0.15); pooling
    // four partners' records halves each need's error, so the joint error halves too.
    Spread single, knocked_out, pooled;
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        Harness off(partnership_spec(false), seed), on(partnership_spec(true), seed);
        REQUIRE(on.m.partnerships.size() == 1);
        off.start_year();
        on.start_year();
        for (const Tender& t : on.ys.tenders.tenders) single.add(log_ratio(t));
        off.design();
        on.design();
        REQUIRE(on.ys.tenders.tenders.size() == 1);
        REQUIRE(off.ys.tenders.tenders.size() == 1);
        knocked_out.add(log_ratio(off.ys.tenders.tenders[0]));
        pooled.add(log_ratio(on.ys.tenders.tenders[0]));
    }
    CHECK(single.sd() == doctest::Approx(0.15).epsilon(0.1));
    CHECK(pooled.sd() < single.sd());
    CHECK(pooled.sd() == doctest::Approx(0.5 * knocked_out.sd()).epsilon(0.25));
}

TEST_CASE("a joint tender's estimate uses the geometric mean of the partners' beliefs") {
    auto spec = partnership_spec(true);
    spec.council.estimate_error = 0.0; // the pooled belief alone
    Harness h(spec, 3);
    REQUIRE(h.m.partnerships.size() == 1);
    const auto& partners = h.m.partnerships[0];
    const float beliefs[] = {1.0f, 1.21f, 1.44f, 1.0f};
    for (std::size_t k = 0; k < partners.size(); ++k)
        h.m.councils.price_belief[partners[k].index() * h.m.categories] = beliefs[k];
    h.start_year();
    h.design();
    REQUIRE(h.ys.tenders.tenders.size() == 1);
    const Tender& t = h.ys.tenders.tenders[0];
    const double pooled = std::pow(1.0 * 1.21 * 1.44 * 1.0, 0.25);
    CHECK(pooled_unit_price(h.m, partners, t.category) == doctest::Approx(pooled));
    CHECK(static_cast<double>(t.estimated_value) ==
          doctest::Approx(pooled * static_cast<double>(t.efficient_cost)).epsilon(1e-6));
}

TEST_CASE("with price pooling, every partner learns from the joint award") {
    Harness h(partnership_spec(true), 5);
    const auto partners = h.m.partnerships.at(0);
    std::vector<float> before;
    for (const CouncilId c : partners) before.push_back(belief_of(h, c));
    h.tender();
    REQUIRE(h.ys.tenders.tenders.size() == 1);
    REQUIRE(h.ys.tenders.tenders[0].joint > 1);
    h.award();
    for (std::size_t k = 0; k < partners.size(); ++k) {
        CAPTURE(k);
        CHECK(belief_of(h, partners[k]) != before[k]);
        // the same prior and the same notice: the same belief
        CHECK(belief_of(h, partners[k]) == belief_of(h, partners[0]));
    }
}

TEST_CASE("without price pooling (knock-out), the joint estimate is the sum of the partners' own "
          "and only the lead learns") {
    Harness h(partnership_spec(false), 5);
    const auto partners = h.m.partnerships.at(0);
    std::vector<float> before;
    for (const CouncilId c : partners) before.push_back(belief_of(h, c));
    h.start_year();
    Pence sum = 0;
    for (const Tender& t : h.ys.tenders.tenders) sum += t.estimated_value;
    h.design();
    REQUIRE(h.ys.tenders.tenders.size() == 1);
    CHECK(h.ys.tenders.tenders[0].estimated_value == sum);
    h.bid();
    h.award();
    CHECK(belief_of(h, partners[0]) != before[0]);
    for (std::size_t k = 1; k < partners.size(); ++k) CHECK(belief_of(h, partners[k]) == before[k]);

    // The same market with pooling re-derives the estimate on its own stream: the tenders'
    // terms are unchanged, only the joint estimate differs.
    Harness pooled(partnership_spec(true), 5);
    pooled.start_year();
    Pence pooled_sum = 0;
    for (const Tender& t : pooled.ys.tenders.tenders) pooled_sum += t.estimated_value;
    CHECK(pooled_sum == sum);
    pooled.design();
    REQUIRE(pooled.ys.tenders.tenders.size() == 1);
    CHECK(pooled.ys.tenders.tenders[0].efficient_cost == h.ys.tenders.tenders[0].efficient_cost);
    CHECK(pooled.ys.tenders.tenders[0].estimated_value != sum);
}

TEST_CASE("a joint tender costs the partnership one procedure") {
    // The same needs bought separately and jointly: separately each need is a procedure; jointly
    // the partnership runs one (the transaction-cost channel of joint buying).
    auto separate_spec = partnership_spec(true);
    separate_spec.policy.shared_back_office = false;
    Harness separate(separate_spec, 7), joint(partnership_spec(true), 7);
    REQUIRE(separate.m.partnerships.empty());
    separate.tender();
    joint.tender();
    const auto needs = static_cast<std::int64_t>(separate.ys.tenders.tenders.size());
    REQUIRE(needs >= 2);
    REQUIRE(joint.ys.tenders.tenders.size() == 1);
    const Pence admin = pence_from_gbp(separate_spec.council.tender_admin_cost_gbp);
    CHECK(separate.ys.counters.council_procurement_cost == admin * needs);
    CHECK(joint.ys.counters.council_procurement_cost == admin);
}
