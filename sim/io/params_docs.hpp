#pragma once
// The parameter registry as text for people: a scenario file listing every parameter with its
// documentation (`tendersim params --toml`) and the Markdown reference docs/parameters.md
// (`tendersim params`). Presentation, so it lives here and not in the core's registry.
#include "core/spec.hpp"

#include <string>
#include <string_view>

namespace tendersim {

// A scenario file listing every parameter with its value, each preceded by a comment giving its
// meaning, unit, allowed range, default, and its basis (sourced, calibrated, assumed or setting)
// with its plausible range and source.
std::string scenario_toml(const ScenarioSpec& spec, std::string_view header_comment);

// The Markdown parameter reference (docs/parameters.md is this text, checked by a test).
std::string parameter_reference_markdown();

} // namespace tendersim
