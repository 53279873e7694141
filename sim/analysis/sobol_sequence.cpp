#include "analysis/sobol_sequence.hpp"

#include "analysis/stream_ids.hpp"
#include "core/rng.hpp"

#include <boost/random/sobol.hpp>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace tendersim::analysis {
namespace {

constexpr int kBits = 32;

// The unscrambled coordinates, row-major, as 32-bit fractions (u = x / 2^32). Only the public
// engine is used, not Boost's table internals: it is the Bratley & Fox (1988) recurrence in
// Gray-code order (Antonov & Saleev 1979) on Joe & Kuo's new-joe-kuo-6.21201 numbers, cut at
// polynomials below 2^16 (3667 dimensions). With 32-bit words its integers are those of the
// standard sequence (the first 41 dimensions equal tendersim's earlier embedded table for 2^18
// points, so designs did not change). It skips the origin, so its first vector is point 1.
std::vector<std::uint32_t> unscrambled(std::size_t n, std::size_t dims) {
    std::vector<std::uint32_t> x(n * dims, 0);
    if (n < 2) return x;
    boost::random::sobol_engine<std::uint32_t, kBits> engine(dims);
    for (std::size_t i = dims; i < x.size(); ++i) x[i] = engine();
    return x;
}

// Laine & Karras (2011) style hash, as used by Burley (2020): output bit j depends only on input
// bits <= j (adding a seed, and xor with multiples by even constants), so applied to the
// bit-reversed coordinate it is a nested uniform (Owen) scramble: the permutation of each digit
// depends only on the digits above it, which is what preserves the net property.
std::uint32_t nested_scramble(std::uint32_t x, std::uint32_t seed) {
    std::uint32_t r = 0;
    for (int i = 0; i < kBits; ++i) r |= ((x >> i) & 1u) << (kBits - 1 - i);
    r += seed;
    r ^= r * 0x6c50b47cu;
    r ^= r * 0xb82f1e52u;
    r ^= r * 0xc7afe638u;
    r ^= r * 0x8d22f6e6u;
    std::uint32_t out = 0;
    for (int i = 0; i < kBits; ++i) out |= ((r >> i) & 1u) << (kBits - 1 - i);
    return out;
}

} // namespace

PointMatrix sobol_points(std::size_t n, std::size_t dims, std::uint64_t seed, bool scramble) {
    if (dims == 0 || dims > sobol_max_dims) {
        throw std::invalid_argument("sobol_points: dims must be in 1.." +
                                    std::to_string(sobol_max_dims));
    }
    design_rows(n, 1);
    PointMatrix pts;
    pts.cols = dims;
    pts.values.resize(n * dims);

    const std::vector<std::uint32_t> xs = unscrambled(n, dims);
    Stream stream(seed, 0, StreamPurpose::Sweep, stream_id::sobol_scramble);
    for (std::size_t d = 0; d < dims; ++d) {
        const auto shuffle_seed = static_cast<std::uint32_t>(stream.next_u64() >> 32);
        Stream fill = stream.sub(d); // independent low digits per dimension
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint32_t x = xs[i * dims + d];
            double u;
            if (scramble) {
                u = (static_cast<double>(nested_scramble(x, shuffle_seed)) + fill.uniform()) *
                    0x1.0p-32;
                if (u >= 1.0) u = 0x1.fffffffffffffp-1;
            } else {
                u = static_cast<double>(x) * 0x1.0p-32;
            }
            pts.at(i, d) = u;
        }
    }
    return pts;
}

} // namespace tendersim::analysis
