#pragma once
// Runs the simulation on its own thread so drawing never waits for a year to compute. Two runs
// advance in step on that thread: the current run, which the controls change, and the baseline
// (same scenario and seed, without the scenario's adoptions and without any control changes),
// whose lines the charts draw faintly beside the current ones. Behind them, a SeedRunner runs the
// same pair under a few more seeds for the spread bands. After each year (and each step of the
// seeds) the worker publishes an immutable Snapshot; the UI thread picks up the newest between
// frames.
#include "app/control_panel.hpp"
#include "app/controls.hpp"
#include "app/ensemble_runs.hpp"
#include "app/seed_runner.hpp"
#include "app/snapshot.hpp"
#include "core/simulation.hpp"
#include "core/spec.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace tendersim::viz {

// A control change scripted on the command line: applies from `year`, exactly as if the lever
// had been moved in the app while year - 1 was the last year computed.
struct ScheduledChange {
    int year = 1;
    std::string key;
    double value = 0;
};

struct RunSetup {
    ScenarioSpec spec;
    std::uint64_t base_seed = 0; // replicate 0's seed is derived from it, as in `tendersim run`
    int horizon = 20;            // years; the run pauses at the end
    int threads = 1;             // engine threads per run
    std::vector<ScheduledChange> scheduled;
    double speed = 1.0; // years a second; kMaxSpeed for as fast as they compute
    bool playing = false;
    int noise_seeds = 0; // background seeds for the spread bands (0: none)
    // --ensemble: instead of other seeds, the first members of this ensemble run in the
    // background on the main run's seed, and the bands show how unsure the model is.
    std::shared_ptr<const Ensemble> ensemble;
    int pin_after_year = -1; // A-vs-B scripted: pin() once this year is done (-1: never)
    bool seeds_at_idle_priority = false; // the app: seeds only take CPU nothing else wants
    // Continue this saved state (the app's --state; spec must agree with the state's scenario on
    // the years already run, see app_state.hpp) instead of building the market: the runs start at
    // its year, and reset goes back to it. No background seeds: there is one seed's state.
    std::shared_ptr<const SimulationState> start;
};

// How far the main runs may get ahead of the background seeds while playing, once the seeds are
// built; stepping (N) is never held back.
inline constexpr int kMaxSeedLag = 2;

class SimWorker {
  public:
    explicit SimWorker(RunSetup setup);
    ~SimWorker();
    SimWorker(const SimWorker&) = delete;
    SimWorker& operator=(const SimWorker&) = delete;

    void set_playing(bool playing);
    void step();  // one year, then pause
    void reset(); // back to year 0 with the scenario's policy and same seed
    void reset_with_seed(std::uint64_t base_seed);
    // Save the runs as they stand (replacing an earlier save); rewind to the saved state, paused,
    // with the controls as they were then, to branch a different policy from that year. The
    // background seeds start again and catch up. Rewind without a save does nothing.
    void save_state();
    void rewind();
    // A-vs-B: from the current year the baseline (dashed) is a copy of the current run, policy A
    // as the levers stand now; the levers then steer the current run, B. Both continue on the
    // same seeds, so their difference is B's change, not chance. Pinning again fixes a new A.
    void pin();
    // The current run's state as it stands between years (a year being computed finishes first),
    // its scenario carrying the levers moved so far (spec_with_levers), to write to a file.
    std::future<SimulationState> current_state();
    void set_speed(double years_per_second);
    void request_controls(const PolicyControls& controls); // applies from the next year

    bool playing() const;
    double speed() const;
    bool computing() const; // a year is being computed right now
    // The newest snapshot (never null once the constructor returned).
    std::shared_ptr<const Snapshot> latest() const;
    // Blocks until a snapshot with year >= year is published or timeout passes (tests and the
    // --screenshot mode). Returns the newest snapshot either way.
    // With with_seeds, also waits for the background seeds to reach the year.
    std::shared_ptr<const Snapshot> wait_for_year(int year, std::chrono::milliseconds timeout,
                                                  bool with_seeds = false);
    // Rethrown on the UI thread: an engine error must not die silently on the worker.
    std::string error() const;

  private:
    struct Runs;
    void loop();
    void rebuild(std::uint64_t base_seed);
    void run_one_year();
    void save_runs();
    void rewind_runs();
    void pin_runs();
    void answer_state_requests();
    void publish();

    const RunSetup setup_;
    std::unique_ptr<Runs> runs_; // touched by the worker thread only

    mutable std::mutex mutex_;
    std::condition_variable wake_;      // commands for the worker
    std::condition_variable published_; // new snapshot, for wait_for_year
    bool quit_ = false;
    bool playing_ = false;
    bool computing_ = false;
    int steps_ = 0;
    bool reset_pending_ = false;
    bool save_pending_ = false;
    bool rewind_pending_ = false;
    bool pin_pending_ = false;
    std::uint64_t reset_seed_ = 0;
    std::vector<std::promise<SimulationState>> state_requests_;
    double speed_ = 1.0;
    PolicyControls requested_;
    std::shared_ptr<const Snapshot> latest_;
    std::string error_;
    bool seed_progress_ = false; // the seeds computed something not yet published
    // After mutex_ and wake_, which its progress callback uses: destroyed (joined) before them.
    std::unique_ptr<SeedRunner> seeds_;
    std::thread thread_;
};

} // namespace tendersim::viz
