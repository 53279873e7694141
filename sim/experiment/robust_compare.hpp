#pragma once
// `tendersim compare A.toml B.toml ... --ensemble FILE | --robust N`: the paired comparison
// under each parameter set (robust_runs.hpp), summarised per alternative scenario, metric and
// reported year by analysis::robust_effect, into <out>/compare-<A>-vs-<B>-robust/:
//   robustness.csv  one row per alternative x metric x year: median effect, the 95% interval of
//                   parameter uncertainty and noise together, same-sign share, sets whose own
//                   interval lies above / below zero, heterogeneity p-value, verdict, drivers
//                   with rho
//   effects.csv     every set's mean paired difference (set, scenario, metric, year)
//   sets.csv        every set's parameter values
//   scenarios.csv   as a plain compare writes it
//   report.md       the Robustness section in plain words, then the table
//   manifest.json   scenarios, the ensemble file and its SHA-256 (or the draw), seeds, sweeps
// and the runs in sweeps/<scenario>/ (runs.csv, timeseries.csv, manifest.json). Every file is
// written whole (temporary name, then rename); manifest.json last.
#include "analysis/robustness.hpp"
#include "experiment/robust_runs.hpp"

#include <atomic>
#include <optional>

namespace tendersim::experiment {

// One alternative scenario at one metric and reported year.
struct RobustRow {
    std::size_t scenario = 0; // > 0: the alternative; compared with scenario 0
    std::size_t metric = 0;
    std::size_t year = 0;          // index into years_at
    std::size_t sets_left_out = 0; // sets with a replicate where the metric is undefined
    std::optional<analysis::RobustEffect> effect; // none when no set is defined throughout
};

// Set p's mean paired difference of scenario s from scenario 0 (NaN if a pair is undefined).
double set_mean_difference(const RobustValues& v, std::size_t s, std::size_t p, std::size_t m,
                           std::size_t y);

std::vector<RobustRow> robust_rows(const ParameterSets& sets, const RobustValues& values);

std::string robustness_csv(const CompareData& data, const std::vector<RobustRow>& rows);
std::string effects_csv(const CompareData& data, const RobustValues& values);
std::string sets_csv(const ParameterSets& sets);
// The "Robustness" section: per alternative, one sentence per metric at the summary year.
std::string robustness_section(const CompareData& data, const std::vector<RobustRow>& rows);
std::string robust_report_md(const CompareData& data, const ParameterSets& sets,
                             const std::vector<RobustRow>& rows, const std::string& held_text = {});
// The paragraph "Parameters the sets do not vary as drawn", one line per scenario that holds any
// (held_parameters, robust_runs.hpp); empty if none does. reference: RobustPlan::held_reference.
std::string held_parameters_text(const CompareData& data, const std::vector<HeldParameter>& held,
                                 const std::string& reference);
std::string robust_manifest_json(const RobustPlan& plan);

// <out_parent>/compare-<A>-vs-<B>...-robust
std::filesystem::path robust_compare_dir(const CompareData& data,
                                         const std::filesystem::path& out_parent);

struct RobustOptions {
    std::filesystem::path out_parent = "results";
    int threads = 1;
    bool resume = false;
    bool restart = false;
    bool mpi = false; // run each sweep across the MPI ranks
    // --shard K/N: each scenario's sweep runs only its runs with index % N == K and is not
    // merged; a later run with resume and no shard merges every sweep and writes the outputs.
    ShardSpec shard;
    std::ostream* log = nullptr;
    bool terminal = false;
    const std::atomic<bool>* cancel = nullptr;
};

struct RobustOutcome {
    // Complete once the outputs are written; ShardComplete when every sweep's shard is done
    // (nothing written beside the sweeps).
    SweepStatus status = SweepStatus::Complete;
    std::filesystem::path dir;
    std::uint64_t runs_total = 0, runs_before = 0, runs_now = 0; // of the shard, with a shard
    double seconds = 0;
    int exit_code = 0;
    std::vector<RobustRow> rows;
};

// Runs (or resumes) every scenario's sweep, then writes the outputs. Under MPI every rank
// calls it; rank 0 writes. With a shard: runs that shard of every sweep and writes no outputs.
RobustOutcome run_robust_compare(const RobustPlan& plan, const RobustOptions& options);

} // namespace tendersim::experiment
