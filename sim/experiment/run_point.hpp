#pragma once
// One run of a fully resolved scenario with a given seed: the selected metrics at the final year,
// their time averages, and optionally the whole yearly series. Nothing is written to disk.
#include "core/spec.hpp"
#include "experiment/metrics_select.hpp"

#include <cstdint>
#include <vector>

namespace tendersim::experiment {

struct RunOutputs {
    std::int64_t years = 0;
    std::vector<double> final_values; // per selected metric, at the last simulated year
    // Mean over years 1..Y of each metric; years where a metric is undefined (NaN) are skipped.
    std::vector<double> mean_values;
    // Values at every year, row-major years x metrics; empty unless asked for.
    std::vector<double> series;
};

// threads is the engine's own thread count for this run; sweeps and comparisons pass 1 and run
// many runs at once, which scales better than splitting one small run.
RunOutputs run_point(const ScenarioSpec& spec, std::uint64_t seed, const MetricSelection& metrics,
                     bool keep_series, int threads = 1);

} // namespace tendersim::experiment
