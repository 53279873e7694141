#include "candidate_index.hpp"

#include <algorithm>
#include <bit>

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
    max_attention_.assign(cells, 0.0f);
}

void CandidateIndex::refresh_attention(const Suppliers& suppliers) {
    const std::size_t cells = max_attention_.size();
    for (std::size_t k = 0; k < cells; ++k) {
        float m = 0.0f;
        for (std::size_t j = offsets_[k]; j < offsets_[k + 1]; ++j)
            m = std::max(m, suppliers.attention[ids_[j].index()]);
        max_attention_[k] = m;
    }
}

} // namespace tendersim
