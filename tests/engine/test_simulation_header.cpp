// A compile check, no test case: core/simulation.hpp reaches no oneTBB header (the Executor is
// held behind a pointer), so whatever runs a Simulation (the CLI, the app, the sweeps) compiles
// without them and a change to parallel.hpp does not rebuild them. This file includes
// simulation.hpp and nothing else, and fails to compile if any oneTBB header came with it.
#include "core/simulation.hpp"

// Every oneTBB header includes oneapi/tbb/detail/_config.h (and most version.h).
#if defined(__TBB_detail__config_H) || defined(__TBB_version_H) || defined(TBB_VERSION_MAJOR)
#error "core/simulation.hpp includes a oneTBB header: keep parallel.hpp out of the public headers"
#endif
