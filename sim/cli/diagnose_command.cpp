// `tendersim diagnose market|steady DIR`: figures for docs/calibration.md from a run's CSV files.
#include "diagnose_command.hpp"

#include "diagnostics/market_diagnostics.hpp"
#include "diagnostics/steady_state.hpp"
#include "io/errors.hpp"
#include "io/result_dir.hpp"

#include <cxxopts.hpp>
#include <filesystem>
#include <iostream>
#include <string>

namespace tendersim {
namespace {

constexpr const char* kDiagnoseUsage = R"(Usage:
  tendersim diagnose market DIR [--markdown FILE]
      prices by number of bids, single-bid premium, price slope per bidder, incumbent re-award
      rate against chance, entry/exit metrics; from DIR/tenders.csv (run --tender-log) and
      DIR/metrics.csv
  tendersim diagnose steady DIR [--windows 50,100,150,200] [--markdown FILE]
      window means and drift (% per 50 years) of the headline metrics of a long run, from
      DIR/metrics.csv; "settled" when every drift is under 5%

Both print Markdown tables on stdout; --markdown FILE also writes them to FILE.
Exit status: 0 report printed (settled or not); 2 bad input (a missing file or column, a
non-numeric field: FILE:LINE: column 'x': expected ..., got ...); 3 FILE cannot be written (the
tables on stdout are still complete).
)";

// Writes the report to FILE (atomically) before printing it; an unwritable FILE still prints.
int emit(const std::string& report, const cxxopts::ParseResult& args) {
    std::string write_error;
    if (args.count("markdown")) {
        try {
            write_file_atomically(args["markdown"].as<std::string>(), report);
        } catch (const IoError& e) {
            write_error = e.what();
        }
    }
    std::cout << report;
    if (!write_error.empty()) {
        std::cerr << "error: " << write_error
                  << "\nThe tables above are complete, but the --markdown file was not written.\n";
        return kExitIoFailure;
    }
    return kExitOk;
}

} // namespace

int diagnose_command(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
        (argc < 2 ? std::cerr : std::cout) << kDiagnoseUsage;
        return argc < 2 ? kExitBadInput : kExitOk;
    }
    const std::string what = argv[1];
    if (what != "market" && what != "steady") {
        std::cerr << "tendersim diagnose: unknown diagnosis '" << what << "' (market or steady)\n\n"
                  << kDiagnoseUsage;
        return kExitBadInput;
    }
    cxxopts::Options options("tendersim diagnose " + what,
                             what == "market"
                                 ? "Market diagnostics from a run's tenders.csv and metrics.csv"
                                 : "Steady-state drift of a long run's metrics.csv");
    options.positional_help("DIR");
    options.add_options()("dir", "results directory of a run", cxxopts::value<std::string>())(
        "markdown", "also write the tables to FILE", cxxopts::value<std::string>());
    if (what == "steady")
        options.add_options()("windows", "window boundaries in years",
                              cxxopts::value<std::string>()->default_value("50,100,150,200"));
    options.add_options()("h,help", "this help");
    options.add_options("hidden")("more", "", cxxopts::value<std::vector<std::string>>());
    options.parse_positional({"dir", "more"});
    const auto args = options.parse(argc - 1, argv + 1);
    if (args.count("help")) {
        std::cout << options.help({""}) << "\n" << kDiagnoseUsage;
        return kExitOk;
    }
    if (!args.count("dir")) {
        std::cerr << "tendersim diagnose " << what
                  << ": missing DIR (the results directory of a run, e.g. results/baseline)\n";
        return kExitBadInput;
    }
    if (args.count("more")) {
        std::cerr << "tendersim diagnose " << what << ": takes one DIR, got "
                  << args["dir"].as<std::string>() << " and also "
                  << args["more"].as<std::vector<std::string>>().front() << "\n";
        return kExitBadInput;
    }
    const std::filesystem::path dir = args["dir"].as<std::string>();
    std::string command = "tendersim diagnose " + what + " " + dir.string();
    if (what == "market")
        return emit(diagnostics::market_markdown(diagnostics::diagnose_market(dir), command), args);

    const std::string windows = args["windows"].as<std::string>();
    if (args.count("windows")) command += " --windows " + windows;
    const auto bounds = diagnostics::parse_windows(windows);
    // DIR, or the metrics.csv file itself.
    std::error_code ec;
    const std::filesystem::path csv =
        std::filesystem::is_directory(dir, ec) ? dir / "metrics.csv" : dir;
    return emit(diagnostics::steady_markdown(diagnostics::diagnose_steady(csv, bounds), command),
                args);
}

} // namespace tendersim
