// `tendersim calibrate` (sim/validation/calibrate*.hpp): the scoring and summary on a toy
// response with a known posterior, and a small end-to-end calibration through the real model.
#include "core/params.hpp"
#include "core/simulation.hpp"
#include "experiment/sweep_runner.hpp"
#include "io/file_io.hpp"
#include "validation/calibrate.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <filesystem>
#include <map>
#include <string>

using namespace tendersim;
using namespace tendersim::validation;
namespace fs = std::filesystem;

namespace {

CalibrationSettings baseline_settings(std::size_t draws, std::int64_t years,
                                      std::int64_t replicates) {
    CalibrationSettings s;
    s.scenario_file = std::string(TENDERSIM_SOURCE_DIR) + "/scenarios/baseline.toml";
    s.targets_file = std::string(TENDERSIM_SOURCE_DIR) + "/validation/targets.toml";
    s.draws = draws;
    s.years = years;
    s.replicates = replicates;
    return s;
}

std::size_t param_index(const CalibrationSetup& setup, const std::string& key) {
    const auto& params = setup.plan->spec().params;
    for (std::size_t c = 0; c < params.size(); ++c)
        if (params[c].key == key) return c;
    FAIL("parameter not drawn: " << key);
    return 0;
}

std::size_t target_index(const CalibrationSetup& setup, const std::string& id) {
    for (std::size_t k = 0; k < setup.active.size(); ++k)
        if (setup.active[k].id == id) return k;
    FAIL("no target " << id);
    return 0;
}

} // namespace

TEST_CASE("calibrate draws the calibrated and assumed parameters over their plausible ranges") {
    const CalibrationSetup setup = make_calibration(baseline_settings(8, 3, 1));
    const auto& params = setup.plan->spec().params;
    std::size_t expected = 0;
    for (const ParamDef& def : scenario_params())
        if (def.origin.has_range() &&
            (def.origin.basis == ParamBasis::Calibrated ||
             def.origin.basis == ParamBasis::Assumed) &&
            (def.kind == ParamKind::Real || def.kind == ParamKind::Int))
            ++expected;
    CHECK(params.size() == expected);
    CHECK(params.size() > 50);
    for (std::size_t c = 0; c < params.size(); ++c) {
        const ParamOrigin& o = params[c].def->origin;
        CHECK(params[c].range.lo >= o.plausible_lo);
        CHECK(params[c].range.hi <= o.plausible_hi);
        for (std::size_t d = 0; d < 8; ++d) {
            CHECK(draw_value(setup, d, c) >= std::floor(o.plausible_lo));
            CHECK(draw_value(setup, d, c) <= std::ceil(o.plausible_hi));
        }
    }
    CHECK(setup.plan->point_count() == 8);
    CHECK(setup.window_years == 3); // the targets' 5 years, cut to the 3 simulated
    auto calibrated_only = baseline_settings(8, 3, 1);
    calibrated_only.bases = {ParamBasis::Calibrated};
    const CalibrationSetup narrow = make_calibration(calibrated_only);
    for (const auto& p : narrow.plan->spec().params)
        CHECK(p.def->origin.basis == ParamBasis::Calibrated);
    CHECK(narrow.plan->spec().params.size() < params.size());
}

