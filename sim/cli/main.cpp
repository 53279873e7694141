// tendersim command line. Parsing lives here and only here: each subcommand fills a plain config
// struct and hands it to the library.
#include "core/metric_registry.hpp"
#include "core/params.hpp"
#include "diagnose_command.hpp"
#include "experiment/flat_json.hpp"
#include "experiment/result_line.hpp"
#include "experiment/run_job.hpp"
#include "experiment_commands.hpp"
#include "io/errors.hpp"
#include "io/input_file_error.hpp"
#include "io/params_docs.hpp"
#include "io/scenario_loader.hpp"
#include "io/version.hpp"
#include "ocds_command.hpp"
#include "text/text.hpp"
#include "validate_command.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <cxxopts.hpp>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using namespace tendersim;

constexpr const char* kUsage = R"(tendersim - agent-based simulator of public procurement markets

Usage:
  tendersim run SCENARIO.toml [options]   run a scenario, write results/<name>/
  tendersim validate [SCENARIO] [options] compare a scenario with published figures
  tendersim compare A.toml B.toml [...]   paired policy comparison on common seeds: means,
                                          differences with 95% intervals, report.md
  tendersim sweep SWEEP.toml [options]    parameter sweep (grid, lhs, morris, sobol); resumable,
                                          parallel, --shard K/N or mpirun across machines
  tendersim merge SWEEP.toml [--out DIR]  merge the shards of a --shard K/N sweep
  tendersim calibrate SCENARIO --draws N  calibration as an ensemble: draws of the calibrated and
                                          assumed parameters scored against the targets, the
                                          ones that fit kept (rejection ABC); resumable, parallel
  tendersim chart RESULTS_DIR [--out DIR] PNG charts of a run's or a comparison's metrics.csv
                                          (runs tendersim-chart; needs X: use xvfb-run -a)
  tendersim params [--toml [SCENARIO]]    print the parameter reference (Markdown: default,
                                          range, basis - sourced, calibrated, assumed or setting -
                                          and plausible range), or a fully commented scenario
                                          file (defaults, or SCENARIO resolved)
  tendersim metrics                       print the metric reference (Markdown, docs/metrics.md)
  tendersim diagnose market DIR           prices by number of bids, single-bid premium,
                                          incumbent re-award rate, entry (from a run's CSVs)
  tendersim diagnose steady DIR           drift of a long run's headline metrics per 50 years
  tendersim ocds import FILES... --out SCENARIO.toml
                                          estimate a scenario from an OCDS register (release
                                          or record packages, JSON Lines, .gz; docs/ocds.md)
  tendersim --help | --version

Run 'tendersim COMMAND --help' for the options of a command.

Exit status (every command): 0 success; 1 a validation target missed (validate); 2 bad input
(arguments, input files, an output directory that refuses the command, no X display); 3 I/O
failure (a file could not be read or written: the message says which and why); 4 internal error
(a bug or out of memory); 130 interrupted.
)";

constexpr const char* kParamsUsage =
    R"(Usage: tendersim params [--toml [SCENARIO]]

Without options: the parameter reference as Markdown (docs/parameters.md is this output): each
parameter's type, unit, default, allowed range, basis (sourced, calibrated, assumed or setting),
plausible range and source.
--toml             a scenario file with every parameter at its default, each with its comment
--toml SCENARIO    the same for SCENARIO, with its base files and values resolved
)";

constexpr const char* kMetricsUsage = R"(Usage: tendersim metrics

The metric reference as Markdown (docs/metrics.md is this output): each metric's name, unit and
definition.
)";

// `tendersim chart ARGS...` runs tendersim-chart with ARGS. The engine never links SFML, so the
// renderer is a separate program, looked for next to this binary, then where the build tree puts
// it (build/sim/cli/tendersim -> build/viz/tendersim-chart), then on PATH. Returns only on failure.
int chart_command(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::vector<char*> args;
    // As argv[0]: tendersim-chart then names the command the user typed in its help and errors.
    args.push_back(const_cast<char*>("tendersim chart"));
    for (int i = 1; i < argc; ++i) args.push_back(argv[i]);
    args.push_back(nullptr);
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    std::string looked;
    if (!ec) {
        for (const fs::path& candidate :
             {self.parent_path() / "tendersim-chart",
              (self.parent_path() / ".." / ".." / "viz" / "tendersim-chart").lexically_normal()}) {
            looked += candidate.string() + ", ";
            if (::access(candidate.c_str(), X_OK) == 0) {
                ::execv(candidate.c_str(), args.data());
                std::cerr << "tendersim chart: cannot run " << candidate.string() << ": "
                          << std::strerror(errno) << "\n";
                return kExitIoFailure;
            }
        }
    }
    ::execvp("tendersim-chart", args.data());
    std::cerr << "tendersim chart needs tendersim-chart, built with -DTENDERSIM_BUILD_VIZ=ON "
                 "(looked in "
              << looked << "and PATH)\n";
    return kExitBadInput;
}

int default_threads() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : static_cast<int>(n);
}

