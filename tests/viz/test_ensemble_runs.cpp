// The app's model-uncertainty band (--ensemble): which members run, how a member's values reach
// its runs, and what the band spans. Reads a small ensemble file and runs the real engine on the
// small baseline scenario.
#include "app/ensemble_runs.hpp"
#include "app/panels.hpp"
#include "app/seed_spread.hpp"
#include "app/sim_worker.hpp"
#include "core/metrics.hpp"
#include "core/run_plan.hpp"
#include "core/simulation.hpp"
#include "io/input_file_error.hpp"
#include "io/scenario_loader.hpp"
#include "sme_lines.hpp"
#include "validation/parameter_sets.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace tendersim;
using namespace tendersim::viz;
using tendersim::viz::test::line;
using tendersim::viz::test::sme;
using namespace std::chrono_literals;

namespace {

const std::string kEnsembleFile =
    std::string(TENDERSIM_SOURCE_DIR) + "/tests/viz/data/ensemble_small.toml";

ScenarioSpec baseline_scenario() {
    return load_scenario_file(std::string(TENDERSIM_SOURCE_DIR) + "/scenarios/baseline.toml");
}

Ensemble ensemble_of(int k) {
    Ensemble e;
    e.sets = validation::read_ensemble(kEnsembleFile);
    e.members = members_run(e.sets, k);
    return e;
}

} // namespace

TEST_CASE("ensemble: the first K members run, all of them when the file has fewer") {
    const auto sets = validation::read_ensemble(kEnsembleFile);
    REQUIRE(sets.size() == 3);
    CHECK(members_run(sets, 1) == 1);
    CHECK(members_run(sets, 2) == 2);
    CHECK(members_run(sets, 3) == 3);
    CHECK(members_run(sets, 9) == 3);
    CHECK(members_run(sets, 0) == 0);
}

TEST_CASE("ensemble: a member's values are set on the scenario and nothing else changes") {
    const ScenarioSpec spec = baseline_scenario();
    const auto sets = validation::read_ensemble(kEnsembleFile);
    const ScenarioSpec m1 = member_spec(spec, sets, 1);
    CHECK(m1.market.new_need_rate == 0.28);
    CHECK(m1.suppliers.markup_max == 0.9);
    CHECK(spec.market.new_need_rate == 0.1); // the scenario's own is untouched
    CHECK(m1.suppliers.markup_min == spec.suppliers.markup_min);
    CHECK(m1.market.suppliers == spec.market.suppliers);
    CHECK(member_spec(spec, sets, 0).market.new_need_rate == 0.06);
}

TEST_CASE("ensemble: member runs share the main seed and carry their own values") {
    ScenarioSpec current = baseline_scenario();
    ScenarioSpec baseline = current;
    current.policy.social_value_weight = 0.3; // the two specs must stay apart
    const Ensemble e = ensemble_of(2);
    const auto runs = member_runs(current, baseline, e, 4242);
    REQUIRE(runs.size() == 2); // the third member is not run
    for (std::size_t k = 0; k < runs.size(); ++k) {
        CHECK(runs[k].seed == 4242);
        CHECK(runs[k].current.policy.social_value_weight == 0.3);
        CHECK(runs[k].baseline.policy.social_value_weight == baseline.policy.social_value_weight);
    }
    CHECK(runs[0].current.market.new_need_rate == 0.06);
    CHECK(runs[0].baseline.market.new_need_rate == 0.06);
    CHECK(runs[1].current.market.new_need_rate == 0.28);
}

TEST_CASE("ensemble: a member that contradicts the scenario names the file and its line") {
    ScenarioSpec spec = baseline_scenario();
    spec.suppliers.markup_min = 0.4; // above member 0's markup_max of 0.35
    const Ensemble e = ensemble_of(3);
    try {
        member_runs(spec, spec, e, 1);
        FAIL("member 0 should not fit");
    } catch (const EnsembleFileError& err) {
        const std::string what = err.what();
        CHECK(what.find(kEnsembleFile + ":7:") == 0);
        CHECK(what.find("member 0 does not fit scenario baseline") != std::string::npos);
        CHECK(what.find("markup_min <= markup_max") != std::string::npos);
    }
    spec.suppliers.markup_min = 0.0;
    CHECK(member_runs(spec, spec, e, 1).size() == 3);
}

TEST_CASE("ensemble band: exactly min to max over the members, without the main run") {
    const auto main = line({0.50, 0.10, 0.32});
    const std::vector<std::vector<MetricsPoint>> members = {line({0.28, 0.35, 0.30}),
                                                            line({0.33, 0.30})};
    const auto y1 = band_at(main, members, BandSource::Ensemble, 0, sme);
    REQUIRE(y1);
    CHECK(y1->lo == 0.28); // the main run's 0.50 is outside: the band is the members'
    CHECK(y1->hi == 0.33);
    const auto y2 = band_at(main, members, BandSource::Ensemble, 1, sme);
    REQUIRE(y2);
    CHECK(y2->lo == 0.30);
    CHECK(y2->hi == 0.35);
    // A member not there yet: no band, not a narrower one.
    CHECK_FALSE(band_at(main, members, BandSource::Ensemble, 2, sme));
    // The seeds' band takes the main run in.
    const auto s1 = band_at(main, members, BandSource::Seeds, 0, sme);
    REQUIRE(s1);
    CHECK(s1->hi == 0.50);
    CHECK_FALSE(spread_over({}, 0, sme));
}

