#pragma once
// What the commands that run sweeps (sweep, calibrate) share on the command line: the --shard
// argument and running the sweep with Ctrl-C handled.
#include "experiment/sweep_runner.hpp"

#include <string>

namespace tendersim::cli {

// "K/N" with 0 <= K < N; false for anything else.
bool parse_shard(const std::string& text, experiment::ShardSpec& shard);

// Runs the sweep (under MPI when asked) with Ctrl-C caught meanwhile: the first stops handing
// out runs (the ones in progress finish and are saved), the second takes the default action
// (exit now; --resume still finds every saved run).
experiment::SweepOutcome run_sweep_interruptibly(const experiment::SweepPlan& plan,
                                                 experiment::SweepOptions options, bool under_mpi);

} // namespace tendersim::cli
