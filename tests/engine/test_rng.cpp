#include "core/rng.hpp"
#include "core/seeded_order.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <vector>

using namespace tendersim;

TEST_CASE("a stream is a pure function of its key and counter") {
    Stream a(42, 3, StreamPurpose::Bidding, 7), b(42, 3, StreamPurpose::Bidding, 7);
    for (int k = 0; k < 100; ++k) CHECK(a.next_u64() == b.next_u64());
    Stream other_year(42, 4, StreamPurpose::Bidding, 7),
        other_phase(42, 3, StreamPurpose::Delivery, 7);
    Stream fresh(42, 3, StreamPurpose::Bidding, 7);
    const auto first = fresh.next_u64();
    CHECK(first != other_year.next_u64());
    CHECK(first != other_phase.next_u64());
}

TEST_CASE("uniform, normal and poisson draws have the right moments") {
    Stream s(1, 1, StreamPurpose::Init, 1);
    const int n = 200'000;
    double su = 0, sn = 0, sn2 = 0, sp = 0;
    for (int k = 0; k < n; ++k) {
        const double u = s.uniform();
        REQUIRE(u >= 0.0);
        REQUIRE(u < 1.0);
        su += u;
        const double z = s.normal();
        sn += z, sn2 += z * z;
        sp += static_cast<double>(s.poisson(3.5));
    }
    CHECK(su / n == doctest::Approx(0.5).epsilon(0.01));
    CHECK(std::fabs(sn / n) < 0.01);
    CHECK(sn2 / n == doctest::Approx(1.0).epsilon(0.02));
    CHECK(sp / n == doctest::Approx(3.5).epsilon(0.02));
}

TEST_CASE("below(n) stays in range and geometric skips average (1-p)/p") {
    Stream s(9, 1, StreamPurpose::Init, 2);
    double g = 0;
    for (int k = 0; k < 100'000; ++k) {
        CHECK(s.below(17) < 17);
        g += static_cast<double>(s.geometric(0.2));
    }
    CHECK(g / 100'000 == doctest::Approx(4.0).epsilon(0.03));
}

TEST_CASE("derived replicate seeds are distinct") {
    std::uint64_t prev = 0;
    for (std::uint64_t r = 0; r < 1000; ++r) {
        const auto seed = derive_seed(5, StreamPurpose::Replicate, r);
        CHECK(seed != prev);
        prev = seed;
    }
}

TEST_CASE("derived seeds are below 2^53, so a double (R, pandas, JavaScript) holds them exactly") {
    std::uint64_t high_bits = 0;
    for (std::uint64_t r = 0; r < 100'000; ++r) {
        for (const auto purpose : {StreamPurpose::Replicate, StreamPurpose::Sweep}) {
            const auto seed = derive_seed(0x9e3779b97f4a7c15ULL + r, purpose, r * 7919);
            CHECK(seed <= max_exact_seed);
            CHECK(static_cast<std::uint64_t>(static_cast<double>(seed)) == seed);
            high_bits |= seed;
        }
    }
    // All 53 bits are used: a derivation that lost the top bits would shrink the seed space.
    CHECK(high_bits == max_exact_seed);
}

TEST_CASE("seeded_order is the order std::sort gives (key, index) pairs") {
    using Pairs = std::vector<std::pair<std::uint64_t, std::uint32_t>>;
    auto sorted = [](std::size_t n, auto key) {
        Pairs p(n);
        for (std::size_t k = 0; k < n; ++k) p[k] = {key(k), static_cast<std::uint32_t>(k)};
        std::sort(p.begin(), p.end());
        return p;
    };
    for (std::size_t n : {0u, 1u, 2u, 7u, 1000u, 20'000u}) {
        // Hash keys, the case it is built for.
        auto hashed = [](std::size_t k) { return hash_combine(42, k); };
        CHECK(seeded_order(n, hashed) == sorted(n, hashed));
        // Ties: equal keys are ordered by index.
        auto tied = [](std::size_t k) { return mix64(k % 5); };
        CHECK(seeded_order(n, tied) == sorted(n, tied));
        // Keys that share their top bits all land in one bucket.
        auto crowded = [](std::size_t k) { return mix64(k) >> 40; };
        CHECK(seeded_order(n, crowded) == sorted(n, crowded));
    }
}
