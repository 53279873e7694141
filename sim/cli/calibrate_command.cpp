// `tendersim calibrate SCENARIO --draws N`: calibration as an ensemble (rejection ABC over the
// calibrated and assumed parameters' plausible ranges), run as a sweep.
#include "core/rng.hpp"
#include "experiment/mpi_sweep.hpp"
#include "experiment/sweep_runner.hpp"
#include "experiment_commands.hpp"
#include "io/data_dir.hpp"
#include "io/errors.hpp"
#include "sweep_cli.hpp"
#include "validation/calibrate.hpp"

#include <algorithm>
#include <cxxopts.hpp>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace tendersim {
namespace {

constexpr const char* kCalibrateNotes = R"(
Draws the calibrated and assumed parameters (tendersim params) from their plausible ranges
(Latin hypercube), runs each draw's replicates as a sweep, scores each draw against the targets
(the distance tendersim validate computes) and keeps the draws that fit (rejection ABC: the best
--accept share of draws, or every draw within --threshold). Writes <out>/calibrate-<scenario>/:
ensemble.toml (the accepted parameter sets), draws.csv (every draw), report.md (posterior beside
prior range per parameter; which targets constrain which parameters), and the sweep's runs.csv,
timeseries.csv and manifest.json. Same scenario, seed and options: the same bytes at any thread
count, shard split or MPI ranks, and after --resume. See docs/experiments.md.
)";

} // namespace

