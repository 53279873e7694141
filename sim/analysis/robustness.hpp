#pragma once
// Does a policy effect survive the model's own uncertainty? A robust comparison runs the paired
// comparison of B against A under each parameter set of an ensemble (e.g. the accepted draws of
// a calibration), so each set p gives R paired differences, one per seed. This file turns those
// into what a policy report needs: the typical effect, an interval that carries both the spread
// across parameter sets and each set's random noise, how often the sets agree on the sign, the
// parameters that drive the effect's size, and a verdict in plain words.
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
    Robust, // the combined interval excludes zero: the sign holds across the ensemble
    // Not robust, but more sets show an effect distinguishable from their noise than chance
    // would give (with one replicate: a parameter drives the effect): the sign or the size
    // depends on the parameter set.
    DependsOn,
    WithinNoise, // neither: what the sets show is what their random noise would show
};

struct RobustEffect {
    std::size_t sets = 0;
    std::size_t replicates = 0;
    double median = 0.0; // median over the sets of each set's mean difference
    // 2.5% and 97.5% quantiles of the equal-weight mixture, over the sets, of each set's
    // Student-t sampling distribution of its mean difference (centre mean, scale sd/sqrt(R),
    // R - 1 degrees of freedom): parameter uncertainty (between sets) and random noise (within a
    // set) together. With one replicate each set is a point.
    double low = 0.0;
    double high = 0.0;
    // Share of sets whose mean difference has the sign of the median (zero counts only with a
    // zero median).
    double same_sign_share = 0.0;
    std::size_t sets_above_zero = 0; // sets whose own 95% interval lies above zero
    std::size_t sets_below_zero = 0; // ... below zero
    // P(at least this many sets' intervals exclude zero) if every set's true effect were zero
    // (each then does so with probability 0.05): binomial upper tail. 1 with one replicate.
    double excess_p_value = 1.0;
    // Parameters whose rank correlation with the effect is significant at `driver_alpha` after a
    // Bonferroni correction for the number of parameters, strongest first.
    std::vector<EffectDriver> drivers;
    // Every parameter, strongest |rho| first (the report's table).
    std::vector<EffectDriver> correlations;
    RobustnessVerdict verdict = RobustnessVerdict::WithinNoise;
};

struct RobustnessOptions {
    double driver_alpha = 0.05;
    double excess_alpha = 0.05; // threshold of excess_p_value for "depends on"
};

// Throws std::invalid_argument if there are no sets or replicates, the arrays do not match
// (parameters must hold sets x parameter_names values, differences sets x replicates), or a value
// is not finite.
RobustEffect robust_effect(const RobustnessInput& input, const RobustnessOptions& options = {});

// "robust", "depends on", "within noise".
const char* verdict_name(RobustnessVerdict verdict);

// Quantile q of an equal-weight mixture of location-scale Student-t distributions with `df`
// degrees of freedom (scale 0: a point mass at the centre), found by bisection to within 1e-12
// of the mixture's span.
double t_mixture_quantile(std::span<const double> centres, std::span<const double> scales,
                          double df, double q);

} // namespace tendersim::analysis
