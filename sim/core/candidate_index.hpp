#pragma once
// Plausible bidders by (category, region): a compressed list per cell, so a tender reads only the
// suppliers that serve its category and reach its region, never the whole supplier table.
#include "ids.hpp"
#include "market.hpp"
#include "rng.hpp"

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
    // (band b holds probabilities in [2^-(b+1), 2^-b), band 0 also 1, the last band all below). A
    // tender walks each band with geometric skips at the band's highest probability and thins by
    // each supplier's own: the same outcome as testing every supplier, at about twice the reads of
    // the suppliers who notice.
    static constexpr std::size_t kBands = 12;
    struct Band {
        std::span<const SupplierId> ids;
        float max_attention;
        // The walk's skip rate at max_attention, kept from refresh_attention so a tender's walk
        // takes no log1p per band.
        Stream::SkipRate skip;
    };
    void refresh_attention(const Suppliers& suppliers, Executor& exec);
    Band band(CategoryId c, std::size_t region, std::size_t b) const {
        const std::size_t k = c.index() * regions_ + region;
        const std::size_t* o = &band_offsets_[k * (kBands + 1)];
        return {{ids_.data() + o[b], ids_.data() + o[b + 1]},
                band_max_[k * kBands + b],
                band_skip_[k * kBands + b]};
    }

  private:
    std::size_t regions_ = 0;
    std::vector<std::size_t> offsets_;
    std::vector<SupplierId> ids_;
    std::vector<std::size_t> band_offsets_;   // per cell, kBands + 1 absolute offsets into ids_
    std::vector<float> band_max_;             // per cell and band
    std::vector<Stream::SkipRate> band_skip_; // per cell and band, at band_max_
};

// Walks one band as a tender does: geometric skips at the band's highest notice probability, each
// landing kept with probability attention / max_attention. Calls noticed(id) for each supplier
// kept, in band order. Each supplier is kept with probability equal to its attention,
// independently of the others, as one Bernoulli draw per supplier would keep it (checked
// statistically in tests/engine/test_banded_walk.cpp); the walk reads about max / mean times as
// many suppliers as it keeps.
// walk_band's draws alone: calls landed(id, x) for each supplier a skip lands on, in band order,
// where the supplier is kept when x < its attention. The draws do not depend on who is kept, so a
// caller can take them all first and then read the attentions (scattered over memory) ahead of
// use.
template <class Landed>
void walk_band_draws(const CandidateIndex::Band& band, Stream& rng, Landed&& landed) {
    if (band.ids.empty() || band.max_attention <= 0.0f) return;
    const double pmax = band.max_attention;
    const Stream::SkipRate& skip = band.skip;
    const std::uint64_t size = band.ids.size();
    // A skip past the end ends the walk (compared before adding: a skip can be UINT64_MAX).
    for (std::uint64_t pos = rng.geometric(skip); pos < size;) {
        landed(band.ids[pos], rng.uniform() * pmax);
        const std::uint64_t gap = rng.geometric(skip);
        if (gap >= size - pos - 1) break;
        pos += 1 + gap;
    }
}

template <class Noticed>
void walk_band(const CandidateIndex::Band& band, std::span<const float> attention, Stream& rng,
               Noticed&& noticed) {
    walk_band_draws(band, rng, [&](SupplierId id, double x) {
        if (x < attention[id.index()]) noticed(id);
    });
}

// Calls f(region) for each region a supplier serves.
template <class F>
void for_each_reached_region(std::size_t home, std::size_t reach, std::size_t regions, F&& f) {
    for (std::size_t k = 0; k < reach && k < regions; ++k) f((home + k) % regions);
}

// Whether a supplier based in `home` that serves `reach` regions serves `region`.
inline bool reaches_region(std::size_t home, std::size_t reach, std::size_t regions,
                           std::size_t region) {
    return (region + regions - home) % regions < reach;
}

} // namespace tendersim
