#pragma once
// `tendersim compare ... --ensemble FILE | --robust N`: the runs of a robust comparison. Each
// scenario of the comparison becomes one sweep (sweep_plan.hpp) whose design points are the
// parameter sets, applied on top of the scenario as it runs in the comparison, with common seeds:
// replicate r of every set and every scenario runs on replicate_seed(seed, r), the seed a plain
// compare gives replicate r. So set p's paired differences are those of `compare --set <set p's
// values>`, and the sweep machinery gives the runs its streaming shard files, --resume, threads
// and MPI unchanged. The sweeps live in <compare dir>/sweeps/<scenario label>/.
#include "analysis/param_space.hpp"
#include "experiment/compare.hpp"
#include "experiment/sweep_plan.hpp"
#include "experiment/sweep_runner.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace tendersim::experiment {

// The parameter sets a robust comparison runs under: an ensemble file's members or a
// space-filling draw from the plausible ranges.
struct ParameterSets {
    std::vector<SweepParam> params;
    analysis::PointMatrix points; // [set][param]
    // Where they came from: the ensemble file (and its SHA-256 and each member's line), or
    // empty file for a draw of `draws` sets with `seed`.
    std::string file;
    std::string sha256;
    std::vector<std::uint32_t> lines;
    std::string calibrated_scenario;        // the ensemble's `scenario`, if it names one
    std::string calibrated_scenario_sha256; // and its `scenario_sha256`
    std::size_t draws = 0;
    std::uint64_t seed = 0;
    std::size_t size() const { return points.rows(); }
};

// A drawn parameter a scenario does not leave to the sets. The sets are applied on top of each
// scenario as compared (its file, its `base` chain and --set), so where the scenario gives a
// drawn parameter a value other than the reference values (those of the scenario the ensemble
// was calibrated on, else the defaults), the sets replace that value (adopted_from == 0); where
// an [[adopt]] sets it, the adoption's value holds from that year on in the places it covers, so
// the parameter is not varied there (adopted_from: the year).
struct HeldParameter {
    std::size_t scenario = 0;
    std::string key;
    std::string value;             // the scenario's (or the adoption's) value, as text
    std::int64_t adopted_from = 0; // 0: replaced by the sets
};

// The drawn parameters each scenario sets itself, scenario by scenario in parameter order.
std::vector<HeldParameter> held_parameters(const std::vector<ScenarioSpec>& specs,
                                           const std::vector<SweepParam>& params,
                                           const ScenarioSpec& reference = {});

struct RobustPlan {
    PreparedComparison comparison;
    ParameterSets sets;
    std::vector<std::unique_ptr<SweepPlan>> sweeps; // one per scenario, in scenario order
    std::vector<HeldParameter> held;                // held_parameters of the scenarios
    // What held compares with, for the report: the defaults, or the calibrated scenario's file
    // when the ensemble's scenario_sha256 matches a file a compared scenario was read from.
    std::string held_reference = "its default";
};

// One sweep per scenario over the sets. Throws SweepFileError naming the ensemble file and the
// member's line when a set does not make a valid scenario.
RobustPlan make_robust_plan(PreparedComparison comparison, ParameterSets sets);

// <compare dir>/sweeps/<label>
std::filesystem::path robust_sweep_dir(const std::filesystem::path& compare_dir,
                                       const std::string& label);

// Every run's reported values: [scenario][set][metric][year_at][replicate].
struct RobustValues {
    std::size_t scenarios = 0, sets = 0, metrics = 0, years = 0, replicates = 0;
    std::vector<double> values;
    std::size_t slot(std::size_t s, std::size_t p, std::size_t m, std::size_t y,
                     std::size_t r) const {
        return (((s * sets + p) * metrics + m) * years + y) * replicates + r;
    }
    double at(std::size_t s, std::size_t p, std::size_t m, std::size_t y, std::size_t r) const {
        return values[slot(s, p, m, y, r)];
    }
};

// Reads each finished sweep's timeseries.csv.
RobustValues read_robust_values(const RobustPlan& plan, const std::filesystem::path& compare_dir);

} // namespace tendersim::experiment
