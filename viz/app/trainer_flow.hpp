#pragma once
// The trainer's workflow decisions that need no window: when a seed change must be confirmed
// (it rebuilds the runs with the scenario's policy, wiping the levers), when a save has reached
// the screen, and the toasts that say what happened. Unit-tested.
#include "app/controls.hpp"
#include "app/snapshot.hpp"
#include "core/spec.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace tendersim::viz {

// A second click on Seed - / + within this long confirms a seed change that resets the levers.
inline constexpr std::chrono::milliseconds kSeedConfirmWindow{4000};

// The levers the scenario itself has in force after `year` years: its policy plus its own
// [[adopt]] entries for all councils up to that year. What a seed change (or Reset) brings back.
PolicyControls scenario_controls_at(const ScenarioSpec& spec, int year);

enum class SeedClick : std::uint8_t {
    Change,  // change the seed now
    AskFirst // show the warning and wait for a second click
};

// shown: the levers on screen (including any not yet applied); scenario: scenario_controls_at
// the current year; armed_at: when the warning was last shown, if it was.
SeedClick seed_click(const PolicyControls& shown, const PolicyControls& scenario,
                     std::optional<std::chrono::steady_clock::time_point> armed_at,
                     std::chrono::steady_clock::time_point now);

inline constexpr const char* kSeedWarning = "Seed change resets the levers: click again to confirm";

// Whether this snapshot shows the save asked for when the newest snapshot had version asked_at:
// the worker publishes right after saving, and a save is of the year it then stands at, so the
// first newer snapshot whose saved year is its own year reports it (a year being computed when
// K was pressed completes first, and its snapshot does not match).
bool save_confirmed(const Snapshot& s, std::uint64_t asked_at);

std::string saved_toast(int year);                 // "Saved year 7 (B goes back to it)"
std::string rewind_toast(std::optional<int> year); // "Back to year 7 — move a lever to branch"
inline constexpr const char* kNothingSaved = "Nothing saved yet: press K to save this year";

// Starting from a saved state (--state): where from, and why there are no spread bands.
std::string state_start_toast(const std::string& file, int year);
// Ctrl+S wrote the run's state: where, and how to reopen it.
std::string state_saved_toast(const std::filesystem::path& path);
inline constexpr const char* kStateSeed =
    "This run continues a saved state, which carries its seed: R goes back to it";

} // namespace tendersim::viz
