#pragma once
// `tendersim validate`: runs a scenario's replicates and sets the model's value for each
// published target (mean of the final years, 95% interval across replicates) beside the figure.
#include "core/spec.hpp"
#include "targets.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace tendersim::validation {

struct TargetResult {
    Target target;
    double model_mean = 0;
    double ci95_low = 0;
    double ci95_high = 0;
    bool inside = false;
};

struct ValidationReport {
    std::string scenario;
    std::int64_t replicates = 0;
    std::int64_t years = 0;
    std::int64_t window_years = 0;
    std::vector<TargetResult> results;
    bool passed() const;     // every gating target inside its tolerance
    double distance() const; // sum over gating targets of ((model - published) / half-width)^2
};

ValidationReport validate(const ScenarioSpec& spec, const TargetSet& targets,
                          std::int64_t replicates, int threads);

void print_report(std::ostream& out, const ValidationReport& report);
std::string report_markdown(const ValidationReport& report);

} // namespace tendersim::validation
