#pragma once
// `tendersim ocds import`: read an OCDS register, estimate, write the scenario, its report and
// its estimates (each to a temporary name, then renamed).
#include "estimate.hpp"
#include "options.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tendersim::ocds {

struct ImportConfig {
    std::vector<std::filesystem::path> inputs; // files or directories
    std::filesystem::path out;                 // the scenario; report and estimates beside it
    std::filesystem::path base = "scenarios/baseline.toml";
    std::string name; // empty: the out file's stem
    ImportOptions options;
};

struct ImportSummary {
    std::filesystem::path scenario, report, estimates;
    std::size_t tenders = 0;
    std::size_t estimated = 0; // parameters set from the data
    std::size_t kept = 0;      // parameters left at the base's value
    std::size_t dropped = 0;
};

// Throws InputError (exit 2) for bad input (files, a currency without a rate, an invalid name),
// IoError (exit 3) when a file cannot be read or written.
ImportSummary run_import(const ImportConfig& config);

// "AMD=0.0019" -> {"AMD", 0.0019}; throws InputError naming the option for anything else.
std::pair<std::string, double> parse_rate(const std::string& text);

} // namespace tendersim::ocds
