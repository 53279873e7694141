#include "experiment/run_point.hpp"

#include "core/simulation.hpp"

#include <cmath>
#include <limits>

namespace tendersim::experiment {

RunOutputs run_point(const ScenarioSpec& spec, std::uint64_t seed, const MetricSelection& metrics,
                     bool keep_series, int threads) {
    const std::size_t m = metrics.size();
    RunOutputs out;
    out.years = spec.run.years;
    out.final_values.assign(m, std::numeric_limits<double>::quiet_NaN());
    std::vector<double> sum(m, 0.0);
    std::vector<std::int64_t> count(m, 0);
    std::vector<double> year_values(m);
    if (keep_series) out.series.reserve(static_cast<std::size_t>(spec.run.years) * m);
    Simulation sim(spec, seed, threads);
    for (std::int64_t y = 0; y < spec.run.years; ++y) {
        metrics.extract(sim.run_year(), spec, year_values);
        for (std::size_t k = 0; k < m; ++k) {
            if (std::isfinite(year_values[k])) sum[k] += year_values[k], ++count[k];
        }
        if (keep_series)
            out.series.insert(out.series.end(), year_values.begin(), year_values.end());
        if (y + 1 == spec.run.years) out.final_values = year_values;
    }
    out.mean_values.resize(m);
    for (std::size_t k = 0; k < m; ++k)
        out.mean_values[k] = count[k] > 0 ? sum[k] / static_cast<double>(count[k])
                                          : std::numeric_limits<double>::quiet_NaN();
    return out;
}

} // namespace tendersim::experiment
