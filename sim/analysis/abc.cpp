#include "analysis/abc.hpp"

#include "analysis/stats.hpp"
#include "analysis/stream_ids.hpp"
#include "core/rng.hpp"

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
    s.width_p = nan;
    return s;
}

double width_ratio_p_value(std::span<const double> values, std::size_t k, double observed_ratio,
                           std::uint64_t seed, std::uint64_t param_index,
                           std::size_t permutations) {
    const double nan = std::nan("");
    const std::size_t n = values.size();
    if (std::isnan(observed_ratio) || k < 2 || k > n || permutations == 0) return nan;
    std::vector<double> all(values.begin(), values.end());
    std::sort(all.begin(), all.end());
    const double all_width = sorted_quantile(all, 0.95) - sorted_quantile(all, 0.05);
    if (!(all_width > 0)) return nan;
    Stream rng = Stream(seed, 0, StreamPurpose::Sweep, stream_id::abc_width_null).sub(param_index);
    std::vector<double> pool(values.begin(), values.end());
    std::vector<double> subset(k);
    std::size_t at_most = 0;
    // Ratios equal up to rounding count as "at least as narrow".
    const double limit = observed_ratio + 1e-12;
    for (std::size_t t = 0; t < permutations; ++t) {
        // Partial Fisher-Yates: the first k of pool become a uniform random k-subset.
        for (std::size_t i = 0; i < k; ++i) {
            const std::size_t j = i + static_cast<std::size_t>(rng.below(n - i));
            std::swap(pool[i], pool[j]);
            subset[i] = pool[i];
        }
        std::sort(subset.begin(), subset.end());
        const double ratio =
            (sorted_quantile(subset, 0.95) - sorted_quantile(subset, 0.05)) / all_width;
        at_most += ratio <= limit ? 1 : 0;
    }
    return (1.0 + static_cast<double>(at_most)) / (1.0 + static_cast<double>(permutations));
}

std::size_t permutations_for(double alpha) {
    const double want = alpha > 0 ? std::ceil(2.0 / alpha) : 2000.0;
    return std::max<std::size_t>(2000, static_cast<std::size_t>(std::min(want, 1e7)));
}

const char* width_verdict(const PosteriorSummary& s, double alpha) {
    if (s.accepted < 10) return "too few accepted";
    if (std::isnan(s.width_ratio) || std::isnan(s.width_p)) return "n/a";
    if (!(s.width_p < alpha)) return "not identified";
    return s.width_ratio < 0.5 ? "pinned" : "narrowed";
}

} // namespace tendersim::analysis
