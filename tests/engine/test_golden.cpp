// Golden regression: tests/golden/golden.toml must reproduce tests/golden/golden_metrics.csv,
// byte for byte (the tolerance policy is in golden_file.hpp).
// After an intended model change, regenerate with
//   TENDERSIM_UPDATE_GOLDEN=1 ctest -R golden
// and explain the change in the commit message.
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
    for (std::int64_t r = 0; r < spec.run.replicates; ++r) {
        const auto seed = static_cast<std::uint64_t>(spec.run.seed) + static_cast<std::uint64_t>(r);
        Simulation sim(spec, seed, 2);
        for (std::int64_t y = 0; y < spec.run.years; ++y)
            write_metrics_rows(actual, RowKey{spec.name, r, seed}, sim.run_year(), spec);
    }
    test::check_golden_file(dir + "golden_metrics.csv", actual.str());
}
