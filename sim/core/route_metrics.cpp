#include "metrics.hpp"

#include <limits>

namespace tendersim {
namespace {

double share_of(double part, double whole) {
    return whole > 0 ? part / whole : std::numeric_limits<double>::quiet_NaN();
}

// HHI of suppliers' annual value on running call-off contracts (0-10,000; not defined without).
double call_off_hhi(const Market& m) {
    std::vector<Pence> value(m.suppliers.size(), 0);
    double total = 0;
    for (const Contract& c : m.contracts) {
        if (!c.supplier.valid() || !is_call_off(c.route)) continue;
        value[c.supplier.index()] += c.annual_price;
        total += static_cast<double>(c.annual_price);
    }
    if (total <= 0) return std::numeric_limits<double>::quiet_NaN();
    double hhi = 0;
    for (const Pence v : value) {
        const double share = static_cast<double>(v) / total;
        hhi += 10'000.0 * share * share;
    }
    return hhi;
}

} // namespace

void route_metrics(const Market& m, const YearState& ys, YearMetrics& y) {
    const auto& ctr = ys.counters;
    double awarded = 0, call_offs = 0;
    for (std::size_t r = 0; r < kRoutes; ++r) {
        awarded += static_cast<double>(ctr.route_value[r]);
        if (is_call_off(static_cast<Route>(r)))
            call_offs += static_cast<double>(ctr.route_value[r]);
    }
    for (std::size_t r = 0; r < kRoutes; ++r) {
        y.route_spend_share[r] = share_of(static_cast<double>(ctr.route_value[r]), awarded);
        y.route_bid_cost_gbp[r] = gbp(ctr.route_bid_costs[r]);
    }
    y.call_off_sme_share = share_of(static_cast<double>(ctr.call_off_sme_value), call_offs);
    y.framework_hhi = call_off_hhi(m);
    double members = 0, never = 0;
    for (const auto& f : m.frameworks) {
        if (!f.active(m.year)) continue;
        for (const auto& lot : f.lots)
            for (std::size_t k = 0; k < lot.members.size(); ++k) {
                if (!m.suppliers.alive[lot.members[k].index()]) continue;
                members += 1;
                never += lot.called_off[k] ? 0 : 1;
            }
    }
    // Per framework, in the scenario's order; a partnership framework's instances count together.
    const auto nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> never_by(m.spec.frameworks.size(), 0.0);
    std::vector<double> value_by(m.spec.frameworks.size(), 0.0), sme_by(value_by);
    y.by_framework.assign(m.spec.frameworks.size(), FrameworkFigures{});
    for (const auto& f : m.frameworks) {
        if (!f.active(m.year)) continue;
        for (const auto& lot : f.lots)
            for (std::size_t k = 0; k < lot.members.size(); ++k) {
                if (!m.suppliers.alive[lot.members[k].index()]) continue;
                y.by_framework[f.spec].members += 1;
                never_by[f.spec] += lot.called_off[k] ? 0 : 1;
            }
    }
    for (const Contract& c : m.contracts) {
        if (!c.supplier.valid() || !is_call_off(c.route) || c.framework < 0) continue;
        const std::size_t f = m.frameworks[static_cast<std::size_t>(c.framework)].spec;
        value_by[f] += static_cast<double>(c.annual_price);
        if (m.suppliers.is_sme[c.supplier.index()])
            sme_by[f] += static_cast<double>(c.annual_price);
    }
    for (std::size_t f = 0; f < y.by_framework.size(); ++f) {
        auto& fig = y.by_framework[f];
        fig.never_called_off_share = fig.members > 0 ? never_by[f] / fig.members : nan;
        fig.sme_share = share_of(sme_by[f], value_by[f]);
    }
    y.framework_members = members;
    y.framework_never_called_off_share = share_of(never, members);
    y.framework_applications = static_cast<double>(ctr.framework_applications);
    y.framework_appointments = static_cast<double>(ctr.framework_appointments);
    y.framework_fees_gbp = gbp(ctr.framework_fees);
    y.onboarding_cost_gbp = gbp(ctr.onboarding_costs);
}

} // namespace tendersim
