#pragma once
// Policy presets a trainer picks instead of setting levers one by one: each is a policy scenario
// shipped in scenarios/ (its [[adopt]] entry, as the app's levers see it), named as a room knows
// it. A test checks each preset against its scenario file, so the two cannot drift apart.
#include "app/controls.hpp"

#include <span>
#include <string>

namespace tendersim::viz {

struct Preset {
    std::string name;     // "DSP lot 2: 60% social value"
    std::string scenario; // the scenarios/ file it mirrors; empty for the scenario as loaded
    // Levers it sets, by set_control key; the others stay as the scenario starts.
    std::vector<std::pair<std::string, double>> levers;
};

// The first preset is the scenario's own starting policy.
std::span<const Preset> presets();

// The controls a preset gives, on top of the scenario's starting policy.
PolicyControls preset_controls(const Preset& preset, const PolicyControls& scenario_start);

} // namespace tendersim::viz
