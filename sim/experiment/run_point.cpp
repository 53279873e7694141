#include "experiment/run_point.hpp"

#include "core/simulation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace tendersim::experiment {

namespace {

// A run's outputs, a year at a time.
class Outputs {
  public:
    Outputs(const ScenarioSpec& spec, const MetricSelection& metrics, bool keep_series)
        : spec_(spec), metrics_(metrics), keep_series_(keep_series), sum_(metrics.size(), 0.0),
          count_(metrics.size(), 0), year_values_(metrics.size()) {
        const std::size_t m = metrics.size();
        out_.years = spec.run.years;
        out_.final_values.assign(m, std::numeric_limits<double>::quiet_NaN());
        if (keep_series) out_.series.reserve(static_cast<std::size_t>(spec.run.years) * m);
    }

    void add_year(const YearMetrics& year, bool last) {
        metrics_.extract(year, spec_, year_values_);
        for (std::size_t k = 0; k < year_values_.size(); ++k)
            if (std::isfinite(year_values_[k])) sum_[k] += year_values_[k], ++count_[k];
        if (keep_series_)
            out_.series.insert(out_.series.end(), year_values_.begin(), year_values_.end());
        if (last) out_.final_values = year_values_;
    }

    RunOutputs finish() {
        out_.mean_values.resize(sum_.size());
        for (std::size_t k = 0; k < sum_.size(); ++k)
            out_.mean_values[k] = count_[k] > 0 ? sum_[k] / static_cast<double>(count_[k])
                                                : std::numeric_limits<double>::quiet_NaN();
        return std::move(out_);
    }

  private:
    const ScenarioSpec& spec_;
    const MetricSelection& metrics_;
    bool keep_series_;
    RunOutputs out_;
    std::vector<double> sum_;
    std::vector<std::int64_t> count_;
    std::vector<double> year_values_;
};

} // namespace

RunOutputs run_point(const ScenarioSpec& spec, std::uint64_t seed, const MetricSelection& metrics,
                     bool keep_series, int threads) {
    Outputs out(spec, metrics, keep_series);
    Simulation sim(spec, seed, threads);
    for (std::int64_t y = 0; y < spec.run.years; ++y)
        out.add_year(sim.run_year(), y + 1 == spec.run.years);
    return out.finish();
}

std::vector<RunOutputs> run_branches(const std::vector<Branch>& branches, std::uint64_t seed,
                                     std::int64_t shared_years, bool keep_series,
                                     const std::function<void()>& done) {
    std::vector<RunOutputs> results;
    if (branches.empty()) return results;
    const ScenarioSpec& first = *branches.front().spec;
    if (shared_years < first.run.burn_in_years) { // not even the burn-in: run them one by one
        for (const Branch& b : branches) {
            results.push_back(run_point(*b.spec, seed, *b.metrics, keep_series));
            if (done) done();
        }
        return results;
    }
    const std::int64_t years = first.run.years;
    std::vector<Outputs> outs;
    outs.reserve(branches.size());
    for (const Branch& b : branches) outs.emplace_back(*b.spec, *b.metrics, keep_series);
    // The shared years: burn-in (the constructor runs it), then reported years until the
    // branches part; each branch reads its own metrics from the one shared year.
    auto shared = std::make_unique<Simulation>(first, seed, 1);
    std::int64_t y = 0;
    for (; y < years && shared->market().year < shared_years; ++y) {
        const YearMetrics& metrics = shared->run_year();
        for (Outputs& o : outs) o.add_year(metrics, y + 1 == years);
    }
    for (std::size_t k = 0; k < branches.size(); ++k) {
        // The last branch takes the shared market itself; the others a copy.
        std::unique_ptr<Simulation> sim =
            k + 1 == branches.size() ? std::move(shared) : shared->clone();
        sim->continue_under(*branches[k].spec);
        for (std::int64_t b = y; b < years; ++b) outs[k].add_year(sim->run_year(), b + 1 == years);
        results.push_back(outs[k].finish());
        if (done) done();
    }
    return results;
}

} // namespace tendersim::experiment
