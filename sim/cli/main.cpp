// tendersim command line. Parsing lives here and only here: each subcommand fills a plain config
// struct and hands it to the library.
#include "core/params.hpp"
#include "io/run_job.hpp"
#include "io/scenario_error.hpp"
#include "io/scenario_loader.hpp"
#include "io/version.hpp"
#include "validate_command.hpp"

#include <cxxopts.hpp>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace tendersim;

constexpr const char* kUsage = R"(tendersim - agent-based simulator of public procurement markets

Usage:
  tendersim run SCENARIO.toml [options]   run a scenario, write results/<name>/
  tendersim validate [SCENARIO] [options] compare a scenario with published figures
  tendersim params [--toml [SCENARIO]]    print the parameter reference (Markdown), or a fully
                                          commented scenario file (defaults, or SCENARIO resolved)
  tendersim --help | --version

Run 'tendersim run --help' for the options of run.
)";

int default_threads() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : static_cast<int>(n);
}

int run_command(int argc, char** argv) {
    cxxopts::Options options("tendersim run", "Run a scenario and write results/<scenario name>/");
    options.positional_help("SCENARIO.toml");
    options.add_options()("scenario", "scenario file (TOML)", cxxopts::value<std::string>())(
        "seed", "base seed (overrides run.seed)", cxxopts::value<std::int64_t>())(
        "years", "simulated years (overrides run.years)", cxxopts::value<std::int64_t>())(
        "replicates", "replicates (overrides run.replicates)", cxxopts::value<std::int64_t>())(
        "threads", "worker threads (results do not depend on it)",
        cxxopts::value<int>()->default_value(std::to_string(default_threads())))(
        "out", "parent directory of the results",
        cxxopts::value<std::string>()->default_value("results"))(
        "set", "override a parameter, key=value (repeatable)",
        cxxopts::value<std::vector<std::string>>())("tender-log",
                                                    "also write tenders.csv, one row per tender")(
        "quiet", "no progress lines")("h,help", "this help");
    options.parse_positional({"scenario"});
    const auto args = options.parse(argc, argv);
    if (args.count("help")) {
        std::cout
            << options.help()
            << "\nOutputs: metrics.csv (tidy: scenario,replicate,seed,year,metric,value), "
               "suppliers.csv (end state), manifest.json, and with --tender-log tenders.csv.\n";
        return 0;
    }
    if (!args.count("scenario")) {
        std::cerr << "tendersim run: missing SCENARIO.toml (try scenarios/baseline.toml)\n";
        return 2;
    }
    RunConfig config;
    config.scenario_path = args["scenario"].as<std::string>();
    if (args.count("seed")) config.seed = args["seed"].as<std::int64_t>();
    if (args.count("years")) config.years = args["years"].as<std::int64_t>();
    if (args.count("replicates")) config.replicates = args["replicates"].as<std::int64_t>();
    if (args.count("set")) config.overrides = args["set"].as<std::vector<std::string>>();
    config.threads = args["threads"].as<int>();
    if (config.threads < 1) {
        std::cerr << "tendersim run: --threads must be at least 1\n";
        return 2;
    }
    config.out_dir = args["out"].as<std::string>();
    config.tender_log = args.count("tender-log") > 0;
    config.quiet = args.count("quiet") > 0;
    const RunSummary summary = run_job(config);
    std::cout << "wrote " << summary.result_dir << " in " << summary.wall_seconds << " s\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
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
        if (command == "validate") return validate_command(argc - 1, argv + 1);
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
        std::cerr << "tendersim: unknown command '" << command << "'\n\n" << kUsage;
        return 2;
    } catch (const ScenarioError& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    } catch (const cxxopts::exceptions::exception& e) {
        std::cerr << "error: " << e.what() << " (see --help)\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
