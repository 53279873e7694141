#include "analysis/stats.hpp"

#include "analysis/distributions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace tendersim::analysis {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

int sign_of(double x) {
    return (x > 0.0) - (x < 0.0);
}

// Ranks from 1, tied values sharing their mean rank.
std::vector<double> ranks(const std::vector<double>& x) {
    std::vector<std::size_t> order(x.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
    std::vector<double> r(x.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && x[order[j + 1]] == x[order[i]]) ++j;
        const double rank = (static_cast<double>(i + j) / 2.0) + 1.0;
        for (std::size_t k = i; k <= j; ++k) r[order[k]] = rank;
        i = j + 1;
    }
    return r;
}

} // namespace

double mean(std::span<const double> x) {
    if (x.empty()) return kNaN;
    double sum = 0.0;
    for (const double v : x) sum += v;
    return sum / static_cast<double>(x.size());
}

double sample_sd(std::span<const double> x) {
    if (x.size() < 2) return kNaN;
    // Two passes: summing squared deviations from the mean avoids the cancellation of the
    // sum-of-squares formula when the mean is large relative to the spread (e.g. costs in GBP).
    const double m = mean(x);
    double ss = 0.0;
    for (const double v : x) ss += (v - m) * (v - m);
    return std::sqrt(ss / static_cast<double>(x.size() - 1));
}

double sorted_quantile(std::span<const double> sorted, double p) {
    if (sorted.empty() || std::isnan(p)) return kNaN;
    if (p <= 0.0) return sorted.front();
    if (p >= 1.0) return sorted.back();
    const double h = p * static_cast<double>(sorted.size() - 1);
    const auto i = static_cast<std::size_t>(std::floor(h));
    if (i + 1 >= sorted.size()) return sorted.back();
    return sorted[i] + (h - static_cast<double>(i)) * (sorted[i + 1] - sorted[i]);
}

Quantiles quantiles_of(std::vector<double> sample) {
    Quantiles q;
    q.n = sample.size();
    if (sample.empty()) return q;
    std::sort(sample.begin(), sample.end());
    // Summed in sorted order: the same sample gives the same bits whatever order it came in.
    double sum = 0;
    for (double v : sample) sum += v;
    q.mean = sum / static_cast<double>(q.n);
    q.p10 = sorted_quantile(sample, 0.10);
    q.p25 = sorted_quantile(sample, 0.25);
    q.p50 = sorted_quantile(sample, 0.50);
    q.p75 = sorted_quantile(sample, 0.75);
    q.p90 = sorted_quantile(sample, 0.90);
    return q;
}

MeanCI mean_ci95(std::span<const double> x) {
    MeanCI r;
    r.n = x.size();
    r.mean = mean(x);
    r.sd = sample_sd(x);
    if (r.n < 2) {
        r.ci95_low = r.ci95_high = kNaN;
        return r;
    }
    const double half =
        t_critical_95(static_cast<double>(r.n - 1)) * r.sd / std::sqrt(static_cast<double>(r.n));
    r.ci95_low = r.mean - half;
    r.ci95_high = r.mean + half;
    return r;
}

PairedDifference paired_difference(std::span<const double> a, std::span<const double> b) {
    if (a.size() != b.size()) {
        throw std::invalid_argument("paired_difference: a and b must have the same length");
    }
    std::vector<double> diff(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) diff[i] = b[i] - a[i];

    PairedDifference r;
    r.n = a.size();
    r.mean_a = mean(a);
    r.mean_b = mean(b);
    const MeanCI ci = mean_ci95(diff);
    r.mean_diff = ci.mean;
    r.sd_diff = ci.sd;
    r.ci95_low = ci.ci95_low;
    r.ci95_high = ci.ci95_high;
    if (r.n == 0) return r;

    const int s = sign_of(r.mean_diff);
    std::size_t same = 0;
    for (const double d : diff) same += sign_of(d) == s ? 1 : 0;
    r.share_same_sign = static_cast<double>(same) / static_cast<double>(r.n);
    // NaN bounds compare false, so n < 2 is never distinguishable.
    r.distinguishable = r.ci95_low > 0.0 || r.ci95_high < 0.0;
    return r;
}

double spearman(std::span<const double> x, std::span<const double> y) {
    return spearman_with_pairs(x, y).rho;
}

SpearmanResult spearman_with_pairs(std::span<const double> x, std::span<const double> y) {
    if (x.size() != y.size()) throw std::invalid_argument("spearman: sizes differ");
    std::vector<double> a, b;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!std::isnan(x[i]) && !std::isnan(y[i])) a.push_back(x[i]), b.push_back(y[i]);
    if (a.size() < 3) return {std::nan(""), a.size()};
    const std::vector<double> ra = ranks(a), rb = ranks(b);
    const double ma = mean(ra), mb = mean(rb);
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < ra.size(); ++i) {
        sab += (ra[i] - ma) * (rb[i] - mb);
        saa += (ra[i] - ma) * (ra[i] - ma);
        sbb += (rb[i] - mb) * (rb[i] - mb);
    }
    if (!(saa > 0) || !(sbb > 0)) return {std::nan(""), a.size()};
    return {sab / std::sqrt(saa * sbb), a.size()};
}

} // namespace tendersim::analysis
