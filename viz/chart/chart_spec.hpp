#pragma once
// What to draw, independent of how: a ChartSpec is plain data that the offline renderer and the
// live app both build and hand to draw_line_chart.
#include "chart/palette.hpp"
#include "chart/scale.hpp"
#include "chart/series.hpp"
#include "core/metric_registry.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tendersim::viz {

struct ChartPoint {
    double x = 0.0; // year
    double y = 0.0; // mean
    // 95% band; both set or neither (no band when a year has a single replicate).
    std::optional<double> lo, hi;
};

struct ChartSeries {
    std::string label;
    Rgba colour;
    std::vector<ChartPoint> points; // ascending x
    // Drawn thin, dashed and dark (palette.hpp's baseline_style) over the other series, without
    // a band: reference context, not a result.
    bool baseline = false;
    // false: drawn but not listed in the legend (the live app lists one "Baseline" entry for
    // several dashed lines instead of one per line).
    bool in_legend = true;
    // A dot on every point: the years that were measured, when the line only joins samples.
    bool markers = false;
    // The band in this colour (translucent, as drawn) instead of the series hue's band_style: a
    // band that means something else (the app's model uncertainty) looks different.
    std::optional<Rgba> band_colour;
};

// A labelled vertical rule, e.g. where a policy starts.
struct ChartRule {
    double x = 0.0;
    std::string label;
};

struct ChartSpec {
    std::string title;
    std::string subtitle; // how to read the chart (replicates, what the band means)
    std::string x_label = "Year";
    std::string y_label;
    TickStyle y_unit = TickStyle::Plain;
    std::vector<ChartSeries> series;
    // The y axis never extends past these (a share axis stops at 0% and 100%).
    std::optional<double> y_lower_bound, y_upper_bound;
    // The y axis shows at least this span (from the metric registry), so noise in a flat series
    // draws flat instead of filling the chart.
    AxisSpan y_span;
    // The x axis spans at least this range (the live app fixes it to the run's years so lines grow
    // across a steady axis instead of the axis rescaling every year). Data outside still shows.
    std::optional<double> x_min, x_max;
    // Year ticks at exactly these values (the sampled years of a comparison) instead of a regular
    // step, so no tick suggests a year that was not measured.
    std::vector<double> x_ticks;
    std::vector<ChartRule> rules;
};

struct MetricChartOptions {
    // Scenario order across the whole run, so a scenario keeps its colour in every chart.
    std::vector<std::string> scenario_order;
    // Scenario drawn as the dashed baseline; empty for none.
    std::string baseline_scenario;
};

// Chart of one metric: one line per scenario with its 95% band, titled and labelled from
// metric_info. Bands are clipped to the metric's physical bounds.
ChartSpec make_metric_chart(std::span<const Series> all, std::string_view metric,
                            const MetricChartOptions& options);

// Spend by route for one scenario: one line per spend_share_* metric the series hold (route_lines'
// labels and colours), each with its 95% band, on a share axis. Empty series if the scenario has
// none of them.
ChartSpec make_route_chart(std::span<const Series> all, std::string_view scenario);

} // namespace tendersim::viz
