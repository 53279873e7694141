// The banded attention walk (core/candidate_index.hpp: walk_band) claims to keep each supplier with
// probability equal to its attention, independently, as one Bernoulli draw per supplier would.
// Here both are drawn many times with fixed seeds and compared with the exact distribution and
// with each other: per-supplier inclusion frequencies and the distribution of how many suppliers
// notice a tender.
//
// Every check is a chi-square test at a false-alarm rate of 1e-6 (the chance that a correct walk,
// drawn with some other seed, fails it). The seeds are fixed, so the outcome is deterministic.
// Power: a walk whose skips run 5% too fast keeps every supplier 5% too often; with 20,000 walks
// that gives an inclusion chi-square near 2,100 against a threshold near 110, so the last
// test case checks that such a biased walk, and one that never lands on a band's first supplier,
// both fail.
#include "core/candidate_index.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace tendersim;

namespace {

constexpr int kWalks = 20000;
constexpr std::size_t kPerBand = 12;

// Four bands of twelve suppliers, each band's attentions spread over its range [2^-(b+1), 2^-b),
// band 0 kept below 0.9 so the biased walk below still has room to be biased.
struct Cell {
    std::vector<float> attention;
    std::vector<SupplierId> ids;
    std::vector<CandidateIndex::Band> bands;

    Cell() {
        const std::size_t which[] = {0, 1, 2, 4};
        for (std::size_t b : which) {
            const double hi = std::ldexp(b == 0 ? 0.9 : 1.0, -static_cast<int>(b));
            const double lo = std::ldexp(0.5, -static_cast<int>(b));
            for (std::size_t k = 0; k < kPerBand; ++k) {
                ids.emplace_back(static_cast<std::uint32_t>(attention.size()));
                attention.push_back(
                    static_cast<float>(lo + (hi - lo) * static_cast<double>(k) / kPerBand));
            }
        }
        for (std::size_t b = 0; b < 4; ++b) {
            const std::span<const SupplierId> band(ids.data() + b * kPerBand, kPerBand);
            float max = 0.0f;
            for (SupplierId id : band) max = std::max(max, attention[id.index()]);
            bands.push_back({band, max, Stream::SkipRate(max)});
        }
    }
    std::size_t size() const { return attention.size(); }
};

// How often each supplier was kept, and how many walks kept 0, 1, ... suppliers.
struct Tally {
    std::vector<double> kept;
    std::vector<double> count;
};

template <class Draw> Tally tally(const Cell& cell, std::uint64_t seed, Draw&& draw) {
    Tally t{std::vector<double>(cell.size(), 0.0), std::vector<double>(cell.size() + 1, 0.0)};
    const Stream base(seed, 0, {}, 0);
    for (int w = 0; w < kWalks; ++w) {
        Stream rng = base.sub(static_cast<std::uint64_t>(w));
        std::size_t n = 0;
        draw(rng, [&](SupplierId id) {
            t.kept[id.index()] += 1.0;
            ++n;
        });
        t.count[n] += 1.0;
    }
    return t;
}

void banded(const Cell& cell, Stream& rng, const auto& noticed) {
    for (const auto& band : cell.bands) walk_band(band, cell.attention, rng, noticed);
}

void bernoulli(const Cell& cell, Stream& rng, const auto& noticed) {
    for (SupplierId id : cell.ids)
        if (rng.uniform() < cell.attention[id.index()]) noticed(id);
}

// A copy of walk_band with two deliberate faults to choose from: skips at `speed` times the
// band's rate, and a first landing one place late.
void faulty(const Cell& cell, Stream& rng, const auto& noticed, double speed, std::uint64_t late) {
    for (const auto& band : cell.bands) {
        const double pmax = band.max_attention;
        const Stream::SkipRate skip(std::min(1.0, speed * pmax));
        for (std::uint64_t pos = late + rng.geometric(skip); pos < band.ids.size();
             pos += 1 + rng.geometric(skip))
            if (rng.uniform() * pmax < cell.attention[band.ids[pos].index()])
                noticed(band.ids[pos]);
    }
}

// Upper 1e-6 quantile of chi-square with k degrees of freedom (Wilson-Hilferty; within 1% for the
// k used here).
double chi2_bound(double k) {
    const double z = 4.7534; // upper 1e-6 point of the standard normal
    const double a = 2.0 / (9.0 * k);
    return k * std::pow(1.0 - a + z * std::sqrt(a), 3.0);
}

// Exact distribution of the number kept: a sum of independent Bernoullis (Poisson binomial).
std::vector<double> count_pmf(const Cell& cell) {
    std::vector<double> pmf(cell.size() + 1, 0.0);
    pmf[0] = 1.0;
    for (std::size_t i = 0; i < cell.size(); ++i) {
        const double p = cell.attention[i];
        for (std::size_t n = i + 1; n > 0; --n) pmf[n] = pmf[n] * (1.0 - p) + pmf[n - 1] * p;
        pmf[0] *= 1.0 - p;
    }
    return pmf;
}

// Groups neighbouring counts so that each group expects at least 5 walks (the chi-square rule of
// thumb); returns the group of each count.
std::vector<std::size_t> count_groups(const std::vector<double>& pmf) {
    std::vector<std::size_t> group(pmf.size());
    std::size_t g = 0;
    double expected = 0.0;
    for (std::size_t n = 0; n < pmf.size(); ++n) {
        group[n] = g;
        expected += kWalks * pmf[n];
        if (expected >= 5.0) ++g, expected = 0.0;
    }
    // A short last group joins the one before it.
    if (expected < 5.0 && g > 0)
        for (auto& x : group) x = std::min(x, g - 1);
    return group;
}

std::vector<double> grouped(const std::vector<double>& by_count,
                            const std::vector<std::size_t>& group) {
    std::vector<double> out(group.back() + 1, 0.0);
    for (std::size_t n = 0; n < by_count.size(); ++n) out[group[n]] += by_count[n];
    return out;
}

struct Verdict {
    double stat;
    double bound;
    bool passes() const { return stat <= bound; }
};

// Per-supplier inclusion against the exact probabilities: sum of squared z-scores, k = suppliers.
Verdict inclusion_vs_exact(const Cell& cell, const Tally& t) {
    double stat = 0.0;
    for (std::size_t i = 0; i < cell.size(); ++i) {
        const double p = cell.attention[i];
        const double d = t.kept[i] - kWalks * p;
        stat += d * d / (kWalks * p * (1.0 - p));
    }
    return {stat, chi2_bound(static_cast<double>(cell.size()))};
}

// Two samples against each other: the difference of two counts has twice one count's variance.
Verdict inclusion_between(const Cell& cell, const Tally& a, const Tally& b) {
    double stat = 0.0;
    for (std::size_t i = 0; i < cell.size(); ++i) {
        const double p = cell.attention[i];
        const double d = a.kept[i] - b.kept[i];
        stat += d * d / (2.0 * kWalks * p * (1.0 - p));
    }
    return {stat, chi2_bound(static_cast<double>(cell.size()))};
}

// The number kept per walk against the exact distribution (Pearson, k = groups - 1).
Verdict counts_vs_exact(const Cell& cell, const Tally& t) {
    const auto pmf = count_pmf(cell);
    const auto group = count_groups(pmf);
    const auto want = grouped(pmf, group), got = grouped(t.count, group);
    double stat = 0.0;
    for (std::size_t g = 0; g < want.size(); ++g) {
        const double e = kWalks * want[g];
        stat += (got[g] - e) * (got[g] - e) / e;
    }
    return {stat, chi2_bound(static_cast<double>(want.size() - 1))};
}

// Two histograms of equal size against each other (homogeneity, k = groups - 1).
Verdict counts_between(const Cell& cell, const Tally& a, const Tally& b) {
    const auto group = count_groups(count_pmf(cell));
    const auto x = grouped(a.count, group), y = grouped(b.count, group);
    double stat = 0.0;
    for (std::size_t g = 0; g < x.size(); ++g)
        if (x[g] + y[g] > 0) stat += (x[g] - y[g]) * (x[g] - y[g]) / (x[g] + y[g]);
    return {stat, chi2_bound(static_cast<double>(x.size() - 1))};
}

} // namespace

