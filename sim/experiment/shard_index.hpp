#pragma once
// Which runs of a sweep are done, across every shard file in <sweep dir>/shards/ (written by a
// single process, by --shard K/N jobs or by MPI ranks: they all count). Used to skip finished
// runs on --resume and to find each run's record for the final merge.
#include "experiment/shard_file.hpp"
#include "experiment/sweep_plan.hpp"

#include <filesystem>
#include <limits>
#include <string>
#include <vector>

namespace tendersim::experiment {

std::filesystem::path shards_dir(const std::filesystem::path& sweep_dir);
// The shard files present, sorted by name.
std::vector<std::filesystem::path> shard_files(const std::filesystem::path& sweep_dir);

struct RunRecord {
    static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
    std::uint32_t file = none; // index into ShardIndex::files
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
};

struct ShardIndex {
    std::vector<std::filesystem::path> files;
    std::vector<RunRecord> by_run; // one slot per run of the plan
    std::uint64_t complete = 0;

    bool done(std::uint64_t run) const { return by_run[run].file != RunRecord::none; }
};

// Reads every shard file. Throws std::runtime_error if a file belongs to another sweep
// definition, names a run outside the plan, or records one run twice with different results.
ShardIndex index_shards(const std::filesystem::path& sweep_dir, const SweepPlan& plan);

} // namespace tendersim::experiment
