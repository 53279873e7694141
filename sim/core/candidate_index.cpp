#include "candidate_index.hpp"

#include "parallel.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

namespace tendersim {

void CandidateIndex::rebuild(const Market& market) {
    const auto& s = market.suppliers;
    regions_ = market.regions;
    const std::size_t cells = market.categories * regions_;
    offsets_.assign(cells + 1, 0);
    auto visit = [&](auto&& emit) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (!s.alive[i]) continue;
            for (std::uint32_t mask = s.category_mask[i]; mask; mask &= mask - 1) {
                const std::size_t c = static_cast<std::size_t>(std::countr_zero(mask));
                for_each_reached_region(s.region[i], s.reach[i], regions_,
                                        [&](std::size_t r) { emit(c * regions_ + r, i); });
            }
        }
    };
    visit([&](std::size_t cell, std::size_t) { ++offsets_[cell + 1]; });
    for (std::size_t k = 0; k < cells; ++k) offsets_[k + 1] += offsets_[k];
    ids_.resize(offsets_[cells]);
    std::vector<std::size_t> cursor(offsets_.begin(), offsets_.end() - 1);
    visit([&](std::size_t cell, std::size_t i) {
        ids_[cursor[cell]++] = SupplierId(static_cast<std::uint32_t>(i));
    });
    band_offsets_.assign(cells * (kBands + 1), 0);
    band_max_.assign(cells * kBands, 0.0f);
    band_skip_.assign(cells * kBands, Stream::SkipRate(0.0));
}

namespace {

std::size_t band_of(float p) {
    if (p <= 0.0f) return CandidateIndex::kBands; // never notices: left out of every band
    int exponent = 0;
    std::frexp(p, &exponent); // p = m * 2^exponent, m in [0.5, 1)
    const auto b = static_cast<std::size_t>(std::max(0, -exponent));
    return std::min(b, CandidateIndex::kBands - 1);
}

} // namespace

void CandidateIndex::refresh_attention(const Suppliers& suppliers, Executor& exec) {
    const std::size_t cells = offsets_.size() - 1;
    // Cells are independent: each writes only its own range of ids_ and its own band slots.
    exec.for_each(
        cells,
        [&](std::size_t k) {
            const std::size_t lo = offsets_[k], hi = offsets_[k + 1];
            std::array<std::size_t, kBands + 1> count{};
            for (std::size_t j = lo; j < hi; ++j)
                ++count[band_of(suppliers.attention[ids_[j].index()])];
            std::size_t* o = &band_offsets_[k * (kBands + 1)];
            o[0] = lo;
            for (std::size_t b = 0; b < kBands; ++b) o[b + 1] = o[b] + count[b];
            // Stable counting sort into bands (suppliers who notice nothing go last, outside
            // them). The scratch copy is per thread and reused across cells and years.
            thread_local std::vector<SupplierId> scratch;
            scratch.assign(ids_.begin() + static_cast<std::ptrdiff_t>(lo),
                           ids_.begin() + static_cast<std::ptrdiff_t>(hi));
            std::array<std::size_t, kBands + 1> cursor{};
            for (std::size_t b = 0; b < kBands; ++b) cursor[b] = o[b];
            cursor[kBands] = o[kBands];
            float* max = &band_max_[k * kBands];
            std::fill(max, max + kBands, 0.0f);
            for (SupplierId id : scratch) {
                const float p = suppliers.attention[id.index()];
                const std::size_t b = band_of(p);
                ids_[cursor[b]++] = id;
                if (b < kBands) max[b] = std::max(max[b], p);
            }
            for (std::size_t b = 0; b < kBands; ++b)
                band_skip_[k * kBands + b] = Stream::SkipRate(static_cast<double>(max[b]));
        },
        4);
}

} // namespace tendersim
