#pragma once
// The scenario with every policy lever and every procurement route on, which the determinism and
// saved-state tests run: combined.toml (every lever, adopted in year 5) without burn-in, an SME
// target from year 1 (steering), and from year 2 a capped framework with direct award, a dynamic
// market in two regions, every back-office partnership's own framework, and quotes and direct
// awards below thresholds.
#include "core/spec.hpp"
#include "io/scenario_loader.hpp"

namespace tendersim::test {

inline ScenarioSpec every_lever_spec() {
    ScenarioSpec spec = load_scenario_file(TENDERSIM_SOURCE_DIR "/scenarios/combined.toml");
    spec.run.burn_in_years = 0;
    spec.policy.sme_target_share = 0.5;
    FrameworkSpec fw;
    fw.name = "national";
    fw.start_year = 2;
    fw.term_years = 3;
    fw.direct_award = true;
    fw.direct_award_max_gbp = 400'000;
    fw.lots = {FrameworkLotSpec{"ict", {"ict-infrastructure", "software-saas"}, 12, 0.5, 0.2},
               FrameworkLotSpec{"back office", {"back-office"}, 0, 0.6, 0.0}};
    FrameworkSpec dps;
    dps.name = "care";
    dps.dynamic = true;
    dps.regions = {0, 2};
    dps.lots = {FrameworkLotSpec{"care", {"social-care-tech"}, 0, 0.6, 0.1}};
    FrameworkSpec consortium; // every back-office partnership's own framework
    consortium.name = "consortium";
    consortium.partnership = true;
    consortium.lots = {FrameworkLotSpec{"facilities", {"facilities"}, 0, 0.6, 0.0}};
    spec.frameworks = {fw, dps, consortium};
    spec.policy.framework_share = 0.6;
    spec.policy.direct_award_threshold_gbp = 30'000;
    spec.policy.quote_threshold_gbp = 150'000;
    return spec;
}

} // namespace tendersim::test
