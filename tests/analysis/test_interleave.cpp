#include "analysis/interleave.hpp"
#include "param_name.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <initializer_list>
#include <set>
#include <string>
#include <vector>

using namespace tendersim::analysis;
using tendersim::analysis::test::param_name;

namespace {

// The first ceil(n/parts) entries of order (indices into 0..n-1) hit every one of `parts` equal
// sub-ranges of 0..n-1.
bool prefix_hits_every_part(const std::vector<std::size_t>& order, std::size_t n,
                            std::size_t parts) {
    const std::size_t prefix = (n + parts - 1) / parts;
    std::set<std::size_t> hit;
    for (std::size_t r = 0; r < prefix; ++r) hit.insert(order[r] * parts / n);
    return hit.size() == parts;
}

} // namespace

TEST_CASE("van der Corput order is a permutation") {
    CHECK(van_der_corput_order(8) == std::vector<std::size_t>{0, 4, 2, 6, 1, 5, 3, 7});
    CHECK(van_der_corput_order(0).empty());
    CHECK(van_der_corput_order(1) == std::vector<std::size_t>{0});
    for (std::size_t n = 1; n <= 300; ++n) CHECK(is_permutation_order(van_der_corput_order(n)));
}

TEST_CASE("is_permutation_order rejects duplicates and out-of-range entries") {
    CHECK(is_permutation_order(std::vector<std::size_t>{2, 0, 1}));
    CHECK_FALSE(is_permutation_order(std::vector<std::size_t>{0, 0, 1}));
    CHECK_FALSE(is_permutation_order(std::vector<std::size_t>{0, 1, 3}));
}

TEST_CASE("1-D grid: the first quarter of the runs covers every quarter of the range") {
    // A prefix of n/parts runs can hit `parts` sub-ranges only if n >= parts^2.
    for (const std::size_t n : {7u, 16u, 37u, 64u, 100u, 1000u, 4097u}) {
        const std::vector<std::size_t> counts{n};
        const std::vector<std::size_t> order = grid_order(counts);
        REQUIRE(order.size() == n);
        CHECK(is_permutation_order(order));
        CHECK(order == van_der_corput_order(n));
        if (n >= 16) CHECK(prefix_hits_every_part(order, n, 4));
        if (n >= 64) CHECK(prefix_hits_every_part(order, n, 8));
        if (n >= 1000) CHECK(prefix_hits_every_part(order, n, 16));
    }
    // Through a design: the run order refers to design rows of a 1-D grid.
    const GridDesign g = grid(std::vector<ParamRange>{continuous("x", 0, 1)}, 100);
    const std::vector<std::size_t> order = run_order(g);
    std::set<int> quarters;
    for (std::size_t r = 0; r < 25; ++r) {
        quarters.insert(std::min(3, static_cast<int>(g.points.at(order[r], 0) * 4)));
    }
    CHECK(quarters.size() == 4);
}

TEST_CASE("2-D grid: prefixes are successively finer sub-grids") {
    const std::vector<std::size_t> counts{8, 8};
    const std::vector<std::size_t> order = grid_order(counts);
    CHECK(is_permutation_order(order));
    // First 4 runs: one per quadrant. First 16: exactly the even-index 4x4 sub-grid.
    std::set<std::size_t> quadrants;
    for (std::size_t r = 0; r < 4; ++r)
        quadrants.insert((order[r] / 8 / 4) * 2 + (order[r] % 8) / 4);
    CHECK(quadrants.size() == 4);
    for (std::size_t r = 0; r < 16; ++r) {
        CHECK(order[r] / 8 % 2 == 0);
        CHECK(order[r] % 8 % 2 == 0);
    }
    const std::vector<std::size_t> odd{3, 5, 2};
    CHECK(is_permutation_order(grid_order(odd)));
}

TEST_CASE("block order keeps blocks intact") {
    const std::size_t blocks = 13, size = 5;
    const std::vector<std::size_t> order = block_order(blocks, size);
    REQUIRE(order.size() == blocks * size);
    CHECK(is_permutation_order(order));
    for (std::size_t b = 0; b < blocks; ++b) {
        const std::size_t first = order[b * size];
        CHECK(first % size == 0);
        for (std::size_t j = 1; j < size; ++j) CHECK(order[b * size + j] == first + j);
    }
}

TEST_CASE("run orders of every design are permutations") {
    const std::vector<ParamRange> r{continuous("a", 0, 1), continuous("b", 0, 1),
                                    integer_range("c", 1, 4)};
    CHECK(is_permutation_order(run_order(grid(r, 5))));
    CHECK(is_permutation_order(run_order(latin_hypercube(r, 30, 1))));
    const MorrisDesign m = morris(r, 10, 4, 1);
    const std::vector<std::size_t> mo = run_order(m);
    CHECK(is_permutation_order(mo));
    // Trajectories stay whole: every run after a trajectory start changes one parameter.
    for (std::size_t i = 0; i < mo.size(); ++i) {
        CHECK((m.changed[mo[i]] == MorrisDesign::no_change) == (i % m.block_size() == 0));
    }
    CHECK(is_permutation_order(run_order(saltelli(r, 16, 1))));
    std::vector<ParamRange> wide;
    for (int i = 0; i < 21; ++i) wide.push_back(continuous(param_name(i), 0, 1));
    CHECK(is_permutation_order(run_order(saltelli(wide, 5, 1))));
}
