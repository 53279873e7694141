// Engine benchmark: wall time, throughput and peak memory for one replicate of a scenario.
// Usage: bench_engine SCENARIO.toml [--years N] [--threads N]
// Prints one line of key=value figures (the closing notes quote them).
#include "core/simulation.hpp"
#include "io/scenario_loader.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <sys/resource.h>

int main(int argc, char** argv) {
    using namespace tendersim;
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_engine SCENARIO.toml [--years N] [--threads N]\n");
        return 2;
    }
    ScenarioSpec spec = load_scenario_file(argv[1]);
    int threads = 1;
    for (int k = 2; k + 1 < argc; k += 2) {
        if (!std::strcmp(argv[k], "--years")) spec.run.years = std::stoll(argv[k + 1]);
        if (!std::strcmp(argv[k], "--threads")) threads = std::stoi(argv[k + 1]);
    }
    const auto t0 = std::chrono::steady_clock::now();
    Simulation sim(spec, 12345, threads);
    const auto t1 = std::chrono::steady_clock::now();
    const PhaseTimes burn_in = sim.phase_times(); // phase figures cover the reported years only
    double tenders = 0, decisions = 0, bids = 0;
    for (std::int64_t y = 0; y < spec.run.years; ++y) {
        const auto& m = sim.run_year();
        tenders += m.tenders;
        decisions += m.bid_decisions;
        bids += m.bids_per_tender * m.tenders;
    }
    const auto t2 = std::chrono::steady_clock::now();
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    const double init_s = std::chrono::duration<double>(t1 - t0).count();
    const double run_s = std::chrono::duration<double>(t2 - t1).count();
    std::printf("scenario=%s threads=%d years=%lld suppliers=%zu councils=%zu init_s=%.3f "
                "run_s=%.3f total_s=%.3f "
                "tenders_per_year=%.0f tenders_per_s=%.0f bid_decisions_per_s=%.0f bids_per_s=%.0f "
                "peak_rss_mb=%.1f "
                "state_hash=%016llx\n",
                spec.name.c_str(), threads, static_cast<long long>(spec.run.years),
                sim.market().suppliers.size(), sim.market().councils.size(), init_s, run_s,
                init_s + run_s, tenders / static_cast<double>(spec.run.years), tenders / run_s,
                decisions / run_s, bids / run_s, static_cast<double>(ru.ru_maxrss) / 1024.0,
                static_cast<unsigned long long>(state_hash(sim.market())));
    const auto& p = sim.phase_times();
    const auto& b = burn_in;
    std::printf("phase_seconds needs=%.3f design=%.3f index=%.3f bidding=%.3f award=%.3f "
                "delivery=%.3f dynamics=%.3f "
                "monitor=%.3f\n",
                p.needs - b.needs, p.design - b.design, p.index - b.index, p.bidding - b.bidding,
                p.award - b.award, p.delivery - b.delivery, p.dynamics - b.dynamics,
                p.monitor - b.monitor);
    return 0;
}
