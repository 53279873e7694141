#pragma once
// Reading the engine's tidy metrics CSV and reducing replicates to a mean with a 95% confidence
// band per (scenario, metric, year).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <span>
#include <string>
#include <vector>

namespace tendersim::viz {

// The exact header the engine writes; anything else is rejected so a column swap cannot
// silently produce a wrong chart.
inline constexpr const char* kMetricsHeader = "scenario,replicate,seed,year,metric,value";

struct Observation {
    std::string scenario;
    std::uint32_t replicate = 0;
    std::uint64_t seed = 0;
    int year = 0;
    std::string metric;
    double value = 0.0;
    std::size_t line = 0; // 1-based line in the source, for error messages
};

struct MetricsTable {
    std::string source; // file name used in messages
    std::vector<Observation> rows;
    std::size_t missing_values = 0; // rows whose value was "nan": kept out of means (see .cpp)

    // Names in order of first appearance, so charts follow the order the engine wrote.
    std::vector<std::string> scenarios() const;
    std::vector<std::string> metrics() const;
};

// Throws std::runtime_error("SOURCE:LINE: expected ...") on the first malformed line.
MetricsTable parse_metrics_csv(std::istream& in, const std::string& source);
MetricsTable read_metrics_csv(const std::filesystem::path& path);

// Replicates summarised for one year.
struct YearSummary {
    int year = 0;
    std::size_t n = 0; // replicates contributing
    double mean = 0.0;
    double sd = 0.0;         // sample standard deviation (n - 1); 0 when n == 1
    double half_width = 0.0; // t_{0.975, n-1} * sd / sqrt(n); 0 when n == 1
    bool has_band() const { return n >= 2; }
    double lo() const { return mean - half_width; }
    double hi() const { return mean + half_width; }
};

struct Series {
    std::string scenario;
    std::string metric;
    std::vector<YearSummary> points; // ascending year
};

// One series per (metric, scenario): metrics in first-appearance order, scenarios likewise.
// Throws std::runtime_error naming both lines if a (scenario, replicate, year, metric) repeats,
// because a duplicated replicate would narrow the band dishonestly.
std::vector<Series> group_series(const MetricsTable& table);

// Mean, sample sd and 95% half-width of one year's replicate values.
YearSummary summarise(int year, std::span<const double> values);

// Two-sided 95% Student t critical value t_{0.975, df}, df >= 1 (Hill 1970, see .cpp).
double t_quantile_975(std::size_t df);

} // namespace tendersim::viz
