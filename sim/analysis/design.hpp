#pragma once
// Experimental designs for `tendersim sweep`. Each returns the run points in real units (rows =
// runs, columns = parameters in the order given) plus whatever metadata its estimator needs.
// Random designs draw from Stream(seed, 0, StreamPurpose::Sweep, ...) only, so a design is a pure
// function of (ranges, size, seed).
#include "analysis/param_space.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace tendersim::analysis {

// Full factorial grid, row-major with the last parameter varying fastest.
struct GridDesign {
    std::vector<ParamRange> ranges;
    std::vector<std::vector<double>> axis_values; // the values used on each axis
    std::vector<std::size_t> counts;              // axis_values[i].size()
    PointMatrix points;
};

// Each axis takes points_per_dim evenly spaced values from lo to hi (the midpoint if 1), except:
// a parameter with levels uses exactly its levels; an integer parameter with no more than
// points_per_dim integers uses all of them, otherwise evenly spaced rounded integers.
GridDesign grid(std::span<const ParamRange> ranges, std::size_t points_per_dim);

// Latin hypercube (McKay, Beckman & Conover 1979): each axis is cut into n equal strata and each
// stratum holds exactly one run, at a uniform random position within it.
struct LhsDesign {
    std::vector<ParamRange> ranges;
    PointMatrix points;
};

LhsDesign latin_hypercube(std::span<const ParamRange> ranges, std::size_t n, std::uint64_t seed);

// Morris (1991) one-at-a-time design: r trajectories of k+1 points on a p-level lattice of the
// unit cube; consecutive points of a trajectory differ in one parameter by +/- delta,
// delta = p / (2 (p - 1)). Rows t*(k+1) .. t*(k+1)+k are trajectory t.
struct MorrisDesign {
    std::vector<ParamRange> ranges;
    std::size_t trajectories = 0;
    std::size_t levels = 0;
    double delta = 0.0; // unit-cube step magnitude
    PointMatrix points;
    // For each row: the parameter changed from the previous row (no_change for the first row of
    // a trajectory) and the signed unit-cube step (0 for first rows).
    static constexpr std::size_t no_change = static_cast<std::size_t>(-1);
    std::vector<std::size_t> changed;
    std::vector<double> step;

    std::size_t k() const { return ranges.size(); }
    std::size_t block_size() const { return ranges.size() + 1; }
};

// Throws std::invalid_argument unless trajectories >= 1 and levels is even and >= 2 (odd p makes
// delta fall between lattice levels).
MorrisDesign morris(std::span<const ParamRange> ranges, std::size_t trajectories,
                    std::size_t levels, std::uint64_t seed);

// Saltelli et al. (2010) design for first-order and total Sobol' indices: two independent base
// matrices A and B (N x k) and, for each parameter i, A_B^(i) = A with column i taken from B;
// N (k + 2) runs. Laid out in blocks of k + 2 rows per base sample j:
//   row j*(k+2)         = A_j
//   row j*(k+2) + 1     = B_j
//   row j*(k+2) + 2 + i = A_B^(i)_j
// so any set of complete blocks is itself a valid (smaller) design.
struct SaltelliDesign {
    std::vector<ParamRange> ranges;
    std::size_t base_samples = 0; // N
    // True when A|B are the first N points of a scrambled 2k-dimensional Sobol' sequence; false
    // (plain pseudo-random base) when 2k exceeds sobol_max_dims.
    bool quasi_random = false;
    PointMatrix points;

    std::size_t k() const { return ranges.size(); }
    std::size_t block_size() const { return ranges.size() + 2; }
    std::size_t row_a(std::size_t j) const { return j * block_size(); }
    std::size_t row_b(std::size_t j) const { return j * block_size() + 1; }
    std::size_t row_ab(std::size_t j, std::size_t i) const { return j * block_size() + 2 + i; }
};

// base_samples should be a power of two: Sobol' points are balanced in blocks of 2^m.
SaltelliDesign saltelli(std::span<const ParamRange> ranges, std::size_t base_samples,
                        std::uint64_t seed);

// Points made elsewhere (SALib, R, OpenMOLE) and given as they are: rows = design points in the
// order given. ranges span the values used; no estimator knows their structure.
struct PointsDesign {
    std::vector<ParamRange> ranges;
    PointMatrix points;
};

} // namespace tendersim::analysis
