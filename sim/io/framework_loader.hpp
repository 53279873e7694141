#pragma once
// A scenario's frameworks and dynamic markets: [[framework]] tables, each with its
// [[framework.lot]] tables (core/spec.hpp: FrameworkSpec). Read by the scenario loader; the
// checks that need the rest of the scenario (regions within market.regions, lot categories among
// the scenario's categories) run in validate_scenario, also after overrides.
#include "core/spec.hpp"
#include "toml_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <toml++/toml.h>

namespace tendersim {

// Replaces spec.frameworks with the [[framework]] list node holds, checking every key's type and
// range, names unique, at least one lot per framework and each category in at most one lot of a
// framework. Throws ScenarioError naming the file, line and key (framework.K, framework.lot.K).
void load_frameworks(const toml::node& node, ScenarioSpec& spec, const TomlReader& r);

// The line in root (a scenario file's table) of key in its [[framework]] tables, 0 when the file
// does not set it: "framework" / "framework.K" in the index-th [[framework]], "framework.lot" /
// "framework.lot.K" in the index-th [[framework.lot]], counting the lots of every framework in
// order (lot_index gives that index).
std::uint32_t framework_key_line(const toml::table& root, std::string_view key, std::size_t index);

// The index framework_key_line takes for lot `lot` of framework `framework` of spec.
std::size_t lot_index(const ScenarioSpec& spec, std::size_t framework, std::size_t lot);

} // namespace tendersim
