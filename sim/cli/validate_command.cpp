#include "validate_command.hpp"

#include "io/errors.hpp"
#include "io/file_io.hpp"
#include "io/scenario_loader.hpp"
#include "validation/validate.hpp"

#include <cxxopts.hpp>
#include <iostream>
#include <thread>

namespace tendersim {

int validate_command(int argc, char** argv) {
    cxxopts::Options options(
        "tendersim validate",
        "Compare a scenario's outputs with published figures (validation/targets.toml)");
    options.positional_help("[SCENARIO.toml]");
    options.add_options()("scenario", "scenario file",
                          cxxopts::value<std::string>()->default_value("scenarios/baseline.toml"))(
        "replicates", "replicates", cxxopts::value<std::int64_t>()->default_value("10"))(
        "targets", "targets file",
        cxxopts::value<std::string>()->default_value("validation/targets.toml"))(
        "set", "override a parameter, key=value (repeatable)",
        cxxopts::value<std::vector<std::string>>())(
        "threads", "worker threads",
        cxxopts::value<int>()->default_value(
            std::to_string(std::max(1u, std::thread::hardware_concurrency()))))(
        "markdown", "also write the table as Markdown to FILE", cxxopts::value<std::string>())(
        "distance", "print only the distance to the targets (for calibration scripts)")(
        "verdict",
        "print one line: distance, pass or fail, and the ids of the gating targets missed "
        "(comma-separated, - for none), tab-separated; exit status as without it (for "
        "scripts/profile.sh)")("h,help", "this help");
    options.parse_positional({"scenario"});
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
    ScenarioSpec spec = load_scenario_file(args["scenario"].as<std::string>());
    if (args.count("set")) {
        std::vector<Override> overrides;
        for (const auto& o : args["set"].as<std::vector<std::string>>())
            overrides.push_back({o, ""});
        apply_overrides(spec, overrides);
    }
    const auto targets = validation::load_targets(args["targets"].as<std::string>());
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
