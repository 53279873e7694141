#include "chart/chart_spec.hpp"

#include "chart/metric_info.hpp"

#include <algorithm>
#include <limits>

namespace tendersim::viz {

namespace {

std::size_t scenario_index(const std::vector<std::string>& order, const std::string& name) {
    const auto it = std::find(order.begin(), order.end(), name);
    return it == order.end() ? order.size() : static_cast<std::size_t>(it - order.begin());
}

std::string replicate_phrase(std::size_t lo, std::size_t hi) {
    if (hi <= 1) return "Single run per scenario (no confidence band)";
    const std::string n =
        lo == hi ? std::to_string(hi) : std::to_string(lo) + "\u2013" + std::to_string(hi);
    return "Lines: mean of " + n + " replicates. Shaded: 95% confidence interval of the mean";
}

} // namespace

ChartSpec make_metric_chart(std::span<const Series> all, std::string_view metric,
                            const MetricChartOptions& options) {
    const MetricInfo info = metric_info(metric);
    ChartSpec spec;
    spec.title = info.title;
    spec.y_label = info.y_label;
    spec.y_unit = info.unit;
    spec.y_lower_bound = info.lower_bound;
    spec.y_upper_bound = info.upper_bound;
    spec.y_span = info.axis_span;

    std::vector<const Series*> chosen;
    for (const auto& s : all)
        if (s.metric == metric) chosen.push_back(&s);
    // Follow the run's scenario order (unknown scenarios after, in input order).
    std::stable_sort(chosen.begin(), chosen.end(), [&](const Series* a, const Series* b) {
        return scenario_index(options.scenario_order, a->scenario) <
               scenario_index(options.scenario_order, b->scenario);
    });

    std::size_t n_foreground = 0;
    for (const Series* s : chosen)
        if (s->scenario != options.baseline_scenario) ++n_foreground;

    std::size_t n_lo = std::numeric_limits<std::size_t>::max(), n_hi = 0;
    std::size_t fallback_index = 0;
    for (const Series* s : chosen) {
        ChartSeries cs;
        cs.label = s->scenario;
        cs.baseline =
            !options.baseline_scenario.empty() && s->scenario == options.baseline_scenario;
        const std::size_t idx = scenario_index(options.scenario_order, s->scenario);
        cs.colour = categorical_colour(idx < options.scenario_order.size()
                                           ? idx
                                           : options.scenario_order.size() + fallback_index++);
        // One line about one size class: use that class's colour, which the audience knows.
        if (n_foreground == 1 && !cs.baseline && info.size_class)
            cs.colour = size_class_colour(*info.size_class);
        for (const auto& p : s->points) {
            ChartPoint cp;
            cp.x = p.year;
            cp.y = p.mean;
            if (p.has_band() && !cs.baseline) {
                double lo = p.lo(), hi = p.hi();
                if (info.lower_bound) lo = std::max(lo, *info.lower_bound);
                if (info.upper_bound) hi = std::min(hi, *info.upper_bound);
                cp.lo = lo;
                cp.hi = hi;
            }
            if (!cs.baseline) {
                n_lo = std::min(n_lo, p.n);
                n_hi = std::max(n_hi, p.n);
            }
            cs.points.push_back(cp);
        }
        spec.series.push_back(std::move(cs));
    }
    if (n_hi > 0) spec.subtitle = replicate_phrase(n_lo, n_hi);
    if (!options.baseline_scenario.empty()) {
        const bool present = std::any_of(spec.series.begin(), spec.series.end(),
                                         [](const ChartSeries& s) { return s.baseline; });
        if (present) {
            if (!spec.subtitle.empty()) spec.subtitle += ". ";
            spec.subtitle += "Dashed line: " + options.baseline_scenario;
        }
    }
    return spec;
}

ChartSpec make_route_chart(std::span<const Series> all, std::string_view scenario) {
    // Every route share has the same unit, axis and bounds: take them from the open one.
    const MetricInfo info = metric_info(route_lines().front().metric);
    ChartSpec spec;
    spec.title = std::string(kSpendByRouteTitle) + ": " + std::string(scenario);
    spec.y_label = info.y_label;
    spec.y_unit = info.unit;
    spec.y_lower_bound = info.lower_bound;
    spec.y_upper_bound = info.upper_bound;
    spec.y_span = info.axis_span;
    std::size_t n_lo = std::numeric_limits<std::size_t>::max(), n_hi = 0;
    for (const RouteLine& route : route_lines())
        for (const auto& s : all) {
            if (s.scenario != scenario || s.metric != route.metric) continue;
            ChartSeries cs;
            cs.label = std::string(route.label);
            cs.colour = route.colour;
            for (const auto& p : s.points) {
                ChartPoint cp{static_cast<double>(p.year), p.mean, {}, {}};
                if (p.has_band()) {
                    cp.lo = std::max(p.lo(), 0.0);
                    cp.hi = std::min(p.hi(), 1.0);
                }
                n_lo = std::min(n_lo, p.n);
                n_hi = std::max(n_hi, p.n);
                cs.points.push_back(cp);
            }
            spec.series.push_back(std::move(cs));
        }
    if (n_hi > 0) spec.subtitle = replicate_phrase(n_lo, n_hi);
    return spec;
}

} // namespace tendersim::viz
