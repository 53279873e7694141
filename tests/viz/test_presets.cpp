// Presets are the shipped policy scenarios as the app's levers see them.
#include "app/presets.hpp"
#include "core/policy.hpp"
#include "io/scenario_loader.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace tendersim;
using namespace tendersim::viz;

TEST_CASE("presets: each is its scenario file's policy after its [[adopt]], lever for lever") {
    const ScenarioSpec base =
        load_scenario_file(std::string(TENDERSIM_SOURCE_DIR) + "/scenarios/baseline.toml");
    const PolicyControls start = controls_from_policy(base.policy);
    REQUIRE(presets().size() >= 8);
    CHECK(presets().front().scenario.empty());
    CHECK(preset_controls(presets().front(), start) == start);
    std::set<std::string> names;
    for (const Preset& p : presets()) {
        INFO(p.name);
        names.insert(p.name);
        if (p.scenario.empty()) continue;
        const ScenarioSpec s =
            load_scenario_file(std::string(TENDERSIM_SOURCE_DIR) + "/scenarios/" + p.scenario);
        PolicySpec after = s.policy;
        for (const Adoption& a : s.adoptions) apply_patch(after, a);
        const PolicyControls expected = controls_from_policy(after);
        CHECK(preset_controls(p, controls_from_policy(s.policy)) == expected);
        // And it changes something: a preset that sets nothing would be a silent no-op.
        CHECK_FALSE(expected == controls_from_policy(s.policy));
    }
    CHECK(names.size() == presets().size());
}
