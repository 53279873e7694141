#include "app/seed_runner.hpp"

#include "core/simulation.hpp"

#include <algorithm>
#include <exception>
#include <pthread.h>
#include <sched.h>

namespace tendersim::viz {

struct SeedRunner::Seed {
    std::unique_ptr<Simulation> current, baseline;
};

SeedRunner::SeedRunner(int threads, std::function<void()> on_progress, bool idle_priority)
    : threads_(threads), idle_priority_(idle_priority), on_progress_(std::move(on_progress)) {
    thread_ = std::thread([this] { loop(); });
}

SeedRunner::~SeedRunner() {
    {
        std::lock_guard lk(mutex_);
        quit_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void SeedRunner::restart(std::vector<BackgroundRun> runs) {
    {
        std::lock_guard lk(mutex_);
        ++generation_;
        seeds_ = std::move(runs);
        log_.clear();
        pins_.clear();
        pins_done_.assign(seeds_.size(), 0);
        target_ = 0;
        current_points_.assign(seeds_.size(), {});
        baseline_points_.assign(seeds_.size(), {});
        built_.assign(seeds_.size(), false);
    }
    wake_.notify_all();
}

void SeedRunner::log_adoption(int year, const Adoption& adoption) {
    std::lock_guard lk(mutex_);
    log_.push_back({year, adoption});
}

void SeedRunner::log_pin(int year) {
    {
        std::lock_guard lk(mutex_);
        pins_.push_back(year);
    }
    wake_.notify_all();
}

void SeedRunner::set_target(int year) {
    {
        std::lock_guard lk(mutex_);
        target_ = year;
    }
    wake_.notify_all();
}

SeedResults SeedRunner::results() const {
    std::lock_guard lk(mutex_);
    SeedResults r;
    r.current = current_points_;
    r.baseline = baseline_points_;
    r.year = target_;
    for (const auto& p : current_points_) r.year = std::min(r.year, static_cast<int>(p.size()));
    return r;
}

int SeedRunner::lag() const {
    std::lock_guard lk(mutex_);
    int lag = 0;
    for (std::size_t k = 0; k < seeds_.size(); ++k)
        if (built_[k]) lag = std::max(lag, target_ - static_cast<int>(current_points_[k].size()));
    return lag;
}

bool SeedRunner::pin_due(std::size_t k) const {
    return pins_done_[k] < pins_.size() &&
           pins_[pins_done_[k]] == static_cast<int>(current_points_[k].size());
}

std::string SeedRunner::error() const {
    std::lock_guard lk(mutex_);
    return error_;
}

void SeedRunner::loop() {
    try {
        work();
    } catch (const std::exception& e) {
        {
            std::lock_guard lk(mutex_);
            error_ = e.what();
        }
        on_progress_();
    }
}

void SeedRunner::work() {
    // Idle priority: the seeds only get a core the main runs and the drawing leave free. Without
    // it the two-core machines workshops use would drop frames. Failure (not Linux) is harmless.
    if (idle_priority_) {
        sched_param idle{};
        pthread_setschedparam(pthread_self(), SCHED_IDLE, &idle);
    }

    std::vector<Seed> runs; // touched by this thread only
    std::uint64_t runs_generation = 0;
    std::unique_lock lk(mutex_);
    while (true) {
        // The seed furthest behind goes first (the lowest on a tie), so the band grows evenly.
        const auto pick = [&]() -> std::ptrdiff_t {
            std::ptrdiff_t best = -1;
            for (std::size_t k = 0; k < seeds_.size(); ++k) {
                const auto done = static_cast<int>(current_points_[k].size());
                if (built_[k] && done >= target_ && !pin_due(k)) continue;
                if (best < 0 || done < static_cast<int>(current_points_[best].size()))
                    best = static_cast<std::ptrdiff_t>(k);
            }
            return best;
        };
        wake_.wait(lk, [&] { return quit_ || pick() >= 0; });
        if (quit_) return;
        if (runs_generation != generation_) {
            runs.clear();
            runs.resize(seeds_.size());
            runs_generation = generation_;
        }
        const auto k = static_cast<std::size_t>(pick());
        const std::uint64_t generation = generation_;
        Seed& run = runs[k];
        if (!run.current) {
            const BackgroundRun spec = seeds_[k];
            lk.unlock();
            auto c = std::make_unique<Simulation>(spec.current, spec.seed, threads_);
            auto b = std::make_unique<Simulation>(spec.baseline, spec.seed, threads_);
            lk.lock();
            if (generation != generation_) continue; // restarted meanwhile: discard
            run.current = std::move(c);
            run.baseline = std::move(b);
            built_[k] = true;
        } else if (pin_due(k)) {
            // A from here on is this seed's current run as it stands (see SimWorker::pin).
            lk.unlock();
            auto pinned = run.current->clone();
            lk.lock();
            if (generation != generation_) continue;
            run.baseline = std::move(pinned);
            baseline_points_[k] = current_points_[k];
            ++pins_done_[k];
        } else {
            const int next = static_cast<int>(current_points_[k].size()) + 1;
            std::vector<Adoption> changes;
            for (const auto& l : log_)
                if (l.year == next) changes.push_back(l.adoption);
            lk.unlock();
            for (const auto& a : changes) run.current->adopt_now(a);
            run.current->run_year();
            run.baseline->run_year();
            const MetricsPoint c = metrics_point(run.current->metrics());
            const MetricsPoint b = metrics_point(run.baseline->metrics());
            lk.lock();
            if (generation != generation_) continue;
            current_points_[k].push_back(c);
            baseline_points_[k].push_back(b);
        }
        lk.unlock();
        on_progress_();
        lk.lock();
    }
}

} // namespace tendersim::viz
