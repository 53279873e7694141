#include "analysis/design.hpp"
#include "analysis/sobol_sequence.hpp"
#include "param_name.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <initializer_list>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

using namespace tendersim::analysis;
using tendersim::analysis::test::param_name;

namespace {

std::vector<ParamRange> three_continuous() {
    return {continuous("a", 0.0, 1.0), continuous("b", -5.0, 5.0), continuous("c", 100.0, 200.0)};
}

// Stratum of x among n equal strata of [lo, hi].
std::size_t stratum(double x, double lo, double hi, std::size_t n) {
    const double u = (x - lo) / (hi - lo);
    return std::min(static_cast<std::size_t>(u * static_cast<double>(n)), n - 1);
}

} // namespace

TEST_CASE("parameter validation") {
    CHECK_THROWS_AS(grid(std::vector<ParamRange>{}, 3), std::invalid_argument);
    CHECK_THROWS_AS(grid(std::vector<ParamRange>{continuous("a", 1, 0)}, 3), std::invalid_argument);
    CHECK_THROWS_AS(grid(std::vector<ParamRange>{continuous("a", 0, 1), continuous("a", 0, 1)}, 3),
                    std::invalid_argument);
    CHECK_THROWS_AS(grid(std::vector<ParamRange>{integer_range("n", 0.2, 0.8)}, 3),
                    std::invalid_argument);
    CHECK_THROWS_AS(grid(std::vector<ParamRange>{continuous("a", 0, 1)}, 0), std::invalid_argument);
}

TEST_CASE("grid: size order and coverage") {
    const std::vector<ParamRange> r{continuous("x", 0.0, 1.0), integer_range("n", 1, 3),
                                    level_set("l", {10, 20})};
    const GridDesign g = grid(r, 5);
    REQUIRE(g.points.rows() == 5 * 3 * 2);
    CHECK(g.counts == std::vector<std::size_t>{5, 3, 2});
    CHECK(g.axis_values[0] == std::vector<double>{0.0, 0.25, 0.5, 0.75, 1.0});
    CHECK(g.axis_values[1] == std::vector<double>{1, 2, 3});
    CHECK(g.axis_values[2] == std::vector<double>{10, 20});
    // Last axis fastest.
    CHECK(g.points.at(0, 2) == 10);
    CHECK(g.points.at(1, 2) == 20);
    CHECK(g.points.at(2, 1) == 2);
    CHECK(g.points.at(6, 0) == 0.25);
    // Every combination exactly once.
    std::set<std::vector<double>> seen;
    for (std::size_t i = 0; i < g.points.rows(); ++i) {
        const auto row = g.points.row(i);
        seen.insert(std::vector<double>(row.begin(), row.end()));
    }
    CHECK(seen.size() == 30);
}

TEST_CASE("grid: integer thinning and single point and size limit") {
    CHECK(grid(std::vector<ParamRange>{integer_range("n", 0, 10)}, 3).axis_values[0] ==
          std::vector<double>{0, 5, 10});
    CHECK(grid(std::vector<ParamRange>{continuous("x", 2, 4)}, 1).axis_values[0] ==
          std::vector<double>{3});
    std::vector<ParamRange> many;
    for (int i = 0; i < 10; ++i) many.push_back(continuous(param_name(i), 0, 1));
    CHECK_THROWS_AS(grid(many, 10), std::length_error);
}

TEST_CASE("latin hypercube: one point per stratum in every column") {
    const auto r = three_continuous();
    const std::size_t n = 50;
    const LhsDesign d = latin_hypercube(r, n, 42);
    REQUIRE(d.points.rows() == n);
    for (std::size_t c = 0; c < r.size(); ++c) {
        std::vector<int> hits(n, 0);
        for (std::size_t i = 0; i < n; ++i) {
            const double x = d.points.at(i, c);
            CHECK(x >= r[c].lo);
            CHECK(x <= r[c].hi);
            ++hits[stratum(x, r[c].lo, r[c].hi, n)];
        }
        CHECK(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; }));
    }
}

