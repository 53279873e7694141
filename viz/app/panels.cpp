#include "app/panels.hpp"

#include "app/seed_spread.hpp"
#include "chart/metric_info.hpp"
#include "chart/palette.hpp"
#include "core/metric_registry.hpp"
#include "core/metrics.hpp"
#include "core/spec.hpp"

#include <algorithm>
#include <cmath>

namespace tendersim::viz {

namespace {

using Getter = double (*)(const MetricsPoint&);

struct Line {
    const char* label; // legend text for the current run's line
    Getter get;
    Rgba colour;
};

struct PanelDef {
    // Registry name: the panel takes its short label (a panel is a quarter of the width), axis
    // label, unit and bounds from the metric registry.
    const char* metric;
    std::array<Line, 6> lines;
    std::size_t n_lines;
    const char* title = nullptr; // instead of the metric's label (a panel of several metrics)
};

template <std::size_t R> double route(const MetricsPoint& m) {
    return m.route_share[R];
}

template <std::size_t R> Line route_line() {
    const RouteLine& r = route_lines()[R];
    return {r.label.data(), route<R>, r.colour};
}

// Colours: SME orange and large blue where the panel is about a size class (the audience learns
// them once from the market view); other Okabe-Ito hues elsewhere, never orange or blue.
const PanelDef& def(Panel p) {
    static const PanelDef defs[] = {
        {"sme_share_direct",
         {{{"Direct", [](const MetricsPoint& m) { return m.sme_share_direct; }, kSmeColour},
           {"With subcontracting", [](const MetricsPoint& m) { return m.sme_share_total; },
            okabe_ito::vermillion}}},
         2},
        {"social_value_delivered_per_pound",
         {{{"This run", [](const MetricsPoint& m) { return m.social_value_per_pound; },
            okabe_ito::green},
           {}}},
         1},
        {"price_index",
         {{{"This run", [](const MetricsPoint& m) { return m.price_index; }, okabe_ito::vermillion},
           {}}},
         1},
        {"bids_per_tender",
         {{{"This run", [](const MetricsPoint& m) { return m.bids_per_tender; }, okabe_ito::purple},
           {}}},
         1},
        {"single_bid_share",
         {{{"This run", [](const MetricsPoint& m) { return m.single_bid_share; },
            okabe_ito::purple},
           {}}},
         1},
        {"hhi",
         {{{"This run", [](const MetricsPoint& m) { return m.hhi; }, okabe_ito::green}, {}}},
         1},
        {"active_suppliers_sme",
         {{{"This run", [](const MetricsPoint& m) { return m.active_sme; }, kSmeColour}, {}}},
         1},
        {"active_suppliers_large",
         {{{"This run", [](const MetricsPoint& m) { return m.active_large; }, kLargeColour}, {}}},
         1},
        {"council_procurement_cost_gbp",
         {{{"This run", [](const MetricsPoint& m) { return m.council_cost_gbp; },
            okabe_ito::purple},
           {}}},
         1},
        {"social_value_job_years",
         {{{"This run", [](const MetricsPoint& m) { return m.job_years; }, okabe_ito::green}, {}}},
         1},
        {"local_share",
         {{{"This run", [](const MetricsPoint& m) { return m.local_share; }, okabe_ito::vermillion},
           {}}},
         1},
        {"incumbent_win_rate",
         {{{"This run", [](const MetricsPoint& m) { return m.incumbent_win_rate; },
            okabe_ito::purple},
           {}}},
         1},
        // Each line is a registry metric, spend_share_open ... spend_share_dynamic_market (its
        // unit, axis and bounds are spend_share_open's, the same for all six).
        {"spend_share_open",
         {{route_line<0>(), route_line<1>(), route_line<2>(), route_line<3>(), route_line<4>(),
           route_line<5>()}},
         6,
         kSpendByRouteTitle.data()},
    };
    return defs[static_cast<std::size_t>(p)];
}

ChartSeries series_of(std::span<const MetricsPoint> points, const Line& line, bool baseline,
                      std::span<const std::vector<MetricsPoint>> seeds, BandSource source) {
    ChartSeries s;
    s.label = baseline ? "Baseline" : line.label;
    s.colour = line.colour;
    s.baseline = baseline;
    if (source == BandSource::Ensemble && !seeds.empty()) s.band_colour = model_band_style();
    s.points.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double v = line.get(points[i]);
        // A year with no tenders has no bids-per-tender: leave a gap rather than plot NaN.
        if (!std::isfinite(v)) continue;
        ChartPoint p{static_cast<double>(points[i].year), v, {}, {}};
        if (!seeds.empty())
            if (const auto sp = band_at(points, seeds, source, i, line.get)) {
                p.lo = sp->lo;
                p.hi = sp->hi;
            }
        s.points.push_back(p);
    }
    return s;
}

} // namespace

