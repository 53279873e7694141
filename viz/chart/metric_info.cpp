#include "chart/metric_info.hpp"

namespace tendersim::viz {

namespace {

// The only presentation fact the registry does not hold: which metrics are about one supplier
// size class (a colour the audience learns from the market view).
std::optional<SizeClass> size_class_of(std::string_view name) {
    if (name == "active_suppliers_sme") return SizeClass::Sme;
    if (name == "active_suppliers_large") return SizeClass::Large;
    return std::nullopt;
}

} // namespace

TickStyle tick_style(MetricUnit unit) {
    switch (unit) {
    case MetricUnit::Share:
        return TickStyle::Percent;
    case MetricUnit::Money:
    case MetricUnit::MoneyPerPound:
        return TickStyle::Money;
    default:
        return TickStyle::Plain;
    }
}

MetricInfo metric_info(std::string_view name) {
    MetricInfo m;
    m.name = std::string(name);
    const MetricRef ref = find_metric(name);
    if (ref.def == nullptr) {
        // Unknown metrics still chart, under their own name: better than refusing new output.
        m.title = m.name;
        m.y_label = "Value";
        return m;
    }
    m.title = metric_title(name);
    m.y_label = std::string(ref.def->axis);
    m.unit = tick_style(ref.def->unit);
    m.lower_bound = ref.def->lower;
    m.upper_bound = ref.def->upper;
    m.axis_span = axis_span(*ref.def);
    if (ref.category.empty()) m.size_class = size_class_of(name);
    m.known = true;
    return m;
}

std::span<const RouteLine> route_lines() {
    static constexpr RouteLine lines[] = {
        {"spend_share_open", "Open", okabe_ito::green},
        {"spend_share_quotes", "Quotes", okabe_ito::sky},
        {"spend_share_direct_award", "Direct award", okabe_ito::vermillion},
        {"spend_share_framework_direct", "Framework direct", okabe_ito::purple},
        {"spend_share_mini_competition", "Mini-competition", okabe_ito::yellow},
        {"spend_share_dynamic_market", "Dynamic market", Rgba{0x66, 0x66, 0x66}},
    };
    return lines;
}

} // namespace tendersim::viz
