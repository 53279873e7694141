#include "core/metrics.hpp"
#include "core/run_plan.hpp"
#include "core/simulation.hpp"
#include "io/scenario_loader.hpp"
#include "validation/market_distributions.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <map>

using namespace tendersim;
using namespace tendersim::validation;

TEST_CASE("quantiles interpolate between order statistics as R and numpy do") {
    const Quantiles q = analysis::quantiles_of({10, 1, 9, 2, 8, 3, 7, 4, 6, 5});
    CHECK(q.n == 10);
    CHECK(q.p50 == doctest::Approx(5.5));
    CHECK(q.p10 == doctest::Approx(1.9));
    CHECK(q.p90 == doctest::Approx(9.1));
    CHECK(q.mean == doctest::Approx(5.5));
    CHECK(analysis::quantiles_of({}).n == 0);
}

TEST_CASE("unknown bid counts, values and sizes are left out, not counted as zero") {
    DistributionBuilder b;
    b.add_tender(-1); // count not published
    b.add_tender(0);
    b.add_tender(1);
    b.add_tender(3);
    b.add_tender(40); // into the last bin
    b.add_award(100, 2);
    b.add_award(0, 0); // nothing known
    b.add_award(300, 4);
    b.add_winning_supplier(true);
    b.add_winning_supplier(false);
    const MarketDistributions d = b.finish("test");
    CHECK(d.tenders_with_bids_known == 4);
    CHECK(d.tenders_with_a_bid == 3);
    CHECK(d.mean_bids == doctest::Approx(44.0 / 4));
    CHECK(d.single_bid_share == doctest::Approx(1.0 / 3));
    CHECK(d.bids_histogram[MarketDistributions::kBidBins - 1] == 1);
    CHECK(d.contract_value_gbp.n == 2);
    CHECK(d.contract_value_gbp.p50 == doctest::Approx(200));
    CHECK(d.contract_years.n == 2);
    CHECK(d.suppliers_with_scale == 2);
    CHECK(d.sme_supplier_share == doctest::Approx(0.5));
}

TEST_CASE("the model's tender distributions agree with the engine's own yearly metrics") {
    // Two computations of the same quantities: the monitor phase's metrics and the tender-level
    // pass of model_distributions. They must agree on every replicate-year pooled together.
    ScenarioSpec spec = load_scenario_file(TENDERSIM_SOURCE_DIR "/scenarios/baseline.toml");
    spec.run.years = 3;
    const MarketDistributions d = model_distributions(spec, 2, 1);
    double tenders = 0, bids = 0;
    for (const PlannedRun& run :
         make_run_plan(spec, static_cast<std::uint64_t>(spec.run.seed), 2)) {
        Simulation sim(run.spec, run.seed, 2);
        for (int y = 0; y < 3; ++y) {
            std::map<std::string, double> row;
            for (const auto& [name, value] : metric_rows(sim.run_year(), spec)) row[name] = value;
            tenders += row["tenders"];
            bids += row["tenders"] * row["bids_per_tender"];
        }
    }
    REQUIRE(tenders > 100);
    CHECK(static_cast<double>(d.tenders_with_bids_known) == tenders);
    CHECK(d.mean_bids == doctest::Approx(bids / tenders).epsilon(1e-9));
    CHECK(d.contract_years.p10 >= 1);
    CHECK(d.contract_value_gbp.p50 > 0);
    CHECK(d.suppliers_with_scale > 0);
    CHECK(d.sme_supplier_share > 0);
    CHECK(d.sme_supplier_share < 1);
}

TEST_CASE("a register's estimates map onto the same bins and shares as the model's") {
    ocds::RegisterEstimates r;
    r.files = {"a.json", "b.json"};
    r.tenders = 9;
    r.bids_histogram = {{0, 2}, {1, 3}, {4, 1}, {25, 2}};
    r.bids_sample = 8;
    r.bids_mean = 7.0;
    r.bids_with_bids = 6;
    r.single_bid_share = 0.5;
    const MarketDistributions d = register_distributions(r);
    CHECK(d.tenders_with_bids_known == 8);
    CHECK(d.bids_histogram[0] == 2);
    CHECK(d.bids_histogram[1] == 3);
    CHECK(d.bids_histogram[4] == 1);
    CHECK(d.bids_histogram[MarketDistributions::kBidBins - 1] == 2); // 25 bids: the last bin
    CHECK(d.single_bid_share == doctest::Approx(0.5));
    // Nothing on sizes in the register: the share is unknown, not 0%.
    CHECK(d.suppliers_with_scale == 0);
    CHECK(std::isnan(d.sme_supplier_share));
    const std::string table = distributions_markdown(d, d);
    CHECK(table.find("| SME share of winning suppliers | - | 0 | - | 0 |") != std::string::npos);
    CHECK(table.find("| tenders with 1 bid | 37.5% | 8 | 37.5% | 8 |") != std::string::npos);
}
