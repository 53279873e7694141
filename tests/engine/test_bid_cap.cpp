// The per-tender bid cap (kMaxBids): when more suppliers would bid than it keeps, the dropped bids
// are counted (TenderOutcome::bids_over_cap, Simulation::bid_cap) and reported, not lost silently.
#include "core/bid_cap.hpp"
#include "core/simulation.hpp"
#include "fixture.hpp"
#include "io/manifest.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace tendersim;

namespace {

// One category in one region, everyone reads every notice: every live supplier that qualifies is
// a plausible bidder for every tender.
ScenarioSpec crowded_spec() {
    ScenarioSpec spec = test::tiny_spec(400, 2);
    spec.run.burn_in_years = 0;
    return spec;
}

} // namespace

TEST_CASE("bid cap: a tender with more than 64 would-be bidders keeps 64 and counts the rest") {
    Simulation sim(crowded_spec(), 3, 1);
    sim.run_year();
    const BidCapCount cap = sim.bid_cap(); // a copy: the count grows as sim runs on
    const auto& outcomes = sim.last_year().tenders.outcomes;
    REQUIRE(!outcomes.empty());
    CHECK(cap.tenders == outcomes.size());
    CHECK(cap.tenders_capped > 0);
    CHECK(cap.bids_dropped >= cap.tenders_capped);
    std::uint64_t capped = 0, dropped = 0;
    for (const TenderOutcome& out : outcomes) {
        if (out.bids_over_cap == 0) continue;
        CHECK(out.bids == kMaxBids); // only a full tender drops bids
        ++capped;
        dropped += out.bids_over_cap;
    }
    CHECK(capped == cap.tenders_capped);
    CHECK(dropped == cap.bids_dropped);
    const std::string warning = bid_cap_warning(cap);
    CHECK(warning.find("64-bid cap") != std::string::npos);
    CHECK(warning.find(" bound in " + std::to_string(cap.tenders_capped) + " of " +
                       std::to_string(cap.tenders) + " tenders") != std::string::npos);

    // Counting takes the dropped suppliers' decisions too: they must not touch the market, so
    // the count and the state are the same at any thread count.
    Simulation two(crowded_spec(), 3, 2);
    two.run_year();
    CHECK(two.bid_cap().tenders_capped == cap.tenders_capped);
    CHECK(two.bid_cap().bids_dropped == cap.bids_dropped);
    CHECK(state_hash(two.market()) == state_hash(sim.market()));

    // The count accumulates over the years a simulation runs.
    sim.run_year();
    CHECK(sim.bid_cap().tenders == cap.tenders + sim.last_year().tenders.outcomes.size());
}

TEST_CASE("bid cap: an uncrowded market never reaches it, and there is no warning") {
    ScenarioSpec spec = test::tiny_spec(8, 2);
    spec.run.burn_in_years = 0;
    Simulation sim(spec, 3, 1);
    for (int y = 0; y < 3; ++y) sim.run_year();
    CHECK(sim.bid_cap().tenders > 0);
    CHECK(sim.bid_cap().tenders_capped == 0);
    CHECK(sim.bid_cap().bids_dropped == 0);
    CHECK(bid_cap_warning(sim.bid_cap()).empty());
}

TEST_CASE("bid cap: manifest.json records the counts") {
    ScenarioSpec spec;
    ManifestInfo info;
    info.bid_cap = BidCapCount{120, 7, 31};
    CHECK(manifest_json(spec, info)
              .find("\"bid_cap\": {\"max_bids\": 64, \"tenders\": 120, \"tenders_capped\": 7, "
                    "\"bids_dropped\": 31},") != std::string::npos);
}
