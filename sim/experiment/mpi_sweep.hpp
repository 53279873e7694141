#pragma once
// Sweeps across machines: `mpirun -n N tendersim sweep SWEEP.toml`. Rank 0 hands out run
// indices one at a time in run order (a dynamic queue, so fast and slow nodes both stay busy)
// and runs some itself; every rank appends its results to its own shard file
// (shards/mpi-rank-R.records); when all are done rank 0 merges them. The output is identical to
// a single-process sweep. Built only when CMake finds MPI (libopenmpi-dev).
#include "experiment/sweep_runner.hpp"

#include <string>

namespace tendersim::experiment {

// Whether this tendersim was built with MPI, and which MPI library.
bool mpi_built();
std::string mpi_library();

// True when an MPI launcher (mpirun/mpiexec, or srun with PMI/PMIx) started more than one copy
// of this process. Decided from the launcher's environment, before MPI is initialised.
bool mpi_launch_detected();

// Initialises MPI (once per process; finalised at exit), runs the sweep across the ranks. Throws
// std::runtime_error if MPI is not built in.
SweepOutcome run_sweep_mpi(const SweepPlan& plan, const SweepOptions& options);

} // namespace tendersim::experiment
