#pragma once
// Does a policy effect survive the model's own uncertainty? A robust comparison runs the paired
// comparison of B against A under each parameter set of an ensemble (e.g. the accepted draws of
// a calibration), so each set p gives R paired differences, one per seed. This file turns those
// into what a policy report needs: the typical effect, an interval that carries both the spread
// across parameter sets and each set's random noise, how often the sets agree on the sign, the
// parameters that drive the effect's size, and a verdict in plain words.
#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace tendersim::analysis {

struct RobustnessInput {
    std::vector<std::string> parameter_names;
    // [set][parameter], row-major: the value of each parameter in each set.
    std::vector<double> parameters;
    // [set][replicate], row-major: B_r - A_r under set p on the common seed of replicate r.
    std::vector<double> differences;
    std::size_t replicates = 0;

    std::size_t sets() const { return replicates == 0 ? 0 : differences.size() / replicates; }
};

// One parameter's association with the effect's size across the sets: Spearman's rank
// correlation between the parameter and the set's mean difference, with the two-sided p-value of
// its t approximation, t = rho sqrt((n - 2) / (1 - rho^2)) on n - 2 degrees of freedom.
struct EffectDriver {
    std::string name;
    double rho = 0.0;
    double p_value = 1.0;
};

enum class RobustnessVerdict {
    // The interval excludes zero (and there are at least two replicates): the sign holds across
    // the ensemble and its noise.
    Robust,
    // Not robust, and the sets' effects differ by more than their noise (two-way analysis of
    // variance; with one replicate: a parameter drives the effect): the sign or the size depends
    // on the parameter set.
    DependsOn,
    WithinNoise, // neither: what the sets show is what their random noise would show
    // One replicate per set and no named driver: the runs cannot tell the seeds' noise from the
    // sets' differences.
    Undetermined,
};

// Below this many sets no parameter is named as a driver.
inline constexpr std::size_t kMinSetsForDrivers = 10;

struct RobustEffect {
    std::size_t sets = 0;
    std::size_t replicates = 0;
    double median = 0.0; // median over the sets of each set's mean difference
    // 95% prediction interval for the effect under one parameter set of the ensemble, noise
    // included (robustness.cpp says how): the 2.5% and 97.5% quantiles of an equal-weight
    // mixture of t distributions centred on the set means pulled towards the grand mean so they
    // spread as the between-set sd does, each with the grand mean's standard error (the sets'
    // spread, the common seeds' and the rest). One set: its paired t-interval.
    double low = 0.0;
    double high = 0.0;
    double between_sd = 0.0; // estimated sd of the true effect across sets (tau); 0 with one set
    // sd of one replicate's difference within a set (the seed's shock and the rest), pooled over
    // the sets; NaN if R = 1.
    double noise_sd = 0.0;
    // Share of sets whose mean difference has the sign of the median (zero counts only with a
    // zero median).
    double same_sign_share = 0.0;
    std::size_t sets_above_zero = 0; // sets whose 95% interval (pooled noise) lies above zero
    std::size_t sets_below_zero = 0; // ... below zero
    // p-value of the two-way analysis of variance (sets x common-seed replicates) that the sets
    // share one effect; NaN with one set or one replicate.
    double heterogeneity_p_value = NAN;
    // Parameters whose rank correlation with the set means is significant at `driver_alpha`
    // after a Bonferroni correction for the number of parameters, strongest first; none with
    // fewer than kMinSetsForDrivers sets.
    std::vector<EffectDriver> drivers;
    // Every parameter, strongest |rho| first (the report's table).
    std::vector<EffectDriver> correlations;
    RobustnessVerdict verdict = RobustnessVerdict::WithinNoise;
};

struct RobustnessOptions {
    double driver_alpha = 0.05;
    double heterogeneity_alpha = 0.05; // threshold of heterogeneity_p_value for "depends on"
};

// Throws std::invalid_argument if there are no sets or replicates, the arrays do not match
// (parameters must hold sets x parameter_names values, differences sets x replicates), or a value
// is not finite.
RobustEffect robust_effect(const RobustnessInput& input, const RobustnessOptions& options = {});

// "robust", "depends on", "within noise", "undetermined".
const char* verdict_name(RobustnessVerdict verdict);

// Quantile q of an equal-weight mixture of location-scale Student-t distributions with `df`
// degrees of freedom (scale 0: a point mass at the centre), found by bisection to within 1e-12
// of the mixture's span.
double t_mixture_quantile(std::span<const double> centres, std::span<const double> scales,
                          double df, double q);

} // namespace tendersim::analysis
