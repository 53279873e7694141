#include "analysis/interleave.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <numeric>

namespace tendersim::analysis {
namespace {

std::uint64_t reverse_bits(std::uint64_t x, int bits) {
    std::uint64_t r = 0;
    for (int i = 0; i < bits; ++i) r |= ((x >> i) & 1u) << (bits - 1 - i);
    return r;
}

std::vector<std::size_t> identity(std::size_t n) {
    std::vector<std::size_t> v(n);
    std::iota(v.begin(), v.end(), std::size_t{0});
    return v;
}

} // namespace

std::vector<std::size_t> van_der_corput_order(std::size_t n) {
    std::vector<std::size_t> out;
    out.reserve(n);
    if (n == 0) return out;
    const auto bits = static_cast<int>(std::bit_width(static_cast<std::uint64_t>(n - 1)));
    const std::uint64_t span = std::uint64_t{1} << bits; // >= n, < 2n: at most n skips
    for (std::uint64_t c = 0; c < span; ++c) {
        const std::uint64_t i = reverse_bits(c, bits);
        if (i < n) out.push_back(static_cast<std::size_t>(i));
    }
    return out;
}

std::vector<std::size_t> block_order(std::size_t n_blocks, std::size_t block_size) {
    std::vector<std::size_t> out;
    out.reserve(n_blocks * block_size);
    for (const std::size_t b : van_der_corput_order(n_blocks)) {
        for (std::size_t j = 0; j < block_size; ++j) out.push_back(b * block_size + j);
    }
    return out;
}

std::vector<std::size_t> grid_order(std::span<const std::size_t> counts) {
    std::size_t rows = counts.empty() ? 0 : 1;
    for (const std::size_t c : counts) rows = design_rows(rows, c); // throws if absurdly large
    if (rows == 0) return {};
    // rank_of[a][v]: position of value v in axis a's van der Corput order.
    std::vector<std::vector<std::size_t>> rank_of(counts.size());
    std::size_t max_count = 0;
    for (std::size_t a = 0; a < counts.size(); ++a) {
        rank_of[a].resize(counts[a]);
        const std::vector<std::size_t> order = van_der_corput_order(counts[a]);
        for (std::size_t rank = 0; rank < order.size(); ++rank) rank_of[a][order[rank]] = rank;
        max_count = std::max(max_count, counts[a]);
    }
    // Bucket points by their largest axis rank: all points with max rank < 2^L come before any
    // other, and they form the sub-grid of the first 2^L values of each axis.
    std::vector<std::vector<std::size_t>> by_rank(max_count);
    std::vector<std::size_t> idx(counts.size(), 0); // mixed-radix counter, last axis fastest
    for (std::size_t row = 0; row < rows; ++row) {
        std::size_t rank = 0;
        for (std::size_t a = 0; a < counts.size(); ++a) rank = std::max(rank, rank_of[a][idx[a]]);
        by_rank[rank].push_back(row);
        for (std::size_t a = counts.size(); a-- > 0;) {
            if (++idx[a] < counts[a]) break;
            idx[a] = 0;
        }
    }
    std::vector<std::size_t> out;
    out.reserve(rows);
    for (const std::vector<std::size_t>& bucket : by_rank) {
        for (const std::size_t i : van_der_corput_order(bucket.size())) out.push_back(bucket[i]);
    }
    return out;
}

std::vector<std::size_t> run_order(const GridDesign& d) {
    return grid_order(d.counts);
}

std::vector<std::size_t> run_order(const LhsDesign& d) {
    return identity(d.points.rows());
}

std::vector<std::size_t> run_order(const MorrisDesign& d) {
    return block_order(d.trajectories, d.block_size());
}

std::vector<std::size_t> run_order(const SaltelliDesign& d) {
    if (d.quasi_random) return identity(d.points.rows());
    return block_order(d.base_samples, d.block_size());
}

std::vector<std::size_t> run_order(const PointsDesign& d) {
    return identity(d.points.rows());
}

bool is_permutation_order(std::span<const std::size_t> order) {
    std::vector<bool> seen(order.size(), false);
    for (const std::size_t i : order) {
        if (i >= order.size() || seen[i]) return false;
        seen[i] = true;
    }
    return true;
}

} // namespace tendersim::analysis
