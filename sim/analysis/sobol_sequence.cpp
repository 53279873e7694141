#include "analysis/sobol_sequence.hpp"

#include "analysis/stream_ids.hpp"
#include "core/rng.hpp"

#include <array>
#include <bit>
#include <stdexcept>
#include <string>

namespace tendersim::analysis {
namespace {

// Joe & Kuo, "Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci.
// Comput. 30 (2008), file new-joe-kuo-6.21201, dimensions 2..41: degree s of the primitive
// polynomial, its coefficient word a, and the initial direction numbers m_1..m_s. Dimension 1 is
// the van der Corput sequence.
struct DirectionInit {
    std::uint32_t s;
    std::uint32_t a;
    std::array<std::uint32_t, 8> m;
};

constexpr std::array<DirectionInit, sobol_max_dims - 1> kJoeKuo = {{
    {1, 0, {1}},
    {2, 1, {1, 3}},
    {3, 1, {1, 3, 1}},
    {3, 2, {1, 1, 1}},
    {4, 1, {1, 1, 3, 3}},
    {4, 4, {1, 3, 5, 13}},
    {5, 2, {1, 1, 5, 5, 17}},
    {5, 4, {1, 1, 5, 5, 5}},
    {5, 7, {1, 1, 7, 11, 19}},
    {5, 11, {1, 1, 5, 1, 1}},
    {5, 13, {1, 1, 1, 3, 11}},
    {5, 14, {1, 3, 5, 5, 31}},
    {6, 1, {1, 3, 3, 9, 7, 49}},
    {6, 13, {1, 1, 1, 15, 21, 21}},
    {6, 16, {1, 3, 1, 13, 27, 49}},
    {6, 19, {1, 1, 1, 15, 7, 5}},
    {6, 22, {1, 3, 1, 15, 13, 25}},
    {6, 25, {1, 1, 5, 5, 19, 61}},
    {7, 1, {1, 3, 7, 11, 23, 15, 103}},
    {7, 4, {1, 3, 7, 13, 13, 15, 69}},
    {7, 7, {1, 1, 3, 13, 7, 35, 63}},
    {7, 8, {1, 3, 5, 9, 1, 25, 53}},
    {7, 14, {1, 3, 1, 13, 9, 35, 107}},
    {7, 19, {1, 3, 1, 5, 27, 61, 31}},
    {7, 21, {1, 1, 5, 11, 19, 41, 61}},
    {7, 28, {1, 3, 5, 3, 3, 13, 69}},
    {7, 31, {1, 1, 7, 13, 1, 19, 1}},
    {7, 32, {1, 3, 7, 5, 13, 19, 59}},
    {7, 37, {1, 1, 3, 9, 25, 29, 41}},
    {7, 41, {1, 3, 5, 13, 23, 1, 55}},
    {7, 42, {1, 3, 7, 3, 13, 59, 17}},
    {7, 50, {1, 3, 1, 3, 5, 53, 69}},
    {7, 55, {1, 1, 5, 5, 23, 33, 13}},
    {7, 56, {1, 1, 7, 7, 1, 61, 123}},
    {7, 59, {1, 1, 7, 9, 13, 61, 49}},
    {7, 62, {1, 3, 3, 5, 3, 55, 33}},
    {8, 14, {1, 3, 1, 15, 31, 13, 49, 245}},
    {8, 21, {1, 3, 5, 15, 31, 59, 63, 97}},
    {8, 22, {1, 3, 1, 11, 11, 11, 77, 249}},
    {8, 38, {1, 3, 1, 11, 27, 43, 71, 9}},
}};

constexpr int kBits = 32;
using Directions = std::array<std::uint32_t, kBits>;

// Direction numbers v_j (left-aligned in 32 bits) of dimension d by the Bratley & Fox (1988)
// recurrence v_j = v_{j-s} ^ (v_{j-s} >> s) ^ sum_k a_k v_{j-k}.
Directions directions(std::size_t d) {
    Directions v{};
    if (d == 0) {
        for (int j = 0; j < kBits; ++j) v[j] = std::uint32_t{1} << (kBits - 1 - j);
        return v;
    }
    const DirectionInit& init = kJoeKuo[d - 1];
    const int s = static_cast<int>(init.s);
    for (int j = 0; j < s; ++j) v[j] = init.m[j] << (kBits - 1 - j);
    for (int j = s; j < kBits; ++j) {
        std::uint32_t x = v[j - s] ^ (v[j - s] >> s);
        for (int k = 1; k < s; ++k) {
            if ((init.a >> (s - 1 - k)) & 1u) x ^= v[j - k];
        }
        v[j] = x;
    }
    return v;
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

    Stream stream(seed, 0, StreamPurpose::Sweep, stream_id::sobol_scramble);
    for (std::size_t d = 0; d < dims; ++d) {
        const Directions v = directions(d);
        const auto shuffle_seed = static_cast<std::uint32_t>(stream.next_u64() >> 32);
        Stream fill = stream.sub(d); // independent low digits per dimension
        std::uint32_t x = 0;
        for (std::size_t i = 0; i < n; ++i) {
            // Gray-code order (Antonov & Saleev 1979): point i+1 differs from point i by one
            // direction number, the one at the lowest zero bit of i.
            if (i > 0) x ^= v[std::countr_one(static_cast<std::uint64_t>(i - 1))];
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
