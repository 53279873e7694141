#include "calibrate_score.hpp"

#include "analysis/stats.hpp"
#include "io/csv_reader.hpp"
#include "validate.hpp"

#include <cmath>
#include <limits>
#include <map>

namespace tendersim::validation {

std::vector<DrawScore> score_window_means(const CalibrationSetup& setup,
                                          const std::vector<std::vector<double>>& window) {
    const experiment::SweepPlan& plan = *setup.plan;
    const std::size_t k_targets = setup.active.size();
    // Per draw and target, one value per replicate, in run order.
    std::vector<std::vector<std::vector<double>>> values(
        plan.point_count(), std::vector<std::vector<double>>(k_targets));
    for (std::uint64_t r = 0; r < plan.run_count(); ++r) {
        const experiment::RunInfo info = plan.run(r);
        for (std::size_t k = 0; k < k_targets; ++k)
            if (!std::isnan(window[r][k])) values[info.point][k].push_back(window[r][k]);
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<DrawScore> scores(plan.point_count());
    for (std::size_t p = 0; p < plan.point_count(); ++p) {
        DrawScore& s = scores[p];
        s.draw = p;
        ValidationReport report; // distance() and passed() as `tendersim validate` has them
        bool undefined = false;
        for (std::size_t k = 0; k < k_targets; ++k) {
            const Target& t = setup.active[k];
            const double m = values[p][k].empty() ? nan : analysis::mean(values[p][k]);
            s.model.push_back(m);
            const double half = m < t.published ? t.published - t.lower : t.upper - t.published;
            s.error.push_back((m - t.published) / std::max(half, 1e-12));
            if (std::isnan(m) && t.gate) undefined = true;
            TargetResult res;
            res.target = t;
            res.model_mean = m;
            res.inside = m >= t.lower && m <= t.upper;
            report.results.push_back(std::move(res));
        }
        s.distance = undefined ? nan : report.distance();
        s.passes = !undefined && report.passed();
    }
    return scores;
}

std::vector<DrawScore> score_draws(const CalibrationSetup& setup,
                                   const std::filesystem::path& sweep_dir) {
    const experiment::SweepPlan& plan = *setup.plan;
    const std::int64_t years = plan.spec().base.run.years;
    const std::int64_t first = years - setup.window_years + 1;
    std::map<std::string, std::vector<std::size_t>> targets_of; // metric -> active targets
    for (std::size_t k = 0; k < setup.active.size(); ++k)
        targets_of[setup.active[k].metric].push_back(k);
    const std::size_t k_targets = setup.active.size();
    std::vector<std::vector<double>> sums(plan.run_count(), std::vector<double>(k_targets, 0.0));
    std::vector<std::vector<int>> counts(plan.run_count(), std::vector<int>(k_targets, 0));
    CsvReader in(sweep_dir / "timeseries.csv");
    const std::size_t c_run = in.require("run"), c_year = in.require("year"),
                      c_metric = in.require("metric"), c_value = in.require("value");
    while (in.next()) {
        const std::int64_t run = in.integer(c_run);
        if (run < 0 || static_cast<std::uint64_t>(run) >= plan.run_count())
            in.fail(c_run, "a run of this calibration (0 to " +
                               std::to_string(plan.run_count() - 1) + ")");
        if (in.integer(c_year) < first) continue;
        const auto it = targets_of.find(std::string(in.text(c_metric)));
        if (it == targets_of.end()) continue;
        const std::optional<double> v = in.optional_number(c_value);
        if (!v) continue; // undefined that year: left out, as validate does
        for (const std::size_t k : it->second) {
            sums[static_cast<std::size_t>(run)][k] += *v;
            ++counts[static_cast<std::size_t>(run)][k];
        }
    }
    std::vector<std::vector<double>> window(plan.run_count(), std::vector<double>(k_targets));
    for (std::uint64_t r = 0; r < plan.run_count(); ++r)
        for (std::size_t k = 0; k < k_targets; ++k)
            window[r][k] = counts[r][k] > 0 ? sums[r][k] / counts[r][k]
                                            : std::numeric_limits<double>::quiet_NaN();
    return score_window_means(setup, window);
}

} // namespace tendersim::validation
