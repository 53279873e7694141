#pragma once
// `tendersim sweep`: runs the missing runs of a sweep in parallel (oneTBB, one single-threaded
// simulation per run), appending each result to this process's shard file as it completes, then
// merges everything into the final files. Interrupted sweeps resume where they stopped.
#include "experiment/sweep_plan.hpp"
#include "io/result_dir.hpp"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

namespace tendersim::experiment {

struct SweepOptions {
    std::filesystem::path sweep_dir; // results/sweep-<name> unless --out says otherwise
    int threads = 1;
    bool resume = false;         // keep finished runs in sweep_dir and do only the missing ones
    bool restart = false;        // discard partial results in sweep_dir first
    ShardSpec shard;             // --shard K/N: only runs with index % N == K, no merge
    std::ostream* log = nullptr; // progress and notes; null for quiet
    bool terminal = false;       // log is a terminal (progress rewrites one line)
    const std::atomic<bool>* cancel = nullptr; // set from a signal handler: stop taking runs
    // MPI only: rank 0 ends the job (MPI_Abort, naming the rank) when a worker rank has sent
    // nothing for this many seconds; worker ranks send a heartbeat meanwhile. 0: wait for ever.
    double worker_timeout = 0;
    // Runs that share their first simulated years (common_seeds, policies adopted later) simulate
    // them once per replicate and branch (not under MPI); the results are the same either way.
    bool share_prefix = true;
};

enum class SweepStatus {
    Complete,        // all runs done and merged into the final files
    AlreadyComplete, // --resume found the finished results: nothing to do
    ShardComplete,   // this --shard K/N has all its runs; merge when every shard is done
    Interrupted,     // cancelled; finished runs are kept for --resume
    WorkerRankDone,  // MPI rank > 0: its share is done; rank 0 merges
    Failed,          // MPI rank > 0 after an error rank 0 reports
};

struct SweepOutcome {
    SweepStatus status = SweepStatus::Complete;
    std::uint64_t runs_total = 0;  // runs in the sweep (or in this shard)
    std::uint64_t runs_before = 0; // already done when this process started
    std::uint64_t runs_now = 0;    // done by this process
    double seconds = 0;
    std::filesystem::path sweep_dir;
    int exit_code = 0; // with Failed: the exit code rank 0 gives, so every MPI rank gives it
};

// results/sweep-<name> under the given parent directory.
std::filesystem::path default_sweep_dir(const SweepPlan& plan, const std::filesystem::path& parent);

SweepOutcome run_sweep(const SweepPlan& plan, const SweepOptions& options);

// `tendersim merge`: combine the shard files of a finished sharded sweep.
void merge_shards(const SweepPlan& plan, const std::filesystem::path& sweep_dir);

namespace detail {

// Tells the user (if log) what taking the lock recovered from a killed process.
void note_recovery(const ResultDirLock& lock, std::ostream* log);

// Checks what sweep_dir holds against --resume/--restart and throws a clear error if going on
// would discard or mix results. Returns true if --resume found the sweep already finished.
bool preflight(const SweepPlan& plan, const SweepOptions& options, bool sharded,
               const std::filesystem::path& own_shard);

// One run, computed and formatted as its shard record payload.
std::string compute_run(const SweepPlan& plan, std::uint64_t run);

// Runs `threads` workers under oneTBB; each takes run indices from next() until it returns
// nullopt or cancel is set, and hands each result to done(run, payload). The first exception
// stops the others and is rethrown.
void run_workers(const SweepPlan& plan, int threads,
                 const std::function<std::optional<std::uint64_t>()>& next,
                 const std::function<void(std::uint64_t, const std::string&)>& done,
                 const std::atomic<bool>* cancel);

// The simulated years (burn-in included) every design point of a replicate shares: 0 unless the
// sweep uses common seeds and its points differ only in what they adopt later (adopt_year).
std::int64_t shared_years(const SweepPlan& plan);

// The runs to do, as units that simulate their shared years once: the runs of one replicate,
// cut so there are enough units to keep `threads` workers busy.
std::vector<std::vector<std::uint64_t>>
shared_units(const SweepPlan& plan, const std::vector<std::uint64_t>& todo, int threads);

// Runs the units on `threads` workers, each unit's runs branching after `shared` years; done()
// gets every run's payload, as run_workers gives it.
void run_units(const SweepPlan& plan, int threads,
               const std::vector<std::vector<std::uint64_t>>& units, std::int64_t shared,
               const std::function<void(std::uint64_t, const std::string&)>& done,
               const std::atomic<bool>* cancel);

} // namespace detail
} // namespace tendersim::experiment
