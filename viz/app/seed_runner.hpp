#pragma once
// The background seeds: the app's scenario under replicates 1..N, each a current run (with the
// controls' changes, replayed at the year they applied) and a baseline, so the charts can show how
// much of a difference is chance. They run on their own thread at idle priority: the main runs and
// the drawing always come first, the seeds take the time left over (a large market takes seconds
// per seed to build and burn in). What a seed computes does not depend on when it runs.
#include "app/panels.hpp"
#include "core/policy.hpp"
#include "core/spec.hpp"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tendersim::viz {

// One background pair: a current run (the controls' changes replayed into it) and its baseline,
// built from these specs on this seed. Noise seeds share the specs and differ in seed; ensemble
// members (ensemble_runs.hpp) share the seed and differ in specs.
struct BackgroundRun {
    ScenarioSpec current, baseline;
    std::uint64_t seed = 0;
};

// What the seeds have computed so far.
struct SeedResults {
    std::vector<std::vector<MetricsPoint>> current, baseline; // per seed
    int year = 0;                                             // years every seed has completed
};

class SeedRunner {
  public:
    // on_progress is called (from the seed thread, without locks held) after each unit of work.
    // idle_priority: run at the OS's idle priority (the app); tests, which share the machine
    // with other tests, run them normally so they cannot starve.
    SeedRunner(int threads, std::function<void()> on_progress, bool idle_priority);
    ~SeedRunner();
    SeedRunner(const SeedRunner&) = delete;
    SeedRunner& operator=(const SeedRunner&) = delete;

    // Start over: these runs, from year 0, no control changes. Work in progress is discarded.
    void restart(std::vector<BackgroundRun> runs);
    // A control change that applies from `year` in the current runs (before the main runs reach
    // it, so a seed never passes a year before its changes are known).
    void log_adoption(int year, const Adoption& adoption);
    // From `year` (the year the main runs have completed) each seed's baseline becomes a copy of
    // its current run, as SimWorker::pin does to the main runs.
    void log_pin(int year);
    // The seeds may compute up to this year (the main runs' year).
    void set_target(int year);

    SeedResults results() const;
    // Years the slowest *built* seed is behind the target (seeds still building do not count).
    int lag() const;
    // An engine error on the seed thread (which then stops); empty if none.
    std::string error() const;

  private:
    struct Seed;
    struct Logged {
        int year = 0;
        Adoption adoption;
    };
    void loop();
    void work();

    const int threads_;
    const bool idle_priority_;
    const std::function<void()> on_progress_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool quit_ = false;
    std::uint64_t generation_ = 0; // bumped by restart
    std::vector<BackgroundRun> seeds_;
    std::vector<Logged> log_;
    std::vector<int> pins_;              // years, ascending
    std::vector<std::size_t> pins_done_; // per seed, how many of pins_ it has applied
    bool pin_due(std::size_t k) const;   // seed k is at its next pin's year (mutex_ held)
    int target_ = 0;
    // Results, by seed; built_ says which seeds have their runs.
    std::vector<std::vector<MetricsPoint>> current_points_, baseline_points_;
    std::vector<bool> built_;
    std::string error_;
    std::thread thread_;
};

} // namespace tendersim::viz
