#pragma once
// What a metric means to a reader: its chart title, axis label, unit and bounds, as the core
// metric registry (sim/core/metric_registry.hpp) defines them. Engine metric names are
// identifiers (sme_share_direct); a policy audience needs "SME share of spend (direct)".
#include "chart/palette.hpp"
#include "chart/scale.hpp"
#include "core/metric_registry.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tendersim::viz {

struct MetricInfo {
    std::string name;    // engine identifier
    std::string title;   // chart title
    std::string y_label; // axis label, naming the unit
    // How tick labels read: the tick format of the registry's unit (see tick_style), not a second
    // list of metric units.
    TickStyle unit = TickStyle::Plain;
    // Values outside these bounds cannot occur (a share is within [0, 1]); confidence bands are
    // clipped to them so a small-n band does not suggest a 104% share.
    std::optional<double> lower_bound;
    std::optional<double> upper_bound;
    // The least the value axis shows (the registry's axis_span); none for an unknown metric.
    AxisSpan axis_span;
    // Metrics about one supplier size class use its fixed colour when only one line is drawn.
    std::optional<SizeClass> size_class;
    bool known = false; // false: not in the registry; title is the raw name, unit plain
};

// Tick-label format for a registry unit: shares as percentages, money in pounds, else plain.
TickStyle tick_style(MetricUnit unit);

MetricInfo metric_info(std::string_view name);

// Spend by route: the spend_share_* metrics in Route order (open, quotes, direct award, framework
// direct, mini-competition, dynamic market), each with a short legend label and a hue. Six lines
// need six hues: orange and blue stay the size classes' and black is for text, so the other five
// Okabe-Ito hues and a dark grey (drawn solid and thick, unlike a baseline's dashes). The live
// app's Spend by route panel and `tendersim chart` use the same.
struct RouteLine {
    std::string_view metric;
    std::string_view label;
    Rgba colour;
};
std::span<const RouteLine> route_lines();
inline constexpr std::string_view kSpendByRouteTitle = "Spend by route";

} // namespace tendersim::viz
