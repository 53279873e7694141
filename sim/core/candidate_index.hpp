#pragma once
// Plausible bidders by (category, region): a compressed list per cell, so a tender reads only the
// suppliers that serve its category and reach its region, never the whole supplier table.
#include "ids.hpp"
#include "market.hpp"

#include <span>
#include <vector>

namespace tendersim {

class Executor; // parallel.hpp (oneTBB): only the .cpp files that run kernels include it

class CandidateIndex {
  public:
    // Rebuilds from the live suppliers; ids within a cell ascend (within a band, once banded).
    void rebuild(const Market& market);
    std::span<const SupplierId> cell(CategoryId c, std::size_t region) const {
        const std::size_t k = c.index() * regions_ + region;
        return {ids_.data() + offsets_[k], ids_.data() + offsets_[k + 1]};
    }

    // After attention is set, each cell is regrouped into bands of similar notice probability
    // (band b holds probabilities in (2^-(b+1), 2^-b]). A tender walks each band with geometric
    // skips at the band's highest probability and thins by each supplier's own: the same
    // outcome as testing every supplier, at about twice the reads of the suppliers who notice.
    static constexpr std::size_t kBands = 12;
    struct Band {
        std::span<const SupplierId> ids;
        float max_attention;
    };
    void refresh_attention(const Suppliers& suppliers, Executor& exec);
    Band band(CategoryId c, std::size_t region, std::size_t b) const {
        const std::size_t k = c.index() * regions_ + region;
        const std::size_t* o = &band_offsets_[k * (kBands + 1)];
        return {{ids_.data() + o[b], ids_.data() + o[b + 1]}, band_max_[k * kBands + b]};
    }

  private:
    std::size_t regions_ = 0;
    std::vector<std::size_t> offsets_;
    std::vector<SupplierId> ids_;
    std::vector<std::size_t> band_offsets_; // per cell, kBands + 1 absolute offsets into ids_
    std::vector<float> band_max_;           // per cell and band
};

// Calls f(region) for each region a supplier serves.
template <class F>
void for_each_reached_region(std::size_t home, std::size_t reach, std::size_t regions, F&& f) {
    for (std::size_t k = 0; k < reach && k < regions; ++k) f((home + k) % regions);
}

} // namespace tendersim
