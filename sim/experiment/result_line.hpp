#pragma once
// `tendersim run --result-line csv|json`: for external drivers (EMEWS, OpenMOLE, R or Python
// scripts) that run one parameter point per call and read the result from stdout. Nothing is
// written to disk. Each replicate gives one line: the scenario, replicate, seed, the values of
// the parameters set with --set/--params-json, then final.<metric> and mean.<metric> for the
// chosen metrics (headline metrics by default). CSV output starts with a header line.
#include "experiment/run_job.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace tendersim::experiment {

enum class ResultFormat { Csv, Json };

struct ResultLineConfig {
    RunConfig run; // scenario, overrides, seed, years, replicates, threads
    ResultFormat format = ResultFormat::Json;
    std::vector<std::string> metrics; // empty: the headline metrics
};

// The replicates of make_run_plan (core/run_plan.hpp), exactly as `tendersim run`.
void write_result_lines(const ResultLineConfig& config, std::ostream& out);

} // namespace tendersim::experiment
