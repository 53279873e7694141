#pragma once
// A random but reproducible order of n items: the pairs (key(k), k) ascending, for 64-bit hash
// keys, found in linear time on average. It is exactly the order std::sort gives the pairs.
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace tendersim {

// Buckets on the keys' top bits (hashes spread evenly, so a bucket holds about one pair; the pass
// is stable, so k ascends within a bucket), then sorts each bucket: by insertion when small,
// which is the usual case, else with std::sort, so keys that crowd one bucket stay O(n log n).
template <class Key>
std::vector<std::pair<std::uint64_t, std::uint32_t>> seeded_order(std::size_t n, Key&& key) {
    using Entry = std::pair<std::uint64_t, std::uint32_t>;
    std::vector<Entry> out(n);
    if (n == 0) return out;
    const int bits = std::min(20, static_cast<int>(std::bit_width(n)));
    const int shift = 64 - bits;
    std::vector<Entry> keyed(n);
    std::vector<std::uint32_t> end((std::size_t{1} << bits) + 1, 0);
    for (std::size_t k = 0; k < n; ++k) {
        keyed[k] = {key(k), static_cast<std::uint32_t>(k)};
        ++end[(keyed[k].first >> shift) + 1];
    }
    for (std::size_t b = 1; b < end.size(); ++b) end[b] += end[b - 1];
    for (const Entry& e : keyed) out[end[e.first >> shift]++] = e;
    // end[b] is now where bucket b ends.
    std::size_t lo = 0;
    for (std::size_t b = 0; b + 1 < end.size(); ++b) {
        const std::size_t hi = end[b];
        if (hi - lo > 16) {
            std::sort(out.begin() + static_cast<std::ptrdiff_t>(lo),
                      out.begin() + static_cast<std::ptrdiff_t>(hi));
        } else {
            for (std::size_t j = lo + 1; j < hi; ++j)
                for (std::size_t i = j; i > lo && out[i] < out[i - 1]; --i)
                    std::swap(out[i], out[i - 1]);
        }
        lo = hi;
    }
    return out;
}

} // namespace tendersim
