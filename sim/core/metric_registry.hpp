#pragma once
// The one list of yearly metrics: for each, its metrics.csv column name, what a person calls it,
// its unit and natural bounds, its definition, and where its value sits in YearMetrics. The CSV
// rows (metric_rows), docs/metrics.md, the experiment reports and the charts all read it, so a
// metric is defined once.
#include "metrics.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tendersim {

// What a metric's number counts or measures. Drives report and chart formatting.
enum class MetricUnit : std::uint8_t {
    Count,         // things this year (tenders, suppliers, bids)
    Mean,          // a mean number of things (bids per tender, councils per partnership)
    Share,         // a fraction, 0.35 = 35%
    Ratio,         // one amount over another (price index: 1 = the efficient cost)
    Index,         // Herfindahl-Hirschman index, 0-10,000
    Score,         // quality score, 0-1
    Money,         // pounds sterling
    MoneyPerPound, // pounds of social value per pound spent or awarded
    Years,
    FteYears, // full-time-equivalent years of employment
    Tonnes,   // of CO2
    Hours,
};

// "share", "GBP", "count", ...: the unit as docs/metrics.md names it.
std::string_view unit_name(MetricUnit unit);

struct MetricDef {
    std::string_view name;  // metrics.csv column, never renamed
    std::string_view title; // human title: chart titles, report.md
    std::string_view label; // short title: app panels, a quarter of the screen wide
    std::string_view axis;  // value-axis label, naming the unit
    MetricUnit unit = MetricUnit::Count;
    std::optional<double> lower = std::nullopt; // values outside [lower, upper] cannot occur
    std::optional<double> upper = std::nullopt;
    std::string_view definition; // docs/metrics.md: how it is computed, and sources
    // The value in a year's metrics (overall metrics), or in one category's concentration
    // figures (per-category metrics, named "<name>.<category>"); exactly one is set.
    double (*value)(const YearMetrics&) = nullptr;
    double (*category_value)(const Concentration&) = nullptr;
};

// The overall metrics, in metrics.csv order.
std::span<const MetricDef> metric_registry();
// The per-category metrics; metrics.csv lists them after the overall ones, category by category.
std::span<const MetricDef> category_metric_registry();

// A metrics.csv name resolved: "hhi.back-office" is the per-category hhi in "back-office".
struct MetricRef {
    const MetricDef* def = nullptr; // nullptr: no such metric
    std::string_view category;      // empty for an overall metric
};
MetricRef find_metric(std::string_view name);

// The human title of a metrics.csv name: "Market concentration (HHI): social care" for
// "hhi.social_care"; an unknown name is its own title.
std::string metric_title(std::string_view name);

// The Markdown metric reference (docs/metrics.md is this text, checked by a test).
std::string metric_reference_markdown();

} // namespace tendersim