TEST_CASE("calibrate on a toy response: the target that depends on one parameter pins it") {
    // The model is replaced by a toy: every target sits on its published figure except the SME
    // share, which moves with bidding.attention alone (by the tolerance half-width over the
    // prior's half-range). The posterior of attention is then a narrow band around the middle
    // of its prior; every other parameter stays as wide as its prior.
    const CalibrationSetup setup = make_calibration(baseline_settings(300, 3, 2));
    const std::size_t c = param_index(setup, "bidding.attention");
    const std::size_t k = target_index(setup, "sme_share_direct");
    const auto& range = setup.plan->spec().params[c].range;
    const double mid = (range.lo + range.hi) / 2, half = (range.hi - range.lo) / 2;
    const auto& plan = *setup.plan;
    std::vector<std::vector<double>> window(plan.run_count());
    for (std::uint64_t r = 0; r < plan.run_count(); ++r) {
        const auto info = plan.run(r);
        for (const Target& t : setup.active) window[r].push_back(t.published);
        const double x = draw_value(setup, info.point, c);
        window[r][k] += (setup.active[k].upper - setup.active[k].published) * (x - mid) / half;
    }
    const CalibrationResult result =
        summarise_calibration(setup, score_window_means(setup, window));
    REQUIRE(result.accepted.size() == 30);
    const auto& pinned = result.posterior[c];
    CHECK(pinned.width_ratio < 0.15);
    CHECK(pinned.min >= mid - 0.06 * half * 2);
    CHECK(pinned.max <= mid + 0.06 * half * 2);
    CHECK(result.rho[k][c] > 0.99);
    for (std::size_t other = 0; other < result.posterior.size(); ++other) {
        if (other == c) continue;
        CAPTURE(setup.plan->spec().params[other].key);
        CHECK(result.posterior[other].width_ratio > 0.5);
        CHECK(std::fabs(result.rho[k][other]) < result.rho_cutoff);
        // 30 of 300 draws accepted: the free parameters' ratios are below 1 by chance, but the
        // permutation test at the Bonferroni level does not call them narrowed.
        CHECK(std::string(analysis::width_verdict(
                  result.posterior[other], 0.05 / static_cast<double>(result.posterior.size()))) ==
              "not identified");
    }
    CHECK(std::string(analysis::width_verdict(
              pinned, 0.05 / static_cast<double>(result.posterior.size()))) == "pinned");
    CHECK(result.rho_cutoffs.at(k) == doctest::Approx(result.rho_cutoff));
    // A draw's distance is ValidationReport::distance: here ((x - mid) / half)^2.
    for (const auto& d : result.draws) {
        const double z = (draw_value(setup, d.draw, c) - mid) / half;
        CHECK(d.distance == doctest::Approx(z * z).epsilon(1e-9));
    }
    {
        // A target left undefined in some draws: its correlations use only the draws where it
        // is defined, and so does its cutoff, 4 / sqrt(m - 1).
        const std::size_t k2 = (k + 1) % setup.active.size();
        auto gappy = window;
        std::size_t defined = plan.point_count();
        for (std::uint64_t r = 0; r < plan.run_count(); ++r)
            if (plan.run(r).point % 3 == 0) gappy[r][k2] = std::nan("");
        for (std::size_t d = 0; d < plan.point_count(); ++d) defined -= d % 3 == 0 ? 1 : 0;
        const CalibrationResult g = summarise_calibration(setup, score_window_means(setup, gappy));
        CHECK(g.rho_cutoffs.at(k2) ==
              doctest::Approx(4.0 / std::sqrt(static_cast<double>(defined - 1))));
        CHECK(g.rho_cutoffs.at(k2) > g.rho_cutoff);
        CHECK(g.rho_cutoffs.at(k) == doctest::Approx(g.rho_cutoff));
    }
    const std::string report = calibration_report_md(setup, result);
    CHECK(report.find("| `bidding.attention` | calibrated |") != std::string::npos);
    CHECK(report.find("pinned | sme_share_direct (1)") != std::string::npos);
    // A draw whose gating target is never defined (in no replicate) is scored NaN and never
    // accepted; one replicate undefined leaves the mean of the other.
    const std::size_t p = plan.run(0).point;
    for (std::uint64_t r = 0; r < plan.run_count(); ++r)
        if (plan.run(r).point == p) window[r][k] = std::nan("");
    const std::size_t q = plan.run(1).point;
    const double kept = window[1 + plan.point_count()][k]; // q's second replicate
    window[1][k] = std::nan("");
    const auto scores = score_window_means(setup, window);
    CHECK(std::isnan(scores[p].distance));
    CHECK_FALSE(scores[p].passes);
    CHECK(scores[q].model[k] == kept);
    const auto again = summarise_calibration(setup, scores);
    CHECK(std::find(again.accepted.begin(), again.accepted.end(), p) == again.accepted.end());
}