int run_command(int argc, char** argv) {
    cxxopts::Options options("tendersim run", "Run a scenario and write results/<scenario name>/");
    options.positional_help("SCENARIO.toml");
    options.add_options()("scenario", "scenario file (TOML)", cxxopts::value<std::string>())(
        "save-state",
        "write the market after the last year to FILE, to continue from later (one replicate; "
        "docs/state-format.md)",
        cxxopts::value<std::string>())(
        "from-state",
        "continue from a saved state: the years after it, under SCENARIO (which must agree with "
        "the saved scenario on the years already run; without SCENARIO, the saved one) and --set",
        cxxopts::value<std::string>())("seed", "base seed (overrides run.seed)",
                                       cxxopts::value<std::int64_t>())(
        "years",
        "simulated years, 0 to 200 (overrides run.years); 0 builds the market and runs only its "
        "burn-in years",
        cxxopts::value<std::int64_t>())("replicates", "replicates (overrides run.replicates)",
                                        cxxopts::value<std::int64_t>())(
        "threads", "worker threads (results do not depend on it)",
        cxxopts::value<int>()->default_value(std::to_string(default_threads())))(
        "out", "parent directory of the results",
        cxxopts::value<std::string>()->default_value("results"))(
        "set", "override a parameter, key=value (repeatable)",
        cxxopts::value<std::vector<std::string>>())("tender-log",
                                                    "also write tenders.csv, one row per tender")(
        "bid-log", "also write bids.csv, one row per bid (joins tenders.csv on scenario, "
                   "replicate, year, tender)")(
        "ocds", "also write ocds.jsonl: the run as OCDS 1.1 release packages (JSON Lines, one "
                "release per tender; synthetic identifiers, see docs/ocds.md)")(
        "ocds-gzip", "write the OCDS export gzip-compressed, as ocds.jsonl.gz (implies --ocds)")(
        "quiet", "no progress lines")(
        "params-json",
        "parameter values as a flat JSON object, inline or in a file (applied before --set)",
        cxxopts::value<std::string>())(
        "result-line",
        "print one result line per replicate on stdout, csv or json, and write no files "
        "(for external drivers)",
        cxxopts::value<std::string>())(
        "metrics", "metrics for --result-line, comma-separated (default: the headline metrics)",
        cxxopts::value<std::vector<std::string>>())("h,help", "this help");
    // Further positional arguments are collected to be refused, not silently ignored.
    options.add_options("hidden")("more", "", cxxopts::value<std::vector<std::string>>());
    options.parse_positional({"scenario", "more"});
    const auto args = options.parse(argc, argv);
    if (args.count("help")) {
        std::cout
            << options.help({""})
            << "\nOutputs: metrics.csv (tidy: scenario,replicate,seed,year,metric,value), "
               "suppliers.csv (end state), manifest.json, with --tender-log tenders.csv, with "
               "--bid-log bids.csv, with --ocds ocds.jsonl (--ocds-gzip: ocds.jsonl.gz).\n"
               "With --years 0: the starting market after the burn-in years (run.burn_in_years): "
               "suppliers.csv and manifest.json as usual, metrics.csv and tenders.csv with their "
               "header only (no year is simulated).\n"
               "With --result-line: only stdout, one line per replicate with final.<metric> and "
               "mean.<metric> (time average) values.\n"
               "Saved states: 'tendersim run S.toml --years 4 --save-state s4.state' then "
               "'tendersim run S2.toml --from-state s4.state' writes years 5 onward exactly as an "
               "uninterrupted run of S2 would, when S2 differs from S only from year 5 (an "
               "[[adopt]] or --set of a later adoption).\n"
            << kExitCodesHelp;
        return 0;
    }
    if (!args.count("scenario") && !args.count("from-state")) {
        std::cerr << "tendersim run: missing SCENARIO.toml (try scenarios/baseline.toml)\n";
        return 2;
    }
    if (args.count("more")) {
        std::cerr << "tendersim run: runs one scenario, got " << args["scenario"].as<std::string>()
                  << " and also " << args["more"].as<std::vector<std::string>>().front()
                  << " (run each on its own, or compare them with tendersim compare)\n";
        return 2;
    }
    RunConfig config;
    if (args.count("scenario")) config.scenario_path = args["scenario"].as<std::string>();
    if (args.count("save-state")) config.save_state = args["save-state"].as<std::string>();
    if (args.count("from-state")) config.from_state = args["from-state"].as<std::string>();
    if (args.count("seed")) config.seed = args["seed"].as<std::int64_t>();
    if (args.count("years")) config.years = args["years"].as<std::int64_t>();
    if (args.count("replicates")) config.replicates = args["replicates"].as<std::int64_t>();
    if (args.count("params-json")) {
        const std::string json = args["params-json"].as<std::string>();
        config.overrides = experiment::params_json_overrides(json);
        // Errors name the option (or the JSON file) that set the key.
        const auto first = json.find_first_not_of(" \t\r\n");
        const std::string source = first != std::string::npos && json[first] == '{'
                                       ? std::string("--params-json")
                                       : "--params-json " + json;
        config.override_sources.assign(config.overrides.size(), source);
    }
    if (args.count("set"))
        for (const auto& o : args["set"].as<std::vector<std::string>>())
            config.overrides.push_back(o);
    config.threads = args["threads"].as<int>();
    check_thread_count(config.threads);
    config.out_dir = args["out"].as<std::string>();
    config.tender_log = args.count("tender-log") > 0;
    config.bid_log = args.count("bid-log") > 0;
    config.ocds = args.count("ocds") > 0;
    config.ocds_gzip = args.count("ocds-gzip") > 0;
    config.quiet = args.count("quiet") > 0;
    if (args.count("result-line")) {
        const std::string format = args["result-line"].as<std::string>();
        if (format != "csv" && format != "json") {
            std::cerr << "tendersim run: --result-line takes csv or json\n";
            return 2;
        }
        if (!config.save_state.empty() || !config.from_state.empty()) {
            std::cerr << "tendersim run: --result-line cannot go with --save-state or "
                         "--from-state\n";
            return 2;
        }
        if (config.bid_log || config.ocds || config.ocds_gzip) {
            std::cerr << "tendersim run: --result-line writes no files, so --bid-log, --ocds and "
                         "--ocds-gzip cannot go with it\n";
            return 2;
        }
        experiment::ResultLineConfig rl;
        rl.run = config;
        rl.format =
            format == "csv" ? experiment::ResultFormat::Csv : experiment::ResultFormat::Json;
        if (args.count("metrics")) rl.metrics = args["metrics"].as<std::vector<std::string>>();
        experiment::write_result_lines(rl, std::cout);
        return 0;
    }
    const RunSummary summary = run_job(config);
    std::cout << "wrote " << summary.result_dir << " in " << format_seconds(summary.wall_seconds)
              << "\n";
    return 0;
}

} // namespace

