#pragma once
// Which charts `tendersim chart` writes for a results directory, and the index.md that lists
// them. Pure planning (no SFML), so what a reader gets is tested without a display.
#include "chart/chart_spec.hpp"
#include "chart/comparison_chart.hpp"
#include "chart/series.hpp"

#include <string>
#include <vector>

namespace tendersim::viz {

struct PlannedChart {
    std::string file; // "sme_share_direct.png"
    std::string what; // one line for the index
    ChartSpec spec;
};

struct ChartSet {
    std::string heading; // index.md's title
    std::string note;    // how the charts were chosen
    std::vector<PlannedChart> charts;
    std::vector<std::string> skipped; // metrics left out because every value is zero
};

struct RunChartChoice {
    std::vector<std::string> metrics; // named on the command line: exactly these
    bool all = false;                 // every metric in the file
    std::string baseline;             // scenario drawn as the baseline
};

// A run's (or an older comparison's) metrics: the headline metrics by default, every metric with
// `all`; a metric that is zero throughout (a lever nobody used) is skipped unless named.
ChartSet plan_run_charts(const MetricsTable& table, const RunChartChoice& choice);

// A comparison directory: per metric the paired difference from the reference and the levels.
ChartSet plan_comparison_charts(const ComparisonTable& table,
                                const std::vector<std::string>& metrics);

// Metric names become file names; anything outside a safe set is replaced so a metric named
// "a/b" cannot write outside the output directory.
std::string chart_file_stem(const std::string& metric);

// index.md: every chart with its title and what it shows, linked; the skipped metrics.
std::string chart_index_markdown(const ChartSet& set);

} // namespace tendersim::viz
