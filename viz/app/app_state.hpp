#pragma once
// The app and saved states (docs/state-format.md): starting from a state file (--state), and
// writing the current run's state to one (Ctrl+S) for a workshop to reopen later. No SFML.
#include "core/simulation.hpp"
#include "core/spec.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tendersim::viz {

// A run to continue from a saved state.
struct StateStart {
    ScenarioSpec spec; // the scenario it continues under
    std::shared_ptr<const SimulationState> state;
    int year = 0; // the state's reported year (burn-in not counted)
    // The seed the app shows: the saved scenario's run.seed when the state is its replicate 0
    // (as `tendersim run --save-state` and the app save), else the state's own seed.
    std::uint64_t base_seed = 0;
    std::string warning; // saved by another engine build: the continuation may differ
};

// Reads `file` and picks the scenario to continue under: the saved one when scenario_path is
// empty, else that file, refused (InputError, worded as `tendersim run --from-state`) unless it
// agrees with the saved one on every year already run. StateFileError for a bad file.
StateStart start_from_state(const std::string& file, const std::string& scenario_path);

// The policy every council follows after `year`, as far as one policy for all can say: the
// scenario's policy and its adoptions for all councils up to that year.
PolicySpec policy_at(const ScenarioSpec& spec, int year);

// `spec` less its adoptions after `year`: the market as it stands then, never changed again (the
// app's baseline; year 0 is the scenario as it starts).
ScenarioSpec without_adoptions_after(const ScenarioSpec& spec, int year);

// The scenario a saved state of the app's current run carries: `spec` plus the levers moved in
// the app, as adoptions for all councils from the year each applied, so the file alone says what
// the years already run followed (and a scenario without those moves is refused when reopening
// it). A lever the scenario itself set again in the same year is left out: the scenario's won.
// run.years is at least `last_year`, so every adoption is in range.
ScenarioSpec spec_with_levers(const ScenarioSpec& spec,
                              const std::vector<std::pair<int, Adoption>>& lever_log,
                              int last_year);

// dir/app-<scenario>-year-<N>.state, N the state's reported year.
std::filesystem::path app_state_path(const SimulationState& state,
                                     const std::filesystem::path& dir);
// Writes the state to app_state_path, creating dir if needed, and returns the path. Its scenario
// is checked first as reading the file back would check it, so a file that could not be reopened
// is never written (InputError). IoError when it cannot be written.
std::filesystem::path save_app_state(const SimulationState& state,
                                     const std::filesystem::path& dir = "results");

} // namespace tendersim::viz
