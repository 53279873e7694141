#pragma once
// Run orderings for sweeps. A sweep executes runs in this order, so when it is stopped early (or
// watched while it runs) the finished runs already cover the parameter space evenly instead of
// one corner of it. Every ordering is a permutation of the design's row indices: element r is the
// design row to run r-th. Estimators still take outputs indexed by design row.
#include "analysis/design.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace tendersim::analysis {

// 0..n-1 in van der Corput (bit-reversal) order: indices are visited by the bit-reversal of a
// counter over the next power of two, skipping those >= n. Every prefix is spread over 0..n-1.
std::vector<std::size_t> van_der_corput_order(std::size_t n);

// n_blocks contiguous blocks of block_size rows; blocks are visited in van der Corput order and
// the rows of a block stay together and in order (estimators need whole blocks).
std::vector<std::size_t> block_order(std::size_t n_blocks, std::size_t block_size);

// Coarse-to-fine order of a row-major grid with the given axis sizes (last axis fastest). Each
// axis value is ranked by the axis's van der Corput order; points run in order of their largest
// rank across axes (ties in van der Corput order), so the first points are the sub-grids of the
// first 1, 2, 4, 8, ... values of every axis. With one axis this is van_der_corput_order.
std::vector<std::size_t> grid_order(std::span<const std::size_t> counts);

// Orderings per design:
//   grid: grid_order of its axes;
//   Latin hypercube: identity (rows are exchangeable random points already, so any prefix is a
//     random subsample; stratification is only complete at the full size anyway);
//   Morris: trajectories interleaved with block_order;
//   points: identity (the order the points were given: whoever made them chose it, and a
//     SALib design keeps its blocks together);
//   Saltelli: identity on whole blocks when the base is Sobol' (the first 2^m Sobol' points are
//     already a balanced net, and bit-reversal would pick a biased subsequence: the van der
//     Corput points with even index all lie in [0, 1/2)); block_order for a random base.
std::vector<std::size_t> run_order(const GridDesign& d);
std::vector<std::size_t> run_order(const LhsDesign& d);
std::vector<std::size_t> run_order(const MorrisDesign& d);
std::vector<std::size_t> run_order(const SaltelliDesign& d);
std::vector<std::size_t> run_order(const PointsDesign& d);

// True if order holds each of 0..order.size()-1 exactly once.
bool is_permutation_order(std::span<const std::size_t> order);

} // namespace tendersim::analysis
