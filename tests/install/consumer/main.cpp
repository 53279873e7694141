// consumer SCENARIO.toml SEED: replicate 0 of SCENARIO with base seed SEED, one year, through
// the installed API (<tendersim.hpp>). Prints "seed,<replicate seed>", then "metric,value" for
// every metric in metrics.csv's order and text, so the test can set it beside the installed
// CLI's `tendersim run SCENARIO --seed SEED --years 1 --replicates 1`.
#include <cstdint>
#include <exception>
#include <iostream>
#include <string>
#include <tendersim.hpp>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: consumer SCENARIO.toml SEED\n";
        return 2;
    }
    try {
        const tendersim::ScenarioSpec spec = tendersim::load_scenario_file(argv[1]);
        const std::uint64_t base_seed = std::stoull(argv[2]);
        const tendersim::RunPlan plan = tendersim::make_run_plan(spec, base_seed, 1);
        const tendersim::PlannedRun& run = plan.front();
        tendersim::Simulation sim(run.spec, run.seed, 1);
        const tendersim::YearMetrics& year = sim.run_year();
        std::cout << "seed," << run.seed << "\n";
        for (const auto& [name, value] : tendersim::metric_rows(year, run.spec))
            std::cout << name << ',' << tendersim::metric_text(value) << "\n";
        std::cerr << "tendersim " << tendersim::kVersion << " (" << tendersim::kGitCommit << ")\n";
    } catch (const std::exception& e) {
        std::cerr << "consumer: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
