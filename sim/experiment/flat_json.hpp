#pragma once
// `--params-json`: parameter values from an external driver (EMEWS, OpenMOLE, R, Python) as one
// flat JSON object, {"policy.price_weight": 0.5, "evaluation.abnormally_low_action": "reject"}.
// Only what such drivers send is accepted: string keys with number, string or boolean values,
// where a parameter's type allows: integral floats (8.0) for integers, 1 and 0 for booleans, and
// one-element arrays ([0.7], R jsonlite's scalars) for any value.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tendersim::experiment {

// Parses a flat object into (key, value as TOML text) pairs, in order, ready for
// apply_override("key=value"). Throws InputFileError naming source, line and key on bad input.
std::vector<std::pair<std::string, std::string>> parse_flat_json(std::string_view text,
                                                                 const std::string& source);

// The argument of --params-json: inline JSON if it starts with '{', otherwise a file to read.
// Returns "key=value" overrides.
std::vector<std::string> params_json_overrides(const std::string& argument);

} // namespace tendersim::experiment
