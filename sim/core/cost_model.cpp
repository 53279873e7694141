#include "cost_model.hpp"

#include <algorithm>
#include <cmath>

namespace tendersim {

double large_scale_factor(const CategorySpec& category, Pence efficient) {
    const double reference = as_pence(category.value_median_gbp);
    return std::clamp(
        std::pow(static_cast<double>(efficient) / reference, -category.scale_economies), 0.6, 1.4);
}

Pence supplier_cost(const Market& market, SupplierId s, Pence efficient, double large_scale,
                    bool incumbent) {
    const auto& sup = market.suppliers;
    const std::size_t i = s.index();
    double factor = sup.cost_factor[i];
    const double value = static_cast<double>(efficient);
    if (!sup.is_sme[i]) {
        factor *= large_scale;
    } else {
        // SMEs strain on contracts that are large relative to their capacity.
        const double load = value / static_cast<double>(std::max<Pence>(1, sup.capacity[i]));
        factor *= 1.0 + 0.2 * std::max(0.0, load - 0.5);
    }
    if (incumbent) factor *= 1.0 - market.spec.incumbency.cost_advantage;
    return round_pence(value * factor, "a supplier's cost of a contract");
}

Pence supplier_cost(const Market& market, SupplierId s, CategoryId c, Pence efficient,
                    bool incumbent) {
    return supplier_cost(market, s, efficient,
                         large_scale_factor(market.spec.categories[c.index()], efficient),
                         incumbent);
}

Pence bid_cost(const BiddingSpec& bidding, Pence total) {
    const double value = static_cast<double>(total);
    const double threshold = as_pence(bidding.small_project_threshold_gbp);
    double share = bidding.bid_cost_share;
    if (value > 0 && value < threshold)
        share *= std::pow(threshold / value, bidding.small_project_exponent);
    return std::max(round_pence(share * value, "a bid's preparation cost"),
                    pence_from_gbp(bidding.min_bid_cost_gbp));
}

} // namespace tendersim
