#pragma once
// Sobol' low-discrepancy points (Sobol' 1967) with the Joe & Kuo (2008) direction numbers, as
// Boost.Random's sobol_engine generates them, for the base samples of the Saltelli design.
// Randomised by hash-based Owen scrambling (Burley 2020) so repeated sweeps with different seeds
// give independent estimates while keeping the net structure: every block of 2^m consecutive points
// stratifies each axis into 2^m cells.
#include "analysis/param_space.hpp"

#include <cstddef>
#include <cstdint>

namespace tendersim::analysis {

// Dimensions covered by Boost.Random's direction numbers (its documented limit): a Saltelli
// design stays quasi-random up to 1833 parameters.
inline constexpr std::size_t sobol_max_dims = 3667;

// The first n points of the dims-dimensional Sobol' sequence (Gray-code order), in [0, 1)^dims.
// With scramble = true each dimension gets an independent nested uniform scramble drawn from seed,
// and the digits below 2^-32 are filled uniformly at random. Throws std::invalid_argument if
// dims is 0 or exceeds sobol_max_dims, std::length_error if n is too large.
PointMatrix sobol_points(std::size_t n, std::size_t dims, std::uint64_t seed, bool scramble = true);

} // namespace tendersim::analysis
