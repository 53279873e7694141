// Golden regression: tests/golden/golden.toml must reproduce tests/golden/golden_metrics.csv,
// here and through `tendersim run` (tests/cli/golden_run.sh).
// After an intended model change, regenerate with
//   TENDERSIM_UPDATE_GOLDEN=1 ctest -R golden
// and explain the change in the commit message.
#include "core/run_plan.hpp"
#include "core/simulation.hpp"
#include "io/csv_writers.hpp"
#include "io/scenario_loader.hpp"

#include <cmath>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace tendersim;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

} // namespace

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
    const std::string expected_path = dir + "golden_metrics.csv";
    if (std::getenv("TENDERSIM_UPDATE_GOLDEN")) {
        std::ofstream(expected_path) << actual.str();
        MESSAGE("rewrote " << expected_path);
    }
    std::ifstream in(expected_path);
    std::ostringstream expected;
    expected << in.rdbuf();
    const auto want = lines(expected.str());
    const auto got = lines(actual.str());
    REQUIRE(want.size() == got.size());
    for (std::size_t k = 0; k < want.size(); ++k) {
        CAPTURE(want[k]);
        CAPTURE(got[k]);
        const auto cut_w = want[k].rfind(','), cut_g = got[k].rfind(',');
        REQUIRE(want[k].substr(0, cut_w) == got[k].substr(0, cut_g));
        if (k == 0) continue;
        // An empty value is a metric not defined that year: it must stay undefined.
        const std::string ws = want[k].substr(cut_w + 1), gs = got[k].substr(cut_g + 1);
        REQUIRE(ws.empty() == gs.empty());
        if (ws.empty()) continue;
        const double w = std::stod(ws), g = std::stod(gs);
        // Tight relative tolerance: survives a compiler's last-bit differences, not a model change.
        CHECK(std::fabs(w - g) <= 1e-9 * std::max(1.0, std::fabs(w)));
    }
}
