#pragma once
// The three files an import writes, as text: the scenario (TOML, each estimate commented), the
// report (Markdown: estimated, kept and why, every dropped record) and the estimates (JSON, for
// tests and tools).
#include "estimate.hpp"
#include "parameters.hpp"

#include <string>

namespace tendersim::ocds {

struct ScenarioHeader {
    std::string name;
    std::string description;
    std::string base; // the base file relative to the written scenario
};

std::string scenario_text(const ScenarioHeader& header, const ScenarioEstimate& s);
std::string report_markdown(const ScenarioHeader& header, const RegisterEstimates& e,
                            const ScenarioEstimate& s, const ImportOptions& options);
std::string estimates_json(const RegisterEstimates& e, const ScenarioEstimate& s,
                           const ImportOptions& options);

} // namespace tendersim::ocds