MetricsPoint metrics_point(const YearMetrics& y) {
    MetricsPoint m;
    m.year = y.year;
    m.sme_share_direct = y.sme_share_direct;
    m.sme_share_total = y.sme_share_total;
    m.social_value_per_pound = y.social_value_delivered_per_pound;
    m.price_index = y.price_index;
    m.bids_per_tender = y.bids_per_tender;
    m.single_bid_share = y.single_bid_share;
    m.hhi = y.overall.hhi;
    m.active_sme = y.active_suppliers_sme;
    m.active_large = y.active_suppliers_large;
    m.council_cost_gbp = y.council_procurement_cost_gbp;
    m.job_years = y.social_value_job_years;
    m.local_share = y.local_share;
    m.incumbent_win_rate = y.incumbent_win_rate;
    for (std::size_t r = 0; r < m.route_share.size(); ++r)
        m.route_share[r] = y.route_spend_share[r];
    return m;
}

std::span<const Panel> panel_choices() {
    static const std::array<Panel, 13> all = {
        Panel::SmeShare,      Panel::SocialValue, Panel::PriceIndex, Panel::Hhi,
        Panel::BidsPerTender, Panel::SingleBid,   Panel::ActiveSme,  Panel::ActiveLarge,
        Panel::CouncilCost,   Panel::JobYears,    Panel::LocalShare, Panel::IncumbentWin,
        Panel::SpendByRoute,
    };
    return all;
}

bool uses_routes(const ScenarioSpec& spec) {
    const auto routes = [](const PolicySpec& p) {
        return p.framework_share > 0.0 || p.direct_award_threshold_gbp > 0.0 ||
               p.quote_threshold_gbp > 0.0;
    };
    if (!spec.frameworks.empty() || routes(spec.policy)) return true;
    for (const Adoption& a : spec.adoptions)
        for (const std::string& key : a.keys)
            if (key == "framework_share" || key == "direct_award_threshold_gbp" ||
                key == "quote_threshold_gbp")
                if (routes(a.patch)) return true;
    return false;
}

std::array<Panel, kChartPanels> initial_panels(const ScenarioSpec& spec) {
    std::array<Panel, kChartPanels> cells = panel_order();
    if (uses_routes(spec)) cells.back() = Panel::SpendByRoute;
    return cells;
}

const std::array<Panel, kChartPanels>& panel_order() {
    static const std::array<Panel, kChartPanels> order = {
        Panel::SmeShare,      Panel::SocialValue, Panel::PriceIndex, Panel::Hhi,
        Panel::BidsPerTender, Panel::SingleBid,   Panel::ActiveSme,  Panel::ActiveLarge,
    };
    return order;
}

ChartSpec make_panel_chart(Panel panel, std::span<const MetricsPoint> current,
                           std::span<const MetricsPoint> baseline, int horizon) {
    return make_panel_chart(panel, current, baseline, horizon, SeedLines{});
}

ChartSpec make_panel_chart(Panel panel, std::span<const MetricsPoint> current,
                           std::span<const MetricsPoint> baseline, int horizon,
                           const SeedLines& seeds) {
    const PanelDef& d = def(panel);
    const MetricDef& m = *find_metric(d.metric).def;
    ChartSpec spec;
    spec.title = d.title ? std::string(d.title) : std::string(m.label);
    spec.y_label = std::string(m.axis);
    spec.x_label = "Year";
    spec.y_unit = tick_style(m.unit);
    spec.y_lower_bound = m.lower;
    spec.y_upper_bound = m.upper;
    spec.y_span = axis_span(m);
    spec.x_min = 1.0;
    spec.x_max = std::max(2, horizon);
    // Baselines are drawn beneath the current lines whatever their order; listed after them.
    std::vector<Line> lines(d.lines.begin(),
                            d.lines.begin() + static_cast<std::ptrdiff_t>(d.n_lines));
    // Spend by route: only the routes either run uses in some year. Six lines and their legend
    // would leave a quarter-width panel no plot; an unused route is a flat 0% on the frame.
    if (d.n_lines > 2) {
        const auto used_in = [](std::span<const MetricsPoint> pts, const Line& line) {
            return std::any_of(pts.begin(), pts.end(), [&](const MetricsPoint& p) {
                const double v = line.get(p);
                return std::isfinite(v) && v != 0.0;
            });
        };
        std::erase_if(lines, [&](const Line& line) {
            return !used_in(current, line) && !used_in(baseline, line);
        });
        if (lines.empty()) lines.push_back(d.lines[0]); // nothing bought yet: the open line
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        ChartSeries s = series_of(baseline, lines[i], true, seeds.baseline, seeds.source);
        // One "Baseline" entry explains a faint line; with two lines a quarter-width panel has
        // no room for a third entry, and the title bar explains faint lines anyway.
        s.in_legend = lines.size() == 1;
        spec.series.push_back(std::move(s));
    }
    for (const auto& line : lines)
        spec.series.push_back(series_of(current, line, false, seeds.current, seeds.source));
    if (!seeds.current.empty())
        if (const auto diff = difference(current, baseline, seeds, lines[0].get))
            spec.subtitle = monitor_text(*diff, m.unit, seeds.source);
    // Legend order: the current run's lines, then "Baseline".
    std::rotate(spec.series.begin(),
                spec.series.begin() + static_cast<std::ptrdiff_t>(lines.size()), spec.series.end());
    return spec;
}

