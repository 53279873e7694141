#pragma once
// Charts of a `tendersim compare` directory that show what its report tests: for each metric the
// paired difference of every alternative from the reference, with its paired 95% interval, and
// the levels; markers on the sampled years (the lines only join them), a rule where the policies
// start, scenarios labelled by their descriptions and coloured the same in every chart.
#include "chart/chart_spec.hpp"

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tendersim::viz {

// One row of comparison.csv.
struct ComparisonPoint {
    std::string metric;
    int year = 0;
    std::string scenario;
    double mean = 0.0, lo = 0.0, hi = 0.0; // level and its 95% interval
    // Paired difference from the reference and its 95% interval; empty for the reference.
    std::optional<double> diff, diff_lo, diff_hi;
    bool distinguishable = false;
};

// One row of scenarios.csv.
struct ComparedScenario {
    std::string name;
    bool reference = false;
    std::optional<int> policy_from;
    std::string description;
};

struct ComparisonTable {
    std::vector<ComparisonPoint> points;
    std::vector<ComparedScenario> scenarios;  // reference first
    std::vector<std::string> metrics() const; // first-appearance order
    std::vector<int> years() const;           // ascending
};

// Reads DIR/comparison.csv and DIR/scenarios.csv. Throws std::runtime_error naming file, line
// and field on malformed input.
ComparisonTable read_comparison(const std::filesystem::path& dir);

// A colour per scenario that depends on its name, not its position, so sv60 is the same colour
// whichever scenarios it is compared with (collisions take the next free colour, in list order).
std::vector<Rgba> scenario_colours(std::span<const std::string> names);

// The paired difference of each alternative from the reference (zero line included).
ChartSpec make_difference_chart(const ComparisonTable& table, std::string_view metric);
// The level of every scenario, the reference drawn as the baseline.
ChartSpec make_level_chart(const ComparisonTable& table, std::string_view metric);

} // namespace tendersim::viz
