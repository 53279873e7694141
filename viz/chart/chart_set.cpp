#include "chart/chart_set.hpp"

#include "chart/metric_info.hpp"
#include "experiment/metrics_select.hpp"

#include <algorithm>
#include <cmath>

namespace tendersim::viz {

std::string chart_file_stem(const std::string& metric) {
    std::string s;
    for (char c : metric) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
        s += ok ? c : '_';
    }
    if (s.empty() || s.front() == '.') s.insert(s.begin(), '_');
    return s;
}

ChartSet plan_run_charts(const MetricsTable& table, const RunChartChoice& choice) {
    ChartSet set;
    set.heading = "Charts of " + table.source;
    const std::vector<std::string> available = table.metrics();
    std::vector<std::string> metrics;
    if (!choice.metrics.empty()) {
        metrics = choice.metrics;
        set.note = "The metrics named with --metrics.";
    } else if (choice.all) {
        metrics = available;
        set.note = "Every metric in the file (--all).";
    } else {
        for (const auto& m : experiment::headline_metric_names())
            if (std::find(available.begin(), available.end(), m) != available.end())
                metrics.push_back(m);
        set.note = "The headline metrics; `--all` charts every metric in the file, `--metrics` "
                   "chooses.";
    }
    const std::vector<Series> series = group_series(table);
    MetricChartOptions options;
    options.scenario_order = table.scenarios();
    options.baseline_scenario = choice.baseline;
    for (const auto& m : metrics) {
        // Zero throughout (no lots, no partnerships): a flat line at 0 says nothing a reader
        // needs a chart for. Named metrics are drawn regardless.
        const bool all_zero = std::all_of(table.rows.begin(), table.rows.end(), [&](const auto& r) {
            return r.metric != m || !std::isfinite(r.value) || r.value == 0.0;
        });
        if (all_zero && choice.metrics.empty()) {
            set.skipped.push_back(m);
            continue;
        }
        PlannedChart c;
        c.file = chart_file_stem(m) + ".png";
        c.spec = make_metric_chart(series, m, options);
        c.what = "mean over replicates by year, with its 95% interval";
        set.charts.push_back(std::move(c));
    }
    // Spend by route, one chart per scenario that buys by any route but the open procedure (the
    // baseline's is a flat 100% open). Not when metrics are named: then exactly those.
    if (choice.metrics.empty()) {
        const auto is_route = [](const std::string& metric) {
            for (const RouteLine& r : route_lines())
                if (r.metric == metric) return true;
            return false;
        };
        const std::vector<std::string> scenarios = table.scenarios();
        for (const auto& sc : scenarios) {
            const bool other_routes =
                std::any_of(table.rows.begin(), table.rows.end(), [&](const auto& r) {
                    return r.scenario == sc && is_route(r.metric) &&
                           r.metric != route_lines().front().metric && std::isfinite(r.value) &&
                           r.value > 0.0;
                });
            if (!other_routes) continue;
            PlannedChart c;
            c.file = "spend_by_route" +
                     (scenarios.size() > 1 ? "." + chart_file_stem(sc) : std::string()) + ".png";
            c.spec = make_route_chart(series, sc);
            c.what = "share of awarded value by route, mean over replicates with its 95% interval";
            set.charts.push_back(std::move(c));
        }
    }
    return set;
}

ChartSet plan_comparison_charts(const ComparisonTable& table,
                                const std::vector<std::string>& metrics) {
    ChartSet set;
    set.heading = "Charts of the comparison";
    set.note = "For each metric: the paired difference of every alternative from " +
               table.scenarios.front().name +
               " (what report.md tests), then the levels. Dots mark the years compared.";
    for (const auto& m : metrics) {
        PlannedChart d;
        d.file = chart_file_stem(m) + ".difference.png";
        d.spec = make_difference_chart(table, m);
        d.what = "paired difference from " + table.scenarios.front().name + ", 95% interval";
        set.charts.push_back(std::move(d));
        PlannedChart l;
        l.file = chart_file_stem(m) + ".png";
        l.spec = make_level_chart(table, m);
        l.what = "level of every scenario, 95% interval";
        set.charts.push_back(std::move(l));
    }
    return set;
}

std::string chart_index_markdown(const ChartSet& set) {
    std::string s =
        "# " + set.heading + "\n\n" + set.note + "\n\n| chart | shows | file |\n|---|---|---|\n";
    for (const auto& c : set.charts)
        s += "| " + c.spec.title + " | " + c.what + " | [" + c.file + "](" + c.file + ") |\n";
    if (!set.skipped.empty()) {
        s += "\nNot charted, zero in every year and run:";
        for (std::size_t i = 0; i < set.skipped.size(); ++i)
            s += std::string(i ? "," : "") + " `" + set.skipped[i] + "`";
        s += ".\n";
    }
    return s;
}

} // namespace tendersim::viz
