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

// How far a chart's value axis must at least extend. Without it a chart rescales to its data, and
// a flat market (social value between 0.0140 and 0.0146) reads as dramatic swings.
struct AxisSpan {
    double min_span = 0.0;     // the axis covers at least this much (in the metric's unit)
    double min_relative = 0.0; // and at least this fraction of the largest absolute value shown
    bool from_zero = false;    // the axis includes 0 (an amount read against nothing)
};

struct MetricDef {
    std::string_view name;  // metrics.csv column, never renamed
    std::string_view title; // human title: chart titles, report.md
    std::string_view label; // short title: app panels, a quarter of the screen wide
    std::string_view axis;  // value-axis label, naming the unit
    MetricUnit unit = MetricUnit::Count;
    std::optional<double> lower = std::nullopt; // values outside [lower, upper] cannot occur
    std::optional<double> upper = std::nullopt;
    // Replaces the unit's default axis span (axis_span) where the unit's default misleads.
    std::optional<AxisSpan> axis_span = std::nullopt;
    std::string_view definition; // docs/metrics.md: how it is computed, and sources
    // The value in a year's metrics (overall metrics), or in one category's concentration
    // figures (per-category metrics, named "<name>.<category>"); exactly one is set.
    double (*value)(const YearMetrics&) = nullptr;
    double (*category_value)(const Concentration&) = nullptr;
    // Per-framework metrics, named "<name>.<framework>" (then neither of the above is set).
    double (*framework_value)(const FrameworkFigures&) = nullptr;
};

// The axis rule of a metric: its own, or its unit's default (shares at least 20 points, ratios
// at least 0.2, social value from 0, counts at least 20% of their level).
AxisSpan axis_span(const MetricDef& metric);

// The smallest span a chart of this metric may show when its values reach max_abs.
double minimum_axis_span(const AxisSpan& span, double max_abs);

// "at least 20 points", "from 0, at least 0.05": the rule in words, for docs/metrics.md.
std::string axis_span_text(const MetricDef& metric);

// The overall metrics, in metrics.csv order.
std::span<const MetricDef> metric_registry();
// The per-category metrics; metrics.csv lists them after the overall ones, category by category.
std::span<const MetricDef> category_metric_registry();

// The per-framework metrics; metrics.csv lists them after the per-category ones, framework by
// framework ([[framework]] order).
std::span<const MetricDef> framework_metric_registry();

// A metrics.csv name resolved: "hhi.back-office" is the per-category hhi in "back-office",
// "framework_members.national ICT" the per-framework members of "national ICT".
struct MetricRef {
    const MetricDef* def = nullptr; // nullptr: no such metric
    std::string_view category;      // the category or framework; empty for an overall metric
};
MetricRef find_metric(std::string_view name);

// The human title of a metrics.csv name: "Market concentration (HHI): social care" for
// "hhi.social_care"; an unknown name is its own title.
std::string metric_title(std::string_view name);

// The Markdown metric reference (docs/metrics.md is this text, checked by a test).
std::string metric_reference_markdown();

} // namespace tendersim