TEST_CASE(
    "ensemble band: the panel draws it in its own colour and the monitor says the sets agree") {
    const auto cur = line({0.30, 0.25});
    const auto base = line({0.30, 0.30});
    const std::vector<std::vector<MetricsPoint>> mc = {line({0.40, 0.31}), line({0.20, 0.10})};
    std::vector<std::vector<MetricsPoint>> mb = {line({0.40, 0.36}), line({0.20, 0.15})};
    const SeedLines members{mc, mb, BandSource::Ensemble};
    const ChartSpec spec = make_panel_chart(Panel::SmeShare, cur, base, 10, members);
    const ChartSeries* current = nullptr; // the Direct line, the panel's first
    for (const auto& s : spec.series)
        if (!s.baseline && !current) current = &s;
    REQUIRE(current);
    REQUIRE(current->band_colour);
    CHECK(*current->band_colour == model_band_style());
    REQUIRE(current->points.size() == 2);
    CHECK(current->points[1].lo == 0.10);
    CHECK(current->points[1].hi == 0.31);
    CHECK(spec.subtitle.find("sets agree") != std::string::npos);
    // One member moves the other way: the sign depends on the parameters.
    mb[1] = line({0.20, 0.05});
    const ChartSpec split =
        make_panel_chart(Panel::SmeShare, cur, base, 10, SeedLines{mc, mb, BandSource::Ensemble});
    CHECK(split.subtitle.find("sets differ") != std::string::npos);
    // The seeds' bands keep their hue and words.
    const ChartSpec seeds = make_panel_chart(Panel::SmeShare, cur, base, 10, SeedLines{mc, mb});
    for (const auto& s : seeds.series) CHECK_FALSE(s.band_colour);
    CHECK(seeds.subtitle.find("noise") != std::string::npos);
    const auto hover = panel_hover_lines(Panel::SmeShare, cur, base,
                                         SeedLines{mc, mb, BandSource::Ensemble}, 2, false);
    REQUIRE(hover.size() == 7); // the heading, then this run, baseline and band for both lines
    CHECK(hover[3] == "Direct: 2 parameter sets 10.0% to 31.0%");
}

TEST_CASE("ensemble band: the key names it as the model's uncertainty") {
    CHECK(band_legend(BandSource::Ensemble, 5) == "Model uncertainty: 5 calibrated parameter sets");
    CHECK(band_legend(BandSource::Ensemble, 1) == "Model uncertainty: 1 calibrated parameter set");
    CHECK(bands_key(BandSource::Ensemble, 3).find("band: model uncertainty, 3 calibrated") !=
          std::string::npos);
    CHECK(bands_key(BandSource::Seeds, 3).find("bands: 4 seeds") != std::string::npos);
    CHECK(bands_key(BandSource::Ensemble, 0).empty());
    CHECK(band_legend(BandSource::Seeds, 0).empty());
}

TEST_CASE("worker: ensemble members run on the main seed, each as its own parameters make it") {
    const ScenarioSpec spec = baseline_scenario();
    RunSetup s;
    s.spec = spec;
    s.base_seed = static_cast<std::uint64_t>(spec.run.seed);
    s.horizon = 3;
    s.speed = kMaxSpeed;
    s.noise_seeds = 3; // ignored: the members take the seeds' place
    s.ensemble = std::make_shared<Ensemble>(ensemble_of(2));
    s.scheduled.push_back({2, "social_value_weight", 0.6});
    s.playing = true;
    SimWorker w(s);
    const auto done = w.wait_for_year(3, 120s, true);
    REQUIRE(done->year == 3);
    REQUIRE(done->seeds_year == 3);
    CHECK(w.error().empty());
    CHECK(done->band_source == BandSource::Ensemble);
    REQUIRE(done->seed_current.size() == 2); // members beyond K are not run
    REQUIRE(done->seed_baseline.size() == 2);
    const auto sets = validation::read_ensemble(kEnsembleFile);
    Adoption a;
    REQUIRE(make_adoption(a, "social_value_weight", 0.6));
    a.year = 2;
    for (std::size_t k = 0; k < 2; ++k) {
        INFO("member " << k);
        ScenarioSpec member = member_spec(spec, sets, k);
        ScenarioSpec adopted = member;
        adopted.adoptions.push_back(a);
        // The main run's seed: only the parameters differ from it.
        Simulation with(adopted, done->seed, 1), without(member, done->seed, 1);
        for (int y = 0; y < 3; ++y) {
            const MetricsPoint c = metrics_point(with.run_year());
            const MetricsPoint b = metrics_point(without.run_year());
            CHECK(done->seed_current[k][y].sme_share_direct == c.sme_share_direct);
            CHECK(done->seed_current[k][y].price_index == c.price_index);
            CHECK(done->seed_baseline[k][y].active_sme == b.active_sme);
        }
        // A member's values change the run: not the main run drawn again.
        CHECK(done->seed_baseline[k][2].price_index != done->baseline[2].price_index);
    }
    CHECK(done->seed_current[0][2].price_index != done->seed_current[1][2].price_index);
}
