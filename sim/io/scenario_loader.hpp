#pragma once
// Reads a TOML scenario into a ScenarioSpec and validates it against the parameter registry.
// Throws ScenarioError naming the file, line and key of the first problem. The spec's `sources`
// list the files read: this one (or source_name for text), then its chain of `base` files.
#include "core/spec.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tendersim {

ScenarioSpec load_scenario_file(const std::string& path);
ScenarioSpec load_scenario_text(std::string_view text, const std::string& source_name);

// Applies "key=value" (value in TOML syntax, e.g. policy.price_weight=0.8) on top of a spec,
// with the same validation as the file. Errors name `source` (default: "--set key=value").
void apply_override(ScenarioSpec& spec, std::string_view assignment,
                    const std::string& source = "");

// Several overrides (--params-json, --set, --seed, ...): each value's type and range is checked
// as it is applied, the cross-field checks (markup_min <= markup_max, adoptions in range, ...)
// once, on the final combination, so the order of the options never matters. An error names the
// option that set the offending key (the last one, if several did), else every option given.
struct Override {
    std::string assignment; // key=value
    std::string source;     // "" for "--set key=value"
};
void apply_overrides(ScenarioSpec& spec, const std::vector<Override>& overrides);

// The line in source_name that sets a key, 0 if that file does not set it. key is a registry
// key ("suppliers.markup_min"), "category.K" / "adopt.K" / "framework.K" in the index-th
// [[category]] / [[adopt]] / [[framework]] of the spec, "framework.lot.K" in the index-th
// [[framework.lot]] counting the lots of every framework in order, or "category" / "adopt" /
// "framework" / "framework.lot" for that table's header line; index is kNoIndex for the other
// keys.
inline constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
using KeyLineFn = std::function<std::uint32_t(std::string_view key, std::size_t index)>;

// Cross-field checks (durations ordered, markup bounds, adoptions within run.years, ...).
// Throws ScenarioError naming the key and, given line_of_key, the line that set it.
void validate_scenario(const ScenarioSpec& spec, const std::string& source_name,
                       const KeyLineFn& line_of_key = {});

} // namespace tendersim
