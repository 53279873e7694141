#include "app/ensemble_runs.hpp"

#include "experiment/sweep_spec.hpp"
#include "io/input_file_error.hpp"
#include "io/scenario_loader.hpp"

#include <algorithm>

namespace tendersim::viz {

std::size_t members_run(const experiment::ParameterSets& sets, int k) {
    return std::min(sets.size(), static_cast<std::size_t>(std::max(k, 0)));
}

ScenarioSpec member_spec(const ScenarioSpec& spec, const experiment::ParameterSets& sets,
                         std::size_t row) {
    ScenarioSpec s = spec;
    for (std::size_t c = 0; c < sets.params.size(); ++c)
        experiment::set_param(s, sets.params[c], sets.points.at(row, c));
    return s;
}

std::vector<BackgroundRun> member_runs(const ScenarioSpec& current, const ScenarioSpec& baseline,
                                       const Ensemble& ensemble, std::uint64_t seed) {
    const experiment::ParameterSets& sets = ensemble.sets;
    std::vector<BackgroundRun> out;
    for (std::size_t row = 0; row < ensemble.members; ++row) {
        BackgroundRun run{member_spec(current, sets, row), member_spec(baseline, sets, row), seed};
        // Checked here, before any run is built, so a member that contradicts the scenario (e.g.
        // a markup_min above its markup_max) is reported, not left to fail on the seed thread.
        try {
            validate_scenario(run.current, sets.file);
        } catch (const ScenarioError& e) {
            const std::uint32_t line = row < sets.lines.size() ? sets.lines[row] : 0;
            throw EnsembleFileError(sets.file, line, e.key(),
                                    "member " + std::to_string(row) + " does not fit scenario " +
                                        current.name + ": " + e.message());
        }
        out.push_back(std::move(run));
    }
    return out;
}

} // namespace tendersim::viz
