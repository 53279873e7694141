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
    const auto P = static_cast<double>(sets), R = static_cast<double>(reps);
    RobustEffect out;
    out.sets = sets;
    out.replicates = reps;

    // Each set's mean difference, and the within-set (noise) variance pooled over the sets: with
    // two replicates a set's own variance has one degree of freedom, the pooled one P.
    std::vector<double> means(sets);
    double within_ss = 0;
    for (std::size_t p = 0; p < sets; ++p) {
        const std::span<const double> d(in.differences.data() + p * reps, reps);
        means[p] = mean(d);
        for (double v : d) within_ss += (v - means[p]) * (v - means[p]);
    }
    const double within_df = P * (R - 1);
    const double within_var = reps > 1 ? within_ss / within_df : NAN;
    out.noise_sd = std::sqrt(within_var);

    std::vector<double> sorted = means;
    std::sort(sorted.begin(), sorted.end());
    out.median = sorted_quantile(sorted, 0.5);
    const auto agrees = [&](double c) {
        return out.median > 0 ? c > 0 : out.median < 0 ? c < 0 : c == 0;
    };
    out.same_sign_share =
        static_cast<double>(std::count_if(means.begin(), means.end(), agrees)) / P;
    if (reps > 1) {
        const double half = t_critical_95(within_df) * out.noise_sd / std::sqrt(R);
        for (double m : means) {
            if (m - half > 0) ++out.sets_above_zero;
            if (m + half < 0) ++out.sets_below_zero;
        }
    }

    // The interval: a random-effects prediction interval (Higgins, Thompson & Spiegelhalter
    // 2009) for the effect under one parameter set of the ensemble, kept free of a normal
    // shape for the between-set spread. The set means spread by between-set variance tau^2 plus
    // noise var/R; tau^2 is estimated by moments, and the set means are pulled towards the grand
    // mean until their spread is tau's, so noise is not counted as parameter uncertainty. Each
    // pulled mean then carries the uncertainty of the grand mean (sd of the set means / sqrt(P),
    // P - 1 degrees of freedom). One replicate cannot split the two: all spread is taken as
    // between sets (wider, never narrower).
    if (sets == 1) {
        const double scale = reps > 1 ? out.noise_sd / std::sqrt(R) : 0.0;
        const std::vector<double> c{means[0]}, sc{scale};
        out.low = reps > 1 ? t_mixture_quantile(c, sc, R - 1, 0.025) : means[0];
        out.high = reps > 1 ? t_mixture_quantile(c, sc, R - 1, 0.975) : means[0];
    } else {
        const double grand = mean(means);
        const double between_var = sample_sd(means) * sample_sd(means);
        const double tau2 = reps > 1 ? std::max(0.0, between_var - within_var / R) : between_var;
        out.between_sd = std::sqrt(tau2);
        const double pull = between_var > 0 ? std::sqrt(tau2 / between_var) : 0.0;
        std::vector<double> centres(sets), scales(sets, std::sqrt(between_var / P));
        for (std::size_t p = 0; p < sets; ++p) centres[p] = grand + pull * (means[p] - grand);
        out.low = t_mixture_quantile(centres, scales, P - 1, 0.025);
        out.high = t_mixture_quantile(centres, scales, P - 1, 0.975);
        // Do the sets differ by more than noise? One-way analysis of variance of the paired
        // differences with the sets as groups: F = R s_b^2 / s_w^2 on (P - 1, P (R - 1)).
        if (reps > 1) {
            if (within_var > 0) {
                const double f = R * between_var / within_var, d1 = P - 1, d2 = within_df;
                out.heterogeneity_p_value =
                    1.0 - incomplete_beta(d1 / 2, d2 / 2, d1 * f / (d1 * f + d2));
            } else {
                out.heterogeneity_p_value = between_var > 0 ? 0.0 : 1.0;
            }
        }
    }

    std::vector<double> column(sets);
    for (std::size_t j = 0; j < k; ++j) {
        for (std::size_t p = 0; p < sets; ++p) column[p] = in.parameters[p * k + j];
        const double rho = spearman(column, means);
        out.correlations.push_back({in.parameter_names[j], rho, rho_p_value(rho, sets)});
    }
    // Strongest first; NaN (a constant parameter or effect) last; ties keep the parameter order.
    std::stable_sort(out.correlations.begin(), out.correlations.end(),
                     [](const EffectDriver& a, const EffectDriver& b) {
                         const double x = std::isnan(a.rho) ? -1 : std::fabs(a.rho);
                         const double y = std::isnan(b.rho) ? -1 : std::fabs(b.rho);
                         return x > y;
                     });
    // The t approximation of a rank correlation's p-value is poor for few sets (a perfect rank
    // order of 3 sets happens by chance one time in 3): no parameter is named below
    // kMinSetsForDrivers.
    const double threshold =
        options.driver_alpha / static_cast<double>(std::max<std::size_t>(k, 1));
    if (sets >= kMinSetsForDrivers)
        for (const auto& c : out.correlations)
            if (c.p_value < threshold) out.drivers.push_back(c);

    const bool informative = sets > 1 || reps > 1; // one run alone cannot tell
    if (informative && (out.low > 0 || out.high < 0))
        out.verdict = RobustnessVerdict::Robust;
    else if (informative && (reps > 1 ? out.heterogeneity_p_value < options.heterogeneity_alpha
                                      : !out.drivers.empty()))
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
