#pragma once
// One run of a fully resolved scenario with a given seed: the selected metrics at the final year,
// their time averages, and optionally the whole yearly series. Nothing is written to disk.
#include "core/spec.hpp"
#include "experiment/metrics_select.hpp"

#include <cstdint>
#include <functional>
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

// One scenario of a set that share their first simulated years (io/spec_prefix.hpp).
struct Branch {
    const ScenarioSpec* spec;
    const MetricSelection* metrics;
};

// The runs of every branch with one seed, as run_point gives them one by one, simulating the
// first `shared_years` simulated years (burn-in included) once: after them each branch continues
// from a copy of the shared market under its own spec. The caller guarantees the branches share
// those years (shared_years in io/spec_prefix.hpp) and run the same number of years. `done` is
// called after each branch, for progress.
std::vector<RunOutputs> run_branches(const std::vector<Branch>& branches, std::uint64_t seed,
                                     std::int64_t shared_years, bool keep_series,
                                     const std::function<void()>& done = {});

} // namespace tendersim::experiment
