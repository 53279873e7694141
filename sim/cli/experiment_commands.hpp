#pragma once
#include "experiment/compare.hpp"
#include "experiment/sweep_plan.hpp"

#include <cstddef>
#include <string>

namespace tendersim {
// `tendersim compare ... --ensemble FILE | --robust N`: what compare_command parsed beyond the
// comparison itself.
struct RobustCompareArgs {
    std::string ensemble; // or empty, and draws > 0
    std::size_t draws = 0;
    bool resume = false;
    bool restart = false;
    bool mpi = false;
    bool quiet = false;
    experiment::ShardSpec shard; // --shard K/N: this shard of every scenario's sweep, no report
};
int robust_compare(const experiment::CompareConfig& config, const RobustCompareArgs& args);
// `tendersim compare A.toml B.toml [C.toml ...] [--replicates N] [--years-at 5,10] ...`
int compare_command(int argc, char** argv);
// `tendersim sweep SWEEP.toml [--threads N] [--resume] [--restart] [--shard K/N] [--out DIR]`
int sweep_command(int argc, char** argv);
// `tendersim calibrate SCENARIO --draws N [--replicates R] [--resume] ...` (rejection ABC)
int calibrate_command(int argc, char** argv);
// `tendersim merge SWEEP.toml [--out DIR]`
int merge_command(int argc, char** argv);
} // namespace tendersim
