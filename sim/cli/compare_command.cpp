#include "experiment/compare.hpp"
#include "experiment/mpi_sweep.hpp"
#include "experiment_commands.hpp"
#include "io/errors.hpp"
#include "sweep_cli.hpp"
#include "text/text.hpp"

#include <algorithm>
#include <cxxopts.hpp>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace tendersim {

int compare_command(int argc, char** argv) {
    cxxopts::Options options(
        "tendersim compare",
        "Paired comparison of scenarios on common random numbers: replicate r of every scenario "
        "uses the same seed, and each alternative is compared with the first, run by run");
    options.positional_help("REFERENCE.toml ALTERNATIVE.toml [MORE.toml ...]");
    options.add_options()("scenarios", "scenario files; the first is the reference",
                          cxxopts::value<std::vector<std::string>>())(
        "replicates", "replicates per scenario (10 or more for useful intervals)",
        cxxopts::value<std::int64_t>()->default_value("10"))(
        "years", "simulated years, 1 to 200 (default: the first scenario's run.years)",
        cxxopts::value<std::int64_t>())("years-at",
                                        "years to report, e.g. 5,10,20 (default: the final year)",
                                        cxxopts::value<std::vector<std::int64_t>>())(
        "summary-year",
        "year of report.md's summary table (default: the latest reported year; added to "
        "--years-at if missing)",
        cxxopts::value<std::int64_t>())("seed",
                                        "base seed (default: the first scenario's run.seed)",
                                        cxxopts::value<std::int64_t>())(
        "metrics",
        "metrics to compare, comma-separated (default: the headline metrics, total spend and "
        "social value in jobs, tonnes of CO2 and volunteer hours)",
        cxxopts::value<std::vector<std::string>>())(
        "set", "override a parameter in every scenario, key=value (repeatable)",
        cxxopts::value<std::vector<std::string>>())(
        "threads", "worker threads (results do not depend on it)",
        cxxopts::value<int>()->default_value(
            std::to_string(std::max(1u, std::thread::hardware_concurrency()))))(
        "out", "parent directory of the results",
        cxxopts::value<std::string>()->default_value("results"))(
        "quiet", "no progress and no table: print only errors and the line saying where the "
                 "results went")(
        "no-prefix-sharing",
        "simulate every scenario from its start, even the years all of them share (the results "
        "are the same; sharing only saves time)")(
        "ensemble",
        "robust comparison: run the comparison under each member of this calibration ensemble "
        "(the ensemble.toml tendersim calibrate writes)",
        cxxopts::value<std::string>(),
        "FILE")("robust",
                "robust comparison: under N parameter sets drawn from the plausible ranges of the "
                "calibrated and assumed parameters (Latin hypercube)",
                cxxopts::value<std::int64_t>(), "N")(
        "resume", "robust comparison: keep the runs already done and run only the missing ones")(
        "restart", "robust comparison: discard partial runs and start again")(
        "shard",
        "robust comparison: run only shard K of N of every scenario's runs (runs with index % N "
        "== K) and write no report; when every shard is done, the same command with --resume "
        "and without --shard merges and reports",
        cxxopts::value<std::string>(), "K/N")("h,help", "this help");
    options.parse_positional({"scenarios"});
    const bool under_mpi = experiment::mpi_launch_detected();
    const auto args = options.parse(argc, argv);
    if (args.count("help")) {
        std::cout << options.help()
                  << "\nOutputs in <out>/compare-<A>-vs-<B>/: comparison.csv (means, paired "
                     "differences, 95% intervals, share of replicates with the same sign), "
                     "replicates.csv, report.md (a summary for a policy officer first, every table "
                     "in an appendix), manifest.json.\n"
                     "With --ensemble FILE or --robust N (a robust comparison): the comparison "
                     "under each parameter set, one resumable sweep per scenario (--resume, "
                     "--restart, --shard K/N then --resume, MPI), into "
                     "<out>/compare-<A>-vs-<B>-robust/: robustness.csv "
                     "(median effect, interval of parameter uncertainty and noise, same-sign "
                     "share, drivers, verdict: robust / depends on / within noise), effects.csv, "
                     "sets.csv, report.md, manifest.json; see docs/experiments.md, Robust "
                     "comparison.\n"
                  << kExitCodesHelp;
        return 0;
    }
    experiment::CompareConfig config;
    config.share_prefix = args.count("no-prefix-sharing") == 0;
    if (args.count("scenarios"))
        config.scenario_paths = args["scenarios"].as<std::vector<std::string>>();
    if (config.scenario_paths.size() < 2) {
        std::cerr << "tendersim compare: give at least two scenarios, the reference first "
                     "(e.g. scenarios/baseline.toml scenarios/sv10.toml)\n";
        return 2;
    }
    config.replicates = args["replicates"].as<std::int64_t>();
    if (config.replicates < 1) {
        std::cerr << "tendersim compare: --replicates must be at least 1\n";
        return 2;
    }
    if (args.count("years")) config.years = args["years"].as<std::int64_t>();
    if (args.count("years-at")) config.years_at = args["years-at"].as<std::vector<std::int64_t>>();
    if (args.count("summary-year")) config.summary_year = args["summary-year"].as<std::int64_t>();
    if (args.count("seed")) config.seed = args["seed"].as<std::int64_t>();
    if (args.count("metrics")) config.metrics = args["metrics"].as<std::vector<std::string>>();
    if (args.count("set")) config.overrides = args["set"].as<std::vector<std::string>>();
    config.threads = args["threads"].as<int>();
    const bool robust = args.count("ensemble") > 0 || args.count("robust") > 0;
    if (args.count("ensemble") && args.count("robust")) {
        std::cerr << "tendersim compare: --ensemble and --robust exclude each other\n";
        return kExitBadInput;
    }
    if (!robust && (args.count("resume") || args.count("restart"))) {
        std::cerr << "tendersim compare: --resume and --restart apply to a robust comparison "
                     "(--ensemble FILE or --robust N)\n";
        return kExitBadInput;
    }
    if (!robust && args.count("shard")) {
        std::cerr << "tendersim compare: --shard applies to a robust comparison (--ensemble FILE "
                     "or --robust N); a plain comparison runs in one process\n";
        return kExitBadInput;
    }
    if (!robust && under_mpi) {
        std::cerr << "tendersim compare: under MPI only a robust comparison (--ensemble FILE or "
                     "--robust N) runs across the ranks\n";
        return kExitBadInput;
    }
    if (robust) {
        RobustCompareArgs r;
        if (args.count("ensemble")) r.ensemble = args["ensemble"].as<std::string>();
        if (args.count("robust")) {
            const std::int64_t n = args["robust"].as<std::int64_t>();
            if (n < 2 || n > 100000) {
                std::cerr << "tendersim compare: --robust takes 2 to 100000 parameter sets, got "
                          << n << "\n";
                return kExitBadInput;
            }
            r.draws = static_cast<std::size_t>(n);
        }
        r.resume = args.count("resume") > 0;
        r.restart = args.count("restart") > 0;
        if (r.resume && r.restart) {
            std::cerr << "tendersim compare: --resume and --restart exclude each other\n";
            return kExitBadInput;
        }
        if (args.count("shard") && !cli::parse_shard(args["shard"].as<std::string>(), r.shard)) {
            std::cerr << "tendersim compare: --shard takes K/N with 0 <= K < N, e.g. --shard 0/4\n";
            return kExitBadInput;
        }
        if (under_mpi && r.shard.count > 1) {
            std::cerr << "tendersim compare: use either MPI or --shard, not both\n";
            return kExitBadInput;
        }
        r.mpi = under_mpi;
        if (under_mpi && args.count("threads") == 0) config.threads = 1; // one per rank
        check_thread_count(config.threads);
        config.out_parent = args["out"].as<std::string>();
        r.quiet = args.count("quiet") > 0;
        if (!r.quiet) config.log = &std::cerr; // notes on the scenarios
        return robust_compare(config, r);
    }
    check_thread_count(config.threads);
    config.out_parent = args["out"].as<std::string>();
    const bool quiet = args.count("quiet") > 0;
    if (!quiet) {
        config.log = &std::cerr;
        config.terminal = ::isatty(STDERR_FILENO) != 0;
    }
    const experiment::CompareResult result = experiment::run_compare(config);
    // The table is in comparison.csv and report.md too; --quiet keeps a script's output to the
    // one line that says where they are.
    if (!quiet) std::cout << result.table << "\n";
    std::cout << "wrote " << result.out_dir
              << " (report.md, comparison.csv, replicates.csv, scenarios.csv, manifest.json) in "
              << format_seconds(result.seconds) << "\n";
    return 0;
}

} // namespace tendersim
