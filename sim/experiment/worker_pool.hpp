#pragma once
// Runs `threads` copies of a worker function at once under oneTBB and waits for all of them.
// Sweeps and comparisons parallelise across runs: each worker loops taking runs from a shared
// queue until it is empty, so this is the only place threads are started.
#include <functional>

namespace tendersim::experiment {

// The worker must not throw (callers catch inside it and report after the pool returns).
void run_pool(int threads, const std::function<void()>& worker);

} // namespace tendersim::experiment
