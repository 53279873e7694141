#pragma once
// Plausible bidders by (category, region): a compressed list per cell, so a tender reads only the
// suppliers that serve its category and reach its region, never the whole supplier table.
#include "ids.hpp"
#include "market.hpp"

#include <span>
#include <vector>

namespace tendersim {

class CandidateIndex {
  public:
    // Rebuilds from the live suppliers; ids within a cell ascend.
    void rebuild(const Market& market);
    std::span<const SupplierId> cell(CategoryId c, std::size_t region) const {
        const std::size_t k = c.index() * regions_ + region;
        return {ids_.data() + offsets_[k], ids_.data() + offsets_[k + 1]};
    }
    // Highest notice probability in a cell: tenders skip through the cell geometrically at this
    // rate and thin by each supplier's own probability.
    float max_attention(CategoryId c, std::size_t region) const {
        return max_attention_[c.index() * regions_ + region];
    }
    void refresh_attention(const Suppliers& suppliers);

  private:
    std::size_t regions_ = 0;
    std::vector<std::size_t> offsets_;
    std::vector<SupplierId> ids_;
    std::vector<float> max_attention_;
};

// Calls f(region) for each region a supplier serves.
template <class F>
void for_each_reached_region(std::size_t home, std::size_t reach, std::size_t regions, F&& f) {
    for (std::size_t k = 0; k < reach && k < regions; ++k) f((home + k) % regions);
}

} // namespace tendersim
