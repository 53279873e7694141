#include "experiment/robust_runs.hpp"

#include "core/params.hpp"
#include "io/csv_reader.hpp"
#include "io/manifest.hpp"
#include "io/scenario_loader.hpp"

#include <cmath>
#include <limits>
#include <map>

namespace tendersim::experiment {
namespace fs = std::filesystem;

namespace {

// Scenario s of the comparison as a sweep over the sets (a "points" design whose rows are the
// sets, in their order): the scenario exactly as the comparison runs it, common seeds.
SweepSpec scenario_sweep(const PreparedComparison& c, const ParameterSets& sets, std::size_t s,
                         std::int64_t replicates) {
    const CompareData& data = c.data;
    SweepSpec spec;
    spec.file = sets.file.empty() ? "--robust " + std::to_string(sets.draws) : sets.file;
    spec.file_sha256 = sets.sha256;
    spec.base_file = data.files[s];
    spec.base_sha256 = data.sha256[s];
    spec.name = data.labels[s];
    spec.description = "robust comparison: " + data.labels[s] + " under " +
                       std::to_string(sets.size()) + " parameter sets";
    spec.seed = data.seed;
    spec.replicates = replicates;
    spec.design = DesignKind::Points;
    spec.points_file = spec.file;
    spec.points_sha256 = sets.sha256;
    spec.points = sets.points;
    spec.points_lines = sets.lines;
    if (spec.points_lines.size() != sets.size()) spec.points_lines.assign(sets.size(), 0);
    spec.params = sets.params;
    spec.outputs = data.metrics;
    spec.timeseries = true;
    spec.common_seeds = true;
    spec.base = c.specs[s];
    return spec;
}

} // namespace

std::vector<HeldParameter> held_parameters(const std::vector<ScenarioSpec>& specs,
                                           const std::vector<SweepParam>& params,
                                           const ScenarioSpec& reference) {
    std::vector<HeldParameter> held;
    for (std::size_t s = 0; s < specs.size(); ++s)
        for (const SweepParam& p : params) {
            const std::string value = param_value_text(*p.def, specs[s]);
            if (value != param_value_text(*p.def, reference)) held.push_back({s, p.key, value, 0});
            for (const Adoption& a : specs[s].adoptions) {
                ScenarioSpec patched;
                patched.policy = a.patch;
                for (const std::string& k : a.keys)
                    if ("policy." + k == p.key)
                        held.push_back({s, p.key, param_value_text(*p.def, patched), a.year});
            }
        }
    return held;
}

RobustPlan make_robust_plan(PreparedComparison comparison, ParameterSets sets) {
    RobustPlan plan;
    // The calibrated scenario's values are what the members replace by design: compare with
    // them when the ensemble's scenario is one of the files read (a scenario or its base).
    ScenarioSpec reference;
    if (!sets.calibrated_scenario_sha256.empty())
        for (const auto& files : comparison.data.sources)
            for (const SourceFile& f : files)
                if (f.sha256 == sets.calibrated_scenario_sha256 &&
                    plan.held_reference == "its default") {
                    reference = load_scenario_file(f.path);
                    plan.held_reference =
                        "its value in " + f.path + " (the scenario the ensemble was calibrated on)";
                }
    plan.held = held_parameters(comparison.specs, sets.params, reference);
    const auto reps = static_cast<std::int64_t>(comparison.data.replicates());
    for (std::size_t s = 0; s < comparison.specs.size(); ++s)
        plan.sweeps.push_back(
            std::make_unique<SweepPlan>(scenario_sweep(comparison, sets, s, reps)));
    plan.comparison = std::move(comparison);
    plan.sets = std::move(sets);
    return plan;
}

fs::path robust_sweep_dir(const fs::path& compare_dir, const std::string& label) {
    return compare_dir / "sweeps" / label;
}

RobustValues read_robust_values(const RobustPlan& plan, const fs::path& compare_dir) {
    const CompareData& data = plan.comparison.data;
    RobustValues v;
    v.scenarios = data.labels.size();
    v.sets = plan.sets.size();
    v.metrics = data.metrics.size();
    v.years = data.years_at.size();
    v.replicates = data.replicates();
    v.values.assign(v.scenarios * v.sets * v.metrics * v.years * v.replicates,
                    std::numeric_limits<double>::quiet_NaN());
    std::map<std::string, std::size_t, std::less<>> metric_index;
    for (std::size_t m = 0; m < data.metrics.size(); ++m) metric_index[data.metrics[m]] = m;
    std::map<std::int64_t, std::size_t> year_index;
    for (std::size_t y = 0; y < data.years_at.size(); ++y) year_index[data.years_at[y]] = y;
    for (std::size_t s = 0; s < v.scenarios; ++s) {
        const SweepPlan& sweep = *plan.sweeps[s];
        CsvReader in(robust_sweep_dir(compare_dir, data.labels[s]) / "timeseries.csv");
        const std::size_t c_run = in.require("run"), c_year = in.require("year"),
                          c_metric = in.require("metric"), c_value = in.require("value");
        while (in.next()) {
            const std::int64_t run = in.integer(c_run);
            if (run < 0 || static_cast<std::uint64_t>(run) >= sweep.run_count())
                in.fail(c_run,
                        "a run of this sweep (0 to " + std::to_string(sweep.run_count() - 1) + ")");
            const auto y = year_index.find(in.integer(c_year));
            if (y == year_index.end()) continue;
            const auto m = metric_index.find(in.text(c_metric));
            if (m == metric_index.end()) continue;
            const RunInfo info = sweep.run(static_cast<std::uint64_t>(run));
            v.values[v.slot(s, info.point, m->second, y->second,
                            static_cast<std::size_t>(info.replicate))] =
                in.optional_number(c_value).value_or(std::numeric_limits<double>::quiet_NaN());
        }
    }
    return v;
}

} // namespace tendersim::experiment
