#include "app/sim_worker.hpp"

#include "app/app_state.hpp"
#include "core/policy.hpp"
#include "core/run_plan.hpp"
#include "core/simulation.hpp"

#include <exception>
#include <future>
#include <optional>
#include <utility>

namespace tendersim::viz {

using Clock = std::chrono::steady_clock;

// Everything about the runs except the simulations themselves: copied whole by save and rewind.
struct RunRecord {
    int year = 0;
    PolicySpec policy;      // what every council follows, as far as the app's levers go
    PolicyControls applied; // the controls last applied to the current run
    std::uint64_t controls_epoch = 0;
    std::vector<MetricsPoint> current_points, baseline_points;
    std::vector<ChangeNote> changes;
    SlotAssigner slots;
    double size_reference_gbp = 1.0;
    std::shared_ptr<const MarketSnapshot> market;
    // The controls' changes by the year they applied from, replayed by the background seeds.
    std::vector<std::pair<int, Adoption>> control_log;
    // A-vs-B: the years at which the baseline became a copy of the current run (the latest is
    // A), and A's levers.
    std::vector<int> pins;
    PolicyControls pinned_controls;
};

// A save keeps what each run carries into its next year (the saved-state mechanism,
// docs/state-format.md), not whole Simulations: the year's scratch is rebuilt on rewind anyway.
struct SavedRuns {
    SimulationState current, baseline;
    RunRecord record;
};

struct SimWorker::Runs : RunRecord {
    std::unique_ptr<Simulation> current, baseline;
    std::uint64_t base_seed = 0, seed = 0;
    std::uint64_t version = 0; // of the snapshots published, never rewound
    std::optional<SavedRuns> saved;
    ScenarioSpec run_spec;               // the current run's scenario (before the levers)
    std::vector<BackgroundRun> backdrop; // the background runs: other seeds or ensemble members
};

SimWorker::SimWorker(RunSetup setup)
    : setup_(std::move(setup)), runs_(std::make_unique<Runs>()), playing_(setup_.playing),
      speed_(setup_.speed) {
    seeds_ = std::make_unique<SeedRunner>(
        setup_.threads,
        [this] {
            {
                std::lock_guard lk(mutex_);
                seed_progress_ = true;
            }
            wake_.notify_all();
        },
        setup_.seeds_at_idle_priority);
    // The first snapshot is built here, on the calling thread, before the worker exists: the UI
    // always has something to draw, and a bad scenario fails in the constructor, not later.
    rebuild(setup_.base_seed);
    thread_ = std::thread([this] { loop(); });
}

SimWorker::~SimWorker() {
    {
        std::lock_guard lk(mutex_);
        quit_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    seeds_.reset(); // joins the seed thread while everything its callback touches is alive
}

void SimWorker::set_playing(bool playing) {
    {
        std::lock_guard lk(mutex_);
        playing_ = playing;
    }
    wake_.notify_all();
}

void SimWorker::step() {
    {
        std::lock_guard lk(mutex_);
        playing_ = false;
        ++steps_;
    }
    wake_.notify_all();
}

void SimWorker::reset() {
    std::uint64_t seed;
    {
        std::lock_guard lk(mutex_);
        seed = latest_->base_seed;
    }
    reset_with_seed(seed);
}

void SimWorker::reset_with_seed(std::uint64_t base_seed) {
    {
        std::lock_guard lk(mutex_);
        reset_pending_ = true;
        reset_seed_ = base_seed;
        playing_ = false;
        steps_ = 0;
    }
    wake_.notify_all();
}

void SimWorker::save_state() {
    {
        std::lock_guard lk(mutex_);
        save_pending_ = true;
    }
    wake_.notify_all();
}

void SimWorker::pin() {
    {
        std::lock_guard lk(mutex_);
        pin_pending_ = true;
    }
    wake_.notify_all();
}

void SimWorker::rewind() {
    {
        std::lock_guard lk(mutex_);
        rewind_pending_ = true;
    }
    wake_.notify_all();
}

std::future<SimulationState> SimWorker::current_state() {
    std::future<SimulationState> out;
    {
        std::lock_guard lk(mutex_);
        out = state_requests_.emplace_back().get_future();
    }
    wake_.notify_all();
    return out;
}

void SimWorker::set_speed(double years_per_second) {
    {
        std::lock_guard lk(mutex_);
        speed_ = years_per_second;
    }
    wake_.notify_all();
}

void SimWorker::request_controls(const PolicyControls& controls) {
    std::lock_guard lk(mutex_);
    requested_ = controls;
}

bool SimWorker::playing() const {
    std::lock_guard lk(mutex_);
    return playing_;
}

double SimWorker::speed() const {
    std::lock_guard lk(mutex_);
    return speed_;
}

bool SimWorker::computing() const {
    std::lock_guard lk(mutex_);
    return computing_;
}

std::shared_ptr<const Snapshot> SimWorker::latest() const {
    std::lock_guard lk(mutex_);
    return latest_;
}

std::string SimWorker::error() const {
    {
        std::lock_guard lk(mutex_);
        if (!error_.empty()) return error_;
    }
    return seeds_->error();
}

std::shared_ptr<const Snapshot>
SimWorker::wait_for_year(int year, std::chrono::milliseconds timeout, bool with_seeds) {
    std::unique_lock lk(mutex_);
    published_.wait_for(lk, timeout, [&] {
        // The seed thread's error wakes this wait through its progress callback.
        return (latest_->year >= year && (!with_seeds || latest_->seeds_year >= year)) ||
               !error_.empty() || !seeds_->error().empty();
    });
    return latest_;
}

namespace {

// The two runs a rebuild starts from, with the seeds they use.
struct StartedRuns {
    std::unique_ptr<Simulation> current, baseline;
    std::uint64_t seed = 0;              // replicate 0's
    std::vector<BackgroundRun> backdrop; // the background runs
};

StartedRuns build_runs(const RunSetup& setup, const ScenarioSpec& base_spec,
                       std::uint64_t base_seed) {
    // The app shows replicate 0 of the scenario's run plan, the run `tendersim run` writes first.
    const int noise_seeds = setup.ensemble ? 0 : setup.noise_seeds;
    const RunPlan plan =
        make_run_plan(setup.spec, base_seed, static_cast<std::int64_t>(1 + noise_seeds));
    StartedRuns out;
    out.seed = plan.front().seed;
    // First, so a member that does not fit the scenario fails before the burn-in is spent.
    if (setup.ensemble)
        out.backdrop = member_runs(setup.spec, base_spec, *setup.ensemble, out.seed);
    // Building includes the scenario's burn-in years, so the two are built side by side.
    auto baseline_build = std::async(std::launch::async, [&] {
        return std::make_unique<Simulation>(base_spec, out.seed, setup.threads);
    });
    out.current = std::make_unique<Simulation>(plan.front().spec, out.seed, setup.threads);
    out.baseline = baseline_build.get();
    for (std::size_t k = 1; k < plan.size(); ++k)
        out.backdrop.push_back({setup.spec, base_spec, plan[k].seed});
    return out;
}

StartedRuns continue_runs(const RunSetup& setup, const ScenarioSpec& base_spec) {
    StartedRuns out;
    out.seed = setup.start->market.seed;
    out.current = std::make_unique<Simulation>(*setup.start, setup.threads);
    out.current->continue_under(setup.spec);
    out.baseline = std::make_unique<Simulation>(*setup.start, setup.threads);
    out.baseline->continue_under(base_spec);
    return out;
}

} // namespace

void SimWorker::rebuild(std::uint64_t base_seed) {
    Runs& r = *runs_;
    const int start_year = setup_.start ? setup_.start->market.reported_year() : 0;
    // The baseline is the market as the run starts, never changed again.
    ScenarioSpec base_spec = without_adoptions_after(setup_.spec, start_year);
    // Both are made before anything is replaced, so a failure leaves the old runs intact.
    StartedRuns runs =
        setup_.start ? continue_runs(setup_, base_spec) : build_runs(setup_, base_spec, base_seed);
    r.base_seed = base_seed;
    r.seed = runs.seed;
    r.current = std::move(runs.current);
    r.baseline = std::move(runs.baseline);
    r.backdrop = std::move(runs.backdrop);
    seeds_->restart(r.backdrop);
    seeds_->set_target(start_year);
    r.run_spec = setup_.spec;
    r.saved.reset();
    r.pins.clear(); // the baseline is the untouched scenario again
    r.pinned_controls = {};
    r.control_log.clear();
    r.year = start_year;
    r.policy = policy_at(setup_.spec, start_year);
    r.applied = controls_from_policy(r.policy);
    ++r.controls_epoch;
    r.current_points.clear();
    r.baseline_points.clear();
    r.changes.clear();
    r.slots.reset();
    r.size_reference_gbp = size_reference(r.current->market());
    r.market = capture_market(r.current->market(), r.slots, r.size_reference_gbp);
    {
        std::lock_guard lk(mutex_);
        requested_ = r.applied;
    }
    publish();
}

void SimWorker::run_one_year() {
    Runs& r = *runs_;
    const int next = r.year + 1;
    PolicyControls wanted;
    {
        std::lock_guard lk(mutex_);
        bool scripted = false;
        for (const auto& sc : setup_.scheduled)
            if (sc.year == next) {
                set_control(requested_, sc.key, sc.value); // checked when parsed
                scripted = true;
            }
        // The run moved a lever itself: the UI must show it (see Snapshot::controls_epoch).
        if (scripted) ++r.controls_epoch;
        wanted = requested_;
    }
    if (wanted != r.applied) {
        for (const Adoption& a : adoptions_for_change(r.applied, wanted)) {
            r.current->adopt_now(a);
            apply_patch(r.policy, a);
            seeds_->log_adoption(next, a);
            r.control_log.emplace_back(next, a);
        }
        r.changes.push_back({next, describe_change(r.applied, wanted), false});
        r.applied = wanted;
    }

    r.current->run_year();
    r.baseline->run_year();
    r.year = next;
    seeds_->set_target(next);

    // The scenario's own [[adopt]] entries took effect inside run_year; mirror the ones for all
    // councils so the controls show the policy actually in force.
    bool scenario_changed = false;
    for (const auto& a : setup_.spec.adoptions) {
        if (a.year != next) continue;
        if (a.scope != Adoption::Scope::All) {
            r.changes.push_back({next, "scenario policy for some councils", true});
            continue;
        }
        const PolicyControls before = controls_from_policy(r.policy);
        apply_patch(r.policy, a);
        const PolicyControls after = controls_from_policy(r.policy);
        if (before != after) {
            r.changes.push_back({next, describe_change(before, after), true});
            scenario_changed = true;
        }
    }
    if (scenario_changed) {
        r.applied = controls_from_policy(r.policy);
        ++r.controls_epoch;
        std::lock_guard lk(mutex_);
        requested_ = r.applied;
    }

    r.current_points.push_back(metrics_point(r.current->metrics()));
    r.baseline_points.push_back(metrics_point(r.baseline->metrics()));
    r.market = capture_market(r.current->market(), r.slots, r.size_reference_gbp);
    if (next == setup_.pin_after_year) pin_runs();
}

void SimWorker::save_runs() {
    Runs& r = *runs_;
    r.saved = SavedRuns{r.current->state(), r.baseline->state(), static_cast<const RunRecord&>(r)};
}

void SimWorker::pin_runs() {
    Runs& r = *runs_;
    r.baseline = std::make_unique<Simulation>(r.current->state(), setup_.threads);
    r.baseline_points = r.current_points;
    r.pins.push_back(r.year);
    r.pinned_controls = r.applied;
    r.changes.push_back({r.year + 1, "A fixed; levers steer B", false});
    seeds_->log_pin(r.year);
}

void SimWorker::rewind_runs() {
    Runs& r = *runs_;
    if (!r.saved) return;
    // From copies of the saved states, so the same year can be rewound to again.
    r.current = std::make_unique<Simulation>(r.saved->current, setup_.threads);
    r.baseline = std::make_unique<Simulation>(r.saved->baseline, setup_.threads);
    const std::uint64_t epoch = r.controls_epoch;
    static_cast<RunRecord&>(r) = r.saved->record;
    r.controls_epoch = epoch + 1; // the controls jump back: the UI must show them
    {
        std::lock_guard lk(mutex_);
        requested_ = r.applied;
    }
    // The seeds start again and replay the changes up to the saved year; they catch up behind.
    seeds_->restart(r.backdrop);
    for (const auto& [year, adoption] : r.control_log) seeds_->log_adoption(year, adoption);
    for (int year : r.pins) seeds_->log_pin(year);
    seeds_->set_target(r.year);
}

void SimWorker::answer_state_requests() {
    std::vector<std::promise<SimulationState>> requests;
    {
        std::lock_guard lk(mutex_);
        requests.swap(state_requests_);
    }
    if (requests.empty()) return;
    const Runs& r = *runs_;
    SimulationState state = r.current->state();
    // The run's levers are part of what its years followed: without them in its scenario the
    // file would claim the scenario's policy for years that ran under another.
    state.market.spec = spec_with_levers(r.run_spec, r.control_log, setup_.horizon);
    for (auto& request : requests) request.set_value(state);
}

void SimWorker::publish() {
    const Runs& r = *runs_;
    auto s = std::make_shared<Snapshot>();
    s->version = ++runs_->version;
    s->scenario = setup_.spec.name;
    s->year = r.year;
    s->start_year = setup_.start ? setup_.start->market.reported_year() : 0;
    s->horizon = setup_.horizon;
    s->base_seed = r.base_seed;
    s->seed = r.seed;
    s->current = r.current_points;
    s->baseline = r.baseline_points;
    SeedResults seeds = seeds_->results();
    s->seed_current = std::move(seeds.current);
    s->seed_baseline = std::move(seeds.baseline);
    s->seeds_year = seeds.year;
    s->band_source = setup_.ensemble ? BandSource::Ensemble : BandSource::Seeds;
    s->controls = r.applied;
    s->controls_epoch = r.controls_epoch;
    s->saved_year = r.saved ? r.saved->record.year : -1;
    s->pinned_year = r.pins.empty() ? -1 : r.pins.back();
    s->pinned_controls = r.pinned_controls;
    s->changes = r.changes;
    s->market = r.market;
    {
        std::lock_guard lk(mutex_);
        latest_ = std::move(s);
    }
    published_.notify_all();
}

void SimWorker::loop() {
    try {
        std::unique_lock lk(mutex_);
        Clock::time_point last_start = Clock::now() - std::chrono::hours(1);
        while (true) {
            const auto due = [&] {
                // Pacing: a year starts one period after the previous one started, so the pace
                // does not drift by the compute time; at kMaxSpeed it starts at once.
                const double period = speed_ >= kMaxSpeed ? 0.0 : 1.0 / speed_;
                return last_start + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(period));
            };
            const auto can_run = [&] { return runs_->year < setup_.horizon; };
            // Playing waits for built seeds kMaxSeedLag years behind, so the bands keep up.
            const auto main_due = [&] {
                return (steps_ > 0 && can_run()) ||
                       (playing_ && can_run() && Clock::now() >= due() &&
                        seeds_->lag() < kMaxSeedLag);
            };
            const auto ready = [&] {
                return quit_ || reset_pending_ || save_pending_ || rewind_pending_ ||
                       pin_pending_ || !state_requests_.empty() || seed_progress_ || main_due();
            };
            // A timed wait only before the year is due: after it, a year held back by the seeds
            // waits for their progress, which wakes us, instead of spinning.
            if (playing_ && can_run() && Clock::now() < due())
                wake_.wait_until(lk, due(), ready);
            else
                wake_.wait(lk, ready);
            if (quit_) return;
            if (reset_pending_) {
                reset_pending_ = false;
                const std::uint64_t seed = reset_seed_;
                lk.unlock();
                rebuild(seed);
                lk.lock();
                continue;
            }
            if (save_pending_ || rewind_pending_ || pin_pending_) {
                const bool save = save_pending_, rewind = rewind_pending_, pin = pin_pending_;
                save_pending_ = rewind_pending_ = pin_pending_ = false;
                if (rewind) {
                    playing_ = false;
                    steps_ = 0;
                }
                lk.unlock();
                if (save) save_runs();
                if (rewind) rewind_runs();
                if (pin) pin_runs();
                publish();
                lk.lock();
                continue;
            }
            if (!state_requests_.empty()) {
                lk.unlock();
                answer_state_requests();
                lk.lock();
                continue;
            }
            if (seed_progress_) {
                seed_progress_ = false;
                lk.unlock();
                publish();
                lk.lock();
                continue;
            }
            if (!ready()) continue; // woken for something that is not due yet
            if (steps_ > 0) --steps_;
            computing_ = true;
            last_start = Clock::now();
            lk.unlock();
            run_one_year();
            publish();
            lk.lock();
            computing_ = false;
            if (!can_run()) playing_ = false;
        }
    } catch (const std::exception& e) {
        std::lock_guard lk(mutex_);
        error_ = e.what();
        computing_ = false;
        playing_ = false;
        published_.notify_all();
    }
}

} // namespace tendersim::viz
