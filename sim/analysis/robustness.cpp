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

    // The replicates are paired across the sets as well as across the scenarios: replicate r
    // runs on the same seed under every set, so its seed's shock is shared by all the sets'
    // differences. The differences are therefore a two-way layout, d[p][r] = mu + a_p + b_r +
    // e_pr, with a_p the set's (parameter) effect, b_r the seed's and e_pr the rest. Its sums of
    // squares: between sets, between replicates, residual.
    std::vector<double> means(sets), rep_means(reps, 0.0);
    for (std::size_t p = 0; p < sets; ++p) {
        const std::span<const double> d(in.differences.data() + p * reps, reps);
        means[p] = mean(d);
        for (std::size_t r = 0; r < reps; ++r) rep_means[r] += d[r] / P;
    }
    const double grand = mean(means);
    double ss_sets = 0, ss_reps = 0, ss_res = 0;
    for (std::size_t p = 0; p < sets; ++p) {
        ss_sets += R * (means[p] - grand) * (means[p] - grand);
        for (std::size_t r = 0; r < reps; ++r) {
            const double e = in.differences[p * reps + r] - means[p] - rep_means[r] + grand;
            ss_res += e * e;
        }
    }
    for (double c : rep_means) ss_reps += P * (c - grand) * (c - grand);
    // A replicate's noise within one set (seed and residual together), pooled over the sets.
    const double within_df = P * (R - 1);
    const double within_var = reps > 1 ? (ss_reps + ss_res) / within_df : NAN;
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
    // 2009) for the effect under one parameter set of the ensemble, kept free of a normal shape
    // for the between-set spread. The between-set variance tau^2 and the seeds' variance are
    // estimated by moments from the two-way mean squares; the set means are pulled towards the
    // grand mean until they spread as tau does, so noise is not counted as parameter
    // uncertainty, and each pulled mean carries the grand mean's variance, tau^2 / P +
    // sigma_seed^2 / R + sigma_e^2 / (P R), with Satterthwaite's degrees of freedom. The seeds'
    // term is why the layout matters: the shock of a seed shared by every set moves every set
    // mean alike, so the spread of the set means alone would leave it out.
    if (sets == 1) {
        const double scale = reps > 1 ? out.noise_sd / std::sqrt(R) : 0.0;
        const std::vector<double> c{means[0]}, sc{scale};
        out.low = reps > 1 ? t_mixture_quantile(c, sc, R - 1, 0.025) : means[0];
        out.high = reps > 1 ? t_mixture_quantile(c, sc, R - 1, 0.975) : means[0];
    } else if (reps == 1) {
        // One replicate cannot split the seed's shock from the sets' differences: the interval
        // takes all the spread as between sets and knows nothing of the shared seed, so it is
        // reported but never makes an effect robust (the verdict below).
        const double between_var = sample_sd(means) * sample_sd(means);
        out.between_sd = std::sqrt(between_var);
        const std::vector<double> scales(sets, std::sqrt(between_var / P));
        out.low = t_mixture_quantile(means, scales, P - 1, 0.025);
        out.high = t_mixture_quantile(means, scales, P - 1, 0.975);
    } else {
        const double df_sets = P - 1, df_reps = R - 1, df_res = (P - 1) * (R - 1);
        const double ms_sets = ss_sets / df_sets, ms_reps = ss_reps / df_reps,
                     ms_res = ss_res / df_res;
        const double tau2 = std::max(0.0, (ms_sets - ms_res) / R);
        const double seed2 = std::max(0.0, (ms_reps - ms_res) / P);
        out.between_sd = std::sqrt(tau2);
        // var(grand mean) as a combination of mean squares, a components truncated at zero
        // dropping out; its degrees of freedom by Satterthwaite.
        const double c_sets = tau2 > 0 ? 1.0 : 0.0, c_reps = seed2 > 0 ? 1.0 : 0.0;
        const double c_res = 1.0 - c_sets - c_reps;
        const double var_grand = (c_sets * ms_sets + c_reps * ms_reps + c_res * ms_res) / (P * R);
        const auto term = [](double c, double ms, double df) { return c * ms * c * ms / df; };
        const double denom = term(c_sets, ms_sets, df_sets) + term(c_reps, ms_reps, df_reps) +
                             term(c_res, ms_res, df_res);
        const double df =
            denom > 0 ? std::max(1.0, var_grand * var_grand * P * P * R * R / denom) : df_res;
        const double set_var = ms_sets / R; // the variance of the set means
        const double pull = set_var > 0 ? std::sqrt(tau2 / set_var) : 0.0;
        std::vector<double> centres(sets), scales(sets, std::sqrt(var_grand));
        for (std::size_t p = 0; p < sets; ++p) centres[p] = grand + pull * (means[p] - grand);
        out.low = t_mixture_quantile(centres, scales, df, 0.025);
        out.high = t_mixture_quantile(centres, scales, df, 0.975);
        // Do the sets differ by more than noise? The two-way F test of the sets: F = MS_sets /
        // MS_res on (P - 1, (P - 1)(R - 1)).
        if (ms_res > 0) {
            const double f = ms_sets / ms_res;
            out.heterogeneity_p_value = 1.0 - incomplete_beta(df_sets / 2, df_res / 2,
                                                              df_sets * f / (df_sets * f + df_res));
        } else {
            out.heterogeneity_p_value = ms_sets > 0 ? 0.0 : 1.0;
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

    // With one replicate the noise is unmeasured: a named driver still shows dependence (a seed
    // shared by every set does not reorder them), but nothing else can be concluded.
    if (reps == 1)
        out.verdict =
            !out.drivers.empty() ? RobustnessVerdict::DependsOn : RobustnessVerdict::Undetermined;
    else if (out.low > 0 || out.high < 0)
        out.verdict = RobustnessVerdict::Robust;
    else if (out.heterogeneity_p_value < options.heterogeneity_alpha)
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
    case RobustnessVerdict::Undetermined:
        return "undetermined";
    }
    return "?";
}

} // namespace tendersim::analysis
