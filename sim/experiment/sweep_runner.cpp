#include "experiment/sweep_runner.hpp"

#include "experiment/progress.hpp"
#include "experiment/run_point.hpp"
#include "experiment/shard_file.hpp"
#include "experiment/shard_index.hpp"
#include "experiment/sweep_merge.hpp"
#include "experiment/sweep_rows.hpp"
#include "experiment/worker_pool.hpp"
#include "io/errors.hpp"
#include "io/spec_prefix.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace tendersim::experiment {

namespace fs = std::filesystem;

fs::path default_sweep_dir(const SweepPlan& plan, const fs::path& parent) {
    return parent / ("sweep-" + plan.spec().name);
}

namespace detail {

void note_recovery(const ResultDirLock& lock, std::ostream* log) {
    if (log)
        for (const auto& line : lock.recovered()) *log << "note: " << line << "\n";
}

bool preflight(const SweepPlan& plan, const SweepOptions& options, bool sharded,
               const fs::path& own_shard) {
    const fs::path& dir = options.sweep_dir;
    if (options.restart) {
        if (sharded)
            fs::remove(own_shard);
        else
            fs::remove_all(shards_dir(dir));
    }
    const auto files = shard_files(dir);
    if (files.empty()) return options.resume && finished_fingerprint(dir) == plan.fingerprint();
    // Records of another definition are refused before any shard file is created or opened,
    // so a refused run leaves the directory as it was (the errors name each file).
    const ShardIndex idx = index_shards(dir, plan);
    if (options.resume) return false;
    // Without --resume, refuse to touch earlier partial work: it may be hours of computing.
    const bool own_exists = fs::exists(own_shard);
    if (sharded && !own_exists) return false;
    std::uint64_t relevant = idx.complete;
    if (sharded) {
        relevant = 0;
        for (std::uint64_t r = 0; r < plan.run_count(); ++r)
            if (idx.done(r) && options.shard.owns(r)) ++relevant;
    }
    if (relevant == 0) return false; // only empty files: nothing to protect
    throw InputError(
        dir.string() + " holds an interrupted sweep (" + std::to_string(relevant) + " of " +
        std::to_string(sharded
                           ? (plan.run_count() + options.shard.count - 1 - options.shard.index) /
                                 options.shard.count
                           : plan.run_count()) +
        " runs done" + (sharded ? " in this shard" : "") +
        "). Run again with --resume to finish it, or with --restart to discard it");
}

std::string compute_run(const SweepPlan& plan, std::uint64_t run) {
    const RunInfo info = plan.run(run);
    const RunOutputs out = run_point(plan.scenario_for(info.point), info.seed, plan.metrics(),
                                     plan.spec().timeseries, 1);
    return run_payload(plan, info, out);
}

void run_workers(const SweepPlan& plan, int threads,
                 const std::function<std::optional<std::uint64_t>()>& next,
                 const std::function<void(std::uint64_t, const std::string&)>& done,
                 const std::atomic<bool>* cancel) {
    // Parallelism across runs, not within them: each run is one single-threaded simulation, so
    // workers never wait on each other except for the short append. A run that throws stops the
    // others and reaches the caller (run_pool).
    run_pool(threads, [&](const std::stop_token& stop) {
        while (!stop.stop_requested() && !(cancel && cancel->load())) {
            const auto run = next();
            if (!run) break;
            done(*run, compute_run(plan, *run));
        }
    });
}

std::int64_t shared_years(const SweepPlan& plan) {
    if (!plan.spec().common_seeds || plan.point_count() < 2) return 0;
    const ScenarioSpec first = plan.scenario_for(0);
    std::int64_t shared = first.run.burn_in_years + first.run.years;
    for (std::size_t p = 1; p < plan.point_count() && shared > 0; ++p)
        shared = std::min(shared, tendersim::shared_years(first, plan.scenario_for(p)));
    return shared;
}

std::vector<std::vector<std::uint64_t>>
shared_units(const SweepPlan& plan, const std::vector<std::uint64_t>& todo, int threads) {
    // Run r is replicate r / P (sweep_plan.hpp): todo is ascending, so a replicate's runs are
    // consecutive.
    const std::uint64_t p = plan.point_count();
    std::vector<std::vector<std::uint64_t>> groups;
    for (const std::uint64_t run : todo) {
        if (groups.empty() || groups.back().front() / p != run / p) groups.emplace_back();
        groups.back().push_back(run);
    }
    // Four units a worker at least, so one slow unit does not leave the others idle; each unit
    // simulates the shared years again, so no more than that.
    const std::size_t wanted = 4 * static_cast<std::size_t>(std::max(1, threads));
    const std::size_t per_group =
        (wanted + groups.size() - 1) / std::max<std::size_t>(1, groups.size());
    std::vector<std::vector<std::uint64_t>> units;
    for (const auto& g : groups) {
        const std::size_t size = (g.size() + per_group - 1) / per_group;
        for (std::size_t k = 0; k < g.size(); k += size)
            units.emplace_back(g.begin() + static_cast<std::ptrdiff_t>(k),
                               g.begin() +
                                   static_cast<std::ptrdiff_t>(std::min(g.size(), k + size)));
    }
    return units;
}

void run_units(const SweepPlan& plan, int threads,
               const std::vector<std::vector<std::uint64_t>>& units, std::int64_t shared,
               const std::function<void(std::uint64_t, const std::string&)>& done,
               const std::atomic<bool>* cancel) {
    std::atomic<std::size_t> cursor{0};
    run_pool(threads, [&](const std::stop_token& stop) {
        for (std::size_t u; !stop.stop_requested() && !(cancel && cancel->load()) &&
                            (u = cursor.fetch_add(1)) < units.size();) {
            const std::vector<std::uint64_t>& runs = units[u];
            std::vector<ScenarioSpec> specs;
            specs.reserve(runs.size());
            std::vector<Branch> branches;
            for (const std::uint64_t run : runs) {
                specs.push_back(plan.scenario_for(plan.run(run).point));
                branches.push_back({&specs.back(), &plan.metrics()});
            }
            // Every run of a unit is one replicate: one seed.
            const std::vector<RunOutputs> outs =
                run_branches(branches, plan.run(runs.front()).seed, shared, plan.spec().timeseries);
            for (std::size_t k = 0; k < runs.size(); ++k)
                done(runs[k], run_payload(plan, plan.run(runs[k]), outs[k]));
        }
    });
}

} // namespace detail

