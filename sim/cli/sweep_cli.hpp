#pragma once
// What the commands that run sweeps (sweep, calibrate, a robust compare) share on the command
// line: the --shard argument and running the sweeps with Ctrl-C handled.
#include "experiment/sweep_runner.hpp"

#include <atomic>
#include <functional>
#include <string>

namespace tendersim::cli {

// "K/N" with 0 <= K < N; false for anything else.
bool parse_shard(const std::string& text, experiment::ShardSpec& shard);

// Calls `body` with Ctrl-C caught meanwhile, passing the flag the first Ctrl-C sets (for
// SweepOptions::cancel): the sweeps stop handing out runs (the ones in progress finish and are
// saved); the second takes the default action (exit now; --resume still finds every saved run).
void run_interruptibly(const std::function<void(const std::atomic<bool>* cancel)>& body);

// run_interruptibly over one sweep (under MPI when asked).
experiment::SweepOutcome run_sweep_interruptibly(const experiment::SweepPlan& plan,
                                                 experiment::SweepOptions options, bool under_mpi);

} // namespace tendersim::cli
