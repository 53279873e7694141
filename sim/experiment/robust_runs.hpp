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
    std::string calibrated_scenario; // the ensemble's `scenario`, if it names one
    std::size_t draws = 0;
    std::uint64_t seed = 0;
    std::size_t size() const { return points.rows(); }
};

struct RobustPlan {
    PreparedComparison comparison;
    ParameterSets sets;
    std::vector<std::unique_ptr<SweepPlan>> sweeps; // one per scenario, in scenario order
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