int calibrate_command(int argc, char** argv) {
    cxxopts::Options options("tendersim calibrate",
                             "Calibrate a scenario as an ensemble: rejection ABC over the "
                             "plausible ranges of its calibrated and assumed parameters");
    options.positional_help("SCENARIO.toml --draws N");
    const bool under_mpi = experiment::mpi_launch_detected();
    options.add_options()("scenario", "scenario file", cxxopts::value<std::string>())(
        "draws", "parameter sets drawn from the plausible ranges (at least 2)",
        cxxopts::value<std::int64_t>())("replicates", "runs per draw, each with its own seed",
                                        cxxopts::value<std::int64_t>()->default_value("2"))(
        "years", "simulated years per run (default: the scenario's run.years)",
        cxxopts::value<std::int64_t>())("seed", "sweep seed (default: the scenario's run.seed)",
                                        cxxopts::value<std::uint64_t>())(
        "accept", "keep this share of the draws, nearest first (0 < Q <= 1)",
        cxxopts::value<double>()->default_value("0.1"),
        "Q")("threshold", "instead of --accept: keep every draw with distance <= D",
             cxxopts::value<double>(),
             "D")("basis", "which parameters to draw: calibrated, assumed or both",
                  cxxopts::value<std::string>()->default_value("both"))(
        "targets", "targets file (default: validation/targets.toml in the data directory)",
        cxxopts::value<std::string>())(
        "threads", "worker threads (default: all cores, or 1 per MPI rank)",
        cxxopts::value<int>()->default_value(
            std::to_string(under_mpi ? 1 : std::max(1u, std::thread::hardware_concurrency()))))(
        "out", "parent directory of calibrate-<scenario>/",
        cxxopts::value<std::string>()->default_value("results"))(
        "resume", "keep the runs already done and run only the missing ones")(
        "restart", "discard partial results and start again")(
        "shard", "run only shard K of N of the runs; finish with --resume when all are done",
        cxxopts::value<std::string>())("dry-run", "check the inputs and print the plan")(
        "quiet", "no progress line")("h,help", "this help");
    options.parse_positional({"scenario"});
    const auto args = options.parse(argc, argv);
    if (args.count("help")) {
        std::cout << options.help() << kCalibrateNotes << "\n" << kExitCodesHelp;
        return 0;
    }
    if (!args.count("scenario")) {
        std::cerr << "tendersim calibrate: missing SCENARIO.toml (e.g. scenarios/baseline.toml)\n";
        return kExitBadInput;
    }
    if (!args.count("draws")) {
        std::cerr << "tendersim calibrate: missing --draws N (e.g. --draws 200)\n";
        return kExitBadInput;
    }
    validation::CalibrationSettings settings;
    settings.scenario_file = args["scenario"].as<std::string>();
    const std::int64_t draws = args["draws"].as<std::int64_t>();
    if (draws < 2 || draws > 1000000) {
        std::cerr << "tendersim calibrate: --draws takes 2 to 1000000, got " << draws << "\n";
        return kExitBadInput;
    }
    settings.draws = static_cast<std::size_t>(draws);
    settings.replicates = args["replicates"].as<std::int64_t>();
    if (args.count("years")) {
        settings.years = args["years"].as<std::int64_t>();
        if (settings.years < 1 || settings.years > 200) {
            std::cerr << "tendersim calibrate: --years takes 1 to 200, got " << settings.years
                      << "\n";
            return kExitBadInput;
        }
    }
    if (args.count("seed")) {
        settings.seed = args["seed"].as<std::uint64_t>();
        // The same range as run.seed and compare --seed: a seed a double holds exactly.
        if (*settings.seed > max_exact_seed) {
            std::cerr << "tendersim calibrate: --seed " << *settings.seed
                      << ": expected an integer from 0 to " << max_exact_seed << "\n";
            return kExitBadInput;
        }
    }
    if (args.count("threshold") && args.count("accept")) {
        std::cerr << "tendersim calibrate: --accept and --threshold exclude each other\n";
        return kExitBadInput;
    }
    if (args.count("threshold")) {
        settings.rule = {analysis::AbcRule::Kind::Threshold, args["threshold"].as<double>()};
        if (!(settings.rule.value >= 0)) {
            std::cerr << "tendersim calibrate: --threshold takes a distance >= 0\n";
            return kExitBadInput;
        }
    } else {
        settings.rule = {analysis::AbcRule::Kind::Quantile, args["accept"].as<double>()};
        if (!(settings.rule.value > 0 && settings.rule.value <= 1)) {
            std::cerr << "tendersim calibrate: --accept takes a share above 0 and at most 1\n";
            return kExitBadInput;
        }
    }
    const std::string basis = args["basis"].as<std::string>();
    if (basis == "calibrated")
        settings.bases = {ParamBasis::Calibrated};
    else if (basis == "assumed")
        settings.bases = {ParamBasis::Assumed};
    else if (basis != "both") {
        std::cerr << "tendersim calibrate: --basis takes calibrated, assumed or both\n";
        return kExitBadInput;
    }
    settings.targets_file = args.count("targets")
                                ? args["targets"].as<std::string>()
                                : find_data_file("validation/targets.toml").string();
    experiment::SweepOptions opt;
    opt.threads = args["threads"].as<int>();
    check_thread_count(opt.threads);
    opt.resume = args.count("resume") > 0;
    opt.restart = args.count("restart") > 0;
    if (opt.resume && opt.restart) {
        std::cerr << "tendersim calibrate: --resume and --restart exclude each other\n";
        return kExitBadInput;
    }
    if (args.count("shard") && !cli::parse_shard(args["shard"].as<std::string>(), opt.shard)) {
        std::cerr << "tendersim calibrate: --shard takes K/N with 0 <= K < N, e.g. --shard 0/4\n";
        return kExitBadInput;
    }
    if (under_mpi && opt.shard.count > 1) {
        std::cerr << "tendersim calibrate: use either MPI or --shard, not both\n";
        return kExitBadInput;
    }

    const validation::CalibrationSetup setup = validation::make_calibration(settings);
    const experiment::SweepPlan& plan = *setup.plan;
    opt.sweep_dir = validation::calibration_dir(setup, args["out"].as<std::string>());
    if (args.count("dry-run")) {
        std::cout << "calibrate " << setup.scenario.name << ": " << plan.point_count()
                  << " draws x " << plan.spec().replicates << " replicates = " << plan.run_count()
                  << " runs of " << plan.spec().base.run.years << " years (window "
                  << setup.window_years << "), " << plan.spec().params.size() << " parameters:";
        for (const auto& p : plan.spec().params) std::cout << " " << p.key;
        std::cout << "\ntargets:";
        for (const auto& t : setup.active)
            std::cout << " " << t.id << (t.gate ? "" : "(not gating)");
        std::cout << "\nwould write " << opt.sweep_dir.string() << "\n";
        return kExitOk;
    }
    if (!args.count("quiet")) {
        opt.log = &std::cerr;
        opt.terminal = ::isatty(STDERR_FILENO) != 0;
    }
    const experiment::SweepOutcome out = cli::run_sweep_interruptibly(plan, opt, under_mpi);
    using experiment::SweepStatus;
    const std::string again = "tendersim calibrate " + settings.scenario_file + " --draws " +
                              std::to_string(draws) + " ... --resume";
    switch (out.status) {
    case SweepStatus::Complete:
    case SweepStatus::AlreadyComplete: {
        const auto result = validation::finish_calibration(setup, out.sweep_dir);
        std::cout << "wrote " << out.sweep_dir.string() << " (" << plan.point_count() << " draws, "
                  << plan.run_count() << " runs, " << out.runs_now << " run now in " << out.seconds
                  << " s; accepted " << result.accepted.size() << " draws)\n";
        if (result.accepted.empty())
            std::cerr << "note: no draw was accepted (see "
                      << (out.sweep_dir / "report.md").string()
                      << "): every draw left a gating target undefined, or none was within "
                         "--threshold\n";
        return kExitOk;
    }
    case SweepStatus::ShardComplete:
        std::cout << "shard " << opt.shard.index << "/" << opt.shard.count << " complete ("
                  << out.runs_total << " runs); when every shard is done, finish with: " << again
                  << "\n";
        return kExitOk;
    case SweepStatus::Interrupted:
        std::cerr << "interrupted: " << out.runs_before + out.runs_now << " of " << out.runs_total
                  << " runs are saved in " << out.sweep_dir.string() << "; finish with: " << again
                  << "\n";
        return kExitInterrupted;
    case SweepStatus::WorkerRankDone:
        return kExitOk;
    case SweepStatus::Failed:
        return out.exit_code != 0 ? out.exit_code : kExitInternal;
    }
    return kExitInternal;
}

} // namespace tendersim
