#pragma once
// Descriptive statistics and t-intervals for replicate outputs, including the paired comparison
// behind `tendersim compare`: policies A and B run on the same seeds (common random numbers), so
// the per-seed differences b - a carry the comparison and their spread, not that of a or b alone,
// sets the interval width.
#include <cstddef>
#include <span>
#include <vector>

namespace tendersim::analysis {

// Arithmetic mean; NaN for an empty input.
double mean(std::span<const double> x);

// Sample standard deviation (n - 1 denominator, two-pass for accuracy); NaN when n < 2.
double sample_sd(std::span<const double> x);

// Quantile of already sorted data, linear interpolation between order statistics (Hyndman &
// Fan 1996 type 7, the R and NumPy default). NaN for an empty input.
double sorted_quantile(std::span<const double> sorted, double p);

// The usual summary of a sample: its size, mean and type-7 quantiles (all 0 when n = 0).
struct Quantiles {
    std::size_t n = 0;
    double mean = 0, p10 = 0, p25 = 0, p50 = 0, p75 = 0, p90 = 0;
};
Quantiles quantiles_of(std::vector<double> sample); // sorts its copy

struct MeanCI {
    std::size_t n = 0;
    double mean = 0.0;
    double sd = 0.0;       // sample sd; NaN when n < 2
    double ci95_low = 0.0; // mean -/+ t(0.975, n-1) sd / sqrt(n); NaN when n < 2
    double ci95_high = 0.0;
};

// Mean with a two-sided 95% Student-t interval.
MeanCI mean_ci95(std::span<const double> x);

struct PairedDifference {
    std::size_t n = 0;
    double mean_a = 0.0;
    double mean_b = 0.0;
    double mean_diff = 0.0; // mean of b[i] - a[i]
    double sd_diff = 0.0;   // sample sd of the differences; NaN when n < 2
    double ci95_low = 0.0;  // 95% t-interval for the mean difference; NaN when n < 2
    double ci95_high = 0.0;
    // Share of pairs whose difference has the sign of mean_diff (zero differences count only
    // when mean_diff is zero): how consistently B beats or trails A seed by seed.
    double share_same_sign = 0.0;
    // The 95% interval excludes zero. With identical differences (sd 0) the interval collapses
    // to the point mean_diff, so any non-zero constant difference is distinguishable.
    bool distinguishable = false;
};

// Paired comparison of b against a (element i of both from the same seed). Throws
// std::invalid_argument if the sizes differ.
PairedDifference paired_difference(std::span<const double> a, std::span<const double> b);

// Spearman's rank correlation (Pearson's on ranks; tied values share their mean rank). Pairs
// with a NaN on either side are left out; NaN when fewer than three pairs remain or either side
// is constant.
double spearman(std::span<const double> x, std::span<const double> y);

// spearman, with the number of pairs it used (those without a NaN on either side).
struct SpearmanResult {
    double rho = 0;
    std::size_t pairs = 0;
};
SpearmanResult spearman_with_pairs(std::span<const double> x, std::span<const double> y);

} // namespace tendersim::analysis
