#include "experiment/mpi_sweep.hpp"

#include "io/errors.hpp"

#include <cstdlib>
#include <exception>
#include <stdexcept>
#include <string_view>

#ifdef TENDERSIM_HAVE_MPI
#include "experiment/progress.hpp"
#include "experiment/shard_file.hpp"
#include "experiment/shard_index.hpp"
#include "experiment/sweep_merge.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mpi.h>
#include <optional>
#include <sstream>
#include <tbb/concurrent_queue.h>
#include <thread>
#include <vector>
#endif

namespace tendersim::experiment {
namespace {

// Size of the job according to the launcher, or -1 if the variable is absent.
long env_long(const char* name) {
    const char* v = std::getenv(name);
    if (!v || !*v) return -1;
    char* end = nullptr;
    const long n = std::strtol(v, &end, 10);
    return end && *end == '\0' ? n : -1;
}

} // namespace

bool mpi_launch_detected() {
    // Open MPI's mpirun, then MPICH/Intel (PMI_SIZE), then PMIx launchers such as srun --mpi=pmix.
    for (const char* var : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE"}) {
        const long n = env_long(var);
        if (n >= 0) return n > 1;
    }
    if (std::getenv("PMIX_RANK") || std::getenv("PMI_RANK")) return env_long("SLURM_NTASKS") != 1;
    return false;
}

#ifndef TENDERSIM_HAVE_MPI

bool mpi_built() {
    return false;
}
std::string mpi_library() {
    return {};
}

SweepOutcome run_sweep_mpi(const SweepPlan&, const SweepOptions&) {
    throw InputError(
        "MPI is not available: this tendersim was built without MPI, so each of the processes "
        "mpirun started would run the whole sweep. Install libopenmpi-dev and rebuild, or split "
        "the sweep with --shard K/N and `tendersim merge` (see docs/experiments.md)");
}

#else

namespace {

constexpr int kTagRequest = 1;  // rank > 0 -> 0: int64 run just finished (or -1), wants work
constexpr int kTagWork = 2;     // 0 -> rank: int64 run to do, or -1: no more work
constexpr int kTagFinished = 3; // rank > 0 -> 0: all its workers stopped, shard file closed
constexpr int kTagAlive = 4; // rank > 0 -> 0: heartbeat while its runs compute (--worker-timeout)

using Clock = std::chrono::steady_clock;

// How often a worker rank says it is alive: a quarter of the timeout, between 50 ms and 1 s.
Clock::duration heartbeat_interval(double timeout_seconds) {
    const double s = std::clamp(timeout_seconds / 4, 0.05, 1.0);
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

void send_i64(std::int64_t v, int to, int tag) {
    MPI_Send(&v, 1, MPI_INT64_T, to, tag, MPI_COMM_WORLD);
}
std::int64_t recv_i64(int from, int tag) {
    std::int64_t v = 0;
    MPI_Recv(&v, 1, MPI_INT64_T, from, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    return v;
}

// Broadcasts rank 0's string to every rank.
std::string broadcast(std::string s, int rank) {
    int n = rank == 0 ? static_cast<int>(s.size()) : 0;
    MPI_Bcast(&n, 1, MPI_INT, 0, MPI_COMM_WORLD);
    s.resize(static_cast<std::size_t>(n));
    if (n > 0) MPI_Bcast(s.data(), n, MPI_CHAR, 0, MPI_COMM_WORLD);
    return s;
}

int exit_code_for_current(const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return exit_code_for(e);
    } catch (...) {
        return kExitInternal;
    }
}

// 2.5 -> "2.5", 30 -> "30".
std::string format_seconds(double s) {
    std::ostringstream out;
    out << s;
    return out.str();
}

// An error inside a worker thread cannot be reported collectively: print it and end the job.
[[noreturn]] void abort_job(int rank, const std::exception& e) {
    std::cerr << "error (MPI rank " << rank << "): " << e.what() << std::endl;
    MPI_Abort(MPI_COMM_WORLD, exit_code_for(e));
    std::abort();
}

struct MpiSession {
    MpiSession() {
        int provided = 0;
        // Only the main thread of each rank calls MPI; worker threads just compute.
        MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
        MPI_Comm_rank(MPI_COMM_WORLD, &rank);
        MPI_Comm_size(MPI_COMM_WORLD, &size);
    }
    ~MpiSession() {
        int finalized = 0;
        MPI_Finalized(&finalized);
        if (!finalized) MPI_Finalize();
    }
    int rank = 0;
    int size = 1;
};

// Rank 0: hands out runs to every rank on request, and runs some itself on local threads.
void coordinate(const SweepPlan& plan, const SweepOptions& opt, ShardWriter& writer,
                const std::vector<std::uint64_t>& todo, Progress& progress, int size) {
    std::atomic<std::size_t> cursor{0};
    auto next = [&]() -> std::int64_t {
        if (opt.cancel && opt.cancel->load()) return -1;
        const std::size_t k = cursor.fetch_add(1);
        return k < todo.size() ? static_cast<std::int64_t>(todo[k]) : -1;
    };
    std::thread local([&] {
        try {
            detail::run_workers(
                plan, opt.threads,
                [&]() -> std::optional<std::uint64_t> {
                    const std::int64_t v = next();
                    if (v < 0) return std::nullopt;
                    return static_cast<std::uint64_t>(v);
                },
                [&](std::uint64_t run, const std::string& payload) {
                    writer.append(run, payload);
                    progress.tick();
                },
                opt.cancel);
        } catch (const std::exception& e) {
            abort_job(0, e);
        }
    });
    int finished = 0;
    // --worker-timeout: when each rank was last heard from; a rank that has finished is not
    // watched any more.
    std::vector<Clock::time_point> last_heard(static_cast<std::size_t>(size), Clock::now());
    std::vector<char> done(static_cast<std::size_t>(size), 0);
    const auto timeout = std::chrono::duration<double>(opt.worker_timeout);
    while (finished < size - 1) {
        if (opt.worker_timeout > 0) {
            const auto now = Clock::now();
            for (int r = 1; r < size; ++r) {
                const auto silent = std::chrono::duration<double>(now - last_heard[r]);
                if (!done[r] && silent > timeout)
                    abort_job(0,
                              IoError("MPI rank " + std::to_string(r) + " has sent nothing for " +
                                      std::to_string(static_cast<long>(silent.count())) +
                                      " s (--worker-timeout " + format_seconds(opt.worker_timeout) +
                                      "): it is stopped, hung or unreachable, so the job ends "
                                      "here. Runs already saved are kept: rerun with --resume"));
            }
        }
        int flag = 0;
        MPI_Status status;
        MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
        if (!flag) {
            // Polling with a short sleep instead of a blocking receive: Open MPI's blocking
            // calls spin, which would steal a core from this rank's own workers.
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            continue;
        }
        const std::int64_t v = recv_i64(status.MPI_SOURCE, status.MPI_TAG);
        last_heard[status.MPI_SOURCE] = Clock::now();
        if (status.MPI_TAG == kTagAlive) continue;
        if (status.MPI_TAG == kTagFinished) {
            ++finished;
            done[status.MPI_SOURCE] = 1;
            continue;
        }
        if (v >= 0) progress.tick();
        send_i64(next(), status.MPI_SOURCE, kTagWork);
    }
    local.join();
}

// Rank > 0: the main thread relays between rank 0 and this rank's worker threads. Each worker
// holds one run at a time; every finished run is reported with the request for the next.
void serve(const SweepPlan& plan, const SweepOptions& opt, ShardWriter& writer, int rank) {
    tbb::concurrent_bounded_queue<std::int64_t> work, finished;
    const int threads = std::max(1, opt.threads);
    std::thread pool([&] {
        try {
            detail::run_workers(
                plan, threads,
                [&]() -> std::optional<std::uint64_t> {
                    std::int64_t v = -1;
                    work.pop(v);
                    if (v < 0) return std::nullopt;
                    return static_cast<std::uint64_t>(v);
                },
                [&](std::uint64_t run, const std::string& payload) {
                    writer.append(run, payload);
                    finished.push(static_cast<std::int64_t>(run));
                },
                nullptr);
        } catch (const std::exception& e) {
            abort_job(rank, e);
        }
    });
    int active = threads; // workers that have not yet been told to stop
    auto request = [&](std::int64_t done_run) {
        send_i64(done_run, 0, kTagRequest);
        const std::int64_t v = recv_i64(0, kTagWork);
        work.push(v);
        if (v < 0) --active;
    };
    for (int t = 0; t < threads; ++t) request(-1);
    const bool heartbeat = opt.worker_timeout > 0;
    const auto interval = heartbeat_interval(opt.worker_timeout);
    auto last_sent = Clock::now();
    while (active > 0) {
        std::int64_t run = -1;
        if (!heartbeat) {
            finished.pop(run);
        } else {
            // Poll, so that rank 0 hears from this rank while its runs compute.
            while (!finished.try_pop(run)) {
                if (Clock::now() - last_sent >= interval) {
                    send_i64(0, 0, kTagAlive);
                    last_sent = Clock::now();
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            last_sent = Clock::now();
        }
        request(run);
    }
    pool.join();
}

// Step 1 on rank 0: takes the directory's lock, reports what a killed job left, and checks the
// directory (applying --restart). Returns "" to go on, "complete", or "error:<exit code>" with
// the exception kept in error.
std::string check_sweep_dir(const SweepPlan& plan, const SweepOptions& opt,
                            const std::filesystem::path& own, std::optional<ResultDirLock>& lock,
                            std::exception_ptr& error) {
    try {
        lock.emplace(opt.sweep_dir);
        detail::note_recovery(*lock, opt.log);
        if (detail::preflight(plan, opt, false, own)) return "complete";
    } catch (const std::exception& e) {
        error = std::current_exception();
        return "error:" + std::to_string(exit_code_for(e));
    }
    return "";
}

// Rank 0's part of step 3: reads every shard file, then hands out the missing runs in run
// order, counting them in outcome.
void hand_out_missing_runs(const SweepPlan& plan, const SweepOptions& opt, ShardWriter& writer,
                           SweepOutcome& outcome, int ranks) {
    std::vector<std::uint64_t> todo;
    {
        const ShardIndex idx = index_shards(opt.sweep_dir, plan);
        for (std::uint64_t r = 0; r < plan.run_count(); ++r) {
            if (idx.done(r))
                ++outcome.runs_before;
            else
                todo.push_back(r);
        }
    }
    outcome.runs_total = plan.run_count();
    if (opt.log && outcome.runs_before > 0)
        *opt.log << "resuming: " << outcome.runs_before << " of " << outcome.runs_total
                 << " runs already done\n";
    Progress progress(opt.log,
                      "sweep " + plan.spec().name + " (" + std::to_string(ranks) + " MPI ranks)",
                      outcome.runs_total, outcome.runs_before, opt.terminal);
    coordinate(plan, opt, writer, todo, progress, ranks);
    progress.finish();
    outcome.runs_now = progress.done() - outcome.runs_before;
}

} // namespace

bool mpi_built() {
    return true;
}

std::string mpi_library() {
    char version[MPI_MAX_LIBRARY_VERSION_STRING];
    int len = 0;
    MPI_Get_library_version(version, &len);
    std::string s(version, static_cast<std::size_t>(len));
    const auto nl = s.find_first_of(",\n");
    return nl == std::string::npos ? s : s.substr(0, nl);
}

// One session per process, finalised at exit, so a job may run several sweeps in turn (a
// robust comparison runs one per scenario); MPI cannot be initialised twice.
namespace {
MpiSession& mpi_session() {
    static MpiSession session;
    return session;
}
} // namespace

SweepOutcome run_sweep_mpi(const SweepPlan& plan, const SweepOptions& options) {
    MpiSession& mpi = mpi_session();
    if (mpi.size == 1) return run_sweep(plan, options);
    const auto started = std::chrono::steady_clock::now();
    SweepOptions opt = options;
    if (mpi.rank != 0) opt.log = nullptr; // rank 0 speaks for the job
    SweepOutcome outcome;
    outcome.sweep_dir = opt.sweep_dir;
    const std::filesystem::path own =
        shards_dir(opt.sweep_dir) / ("mpi-rank-" + std::to_string(mpi.rank) + ".records");

    // 1. Rank 0 checks the directory (and applies --restart) before any rank opens its file.
    // Rank 0 holds the directory's lock for the whole job (and recovers what a killed job left
    // beside it); the other ranks work under it.
    std::string verdict; // "", "complete" or "error:<exit code>"
    std::optional<ResultDirLock> lock;
    std::exception_ptr error; // rank 0's, rethrown as it was so its exit code is kept
    if (mpi.rank == 0) verdict = check_sweep_dir(plan, opt, own, lock, error);
    verdict = broadcast(verdict, mpi.rank);
    if (verdict == "complete") {
        outcome.status = mpi.rank == 0 ? SweepStatus::AlreadyComplete : SweepStatus::WorkerRankDone;
        outcome.runs_total = outcome.runs_before = plan.run_count();
        return outcome;
    }
    if (verdict.starts_with("error:")) {
        if (mpi.rank == 0) std::rethrow_exception(error);
        outcome.status = SweepStatus::Failed;
        outcome.exit_code = std::stoi(verdict.substr(6)); // rank 0's, so every rank agrees
        return outcome;
    }

    // 2. Every rank opens its own shard file (cutting a torn tail left by a crash).
    std::unique_ptr<ShardWriter> writer;
    std::string open_error;
    try {
        writer = std::make_unique<ShardWriter>(own, plan.fingerprint(), plan.definition());
    } catch (const std::exception& e) {
        open_error = e.what();
        error = std::current_exception();
    }
    if (writer && opt.log) *opt.log << writer->repair_note();
    int code = open_error.empty() ? 0 : exit_code_for_current(error);
    int worst = 0; // the largest exit code of any rank's open: every rank exits with it
    MPI_Allreduce(&code, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    if (worst != 0) {
        if (mpi.rank == 0) {
            if (error) std::rethrow_exception(error);
            throw IoError("another MPI rank could not open its shard file (its error is above)");
        }
        if (!open_error.empty())
            std::cerr << "error (MPI rank " << mpi.rank << "): " << open_error << std::endl;
        outcome.status = SweepStatus::Failed;
        outcome.exit_code = worst;
        return outcome;
    }

    // 3. Rank 0 reads every shard file, then hands out the missing runs in run order.
    if (mpi.rank == 0) {
        try {
            hand_out_missing_runs(plan, opt, *writer, outcome, mpi.size);
        } catch (const std::exception& e) {
            // Other ranks are waiting on rank 0: end the whole job rather than hang it.
            abort_job(0, e);
        }
        writer->close();
        MPI_Barrier(MPI_COMM_WORLD); // every rank has closed its shard file
        outcome.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (opt.cancel && opt.cancel->load() &&
            outcome.runs_before + outcome.runs_now < outcome.runs_total) {
            outcome.status = SweepStatus::Interrupted;
            return outcome;
        }
        merge_sweep(plan, *lock);
        outcome.status = SweepStatus::Complete;
        return outcome;
    }
    serve(plan, opt, *writer, mpi.rank);
    writer->close();
    send_i64(0, 0, kTagFinished);
    MPI_Barrier(MPI_COMM_WORLD);
    outcome.status = SweepStatus::WorkerRankDone;
    return outcome;
}

#endif

} // namespace tendersim::experiment
