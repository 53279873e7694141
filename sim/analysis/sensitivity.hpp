#pragma once
// Global sensitivity estimators for the Morris and Saltelli designs. Outputs are indexed by
// design row (not run order). A NaN output marks a run that has not finished or failed: the
// estimators use only the elementary effects (Morris) or whole blocks (Sobol') that are complete,
// so a partly finished sweep still gives estimates from what it has.
#include "analysis/design.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace tendersim::analysis {

struct MorrisIndex {
    std::string name;
    // Statistics of the elementary effects EE = (y(x + step e_i) - y(x)) / step, with step in
    // unit-cube coordinates: an effect is the output change per full range of the parameter, so
    // parameters with different units compare directly. (Integer and level parameters are
    // rounded onto their values, so their realised step can differ slightly from delta; choose p
    // so the lattice matches their values when that matters.)
    double mu = 0.0;      // mean EE (Morris 1991): signed, effects of opposite sign cancel
    double mu_star = 0.0; // mean |EE| (Campolongo, Cariboni & Saltelli 2007): overall importance
    double sigma = 0.0;   // sample sd of EE: non-linearity and interactions; NaN if effects < 2
    // Half-width of the confidence interval of mu_star as SALib reports it (z times the bootstrap
    // sd of mu_star), computed exactly rather than by resampling: the bootstrap sd of a mean of r
    // values is their population sd / sqrt(r), which SALib's 1000 resamples approximate. NaN if
    // effects < 2.
    double mu_star_conf = 0.0;
    std::size_t effects = 0; // elementary effects used (trajectories with both runs finished)
};

// One entry per parameter, in design order. Throws std::invalid_argument if outputs.size() is not
// the number of design rows or confidence is not in (0, 1).
std::vector<MorrisIndex> morris_indices(const MorrisDesign& design, std::span<const double> outputs,
                                        double confidence = 0.95);

struct SobolIndex {
    std::string name;
    double s1 = 0.0; // first-order index: share of output variance due to this parameter alone
    double st = 0.0; // total index: share involving this parameter, interactions included
    // SALib's S1_conf and ST_conf: z times the sd of the bootstrap estimates, the half-width of a
    // normal confidence interval; NaN when no bootstrap was asked.
    double s1_conf = 0.0;
    double st_conf = 0.0;
    // Bootstrap percentile interval (resampling base samples); NaN when no bootstrap was asked.
    double s1_low = 0.0;
    double s1_high = 0.0;
    double st_low = 0.0;
    double st_high = 0.0;
};

struct SobolOptions {
    std::size_t bootstrap = 0; // resamples for the intervals; 0 = no intervals
    double confidence = 0.95;
    std::uint64_t seed = 0; // bootstrap stream seed
};

struct SobolResult {
    std::vector<SobolIndex> indices; // one per parameter, in design order
    double variance = 0.0;           // output variance estimated from the A and B runs
    std::size_t blocks_used = 0;     // base samples whose k + 2 runs all finished
};

// First-order indices by the Saltelli et al. (2010) estimator
//   V_i = 1/N sum_j f(B)_j (f(A_B^i)_j - f(A)_j),
// total indices by the Jansen (1999) estimator
//   VT_i = 1/(2N) sum_j (f(A)_j - f(A_B^i)_j)^2,
// both divided by the variance of the pooled f(A), f(B) outputs. Estimates carry sampling error
// and can fall slightly outside [0, 1]; they are not clipped. Throws std::invalid_argument if
// outputs.size() is not the number of design rows.
SobolResult sobol_indices(const SaltelliDesign& design, std::span<const double> outputs,
                          const SobolOptions& options = {});

} // namespace tendersim::analysis
