#include "experiment/mpi_sweep.hpp"
#include "experiment/sweep_runner.hpp"
#include "experiment/sweep_spec.hpp"
#include "experiment_commands.hpp"
#include "io/errors.hpp"
#include "sweep_cli.hpp"

#include <algorithm>
#include <cmath>
#include <cxxopts.hpp>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace tendersim {
namespace {

std::string mpi_note() {
    return experiment::mpi_built()
               ? "MPI: available (" + experiment::mpi_library() +
                     "); start with mpirun -n N tendersim sweep SWEEP.toml"
               : "MPI: not available in this build (install libopenmpi-dev and rebuild); use "
                 "--shard K/N with tendersim merge to spread a sweep over machines";
}

} // namespace

int sweep_command(int argc, char** argv) {
    cxxopts::Options options("tendersim sweep",
                             "Run a parameter sweep: the design, replicates and outputs are in "
                             "the sweep file (see scenarios/sweeps/ and docs/experiments.md)");
    options.positional_help("SWEEP.toml");
    const bool under_mpi = experiment::mpi_launch_detected();
    options.add_options()("sweep", "sweep file (TOML)", cxxopts::value<std::string>())(
        "threads",
        "worker threads per process; each runs one simulation at a time (default: all cores, "
        "or 1 per MPI rank)",
        cxxopts::value<int>()->default_value(
            std::to_string(under_mpi ? 1 : std::max(1u, std::thread::hardware_concurrency()))))(
        "out", "parent directory of the sweep directory sweep-<name>/",
        cxxopts::value<std::string>()->default_value("results"))(
        "resume",
        "keep the runs already done in the sweep directory and run only the missing ones")(
        "restart", "discard partial results in the sweep directory and start again")(
        "shard",
        "run only shard K of N (runs with index % N == K) and do not merge; for job "
        "arrays, followed by tendersim merge",
        cxxopts::value<std::string>())(
        "worker-timeout",
        "MPI: end the job with an error naming the rank when a rank has sent nothing for "
        "SECONDS (stopped, hung or unreachable); default: wait for ever",
        cxxopts::value<double>(), "SECONDS")("dry-run", "check the sweep file and print the plan")(
        "quiet", "no progress line")(
        "no-prefix-sharing",
        "simulate every run from its start, even the years the design points of a replicate "
        "share (common_seeds with adopt_year; the results are the same)")("h,help", "this help");
    options.parse_positional({"sweep"});
    const auto args = options.parse(argc, argv);
    if (args.count("help")) {
        std::cout << options.help()
                  << "\nOutputs in <out>/sweep-<name>/: runs.csv (one row per run), "
                     "timeseries.csv (if asked), sensitivity.csv (morris and sobol designs), "
                     "manifest.json. Bytes do not depend on threads, shards or MPI ranks.\n"
                  << mpi_note() << "\n"
                  << kExitCodesHelp;
        return 0;
    }
    if (!args.count("sweep")) {
        std::cerr << "tendersim sweep: missing SWEEP.toml (try scenarios/sweeps/ci-smoke.toml)\n";
        return 2;
    }
    experiment::SweepOptions opt;
    opt.threads = args["threads"].as<int>();
    check_thread_count(opt.threads);
    opt.resume = args.count("resume") > 0;
    opt.restart = args.count("restart") > 0;
    opt.share_prefix = args.count("no-prefix-sharing") == 0;
    if (opt.resume && opt.restart) {
        std::cerr << "tendersim sweep: --resume and --restart exclude each other\n";
        return 2;
    }
    if (args.count("shard") && !cli::parse_shard(args["shard"].as<std::string>(), opt.shard)) {
        std::cerr << "tendersim sweep: --shard takes K/N with 0 <= K < N, e.g. --shard 0/4\n";
        return 2;
    }
    if (args.count("worker-timeout")) {
        opt.worker_timeout = args["worker-timeout"].as<double>();
        // At least 1 s: heartbeats are sent every quarter of it (at most every second).
        if (!std::isfinite(opt.worker_timeout) || opt.worker_timeout < 1 ||
            opt.worker_timeout > 1e6) {
            std::cerr << "tendersim sweep: --worker-timeout takes seconds from 1 to 1000000\n";
            return 2;
        }
    }
    if (under_mpi && opt.shard.count > 1) {
        std::cerr << "tendersim sweep: use either MPI or --shard, not both\n";
        return 2;
    }
    const experiment::SweepPlan plan(experiment::load_sweep_file(args["sweep"].as<std::string>()));
    opt.sweep_dir = experiment::default_sweep_dir(plan, args["out"].as<std::string>());
    if (args.count("dry-run")) {
        const auto& s = plan.spec();
        std::cout << "sweep " << s.name << ": " << experiment::design_name(s.design) << " design, "
                  << plan.point_count() << " points x " << s.replicates
                  << " replicates = " << plan.run_count() << " runs of " << s.base.run.years
                  << " years (base " << s.base_file << ")\nparameters:";
        for (const auto& p : s.params) std::cout << " " << p.key;
        if (s.adopt_year > 0) std::cout << " (adopted in year " << s.adopt_year << ")";
        if (s.common_seeds) std::cout << "\nseeds: common (replicate r of every point: one seed)";
        if (const std::int64_t shared = experiment::detail::shared_years(plan); shared > 0)
            std::cout << "\nshared: the first " << shared
                      << " simulated years of a replicate, simulated once";
        std::cout << "\noutputs:";
        for (const auto& m : s.outputs) std::cout << " " << m;
        std::cout << (s.timeseries ? " (with timeseries)" : "") << "\nwould write "
                  << opt.sweep_dir.string() << "\n";
        return 0;
    }
    if (!args.count("quiet")) {
        opt.log = &std::cerr;
        opt.terminal = ::isatty(STDERR_FILENO) != 0;
    }
    const experiment::SweepOutcome out = cli::run_sweep_interruptibly(plan, opt, under_mpi);
    using experiment::SweepStatus;
    switch (out.status) {
    case SweepStatus::Complete:
        std::cout << "wrote " << out.sweep_dir.string() << " (" << plan.run_count() << " runs, "
                  << out.runs_now << " run now in " << out.seconds << " s)\n";
        return 0;
    case SweepStatus::AlreadyComplete:
        std::cout << out.sweep_dir.string() << " is already complete; nothing to do\n";
        return 0;
    case SweepStatus::ShardComplete:
        std::cout << "shard " << opt.shard.index << "/" << opt.shard.count << " complete ("
                  << out.runs_total << " runs, " << out.runs_now << " run now in " << out.seconds
                  << " s); when every shard is done: tendersim merge "
                  << args["sweep"].as<std::string>() << " --out " << args["out"].as<std::string>()
                  << "\n";
        return 0;
    case SweepStatus::Interrupted:
        std::cerr << "interrupted: " << out.runs_before + out.runs_now << " of " << out.runs_total
                  << " runs are saved in " << out.sweep_dir.string()
                  << "; finish with: tendersim sweep " << args["sweep"].as<std::string>()
                  << " --resume"
                  << (args.count("out") ? " --out " + args["out"].as<std::string>() : "") << "\n";
        return kExitInterrupted;
    case SweepStatus::WorkerRankDone:
        return 0;
    case SweepStatus::Failed: // an MPI worker rank: rank 0 reports the error
        return out.exit_code != 0 ? out.exit_code : kExitInternal;
    }
    return kExitInternal;
}

int merge_command(int argc, char** argv) {
    cxxopts::Options options("tendersim merge",
                             "Merge the shard files of a sweep run with --shard K/N into the "
                             "final runs.csv, sensitivity.csv and manifest.json");
    options.positional_help("SWEEP.toml");
    options.add_options()("sweep", "the sweep file the shards ran", cxxopts::value<std::string>())(
        "out", "parent directory of the sweep directory sweep-<name>/",
        cxxopts::value<std::string>()->default_value("results"))("h,help", "this help");
    options.parse_positional({"sweep"});
    const auto args = options.parse(argc, argv);
    if (args.count("help")) {
        std::cout << options.help() << "\n" << kExitCodesHelp;
        return 0;
    }
    if (!args.count("sweep")) {
        std::cerr << "tendersim merge: missing SWEEP.toml (the file the shards ran)\n";
        return 2;
    }
    const experiment::SweepPlan plan(experiment::load_sweep_file(args["sweep"].as<std::string>()));
    const auto dir = experiment::default_sweep_dir(plan, args["out"].as<std::string>());
    experiment::merge_shards(plan, dir);
    std::cout << "wrote " << dir.string() << " (" << plan.run_count() << " runs)\n";
    return 0;
}

} // namespace tendersim
