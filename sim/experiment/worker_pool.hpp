#pragma once
// Runs `threads` copies of a worker function at once and waits for all of them. Sweeps and
// comparisons parallelise across runs: each worker loops taking runs from a shared queue until it
// is empty, so this is the only place threads are started for them.
#include <functional>
#include <stop_token>

namespace tendersim::experiment {

// The worker should check `stop` before taking each new item: it is requested once any worker
// has thrown. run_pool returns after every worker has returned, then rethrows the first
// exception a worker threw (the earliest in time), so callers need no try/catch of their own.
void run_pool(int threads, const std::function<void(std::stop_token stop)>& worker);

} // namespace tendersim::experiment
