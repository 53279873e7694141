// Sobol' points far past 20 parameters: a Saltelli design with k = 60 parameters draws its base
// from 2k = 120 dimensions. Two properties that pseudo-random points fail are checked on the
// scrambled points the designs use (nested scrambling keeps both, so they hold for every seed):
//   - every aligned block of 2^m points puts exactly one point in each of the 2^m equal cells of
//     every axis (each coordinate is a (0, m, 1)-net);
//   - every pair of the 120 dimensions is a (t, m, 2)-net with small t: each 2^-a x 2^-b box with
//     a + b = m - t holds exactly 2^t points. Sobol' theory bounds t only loosely for high
//     dimensions; Joe & Kuo chose their direction numbers for good 2-D projections, and at m = 10
//     every pair of the first 120 dimensions has t <= 7. Independent uniform points have t = m
//     (even the halves are not exactly balanced) and a Latin hypercube t = 8 or 9.
#include "analysis/design.hpp"
#include "analysis/sobol_sequence.hpp"
#include "core/rng.hpp"
#include "param_name.hpp"

#include <algorithm>
#include <cstddef>
#include <doctest/doctest.h>
#include <vector>

using namespace tendersim::analysis;
using tendersim::Stream;
using tendersim::StreamPurpose;
using tendersim::analysis::test::param_name;

namespace {

constexpr std::size_t kM = 10;
constexpr std::size_t kN = std::size_t{1} << kM;

std::size_t cell(double u, std::size_t bits) {
    return static_cast<std::size_t>(u * static_cast<double>(std::size_t{1} << bits));
}

// Every 2^-a x 2^-b box with a + b = m - t holds 2^t of the points first..first+2^m-1.
bool is_net(const PointMatrix& p, std::size_t first, std::size_t x, std::size_t y, std::size_t t) {
    for (std::size_t a = 0; a + t <= kM; ++a) {
        const std::size_t b = kM - t - a;
        std::vector<std::size_t> hits(std::size_t{1} << (a + b), 0);
        for (std::size_t i = first; i < first + kN; ++i)
            ++hits[(cell(p.at(i, x), a) << b) | cell(p.at(i, y), b)];
        if (std::any_of(hits.begin(), hits.end(),
                        [&](std::size_t h) { return h != (std::size_t{1} << t); }))
            return false;
    }
    return true;
}

// The smallest t for which the pair (x, y) of the block is a (t, m, 2)-net.
std::size_t t_value(const PointMatrix& p, std::size_t first, std::size_t x, std::size_t y) {
    std::size_t t = 0;
    while (!is_net(p, first, x, y, t)) ++t;
    return t;
}

} // namespace

TEST_CASE("sobol sequence: 120 dimensions stratify every axis in every block of 2^m points") {
    const std::size_t dims = 120, blocks = 4;
    for (const std::uint64_t seed : {1u, 2u}) {
        const PointMatrix p = sobol_points(blocks * kN, dims, seed);
        for (std::size_t block = 0; block < blocks; ++block) {
            for (std::size_t c = 0; c < dims; ++c) {
                std::vector<int> hits(kN, 0);
                for (std::size_t i = block * kN; i < (block + 1) * kN; ++i)
                    ++hits[cell(p.at(i, c), kM)];
                CHECK_MESSAGE(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; }),
                              "block " << block << " dimension " << c);
            }
        }
    }
}

TEST_CASE("sobol sequence: every pair of 120 dimensions is a (t, m, 2)-net with t <= 7") {
    const std::size_t dims = 120;
    const PointMatrix p = sobol_points(kN, dims, 7);
    std::size_t worst = 0;
    for (std::size_t x = 0; x < dims; ++x)
        for (std::size_t y = x + 1; y < dims; ++y) worst = std::max(worst, t_value(p, 0, x, y));
    CHECK(worst <= 7);

    // The check can fail: independent uniform points are no better than t = m.
    PointMatrix random;
    random.cols = 2;
    Stream s(7, 0, StreamPurpose::Sweep, 99);
    for (std::size_t i = 0; i < 2 * kN; ++i) random.values.push_back(s.uniform());
    CHECK(t_value(random, 0, 0, 1) > 7);
}

TEST_CASE("saltelli: a 60-parameter design keeps a balanced quasi-random base") {
    std::vector<ParamRange> ranges;
    for (int i = 0; i < 60; ++i) ranges.push_back(continuous(param_name(i), 0.0, 1.0));
    const SaltelliDesign d = saltelli(ranges, kN, 5);
    REQUIRE(d.quasi_random);
    // A and B, the two halves of the 120-dimensional base, each put one point per stratum.
    for (std::size_t c = 0; c < ranges.size(); ++c) {
        std::vector<int> a_hits(kN, 0), b_hits(kN, 0);
        for (std::size_t j = 0; j < kN; ++j) {
            ++a_hits[cell(d.points.at(d.row_a(j), c), kM)];
            ++b_hits[cell(d.points.at(d.row_b(j), c), kM)];
        }
        CHECK(std::all_of(a_hits.begin(), a_hits.end(), [](int h) { return h == 1; }));
        CHECK(std::all_of(b_hits.begin(), b_hits.end(), [](int h) { return h == 1; }));
    }
}
