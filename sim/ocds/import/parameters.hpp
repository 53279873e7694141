#pragma once
// Which scenario parameters the register's estimates set, and which stay at the base scenario's
// value and why. Only existing parameters (tendersim params) are set; outcomes of the model
// (bids per tender, single-bid share, concentration) are reported, never written as inputs.
#include "core/spec.hpp"
#include "estimate.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tendersim::ocds {

struct ParameterChoice {
    std::string key;      // "market.councils", or the category parameter's key ("value_sigma")
    std::string category; // the [[category]] name; empty for scenario parameters
    std::string base_value;
    std::optional<std::string> value; // nullopt: kept at the base's value
    std::size_t sample = 0;
    std::string source; // OCDS field(s)
    std::string note;   // the estimate, or why the base value was kept
};

// choices, and the base with them applied (the written scenario's resolved values).
struct ScenarioEstimate {
    std::vector<ParameterChoice> choices;
    ScenarioSpec spec;
    bool categories_changed = false;
};

ScenarioEstimate choose_parameters(const RegisterEstimates& e, const ScenarioSpec& base,
                                   std::size_t min_sample);

} // namespace tendersim::ocds