TEST_CASE("the banded walk keeps each supplier as often as per-supplier Bernoulli draws") {
    const Cell cell;
    const Tally walk = tally(cell, 11, [&](Stream& rng, const auto& f) { banded(cell, rng, f); });
    const Tally reference =
        tally(cell, 12, [&](Stream& rng, const auto& f) { bernoulli(cell, rng, f); });
    for (const auto& [name, v] :
         {std::pair{"walk vs exact", inclusion_vs_exact(cell, walk)},
          std::pair{"reference vs exact", inclusion_vs_exact(cell, reference)},
          std::pair{"walk vs reference", inclusion_between(cell, walk, reference)}}) {
        const std::string check = name; // doctest prints a char pointer as an address
        CAPTURE(check);
        CAPTURE(v.stat);
        CHECK(v.passes());
    }
}

TEST_CASE("the banded walk's number of noticing suppliers has the per-supplier distribution") {
    // Inclusion frequencies alone would miss a walk that keeps the right suppliers as often but
    // not independently (e.g. two suppliers always together): the count's spread would change.
    const Cell cell;
    const Tally walk = tally(cell, 21, [&](Stream& rng, const auto& f) { banded(cell, rng, f); });
    const Tally reference =
        tally(cell, 22, [&](Stream& rng, const auto& f) { bernoulli(cell, rng, f); });
    for (const auto& [name, v] :
         {std::pair{"walk vs exact", counts_vs_exact(cell, walk)},
          std::pair{"reference vs exact", counts_vs_exact(cell, reference)},
          std::pair{"walk vs reference", counts_between(cell, walk, reference)}}) {
        const std::string check = name; // doctest prints a char pointer as an address
        CAPTURE(check);
        CAPTURE(v.stat);
        CHECK(v.passes());
    }
}

TEST_CASE("the banded-walk statistics fail a walk with a small bias") {
    const Cell cell;
    const Tally fast =
        tally(cell, 11, [&](Stream& rng, const auto& f) { faulty(cell, rng, f, 1.05, 0); });
    const Tally late =
        tally(cell, 11, [&](Stream& rng, const auto& f) { faulty(cell, rng, f, 1.0, 1); });
    // The faulty copy without its faults is the walk itself: it passes.
    const Tally sound =
        tally(cell, 11, [&](Stream& rng, const auto& f) { faulty(cell, rng, f, 1.0, 0); });
    CHECK(inclusion_vs_exact(cell, sound).passes());
    CHECK(counts_vs_exact(cell, sound).passes());
    CAPTURE(inclusion_vs_exact(cell, fast).stat);
    CHECK_FALSE(inclusion_vs_exact(cell, fast).passes());
    CHECK_FALSE(counts_vs_exact(cell, fast).passes());
    CAPTURE(inclusion_vs_exact(cell, late).stat);
    CHECK_FALSE(inclusion_vs_exact(cell, late).passes());
}
