#pragma once
// Published figures the model is checked against (validation/targets.toml), with their
// tolerances and sources.
#include <string>
#include <vector>

namespace tendersim::validation {

struct Target {
    std::string id;
    std::string metric; // a metric name from metrics.csv
    std::string description;
    double published = 0; // the published figure
    double lower = 0;     // tolerance: the model value must lie in [lower, upper]
    double upper = 0;
    std::string source;
    std::string note;                   // how the figure relates to the model (scope, caveats)
    bool gate = true;                   // false: reported, but a miss does not fail validation
    std::vector<std::string> scenarios; // empty: every scenario
};

struct TargetSet {
    std::string file;
    std::int64_t window_years = 5; // the model value averages this many final years
    std::vector<Target> targets;
};

// Reads and checks a targets file; throws TargetsFileError (file, line, key) on bad input.
TargetSet load_targets(const std::string& path);

bool applies_to(const Target& t, const std::string& scenario);

} // namespace tendersim::validation
