#pragma once
// The final step of a sweep: every run's record, from every shard file, written in run-index
// order into runs.csv (and timeseries.csv), then sensitivity.csv and manifest.json. The files
// are staged beside the sweep directory and swapped with it in one step, which also drops the
// shard files: the directory holds either partial work or the finished results, never a mix.
// Output bytes depend only on the sweep file, never on thread, shard or rank counts.
#include "experiment/sweep_plan.hpp"
#include "io/result_dir.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace tendersim::experiment {

// Throws std::runtime_error (naming what is missing and which shard should rerun) unless every
// run has a record. The caller holds the exclusive lock on the sweep directory (lock.target()).
void merge_sweep(const SweepPlan& plan, const ResultDirLock& lock);

// manifest.json of a finished sweep: deterministic (no wall time or thread counts), so the whole
// directory is identical however the sweep was run.
std::string sweep_manifest_json(const SweepPlan& plan);

// The fingerprint recorded in a finished sweep's manifest.json, or "" if there is none.
std::string finished_fingerprint(const std::filesystem::path& sweep_dir);

} // namespace tendersim::experiment