TEST_CASE("latin hypercube: integer and level parameters are balanced") {
    const std::vector<ParamRange> r{integer_range("n", 1, 5), level_set("l", {0.1, 0.2, 0.4, 0.8})};
    const LhsDesign d = latin_hypercube(r, 20, 7);
    std::map<double, int> n_count, l_count;
    for (std::size_t i = 0; i < 20; ++i) {
        ++n_count[d.points.at(i, 0)];
        ++l_count[d.points.at(i, 1)];
    }
    CHECK(n_count == std::map<double, int>{{1, 4}, {2, 4}, {3, 4}, {4, 4}, {5, 4}});
    CHECK(l_count == std::map<double, int>{{0.1, 5}, {0.2, 5}, {0.4, 5}, {0.8, 5}});
}

TEST_CASE("random designs are reproducible from the seed and differ across seeds") {
    const auto r = three_continuous();
    CHECK(latin_hypercube(r, 20, 1).points.values == latin_hypercube(r, 20, 1).points.values);
    CHECK(latin_hypercube(r, 20, 1).points.values != latin_hypercube(r, 20, 2).points.values);
    CHECK(morris(r, 5, 4, 1).points.values == morris(r, 5, 4, 1).points.values);
    CHECK(morris(r, 5, 4, 1).points.values != morris(r, 5, 4, 2).points.values);
    CHECK(saltelli(r, 16, 1).points.values == saltelli(r, 16, 1).points.values);
    CHECK(saltelli(r, 16, 1).points.values != saltelli(r, 16, 2).points.values);
}

TEST_CASE("morris: one-at-a-time trajectories on the lattice") {
    const std::vector<ParamRange> r{continuous("a", 0, 1), continuous("b", -5, 5),
                                    continuous("c", 10, 20), continuous("d", 0, 3)};
    const std::size_t k = r.size(), traj = 25, p = 4;
    const MorrisDesign d = morris(r, traj, p, 9);
    REQUIRE(d.points.rows() == traj * (k + 1));
    CHECK(d.delta == doctest::Approx(2.0 / 3.0)); // p / (2(p-1))
    std::vector<int> level_hits(p, 0);
    for (std::size_t t = 0; t < traj; ++t) {
        std::vector<int> times_changed(k, 0);
        const std::size_t first = t * (k + 1);
        CHECK(d.changed[first] == MorrisDesign::no_change);
        for (std::size_t j = 1; j <= k; ++j) {
            const std::size_t row = first + j;
            const std::size_t i = d.changed[row];
            REQUIRE(i < k);
            ++times_changed[i];
            CHECK(std::fabs(d.step[row]) == doctest::Approx(d.delta));
            for (std::size_t c = 0; c < k; ++c) {
                const double dx = d.points.at(row, c) - d.points.at(row - 1, c);
                if (c == i) {
                    CHECK(dx == doctest::Approx(d.step[row] * (r[c].hi - r[c].lo)));
                } else {
                    CHECK(dx == 0.0);
                }
            }
        }
        CHECK(
            std::all_of(times_changed.begin(), times_changed.end(), [](int n) { return n == 1; }));
        for (std::size_t j = 0; j <= k; ++j) {
            for (std::size_t c = 0; c < k; ++c) {
                // On the lattice {0, 1/3, 2/3, 1} of the unit cube.
                const double u = (d.points.at(first + j, c) - r[c].lo) / (r[c].hi - r[c].lo);
                const double level = u * static_cast<double>(p - 1);
                CHECK(level == doctest::Approx(std::round(level)));
                ++level_hits[static_cast<std::size_t>(std::lround(level))];
            }
        }
    }
    // All four levels get used.
    CHECK(std::all_of(level_hits.begin(), level_hits.end(), [](int h) { return h > 0; }));
    CHECK_THROWS_AS(morris(r, 5, 3, 1), std::invalid_argument);
    CHECK_THROWS_AS(morris(r, 0, 4, 1), std::invalid_argument);
}