TEST_CASE("calibrate end to end on the real model scores what the engine computes") {
    // 3 draws x 1 replicate x 2 years, run twice and recomputed: a few seconds. (Means over
    // replicates are checked on the toy response above.)
    auto settings = baseline_settings(3, 2, 1);
    settings.rule = {analysis::AbcRule::Kind::Quantile, 0.5};
    const CalibrationSetup setup = make_calibration(settings);
    const fs::path root = fs::temp_directory_path() / "tendersim_calibrate_e2e";
    fs::remove_all(root);
    auto calibrate = [&](int threads) {
        experiment::SweepOptions opt;
        opt.threads = threads;
        opt.sweep_dir = calibration_dir(setup, root / std::to_string(threads));
        REQUIRE(experiment::run_sweep(*setup.plan, opt).status ==
                experiment::SweepStatus::Complete);
        return finish_calibration(setup, opt.sweep_dir);
    };
    const CalibrationResult result = calibrate(1);
    REQUIRE(result.draws.size() == 3);
    CHECK(result.accepted.size() == 2);
    CHECK(result.draws[result.accepted[0]].distance <= result.draws[result.accepted[1]].distance);
    for (const auto& d : result.draws)
        if (d.draw != result.accepted[0] && d.draw != result.accepted[1])
            CHECK(d.distance >= result.draws[result.accepted[1]].distance);
    // Each draw's model value is the mean over its runs of the final-window mean, recomputed
    // here straight from the engine.
    const auto& plan = *setup.plan;
    std::map<std::size_t, std::vector<double>> sums; // draw -> per target, summed over runs
    for (std::uint64_t r = 0; r < plan.run_count(); ++r) {
        const auto info = plan.run(r);
        const ScenarioSpec spec = plan.scenario_for(info.point);
        Simulation sim(spec, info.seed, 1);
        std::vector<double> window(setup.active.size(), 0.0);
        std::vector<int> n(setup.active.size(), 0);
        for (std::int64_t y = 1; y <= spec.run.years; ++y) {
            const auto& m = sim.run_year();
            if (y <= spec.run.years - setup.window_years) continue;
            std::map<std::string, double> row;
            for (const auto& [name, value] : metric_rows(m, spec)) row[name] = value;
            for (std::size_t k = 0; k < setup.active.size(); ++k)
                if (std::isfinite(row[setup.active[k].metric]))
                    window[k] += row[setup.active[k].metric], ++n[k];
        }
        auto& s = sums[info.point];
        s.resize(setup.active.size(), 0.0);
        for (std::size_t k = 0; k < setup.active.size(); ++k)
            s[k] += window[k] / n[k] / static_cast<double>(plan.spec().replicates);
    }
    for (const auto& d : result.draws)
        for (std::size_t k = 0; k < setup.active.size(); ++k) {
            CAPTURE(setup.active[k].id);
            CHECK(d.model[k] == doctest::Approx(sums[d.draw][k]).epsilon(1e-12));
        }
    // The same bytes at 2 threads.
    calibrate(2);
    for (const char* f : {"ensemble.toml", "draws.csv", "report.md", "runs.csv"})
        CHECK(read_input_file(calibration_dir(setup, root / "1") / f, "output") ==
              read_input_file(calibration_dir(setup, root / "2") / f, "output"));
    fs::remove_all(root);
}

TEST_CASE("the ensemble records the targets file relative to the scenario's project root") {
    // Inside the project (the directory holding scenarios/): relative, whatever the checkout.
    for (const std::string root : {"/work/a", "/home/x/tendersim"})
        CHECK(project_relative_path(root + "/validation/targets.toml",
                                    root + "/scenarios/baseline.toml") ==
              "validation/targets.toml");
    CHECK(project_relative_path("/p/validation/t.toml", "/p/scenarios/sub/s.toml") ==
          "validation/t.toml");
    // A scenario outside any scenarios/ folder: relative to its own directory.
    CHECK(project_relative_path("/q/targets.toml", "/q/s.toml") == "targets.toml");
    // Outside the project: as given.
    CHECK(project_relative_path("/elsewhere/targets.toml", "/p/scenarios/s.toml") ==
          "/elsewhere/targets.toml");
    // The real calibration setup of the checkout's baseline.
    CalibrationSettings s;
    s.scenario_file = std::string(TENDERSIM_SOURCE_DIR) + "/scenarios/baseline.toml";
    s.targets_file = std::string(TENDERSIM_SOURCE_DIR) + "/validation/targets.toml";
    s.draws = 2;
    CHECK(make_calibration(s).targets_recorded == "validation/targets.toml");
}
