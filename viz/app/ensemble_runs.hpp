#pragma once
// Model uncertainty in the app (--ensemble FILE): the first K members of a calibration's
// ensemble (tendersim calibrate's ensemble.toml), each set on top of the app's scenario as the
// robust comparison sets a member (experiment::set_param), and run on the main run's seed, so a
// member's runs differ from the main run only by the model's parameters. Pure data, tested
// without a window.
#include "app/seed_runner.hpp"
#include "core/spec.hpp"
#include "experiment/robust_runs.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace tendersim::viz {

// Each member is a current run and a baseline in the background: more would slow the main runs
// on a workshop laptop's two cores more than they add to the band.
inline constexpr int kMaxEnsembleMembers = 9;
inline constexpr int kDefaultEnsembleMembers = 5;

struct Ensemble {
    experiment::ParameterSets sets; // every member of the file
    std::size_t members = 0;        // how many run: the first `members` (members_run)
};

// The first k members, or all of them when the file has fewer.
std::size_t members_run(const experiment::ParameterSets& sets, int k);

// spec with member `row`'s values set.
ScenarioSpec member_spec(const ScenarioSpec& spec, const experiment::ParameterSets& sets,
                         std::size_t row);

// The background runs of the first ensemble.members members: member k's version of the current
// run and of the baseline, both on `seed` (the main run's). Throws EnsembleFileError naming the
// ensemble file and the member's line when a member's values do not make `current` a valid
// scenario (a calibration of another scenario may not fit this one).
std::vector<BackgroundRun> member_runs(const ScenarioSpec& current, const ScenarioSpec& baseline,
                                       const Ensemble& ensemble, std::uint64_t seed);

} // namespace tendersim::viz
