#include "supplier_factory.hpp"

#include "social_value.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace tendersim {
namespace {

float clamp01(double x) {
    return static_cast<float>(std::clamp(x, 0.0, 1.0));
}

} // namespace

std::uint32_t draw_category_mask(const ScenarioSpec& spec, Stream& rng) {
    const auto& cats = spec.categories;
    double total = 0;
    for (const auto& c : cats) total += c.spend_share;
    const std::uint64_t wanted = 1 + rng.poisson(spec.market.categories_per_supplier - 1.0);
    std::uint32_t mask = 0;
    for (std::uint64_t k = 0; k < wanted && k < 4 * cats.size(); ++k) {
        double u = rng.uniform() * total;
        std::size_t c = 0;
        while (c + 1 < cats.size() && u >= cats[c].spend_share) u -= cats[c++].spend_share;
        mask |= 1u << c;
        if (static_cast<std::size_t>(std::popcount(mask)) == cats.size()) break;
    }
    return mask;
}

SupplierId add_supplier(Market& market, Stream& rng, bool sme, std::uint16_t region,
                        std::uint32_t category_mask, std::int32_t year) {
    const std::size_t i = market.suppliers.size();
    market.suppliers.resize(i + 1);
    init_supplier(market, i, rng, sme, region, category_mask, year);
    return SupplierId(static_cast<std::uint32_t>(i));
}

void init_supplier(Market& market, std::size_t i, Stream& rng, bool sme, std::uint16_t region,
                   std::uint32_t category_mask, std::int32_t year) {
    const auto& sp = market.spec.suppliers;
    auto& s = market.suppliers;
    s.alive[i] = 1;
    s.is_sme[i] = sme ? 1 : 0;
    s.region[i] = region;
    s.category_mask[i] = category_mask;
    s.born_year[i] = year;
    const bool two_regions = sme && rng.bernoulli(market.spec.market.sme_two_region_share);
    s.reach[i] = static_cast<std::uint16_t>(
        sme ? (two_regions ? std::min<std::size_t>(2, market.regions) : 1)
            : static_cast<std::size_t>(market.spec.market.large_reach_regions));
    const double cost_mean = sme ? 1.0 : 1.0 + sp.large_cost_premium;
    const double cost_sd = sme ? sp.sme_cost_factor_sd : 0.6 * sp.sme_cost_factor_sd;
    s.cost_factor[i] = static_cast<float>(std::clamp(rng.normal(cost_mean, cost_sd), 0.6, 1.6));
    s.quality[i] = clamp01(rng.normal(sp.quality_mean, sp.quality_sd));
    s.innovation[i] = clamp01(rng.normal(sp.innovation_mean, 0.15));
    s.social_value[i] =
        clamp01(rng.normal(sme ? sp.sme_social_value_mean : sp.large_social_value_mean, 0.15));
    draw_social_value_mix(market, i);
    s.bid_capacity[i] =
        static_cast<std::uint16_t>(sme ? sp.sme_bid_capacity : sp.large_bid_capacity);
    s.markup[i] = static_cast<float>(sp.initial_markup);
    s.win_belief[i] = 0.25f;
    s.edge[i] = 0.0f;
    s.reputation[i] = 1.0f;
    s.attention[i] = 0.0f;
    const double median = sme ? sp.sme_capacity_median_gbp : sp.large_capacity_median_gbp;
    double capacity = rng.lognormal(median, sp.capacity_sigma);
    // An SME by definition stays under the SME limits: turnover, and the staff its capacity
    // would need (capacity / revenue per employee).
    if (sme)
        capacity =
            std::min({capacity, 0.9 * sp.sme_turnover_limit_gbp,
                      0.9 * static_cast<double>(sp.sme_staff_limit) * sp.revenue_per_employee_gbp});
    s.capacity[i] = pence_from_gbp(capacity);
    s.committed[i] = 0;
    s.cash[i] = pence_from_gbp(capacity * sp.initial_cash_share);
    s.turnover[i] = pence_from_gbp(capacity * sp.initial_utilisation);
    s.fixed_cost[i] = fixed_cost_floor(sp, sme);
    s.idle_years[i] = 0;
    s.has_won[i] = 0;
}

void promote_to_large(Market& market, SupplierId id) {
    auto& s = market.suppliers;
    const std::size_t i = id.index();
    s.is_sme[i] = 0;
    s.reach[i] = static_cast<std::uint16_t>(
        std::max<std::int64_t>(s.reach[i], market.spec.market.large_reach_regions));
    s.bid_capacity[i] = static_cast<std::uint16_t>(market.spec.suppliers.large_bid_capacity);
    s.fixed_cost[i] = std::max(s.fixed_cost[i], fixed_cost_floor(market.spec.suppliers, false));
}

Pence fixed_cost_floor(const SupplierSpec& suppliers, bool sme) {
    return pence_from_gbp(sme ? suppliers.sme_fixed_cost_gbp : suppliers.large_fixed_cost_gbp);
}

Pence yearly_overhead(const Market& market, std::size_t i) {
    const auto& s = market.suppliers;
    return std::max(s.fixed_cost[i], round_pence(market.spec.suppliers.overhead_share *
                                                 static_cast<double>(s.capacity[i])));
}

} // namespace tendersim
