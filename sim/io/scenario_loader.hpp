#pragma once
// Reads a TOML scenario into a ScenarioSpec and validates it against the parameter registry.
// Throws ScenarioError naming the file, line and key of the first problem.
#include "core/spec.hpp"

#include <string>
#include <string_view>

namespace tendersim {

ScenarioSpec load_scenario_file(const std::string& path);
ScenarioSpec load_scenario_text(std::string_view text, const std::string& source_name);

// Applies "key=value" (value in TOML syntax, e.g. policy.price_weight=0.8) on top of a spec,
// with the same validation as the file.
void apply_override(ScenarioSpec& spec, std::string_view assignment);

// Cross-field checks (durations ordered, markup bounds, ...). Throws ScenarioError.
void validate_scenario(const ScenarioSpec& spec, const std::string& source_name);

} // namespace tendersim
