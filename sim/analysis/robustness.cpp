#include "analysis/robustness.hpp"

#include "analysis/distributions.hpp"
#include "analysis/stats.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace tendersim::analysis {
namespace {

// Never below 2 / n!, the exact chance that n untied values of an independent parameter fall in
// the same or the reverse order as the effect's: the t approximation gives 0 for |rho| = 1, which
// at a handful of sets, among dozens of parameters, happens by chance (6 sets: 1 in 360 each).
double rho_p_value(double rho, std::size_t n) {
    if (std::isnan(rho) || n < 3) return 1.0;
    double floor = 2.0;
    for (std::size_t i = 2; i <= n && floor > 1e-300; ++i) floor /= static_cast<double>(i);
    if (std::fabs(rho) >= 1.0) return floor;
    const double df = static_cast<double>(n - 2);
    const double t = rho * std::sqrt(df / (1.0 - rho * rho));
    return std::max(floor, 2.0 * (1.0 - student_t_cdf(std::fabs(t), df)));
}

double mixture_cdf(std::span<const double> centres, std::span<const double> scales, double df,
                   double x) {
    double sum = 0;
    for (std::size_t p = 0; p < centres.size(); ++p)
        sum += scales[p] > 0 ? student_t_cdf((x - centres[p]) / scales[p], df)
                             : (x >= centres[p] ? 1.0 : 0.0);
    return sum / static_cast<double>(centres.size());
}

// P(X >= x) for X ~ Binomial(n, p): I_p(x, n - x + 1).
double binomial_upper_tail(std::size_t x, std::size_t n, double p) {
    if (x == 0) return 1.0;
    if (x > n) return 0.0;
    return incomplete_beta(static_cast<double>(x), static_cast<double>(n - x + 1), p);
}

void check_input(const RobustnessInput& in) {
    if (in.replicates == 0 || in.differences.empty())
        throw std::invalid_argument("robust_effect: no parameter sets or no replicates");
    if (in.differences.size() % in.replicates != 0)
        throw std::invalid_argument("robust_effect: differences are not sets x replicates");
    if (in.parameters.size() != in.sets() * in.parameter_names.size())
        throw std::invalid_argument("robust_effect: parameters are not sets x parameter names");
    auto finite = [](double v) { return std::isfinite(v); };
    if (!std::all_of(in.differences.begin(), in.differences.end(), finite) ||
        !std::all_of(in.parameters.begin(), in.parameters.end(), finite))
        throw std::invalid_argument("robust_effect: a value is not finite");
}

} // namespace

double t_mixture_quantile(std::span<const double> centres, std::span<const double> scales,
                          double df, double q) {
    if (centres.empty() || centres.size() != scales.size() || !(q > 0 && q < 1))
        throw std::invalid_argument("t_mixture_quantile: empty mixture or q outside (0, 1)");
    // Every component's CDF is <= q at the lowest component q-quantile and >= q at the highest,
    // so the mixture's q-quantile lies between them.
    const double tq = student_t_quantile(q, df);
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t p = 0; p < centres.size(); ++p) {
        lo = std::min(lo, centres[p] + scales[p] * tq);
        hi = std::max(hi, centres[p] + scales[p] * tq);
    }
    const double tolerance = 1e-12 * std::max(1.0, hi - lo);
    while (hi - lo > tolerance) {
        const double mid = lo + (hi - lo) / 2;
        if (mid <= lo || mid >= hi) break;
        (mixture_cdf(centres, scales, df, mid) < q ? lo : hi) = mid;
    }
    return hi;
}

RobustEffect robust_effect(const RobustnessInput& in, const RobustnessOptions& options) {
    check_input(in);
    const std::size_t sets = in.sets(), reps = in.replicates, k = in.parameter_names.size();
    RobustEffect out;
    out.sets = sets;
    out.replicates = reps;

    std::vector<double> centres(sets), scales(sets);
    for (std::size_t p = 0; p < sets; ++p) {
        const std::span<const double> d(in.differences.data() + p * reps, reps);
        centres[p] = mean(d);
        scales[p] = reps > 1 ? sample_sd(d) / std::sqrt(static_cast<double>(reps)) : 0.0;
        // A set's own 95% interval; with one replicate (or identical differences) it is the
        // point, as in paired_difference.
        const double half = reps > 1 ? t_critical_95(static_cast<double>(reps - 1)) * scales[p] : 0;
        if (centres[p] - half > 0) ++out.sets_above_zero;
        if (centres[p] + half < 0) ++out.sets_below_zero;
    }
    std::vector<double> sorted = centres;
    std::sort(sorted.begin(), sorted.end());
    out.median = sorted_quantile(sorted, 0.5);
    const double df = reps > 1 ? static_cast<double>(reps - 1) : 1.0;
    out.low = t_mixture_quantile(centres, scales, df, 0.025);
    out.high = t_mixture_quantile(centres, scales, df, 0.975);
    const auto agrees = [&](double c) {
        return out.median > 0 ? c > 0 : out.median < 0 ? c < 0 : c == 0;
    };
    out.same_sign_share =
        static_cast<double>(std::count_if(centres.begin(), centres.end(), agrees)) /
        static_cast<double>(sets);

    std::vector<double> column(sets);
    for (std::size_t j = 0; j < k; ++j) {
        for (std::size_t p = 0; p < sets; ++p) column[p] = in.parameters[p * k + j];
        const double rho = spearman(column, centres);
        out.correlations.push_back({in.parameter_names[j], rho, rho_p_value(rho, sets)});
    }
    // Strongest first; NaN (a constant parameter or effect) last; ties keep the parameter order.
    std::stable_sort(out.correlations.begin(), out.correlations.end(),
                     [](const EffectDriver& a, const EffectDriver& b) {
                         const double x = std::isnan(a.rho) ? -1 : std::fabs(a.rho);
                         const double y = std::isnan(b.rho) ? -1 : std::fabs(b.rho);
                         return x > y;
                     });
    const double threshold =
        options.driver_alpha / static_cast<double>(std::max<std::size_t>(k, 1));
    for (const auto& c : out.correlations)
        if (c.p_value < threshold) out.drivers.push_back(c);

    // Under pure noise each set's 95% interval excludes zero with probability 0.05, so a few sets
    // of a large ensemble always do: only more of them than chance allows show a real effect.
    // One replicate gives no interval to test, and then only a parameter driving the effect does.
    const std::size_t distinguishable = out.sets_above_zero + out.sets_below_zero;
    out.excess_p_value = reps > 1 ? binomial_upper_tail(distinguishable, sets, 0.05) : 1.0;
    if (out.low > 0 || out.high < 0)
        out.verdict = RobustnessVerdict::Robust;
    else if (reps > 1 ? out.excess_p_value < options.excess_alpha : !out.drivers.empty())
        out.verdict = RobustnessVerdict::DependsOn;
    else
        out.verdict = RobustnessVerdict::WithinNoise;
    return out;
}

const char* verdict_name(RobustnessVerdict verdict) {
    switch (verdict) {
    case RobustnessVerdict::Robust:
        return "robust";
    case RobustnessVerdict::DependsOn:
        return "depends on";
    case RobustnessVerdict::WithinNoise:
        return "within noise";
    }
    return "?";
}

} // namespace tendersim::analysis
