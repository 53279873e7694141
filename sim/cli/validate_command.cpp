#include "validate_command.hpp"

#include "io/result_dir.hpp"
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
        "distance",
        "print only the distance to the targets (for calibration scripts)")("h,help", "this help");
    options.parse_positional({"scenario"});
    const auto args = options.parse(argc, argv);
    if (args.count("help")) {
        std::cout << options.help()
                  << "\nExit status: 0 when every gating target is inside its tolerance, 1 when "
                     "one is outside, 2 on bad input.\n";
        return 0;
    }
    const auto replicates = args["replicates"].as<std::int64_t>();
    if (replicates < 2) {
        std::cerr << "tendersim validate: --replicates must be at least 2 (for an interval)\n";
        return 2;
    }
    ScenarioSpec spec = load_scenario_file(args["scenario"].as<std::string>());
    if (args.count("set")) {
        std::vector<Override> overrides;
        for (const auto& o : args["set"].as<std::vector<std::string>>())
            overrides.push_back({o, ""});
        apply_overrides(spec, overrides);
    }
    const auto targets = validation::load_targets(args["targets"].as<std::string>());
    const auto report =
        validation::validate(spec, targets, replicates, std::max(1, args["threads"].as<int>()));
    if (args.count("distance")) {
        std::cout << report.distance() << "\n";
        return 0;
    }
    validation::print_report(std::cout, report);
    if (args.count("markdown"))
        write_file_atomically(args["markdown"].as<std::string>(),
                              validation::report_markdown(report));
    return report.passed() ? 0 : 1;
}

} // namespace tendersim
