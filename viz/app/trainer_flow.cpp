#include "app/trainer_flow.hpp"

#include "core/policy.hpp"

namespace tendersim::viz {

PolicyControls scenario_controls_at(const ScenarioSpec& spec, int year) {
    PolicySpec policy = spec.policy;
    // The worker mirrors the same entries into its controls (scope All only: the bar shows one
    // policy for all councils).
    for (const Adoption& a : spec.adoptions)
        if (a.scope == Adoption::Scope::All && a.year <= year) apply_patch(policy, a);
    return controls_from_policy(policy);
}

SeedClick seed_click(const PolicyControls& shown, const PolicyControls& scenario,
                     std::optional<std::chrono::steady_clock::time_point> armed_at,
                     std::chrono::steady_clock::time_point now) {
    if (shown == scenario) return SeedClick::Change; // nothing to lose
    if (armed_at && now >= *armed_at && now - *armed_at <= kSeedConfirmWindow)
        return SeedClick::Change;
    return SeedClick::AskFirst;
}

bool save_confirmed(const Snapshot& s, std::uint64_t asked_at) {
    return s.version > asked_at && s.saved_year >= 0 && s.saved_year == s.year;
}

std::string saved_toast(int year) {
    return "Saved year " + std::to_string(year) + " (B goes back to it)";
}

std::string rewind_toast(std::optional<int> year) {
    return (year ? "Back to year " + std::to_string(*year)
                 : std::string("Back to the saved year")) +
           " \u2014 move a lever to branch";
}

std::string state_start_toast(const std::string& file, int year) {
    return "From " + file + " after year " + std::to_string(year) +
           " \u00B7 no spread bands: a saved state holds one seed";
}

std::string state_saved_toast(const std::filesystem::path& path) {
    return "Saved the run's state to " + path.string() + " (reopen with --state)";
}

} // namespace tendersim::viz
