#include "app/presets.hpp"

#include <stdexcept>

namespace tendersim::viz {

std::span<const Preset> presets() {
    static const std::vector<Preset> list = {
        {"Scenario as loaded", "", {}},
        {"PPN 06/20 minimum: 10% social value", "sv10.toml", {{"social_value_weight", 0.1}}},
        {"Council practice: 20% social value", "sv20.toml", {{"social_value_weight", 0.2}}},
        {"DSP lot 2: 60% social value", "sv60.toml", {{"social_value_weight", 0.6}}},
        {"Lots of at most £250k a year", "sme-lots.toml", {{"lot_threshold_gbp", 250'000}}},
        {"Reserved for SMEs below £100k a year",
         "sme-reserved.toml",
         {{"sme_reserve_threshold_gbp", 100'000}}},
        {"Half of tenders specified by outcome",
         "outcome-specs.toml",
         {{"outcome_spec_share", 0.5}}},
        {"Shared back office", "shared-backoffice.toml", {{"shared_back_office", 1}}},
        // Total contract values (the route thresholds are not annual).
        {"Direct award below the £207,720 threshold",
         "direct-award-below.toml",
         {{"direct_award_threshold_gbp", 207'720}}},
        {"Three quotes below the £207,720 threshold",
         "quotes-below.toml",
         {{"quote_threshold_gbp", 207'720}}},
    };
    return list;
}

PolicyControls preset_controls(const Preset& preset, const PolicyControls& scenario_start) {
    PolicyControls c = scenario_start;
    for (const auto& [key, value] : preset.levers)
        if (const std::string error = set_control(c, key, value); !error.empty())
            throw std::logic_error("preset '" + preset.name + "': " + error);
    return c;
}

} // namespace tendersim::viz
