#include "ocds_command.hpp"

#include "io/data_dir.hpp"
#include "io/errors.hpp"
#include "ocds/import/import.hpp"

#include <cxxopts.hpp>
#include <filesystem>
#include <iostream>
#include <string>

namespace tendersim {

namespace {

constexpr const char* kOcdsUsage =
    R"(Usage: tendersim ocds import FILES_OR_DIRS... --out SCENARIO.toml [options]

Reads OCDS release packages, record packages (compiledRelease), JSON Lines (.jsonl, .ndjson) and
their .gz forms (a directory: its files of those kinds), merges releases by ocid and writes
SCENARIO.toml (base = the --base scenario, each estimate commented), SCENARIO.toml.report.md and
SCENARIO.toml.estimates.json. docs/ocds.md gives the field mapping and the CPV table.
)";

int import_command(int argc, char** argv) {
    cxxopts::Options options("tendersim ocds import",
                             "Estimate a scenario from an OCDS register (docs/ocds.md)");
    options.positional_help("FILES_OR_DIRS...");
    options.add_options()("inputs", "OCDS files or directories",
                          cxxopts::value<std::vector<std::string>>())(
        "out", "the scenario to write (report and estimates beside it)",
        cxxopts::value<std::string>())(
        "rate", "GBP per unit of a currency, CUR=X (repeatable), e.g. AMD=0.0019",
        cxxopts::value<std::vector<std::string>>())(
        "name", "the scenario's name (default: the --out file's stem)",
        cxxopts::value<std::string>())(
        "base", "the base scenario (default: scenarios/baseline.toml in the data directory)",
        cxxopts::value<std::string>())(
        "min-sample", "fewest observations an estimate needs (below it the base's value is kept)",
        cxxopts::value<std::int64_t>()->default_value("10"))("h,help", "this help");
    options.parse_positional({"inputs"});
    const auto args = options.parse(argc, argv);
    if (args.count("help")) {
        std::cout << kOcdsUsage << "\n" << options.help({""}) << "\n" << kExitCodesHelp;
        return kExitOk;
    }
    if (!args.count("inputs")) {
        std::cerr << "tendersim ocds import: no OCDS files or directories given (see --help)\n";
        return kExitBadInput;
    }
    if (!args.count("out")) {
        std::cerr << "tendersim ocds import: --out SCENARIO.toml is required\n";
        return kExitBadInput;
    }
    ocds::ImportConfig config;
    for (const auto& in : args["inputs"].as<std::vector<std::string>>())
        config.inputs.emplace_back(in);
    config.out = args["out"].as<std::string>();
    config.base = args.count("base") ? std::filesystem::path(args["base"].as<std::string>())
                                     : find_data_file("scenarios/baseline.toml");
    if (args.count("name")) config.name = args["name"].as<std::string>();
    const auto min_sample = args["min-sample"].as<std::int64_t>();
    if (min_sample < 1 || min_sample > 1000000) {
        std::cerr << "tendersim ocds import: --min-sample must be from 1 to 1000000\n";
        return kExitBadInput;
    }
    config.options.min_sample = static_cast<std::size_t>(min_sample);
    if (args.count("rate"))
        for (const auto& r : args["rate"].as<std::vector<std::string>>()) {
            const auto [code, rate] = ocds::parse_rate(r);
            config.options.gbp_per_unit[code] = rate;
        }
    const ocds::ImportSummary s = ocds::run_import(config);
    std::cout << "wrote " << s.scenario.string() << ", " << s.report.string() << " and "
              << s.estimates.string() << ": " << s.tenders << " tenders, " << s.estimated
              << " parameters set, " << s.kept << " kept at the base's value, " << s.dropped
              << " records or fields dropped (see the report)\n";
    return kExitOk;
}

} // namespace

int ocds_command(int argc, char** argv) {
    const std::string sub = argc >= 2 ? argv[1] : "";
    if (sub == "import") return import_command(argc - 1, argv + 1);
    if (sub == "--help" || sub == "-h") {
        std::cout << kOcdsUsage;
        return kExitOk;
    }
    std::cerr << "tendersim ocds: expected 'import'" << (sub.empty() ? "" : ", got '" + sub + "'")
              << "\n\n"
              << kOcdsUsage;
    return kExitBadInput;
}

} // namespace tendersim
