#include "core/evaluation.hpp"
#include "core/rng.hpp"

#include <doctest/doctest.h>
#include <vector>

using namespace tendersim;

namespace {

Bid make_bid(std::uint32_t id, Pence price, float quality, Pence sv = 0, Pence own_cost = 0) {
    Bid b;
    b.supplier = SupplierId(id);
    b.price = b.evaluated_price = price;
    b.quality = b.quality_offer = quality;
    b.sv_offer = b.sv_evaluated = sv;
    b.own_cost = own_cost;
    return b;
}

SupplierId winner(std::vector<Bid> bids, EvaluationWeights w, AbnormalRule rule = {}) {
    score_bids(bids, w, rule);
    std::array<std::uint16_t, 1> best{};
    if (rank_bids(bids, best) == 0) return SupplierId();
    return bids[best[0]].supplier;
}

Pence price_of(const std::vector<Bid>& bids, SupplierId id) {
    for (const auto& b : bids)
        if (b.supplier == id) return b.price;
    return -1;
}

} // namespace

TEST_CASE("the lowest-price rule picks the cheapest valid bid") {
    std::vector<Bid> bids = {make_bid(1, 1000, 0.9f), make_bid(2, 900, 0.1f),
                             make_bid(3, 950, 0.5f)};
    CHECK(winner(bids, {1.0, 0.0}) == SupplierId(2));
    // With the cheapest rejected as abnormally low, the next cheapest wins.
    bids.push_back(make_bid(4, 300, 0.5f, 0, 800));
    CHECK(winner(bids, {1.0, 0.0}, {0.7, AbnormallyLowAction::Reject}) == SupplierId(2));
}

TEST_CASE("quality weight lets a better but dearer bid win") {
    const std::vector<Bid> bids = {make_bid(1, 1000, 0.95f), make_bid(2, 900, 0.2f)};
    CHECK(winner(bids, {0.3, 0.0}) == SupplierId(1));
    CHECK(winner(bids, {0.9, 0.0}) == SupplierId(2));
}

TEST_CASE("raising the price weight never raises the winning price on a fixed set of bids") {
    for (std::uint64_t trial = 0; trial < 500; ++trial) {
        Stream rng(11, 0, StreamPurpose::Evaluation, trial);
        std::vector<Bid> bids;
        const auto n = 2 + rng.below(8);
        for (std::uint32_t k = 0; k < n; ++k)
            bids.push_back(make_bid(k, 500 + static_cast<Pence>(rng.below(1000)),
                                    static_cast<float>(rng.uniform()),
                                    static_cast<Pence>(rng.below(200))));
        const double sv_share = rng.uniform(0.0, 0.6); // of the non-price weight
        Pence previous = INT64_MAX;
        for (double wp = 0.0; wp <= 1.0 + 1e-9; wp += 0.05) {
            // Weight moves to price from quality and social value, which keep their ratio.
            const Pence p = price_of(bids, winner(bids, {wp, (1.0 - wp) * sv_share}));
            CHECK(p <= previous);
            previous = p;
        }
    }
}

TEST_CASE("a higher social-value weight never lowers the winner's social-value offer") {
    for (std::uint64_t trial = 0; trial < 500; ++trial) {
        Stream rng(12, 0, StreamPurpose::Evaluation, trial);
        std::vector<Bid> bids;
        const auto n = 2 + rng.below(8);
        for (std::uint32_t k = 0; k < n; ++k)
            bids.push_back(make_bid(k, 500 + static_cast<Pence>(rng.below(1000)),
                                    static_cast<float>(rng.uniform()),
                                    static_cast<Pence>(rng.below(200))));
        Pence previous = -1;
        for (double ws = 0.0; ws <= 0.6 + 1e-9; ws += 0.05) {
            // Social value takes weight from price and quality, which keep their 40:60 ratio.
            const SupplierId w = winner(bids, {0.4 * (1.0 - ws), ws});
            Pence sv = -1;
            for (const auto& b : bids)
                if (b.supplier == w) sv = b.sv_offer;
            CHECK(sv >= previous);
            previous = sv;
        }
    }
}

TEST_CASE("abnormally low bids: investigation rejects only bids below the bidder's own cost") {
    std::vector<Bid> bids = {make_bid(1, 1000, 0.5f, 0, 900), make_bid(2, 1050, 0.5f, 0, 900),
                             make_bid(3, 500, 0.5f, 0, 450), make_bid(4, 520, 0.5f, 0, 600)};
    const auto summary = score_bids(bids, {1.0, 0.0}, {0.7, AbnormallyLowAction::Investigate});
    CHECK(summary.flagged == 2);
    CHECK(summary.rejected == 1);
    CHECK(bids[2].rejected == 0); // explained: priced above its own cost
    CHECK(bids[3].rejected == 1); // below cost
    auto off = bids;
    for (auto& b : off) b.rejected = 0;
    CHECK(score_bids(off, {1.0, 0.0}, {0.7, AbnormallyLowAction::Off}).flagged == 0);
}

TEST_CASE("ranking is deterministic on ties: lower price, then lower id") {
    std::vector<Bid> bids = {make_bid(5, 1000, 0.5f), make_bid(3, 1000, 0.5f),
                             make_bid(4, 1000, 0.5f)};
    score_bids(bids, {1.0, 0.0}, {});
    std::array<std::uint16_t, 3> order{};
    REQUIRE(rank_bids(bids, order) == 3);
    CHECK(bids[order[0]].supplier == SupplierId(3));
    CHECK(bids[order[1]].supplier == SupplierId(4));
    CHECK(bids[order[2]].supplier == SupplierId(5));
}