TEST_CASE("saltelli: block layout and balanced base") {
    const auto r = three_continuous();
    const std::size_t n = 64, k = r.size();
    const SaltelliDesign d = saltelli(r, n, 3);
    REQUIRE(d.points.rows() == n * (k + 2));
    CHECK(d.quasi_random);
    for (std::size_t j = 0; j < n; ++j) {
        for (std::size_t i = 0; i < k; ++i) {
            for (std::size_t c = 0; c < k; ++c) {
                const double expect =
                    c == i ? d.points.at(d.row_b(j), c) : d.points.at(d.row_a(j), c);
                CHECK(d.points.at(d.row_ab(j, i), c) == expect);
            }
        }
    }
    // A scrambled Sobol' block of 2^m points puts one point in each of 2^m strata per axis,
    // for A and B alike.
    for (std::size_t c = 0; c < k; ++c) {
        std::vector<int> a_hits(n, 0), b_hits(n, 0);
        for (std::size_t j = 0; j < n; ++j) {
            ++a_hits[stratum(d.points.at(d.row_a(j), c), r[c].lo, r[c].hi, n)];
            ++b_hits[stratum(d.points.at(d.row_b(j), c), r[c].lo, r[c].hi, n)];
        }
        CHECK(std::all_of(a_hits.begin(), a_hits.end(), [](int h) { return h == 1; }));
        CHECK(std::all_of(b_hits.begin(), b_hits.end(), [](int h) { return h == 1; }));
    }
    // Past 20 parameters (2k > 41, the old embedded table) the base stays quasi-random; only
    // beyond Boost's 3667 Sobol' dimensions does it fall back to pseudo-random points.
    std::vector<ParamRange> wide;
    for (int i = 0; i < 30; ++i) wide.push_back(continuous(param_name(i), 0, 1));
    CHECK(saltelli(wide, 4, 1).quasi_random);
    while (2 * wide.size() <= sobol_max_dims)
        wide.push_back(continuous(param_name(static_cast<int>(wide.size())), 0, 1));
    CHECK_FALSE(saltelli(wide, 2, 1).quasi_random);
}

TEST_CASE("sobol sequence: first points of the unscrambled sequence") {
    // Gray-code order, Joe-Kuo directions: the standard first 8 points in 3 dimensions.
    const PointMatrix p = sobol_points(8, 3, 0, false);
    const double expect[8][3] = {{0, 0, 0},
                                 {0.5, 0.5, 0.5},
                                 {0.75, 0.25, 0.25},
                                 {0.25, 0.75, 0.75},
                                 {0.375, 0.375, 0.625},
                                 {0.875, 0.875, 0.125},
                                 {0.625, 0.125, 0.875},
                                 {0.125, 0.625, 0.375}};
    for (std::size_t i = 0; i < 8; ++i) {
        for (std::size_t c = 0; c < 3; ++c) CHECK(p.at(i, c) == expect[i][c]);
    }
}

TEST_CASE("sobol sequence: every dimension stratifies and the first two form a (0 m 2)-net") {
    const std::size_t m = 10, n = std::size_t{1} << m, dims = 41;
    for (const bool scramble : {false, true}) {
        const PointMatrix p = sobol_points(n, dims, 11, scramble);
        for (std::size_t c = 0; c < dims; ++c) {
            std::vector<int> hits(n, 0);
            for (std::size_t i = 0; i < n; ++i) ++hits[static_cast<std::size_t>(p.at(i, c) * n)];
            CHECK(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; }));
        }
        // Dimensions 1 and 2 form a (0, m, 2)-net: every 2^-a x 2^-(m-a) box holds one point.
        for (std::size_t a = 0; a <= m; ++a) {
            const std::size_t nx = std::size_t{1} << a, ny = n / nx;
            std::vector<int> hits(n, 0);
            for (std::size_t i = 0; i < n; ++i) {
                const auto x = static_cast<std::size_t>(p.at(i, 0) * static_cast<double>(nx));
                const auto y = static_cast<std::size_t>(p.at(i, 1) * static_cast<double>(ny));
                ++hits[x * ny + y];
            }
            CHECK(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; }));
        }
        // No two dimensions coincide.
        std::set<std::vector<double>> columns;
        for (std::size_t c = 0; c < dims; ++c) {
            std::vector<double> col;
            for (std::size_t i = 0; i < n; ++i) col.push_back(p.at(i, c));
            columns.insert(col);
        }
        CHECK(columns.size() == dims);
    }
    CHECK(sobol_points(4, sobol_max_dims, 0).cols == sobol_max_dims);
    CHECK_THROWS_AS(sobol_points(4, sobol_max_dims + 1, 0), std::invalid_argument);
}
