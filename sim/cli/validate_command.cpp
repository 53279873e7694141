#include "validate_command.hpp"

#include "io/data_dir.hpp"
#include "io/errors.hpp"
#include "io/file_io.hpp"
#include "io/scenario_loader.hpp"
#include "ocds/import/import.hpp"
#include "validation/market_distributions.hpp"
#include "validation/validate.hpp"

#include <cxxopts.hpp>
#include <iostream>
#include <thread>

namespace tendersim {
namespace {

// `validate SCENARIO --against-ocds FILES...`: a side-by-side table, not a pass/fail verdict (a
// register is one market in one period; the model is a scenario: the comparison is for judging
// whether the scenario describes that market, with the sample sizes in view).
int against_ocds(const cxxopts::ParseResult& args, const ScenarioSpec& spec,
                 std::int64_t replicates, int threads) {
    if (!args.count("against-ocds") || !args.count("files")) {
        std::cerr << "tendersim validate: register files are compared only with --against-ocds, "
                     "which needs at least one file or folder after the scenario, e.g. "
                     "`tendersim validate scenarios/my-market.toml --against-ocds register/`\n";
        return kExitBadInput;
    }
    ocds::ImportOptions options;
    if (args.count("rate"))
        for (const auto& r : args["rate"].as<std::vector<std::string>>()) {
            const auto [code, rate] = ocds::parse_rate(r);
            options.gbp_per_unit[code] = rate;
        }
    std::vector<std::filesystem::path> files;
    for (const auto& f : args["files"].as<std::vector<std::string>>()) files.emplace_back(f);
    // The register first: a bad file fails in seconds, before the model's replicates run.
    const auto data = validation::register_distributions(ocds::estimate_register(files, options));
    const auto model = validation::model_distributions(spec, replicates, threads);
    if (args.count("markdown"))
        write_file_checked(args["markdown"].as<std::string>(),
                           validation::distributions_markdown(model, data));
    std::cout << validation::distributions_text(model, data);
    return kExitOk;
}

} // namespace

int validate_command(int argc, char** argv) {
    cxxopts::Options options(
        "tendersim validate",
        "Compare a scenario's outputs with published figures (validation/targets.toml)");
    options.positional_help("[SCENARIO.toml] [--against-ocds FILE_OR_DIR...]");
    // The defaults are data files, found wherever tendersim is (io/data_dir.hpp), not in the
    // current directory.
    options.add_options()("scenario",
                          "scenario file (default: scenarios/baseline.toml in the data directory)",
                          cxxopts::value<std::string>())(
        "replicates", "replicates", cxxopts::value<std::int64_t>()->default_value("10"))(
        "targets", "targets file (default: validation/targets.toml in the data directory)",
        cxxopts::value<std::string>())("set", "override a parameter, key=value (repeatable)",
                                       cxxopts::value<std::vector<std::string>>())(
        "threads", "worker threads",
        cxxopts::value<int>()->default_value(
            std::to_string(std::max(1u, std::thread::hardware_concurrency()))))(
        "markdown", "also write the table as Markdown to FILE", cxxopts::value<std::string>())(
        "distance", "print only the distance to the targets (for calibration scripts)")(
        "verdict",
        "print one line: distance, pass or fail, and the ids of the gating targets missed "
        "(comma-separated, - for none), tab-separated; exit status as without it (for "
        "scripts/profile.sh)")(
        "against-ocds",
        "instead of the targets, put the model's tender distributions (bids per tender, "
        "single-bid share, contract values and lengths, SME share) beside those of an OCDS "
        "register: the files and folders after the scenario (as `tendersim ocds import` reads)")(
        "rate", "with --against-ocds: GBP per unit of a currency, CUR=X (repeatable)",
        cxxopts::value<std::vector<std::string>>())(
        "files", "register files", cxxopts::value<std::vector<std::string>>())("h,help",
                                                                               "this help");
    options.parse_positional({"scenario", "files"});
    const auto args = options.parse(argc, argv);
    if (args.count("help")) {
        std::cout << options.help()
                  << "\nExit status: 0 when every gating target is inside its tolerance, 1 when "
                     "one is outside, 2 on bad input, 3 when the --markdown report cannot be "
                     "written (the table on stdout is still complete), 4 on an internal error.\n";
        return 0;
    }
    const auto replicates = args["replicates"].as<std::int64_t>();
    if (replicates < 2) {
        std::cerr << "tendersim validate: --replicates must be at least 2 (for an interval)\n";
        return kExitBadInput;
    }
    const int threads = args["threads"].as<int>();
    check_thread_count(threads);
    const std::string scenario = args.count("scenario")
                                     ? args["scenario"].as<std::string>()
                                     : find_data_file("scenarios/baseline.toml").string();
    if (args.count("against-ocds") && !scenario.ends_with(".toml")) {
        std::cerr << "tendersim validate: --against-ocds compares a scenario with a register: "
                     "give the scenario file first, then the register's files, e.g. "
                     "`tendersim validate scenarios/my-market.toml --against-ocds register/` (got '"
                  << scenario << "' where the scenario goes)\n";
        return kExitBadInput;
    }
    ScenarioSpec spec = load_scenario_file(scenario);
    if (args.count("set")) {
        std::vector<Override> overrides;
        for (const auto& o : args["set"].as<std::vector<std::string>>())
            overrides.push_back({o, ""});
        apply_overrides(spec, overrides);
    }
    if (args.count("against-ocds") || args.count("files"))
        return against_ocds(args, spec, replicates, threads);
    const auto targets = validation::load_targets(
        args.count("targets") ? args["targets"].as<std::string>()
                              : find_data_file("validation/targets.toml").string());
    const auto report = validation::validate(spec, targets, replicates, threads);
    if (args.count("distance")) {
        std::cout << report.distance() << "\n";
        return 0;
    }
    if (args.count("verdict")) {
        std::string missed;
        for (const auto& r : report.results)
            if (r.target.gate && !r.inside) missed += (missed.empty() ? "" : ",") + r.target.id;
        std::cout << report.distance() << "\t" << (report.passed() ? "pass" : "fail") << "\t"
                  << (missed.empty() ? "-" : missed) << "\n";
        return report.passed() ? kExitOk : kExitTargetMissed;
    }
    // The Markdown report is written before the table is printed, so no PASS reaches the
    // screen before every output is known written; if it cannot be, the table still appears
    // (the runs took a while) and the exit code says I/O failure, not a verdict.
    std::string write_error;
    if (args.count("markdown")) {
        try {
            write_file_checked(args["markdown"].as<std::string>(),
                               validation::report_markdown(report));
        } catch (const IoError& e) {
            write_error = e.what();
        }
    }
    validation::print_report(std::cout, report);
    if (!write_error.empty()) {
        std::cerr << "error: " << write_error << "\nThe targets were checked ("
                  << (report.passed() ? "every gating target passed" : "a gating target missed")
                  << ", as the table above shows), but the --markdown report was not written.\n";
        return kExitIoFailure;
    }
    return report.passed() ? kExitOk : kExitTargetMissed;
}

} // namespace tendersim