SweepOutcome run_sweep(const SweepPlan& plan, const SweepOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    const bool sharded = options.shard.count > 1;
    const fs::path own = shards_dir(options.sweep_dir) /
                         (sharded ? "shard-" + std::to_string(options.shard.index) + "-of-" +
                                        std::to_string(options.shard.count) + ".records"
                                  : std::string("main.records"));
    SweepOutcome outcome;
    outcome.sweep_dir = options.sweep_dir;
    // Held to the end: a second sweep into this directory gets "in use by PID N". --shard jobs
    // share it (each writes its own shard file); a merge needs it alone. Taking it recovers what
    // a killed sweep left beside the directory, before preflight looks at the shard files.
    const ResultDirLock lock(options.sweep_dir, sharded ? ResultDirLock::Mode::Shared
                                                        : ResultDirLock::Mode::Exclusive);
    detail::note_recovery(lock, options.log);
    if (detail::preflight(plan, options, sharded, own)) {
        outcome.status = SweepStatus::AlreadyComplete;
        outcome.runs_total = outcome.runs_before = plan.run_count();
        return outcome;
    }
    if (options.resume && options.log && shard_files(options.sweep_dir).empty()) {
        const std::string finished = finished_fingerprint(options.sweep_dir);
        if (!finished.empty() && finished != plan.fingerprint())
            *options.log << "note: " << options.sweep_dir.string()
                         << " holds the finished results of another sweep definition; nothing "
                            "is resumed from them, and this sweep replaces them when complete\n";
    }
    std::unique_ptr<ShardWriter> opened;
    try {
        opened = std::make_unique<ShardWriter>(own, plan.fingerprint(), plan.definition());
    } catch (const InputError&) {
        // Own file of another definition: the index's error names every such file and, if other
        // files hold runs of this sweep, advice that keeps them.
        index_shards(options.sweep_dir, plan);
        throw;
    }
    ShardWriter& writer = *opened;
    if (options.log) *options.log << writer.repair_note();
    std::vector<std::uint64_t> todo;
    {
        const ShardIndex idx = index_shards(options.sweep_dir, plan);
        for (std::uint64_t r = 0; r < plan.run_count(); ++r) {
            if (!options.shard.owns(r)) continue;
            ++outcome.runs_total;
            if (idx.done(r))
                ++outcome.runs_before;
            else
                todo.push_back(r);
        }
    }
    if (options.log && outcome.runs_before > 0)
        *options.log << "resuming: " << outcome.runs_before << " of " << outcome.runs_total
                     << " runs already done\n";

    std::string label = "sweep " + plan.spec().name;
    if (sharded)
        label += " shard " + std::to_string(options.shard.index) + "/" +
                 std::to_string(options.shard.count);
    Progress progress(options.log, label, outcome.runs_total, outcome.runs_before,
                      options.terminal);
    auto done = [&](std::uint64_t run, const std::string& payload) {
        writer.append(run, payload);
        progress.tick();
    };
    const std::int64_t shared = options.share_prefix ? detail::shared_years(plan) : 0;
    if (shared > 0) {
        if (options.log)
            *options.log << "note: the design points share their first " << shared
                         << " simulated years (burn-in included): simulated once per replicate\n";
        detail::run_units(plan, options.threads, detail::shared_units(plan, todo, options.threads),
                          shared, done, options.cancel);
    } else {
        std::atomic<std::size_t> cursor{0};
        detail::run_workers(
            plan, options.threads,
            [&]() -> std::optional<std::uint64_t> {
                const std::size_t k = cursor.fetch_add(1);
                if (k >= todo.size()) return std::nullopt;
                return todo[k];
            },
            done, options.cancel);
    }
    progress.finish();
    writer.close();
    outcome.runs_now = progress.done() - outcome.runs_before;
    outcome.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (options.cancel && options.cancel->load() &&
        outcome.runs_before + outcome.runs_now < outcome.runs_total) {
        outcome.status = SweepStatus::Interrupted;
        return outcome;
    }
    if (sharded) {
        outcome.status = SweepStatus::ShardComplete;
        return outcome;
    }
    merge_sweep(plan, lock);
    outcome.status = SweepStatus::Complete;
    return outcome;
}

void merge_shards(const SweepPlan& plan, const fs::path& sweep_dir) {
    const ResultDirLock lock(sweep_dir);
    if (shard_files(sweep_dir).empty()) {
        if (finished_fingerprint(sweep_dir) == plan.fingerprint())
            throw InputError(sweep_dir.string() +
                             " is already merged (manifest.json, runs.csv are there)");
        throw InputError("no shard files in " + shards_dir(sweep_dir).string() +
                         "; run `tendersim sweep SWEEP.toml --shard K/N` first");
    }
    merge_sweep(plan, lock);
}

} // namespace tendersim::experiment
