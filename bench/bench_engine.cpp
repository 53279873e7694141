// Engine benchmark: wall time, throughput and peak memory for one replicate of a scenario.
// Usage: bench_engine SCENARIO.toml [--years N] [--threads N] [--warm-start]
// Prints lines of key=value figures (the closing notes quote them): the run and its phases; with
// --warm-start instead what building the market and its burn-in cost against saving the warm
// market as a state and loading it again (kept apart so that peak memory is the run's own).
#include "core/initialise.hpp"
#include "core/simulation.hpp"
#include "io/scenario_loader.hpp"
#include "io/state_file.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;
double seconds(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

int warm_start_figures(const tendersim::ScenarioSpec& spec, int threads) {
    using namespace tendersim;
    // The build alone (the Simulation below builds it again, then runs the burn-in).
    const auto b0 = Clock::now();
    const std::size_t built_suppliers = build_market(spec, 12345, threads).suppliers.size();
    const double build_s = seconds(b0, Clock::now());
    const auto t0 = Clock::now();
    Simulation sim(spec, 12345, threads);
    const double init_s = seconds(t0, Clock::now());
    // The warm market saved and loaded again: what a run from a saved state pays instead.
    const auto state_file = std::filesystem::temp_directory_path() /
                            ("bench-engine-" + std::to_string(::getpid()) + ".state");
    const auto s0 = Clock::now();
    write_state_file(state_file, sim.state());
    const auto s1 = Clock::now();
    const LoadedState loaded = read_state_file(state_file);
    const auto s2 = Clock::now();
    const double state_mb = static_cast<double>(std::filesystem::file_size(state_file)) / 1e6;
    std::filesystem::remove(state_file);
    if (state_hash(loaded.state.market) != state_hash(sim.market())) {
        std::fprintf(stderr, "bench_engine: the loaded state differs from the saved one\n");
        return 1;
    }
    std::printf("warm_start build_s=%.3f burn_in_years=%lld burn_in_s=%.3f state_mb=%.1f "
                "state_save_s=%.3f state_load_s=%.3f built_suppliers=%zu\n",
                build_s, static_cast<long long>(spec.run.burn_in_years), init_s - build_s, state_mb,
                seconds(s0, s1), seconds(s1, s2), built_suppliers);
    return 0;
}

int run(int argc, char** argv) {
    using namespace tendersim;
    if (argc < 2 || !std::strcmp(argv[1], "--help")) {
        std::fprintf(stderr, "usage: bench_engine SCENARIO.toml [--years N] [--threads N] "
                             "[--warm-start]\n");
        return argc < 2 ? 2 : 0;
    }
    ScenarioSpec spec = load_scenario_file(argv[1]);
    int threads = 1;
    bool warm_start = false;
    for (int k = 2; k < argc; ++k) {
        if (!std::strcmp(argv[k], "--warm-start")) warm_start = true;
        if (k + 1 == argc) break;
        if (!std::strcmp(argv[k], "--years")) spec.run.years = std::stoll(argv[k + 1]);
        if (!std::strcmp(argv[k], "--threads")) threads = std::stoi(argv[k + 1]);
    }
    if (warm_start) return warm_start_figures(spec, threads);
    const auto t0 = Clock::now();
    Simulation sim(spec, 12345, threads);
    const auto t1 = Clock::now();
    const PhaseTimes burn_in = sim.phase_times(); // phase figures cover the reported years only
    double tenders = 0, decisions = 0, bids = 0;
    const auto r0 = Clock::now();
    for (std::int64_t y = 0; y < spec.run.years; ++y) {
        const auto& m = sim.run_year();
        tenders += m.tenders;
        decisions += m.bid_decisions;
        bids += m.bids_per_tender * m.tenders;
    }
    const auto t2 = Clock::now();
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    const double init_s = seconds(t0, t1);
    const double run_s = seconds(r0, t2);
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

} // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_engine: %s\n", e.what());
        return 2;
    }
}
