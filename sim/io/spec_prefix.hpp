#pragma once
// Which years two scenarios share. Runs of two scenarios with the same seed are identical, byte
// for byte, for as long as everything those years read is the same: the market they build, the
// starting policy, every parameter, and the policy changes ([[adopt]]) made so far. Compare and
// sweep simulate such years once and branch (Simulation::continue_under); a saved state may be
// continued under another scenario that shares its years.
#include "core/spec.hpp"

#include <cstdint>
#include <limits>
#include <string>

namespace tendersim {

inline constexpr std::int64_t kAllYears = std::numeric_limits<std::int64_t>::max();

// What the first `years` simulated years (burn-in included) of a run of `spec` depend on, as
// canonical text (the scenario file `tendersim params --toml` writes): every parameter,
// category and framework, and the adoptions made by then; not the name, description, run
// length, replicate count, seed (a run's seed is given beside its spec) or calendar year.
std::string prefix_text(const ScenarioSpec& spec, std::int64_t years);

// The simulated years (burn-in included) that runs of a and b with one seed share: kAllYears
// when they never differ, 0 when they differ from the market's build.
std::int64_t shared_years(const ScenarioSpec& a, const ScenarioSpec& b);

// Where the first `years` of a and b differ: the first line of prefix_text that is not the same
// in both, and the section it is in. All empty when they agree.
struct SpecDifference {
    std::string section; // e.g. "[policy]" or "[[adopt]]" ("" before the first section)
    std::string a, b;    // the lines, e.g. "price_weight = 0.6"; "(nothing)" past one's end
    bool any() const { return !a.empty() || !b.empty(); }
};
SpecDifference first_difference(const ScenarioSpec& a, const ScenarioSpec& b, std::int64_t years);

// Why a state saved after `years` simulated years cannot continue as `as` (a scenario file, or
// "asked" for --set on the saved scenario): "STATE: the state cannot continue as AS: the years
// already run (Y, burn-in included) read [SECTION] LINE in the saved scenario, LINE here (...)".
std::string continuation_refusal(const std::string& state_file, const std::string& as,
                                 const SpecDifference& d, std::int64_t years);

} // namespace tendersim
