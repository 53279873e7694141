#include "analysis/abc.hpp"

#include "analysis/stats.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace tendersim::analysis {

std::vector<std::size_t> abc_accept(std::span<const double> distances, const AbcRule& rule) {
    if (rule.kind == AbcRule::Kind::Quantile && !(rule.value > 0 && rule.value <= 1))
        throw std::invalid_argument("the accepted quantile must be above 0 and at most 1");
    if (rule.kind == AbcRule::Kind::Threshold && !(rule.value >= 0))
        throw std::invalid_argument("the distance threshold must be a number >= 0");
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < distances.size(); ++i)
        if (!std::isnan(distances[i])) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return distances[a] < distances[b]; });
    if (rule.kind == AbcRule::Kind::Threshold) {
        const auto end = std::find_if(order.begin(), order.end(),
                                      [&](std::size_t i) { return distances[i] > rule.value; });
        order.erase(end, order.end());
        return order;
    }
    // The best ceil(q n) of all n draws (NaN ones count in n), at least one.
    const double want = std::ceil(rule.value * static_cast<double>(distances.size()) - 1e-9);
    const std::size_t keep = std::max<std::size_t>(1, static_cast<std::size_t>(want));
    if (order.size() > keep) order.resize(keep);
    return order;
}

PosteriorSummary posterior_summary(std::span<const double> values,
                                   std::span<const std::size_t> accepted, double prior_lo,
                                   double prior_hi) {
    PosteriorSummary s;
    s.prior_lo = prior_lo;
    s.prior_hi = prior_hi;
    s.accepted = accepted.size();
    std::vector<double> all(values.begin(), values.end());
    std::vector<double> kept;
    kept.reserve(accepted.size());
    for (const std::size_t i : accepted) kept.push_back(values[i]);
    std::sort(all.begin(), all.end());
    std::sort(kept.begin(), kept.end());
    const double nan = std::nan("");
    if (kept.empty()) {
        s.min = s.q05 = s.median = s.q95 = s.max = s.width_ratio = nan;
        return s;
    }
    s.min = kept.front();
    s.max = kept.back();
    s.q05 = sorted_quantile(kept, 0.05);
    s.median = sorted_quantile(kept, 0.5);
    s.q95 = sorted_quantile(kept, 0.95);
    const double all_width = sorted_quantile(all, 0.95) - sorted_quantile(all, 0.05);
    s.width_ratio = kept.size() < 2 || !(all_width > 0) ? nan : (s.q95 - s.q05) / all_width;
    return s;
}

} // namespace tendersim::analysis
