// Golden regression: tests/golden/golden.toml must reproduce tests/golden/golden_metrics.csv,
// byte for byte, here and through `tendersim run` (tests/cli/golden_run.sh); the tolerance policy
// is in golden_file.hpp.
// After an intended model change, regenerate with
//   TENDERSIM_UPDATE_GOLDEN=1 ctest -R golden
// and explain the change in the commit message.
#include "core/run_plan.hpp"
#include "core/simulation.hpp"
#include "golden_file.hpp"
#include "io/csv_writers.hpp"
#include "io/scenario_loader.hpp"

#include <doctest/doctest.h>
#include <sstream>

using namespace tendersim;

TEST_CASE("golden scenario metrics match the committed expected file") {
    const std::string dir = TENDERSIM_SOURCE_DIR "/tests/golden/";
    const ScenarioSpec spec = load_scenario_file(dir + "golden.toml");
    std::ostringstream actual;
    write_metrics_header(actual);
    // The run plan `tendersim run` uses, so the command line reproduces the golden file
    // (tests/cli/golden_run.sh checks that it does).
    for (const PlannedRun& run : make_run_plan(spec)) {
        Simulation sim(run.spec, run.seed, 2);
        for (std::int64_t y = 0; y < run.spec.run.years; ++y)
            write_metrics_rows(actual, RowKey{run.label, run.replicate, run.seed}, sim.run_year(),
                               run.spec);
    }
    test::check_golden_file(dir + "golden_metrics.csv", actual.str());
}