ChartSpec app_panel_chart(Panel panel, std::span<const MetricsPoint> current,
                          std::span<const MetricsPoint> baseline, int horizon) {
    return app_panel_chart(panel, current, baseline, horizon, SeedLines{});
}

ChartSpec app_panel_chart(Panel panel, std::span<const MetricsPoint> current,
                          std::span<const MetricsPoint> baseline, int horizon,
                          const SeedLines& seeds) {
    ChartSpec spec = make_panel_chart(panel, current, baseline, horizon, seeds);
    // The monitor says more than the unit (it states the value in it); the unit when there is
    // no monitor yet.
    if (spec.subtitle.empty()) spec.subtitle = std::move(spec.y_label);
    spec.y_label.clear();
    spec.x_label.clear();
    const auto current_lines = std::count_if(spec.series.begin(), spec.series.end(),
                                             [](const ChartSeries& s) { return !s.baseline; });
    if (current_lines == 1)
        for (auto& s : spec.series) s.in_legend = false;
    return spec;
}

std::vector<std::string> panel_hover_lines(Panel panel, std::span<const MetricsPoint> current,
                                           std::span<const MetricsPoint> baseline,
                                           const SeedLines& seeds, int year, bool pinned) {
    // Points start at year 1, or after a saved state's year.
    if (current.empty() || year < current.front().year ||
        year - current.front().year >= static_cast<int>(current.size()))
        return {};
    const PanelDef& d = def(panel);
    const MetricDef& m = *find_metric(d.metric).def;
    const auto i = static_cast<std::size_t>(year - current.front().year);
    std::vector<std::string> out{(d.title ? std::string(d.title) : std::string(m.label)) +
                                 ", year " + std::to_string(year)};
    const auto value = [&](double v) {
        return std::isfinite(v) ? amount_text(v, m.unit, false) : std::string("not defined");
    };
    for (std::size_t k = 0; k < d.n_lines; ++k) {
        const Line& line = d.lines[k];
        // Spend by route: only the routes in use this year in either run (six routes, most at 0,
        // would make a tooltip taller than the panel).
        if (d.n_lines > 2) {
            const auto unused = [&](double v) { return !std::isfinite(v) || v == 0.0; };
            if (unused(line.get(current[i])) &&
                (i >= baseline.size() || unused(line.get(baseline[i]))))
                continue;
        }
        const std::string who = d.n_lines > 1 ? std::string(line.label) + ": " : std::string();
        out.push_back(who + (pinned ? "B " : "this run ") + value(line.get(current[i])));
        if (i < baseline.size())
            out.push_back(who + (pinned ? "A " : "baseline ") + value(line.get(baseline[i])));
        if (seeds.current.empty()) continue;
        if (seeds.source == BandSource::Ensemble) {
            if (const auto sp = band_at(current, seeds.current, seeds.source, i, line.get))
                out.push_back(who + std::to_string(seeds.current.size()) + " parameter sets " +
                              value(sp->lo) + " to " + value(sp->hi));
        } else if (const auto sp = spread_at(current, seeds.current, i, line.get)) {
            out.push_back(who + std::to_string(seeds.current.size() + 1) + " seeds " +
                          value(sp->lo) + " to " + value(sp->hi));
        }
    }
    return out;
}

ChartStyle panel_style(float s) {
    const auto px = [s](float design, unsigned min_px) {
        return std::max(min_px, static_cast<unsigned>(std::lround(design * s)));
    };
    ChartStyle st;
    // 21 px at 1920x1080 and 14 px at two thirds of that (1280x720, 1024x768): a room reads them.
    st.title_px = px(25.0f, 8);
    st.subtitle_px = px(21.0f, 8);
    st.axis_label_px = px(21.0f, 8);
    st.tick_px = px(21.0f, 8);
    st.legend_px = px(21.0f, 8);
    st.line_width = std::max(2.0f, 5.0f * s);
    st.baseline_width = std::max(2.0f, 3.0f * s);
    st.padding = std::round(14.0f * s);
    st.gap = std::round(6.0f * s);
    st.tick_length = std::round(5.0f * s);
    st.swatch_length = std::round(30.0f * s);
    return st;
}

} // namespace tendersim::viz
