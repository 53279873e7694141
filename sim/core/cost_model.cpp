#include "cost_model.hpp"

#include <algorithm>
#include <cmath>

namespace tendersim {

Pence supplier_cost(const Market& market, SupplierId s, CategoryId c, Pence efficient,
                    bool incumbent) {
    const auto& sup = market.suppliers;
    const auto& cat = market.spec.categories[c.index()];
    double factor = sup.cost_factor[s.index()];
    const double value = static_cast<double>(efficient);
    if (!sup.is_sme[s.index()]) {
        const double reference = cat.value_median_gbp * 100.0;
        factor *= std::clamp(std::pow(value / reference, -cat.scale_economies), 0.6, 1.4);
    } else {
        const double load =
            value / static_cast<double>(std::max<Pence>(1, sup.capacity[s.index()]));
        factor *= 1.0 + 0.2 * std::max(0.0, load - 0.5);
    }
    if (incumbent) factor *= 1.0 - market.spec.incumbency.cost_advantage;
    return round_pence(value * factor);
}

Pence bid_cost(const BiddingSpec& bidding, Pence total) {
    const double value = static_cast<double>(total);
    const double threshold = bidding.small_project_threshold_gbp * 100.0;
    double share = bidding.bid_cost_share;
    if (value > 0 && value < threshold)
        share *= std::pow(threshold / value, bidding.small_project_exponent);
    return std::max(round_pence(share * value), pence_from_gbp(bidding.min_bid_cost_gbp));
}

} // namespace tendersim
