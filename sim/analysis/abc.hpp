#pragma once
// Approximate Bayesian computation by rejection (Pritchard et al. 1999; Beaumont et al. 2002):
// parameter draws from the prior, each with its distance between simulated and observed
// summaries; the draws nearest the data are kept as a sample of the approximate posterior. Pure
// computation on (draw parameters, distances), so it is tested with a toy simulator; `tendersim
// calibrate` feeds it the runs of a sweep (sim/validation/calibrate.hpp).
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace tendersim::analysis {

// Which draws to keep: the best `quantile` of all draws (at least one), or every draw whose
// distance is at most `threshold`.
struct AbcRule {
    enum class Kind { Quantile, Threshold };
    Kind kind = Kind::Quantile;
    double value = 0.1; // the quantile (0 < q <= 1) or the threshold (>= 0)
};

// Indices of the accepted draws, nearest first (ties by index, so the choice is a pure function
// of the distances). A NaN distance (a target the draw never defined) is never accepted. Throws
// std::invalid_argument for a quantile outside (0, 1] or a negative or NaN threshold.
std::vector<std::size_t> abc_accept(std::span<const double> distances, const AbcRule& rule);

// One parameter's prior beside its approximate posterior.
struct PosteriorSummary {
    double prior_lo = 0, prior_hi = 0; // the range the draws came from
    std::size_t accepted = 0;
    double min = 0, q05 = 0, median = 0, q95 = 0, max = 0; // of the accepted values (type 7)
    // Width of the accepted 5-95% range over that of all draws: about 1 when the targets leave
    // the parameter free, well below 1 when they pin it. NaN with fewer than two accepted draws
    // or when every draw had the same value.
    double width_ratio = 0;
    // Permutation p-value of width_ratio (width_ratio_p_value); NaN until it is computed.
    double width_p = 0;
};

// values: the parameter's value in every draw; accepted: indices into values.
PosteriorSummary posterior_summary(std::span<const double> values,
                                   std::span<const std::size_t> accepted, double prior_lo,
                                   double prior_hi);

// Whether the width ratio is narrower than chance. If the targets do not constrain a parameter,
// the accepted draws are, as far as that parameter goes, a random k-subset of all draws (k =
// accepted.size()), and a small k gives a ratio well below 1 by chance (mean about 0.82 at k =
// 10, 0.9 at k = 20). So: draw `permutations` random k-subsets of `values` (a counter-based
// Stream keyed by seed and param_index, so the result is reproducible) and return the share
// whose width ratio is at most `observed_ratio`, as (1 + count) / (1 + permutations). NaN when
// the ratio is NaN or k < 2.
double width_ratio_p_value(std::span<const double> values, std::size_t k, double observed_ratio,
                           std::uint64_t seed, std::uint64_t param_index,
                           std::size_t permutations = 2000);

// The permutations needed for a p-value of 1 / (1 + n) to lie at most half below `alpha`, and
// at least 2000.
std::size_t permutations_for(double alpha);

// The verdict on a parameter, alpha being the per-parameter significance level (0.05 over the
// number of drawn parameters, Bonferroni): "too few accepted" below 10 accepted draws; "n/a"
// without a ratio or p-value; "pinned" for a ratio below 0.5 and p < alpha; "narrowed" for p <
// alpha; otherwise "not identified".
const char* width_verdict(const PosteriorSummary& s, double alpha);

} // namespace tendersim::analysis