int dispatch(int argc, char** argv);

// Output on stdout (a result line, a parameter reference, a report) that could not be written,
// e.g. to a full disk or a closed pipe, is an I/O failure, not a success.
int main(int argc, char** argv) {
    const int code = dispatch(argc, argv);
    if (std::cout) errno = 0; // an earlier failed write keeps its errno (the reason) for below
    std::cout.flush();
    // std::cout shares stdio's buffer: the failed write (and its errno) may come only here.
    if (!std::cout || std::fflush(stdout) != 0) {
        const int err = errno;
        std::cerr << "error: cannot write standard output"
                  << (err ? std::string(": ") + std::strerror(err) : std::string()) << "\n";
        return code == kExitOk || code == kExitTargetMissed ? kExitIoFailure : code;
    }
    return code;
}

int dispatch(int argc, char** argv) {
    try {
        if (argc < 2) {
            std::cerr << kUsage;
            return 2;
        }
        const std::string command = argv[1];
        if (command == "--help" || command == "-h" || command == "help") {
            std::cout << kUsage;
            return 0;
        }
        if (command == "--version" || command == "-V") {
            std::cout << "tendersim " << kVersion << " (" << kGitCommit << ")\n";
            return 0;
        }
        if (command == "run") return run_command(argc - 1, argv + 1);
        if (command == "chart") return chart_command(argc - 1, argv + 1);
        if (command == "validate") return validate_command(argc - 1, argv + 1);
        if (command == "compare") return compare_command(argc - 1, argv + 1);
        if (command == "sweep") return sweep_command(argc - 1, argv + 1);
        if (command == "merge") return merge_command(argc - 1, argv + 1);
        if (command == "calibrate") return calibrate_command(argc - 1, argv + 1);
        if (command == "diagnose") return diagnose_command(argc - 1, argv + 1);
        if (command == "ocds") return ocds_command(argc - 1, argv + 1);
        if (command == "params" || command == "metrics") {
            const std::string arg = argc >= 3 ? argv[2] : "";
            if (arg == "--help" || arg == "-h") {
                std::cout << (command == "params" ? kParamsUsage : kMetricsUsage);
                return 0;
            }
            const bool toml = command == "params" && arg == "--toml";
            if (!arg.empty() && !toml) {
                std::cerr << "error: tendersim " << command << ": unexpected '" << arg
                          << "' (see tendersim " << command << " --help)\n";
                return kExitBadInput;
            }
        }
        if (command == "params") {
            if (argc >= 3 && std::string(argv[2]) == "--toml") {
                ScenarioSpec spec;
                spec.categories = default_categories();
                if (argc >= 4) spec = load_scenario_file(argv[3]);
                std::cout << scenario_toml(
                    spec, "# tendersim scenario: every parameter, with its documentation.");
                return 0;
            }
            std::cout << parameter_reference_markdown();
            return 0;
        }
        if (command == "metrics") {
            std::cout << metric_reference_markdown();
            return 0;
        }
        std::cerr << "tendersim: unknown command '" << command << "'\n\n" << kUsage;
        return 2;
    } catch (const cxxopts::exceptions::exception& e) {
        std::cerr << "error: " << e.what() << " (see --help)\n";
        return kExitBadInput;
    } catch (const std::exception& e) {
        return report_error(nullptr, e); // the one mapping from error to exit code
    }
}
