#include "analysis/sensitivity.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <tuple>
#include <vector>

using namespace tendersim::analysis;

namespace {

// Ishigami & Homma (1990) with a = 7, b = 0.1 on [-pi, pi]^3.
double ishigami(std::span<const double> x) {
    return std::sin(x[0]) + 7.0 * std::sin(x[1]) * std::sin(x[1]) +
           0.1 * std::pow(x[2], 4) * std::sin(x[0]);
}

std::vector<ParamRange> ishigami_space() {
    const double pi = std::numbers::pi;
    return {continuous("x1", -pi, pi), continuous("x2", -pi, pi), continuous("x3", -pi, pi)};
}

template <class Design, class F> std::vector<double> evaluate(const Design& d, F f) {
    std::vector<double> y(d.points.rows());
    for (std::size_t i = 0; i < y.size(); ++i) y[i] = f(d.points.row(i));
    return y;
}

} // namespace

TEST_CASE("morris: exact elementary effects of a linear function") {
    // y = 3 a - 2 b + 0.5 c: every elementary effect is coefficient x range.
    const std::vector<ParamRange> r{continuous("a", 0, 1), continuous("b", -5, 5),
                                    continuous("c", 10, 20)};
    const MorrisDesign d = morris(r, 20, 4, 5);
    const auto y =
        evaluate(d, [](std::span<const double> x) { return 3 * x[0] - 2 * x[1] + 0.5 * x[2]; });
    const std::vector<MorrisIndex> m = morris_indices(d, y);
    REQUIRE(m.size() == 3);
    const double expect[3] = {3.0, -20.0, 5.0};
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(m[i].name == r[i].name);
        CHECK(m[i].effects == 20);
        CHECK(m[i].mu == doctest::Approx(expect[i]).epsilon(1e-12));
        CHECK(m[i].mu_star == doctest::Approx(std::fabs(expect[i])).epsilon(1e-12));
        CHECK(m[i].sigma < 1e-9);
    }
}

TEST_CASE("morris: Ishigami at p = 4 matches the analytic elementary effects") {
    // With p = 4 the lattice is {-pi, -pi/3, pi/3, pi} and delta = 2/3 (two lattice steps), so
    // each move pairs -pi <-> pi/3 or -pi/3 <-> pi. Then:
    //  x2: 7 (sin^2 x2' - sin^2 x2) = +/-7 * 0.75, / (2/3) -> |EE| = 7.875 always (additive, but
    //      non-monotone: the sign flips, so mu ~ 0 and sigma ~ 7.875);
    //  x1: (sin x1' - sin x1) = 0.866 for every upward move, times (1 + 0.1 x3^4) with
    //      x3^4 in {pi^4, pi^4/81} equally often -> EE > 0 always,
    //      E[EE] = 1.299 * (1 + 0.05 * pi^4 * 82/81) = 7.70;
    //  x3: 0.1 * (+/-96.21) * sin x1 / (2/3), sin x1 in {0, +/-0.866} -> |EE| in {0, 12.5} equally
    //      often: mu* = 6.25, mu ~ 0, sigma ~ sqrt(12.5^2 / 2) = 8.84 (pure interaction).
    // So mu* ranks x2 (7.875) > x1 (7.70) > x3 (6.25); x1 and x2 are too close to rank reliably,
    // x3 last is robust.
    const MorrisDesign d = morris(ishigami_space(), 500, 4, 2024);
    const std::vector<MorrisIndex> m = morris_indices(d, evaluate(d, ishigami));
    CHECK(m[1].mu_star == doctest::Approx(7.875).epsilon(1e-9));
    CHECK(m[1].sigma == doctest::Approx(7.875).epsilon(0.05));
    CHECK(std::fabs(m[1].mu) < 1.5);
    CHECK(m[0].mu == doctest::Approx(m[0].mu_star).epsilon(1e-12)); // all effects positive
    CHECK(std::fabs(m[0].mu_star - 7.70) < 1.0);
    CHECK(std::fabs(m[2].mu_star - 6.25) < 1.0);
    CHECK(std::fabs(m[2].mu) < 1.5);
    CHECK(m[2].sigma > m[2].mu_star);
    CHECK(m[2].mu_star < m[0].mu_star);
    CHECK(m[2].mu_star < m[1].mu_star);
}

TEST_CASE("morris: unfinished runs drop only their elementary effects") {
    const std::vector<ParamRange> r{continuous("a", 0, 1), continuous("b", 0, 1)};
    const MorrisDesign d = morris(r, 10, 4, 1);
    auto y = evaluate(d, [](std::span<const double> x) { return x[0] + x[1]; });
    // Row 1 of trajectory 0 enters two effects (rows 0->1 and 1->2), one per parameter.
    y[1] = std::numeric_limits<double>::quiet_NaN();
    const std::vector<MorrisIndex> m = morris_indices(d, y);
    CHECK(m[0].effects == 9);
    CHECK(m[1].effects == 9);
    CHECK(m[0].mu == doctest::Approx(1.0));
    CHECK_THROWS_AS(morris_indices(d, std::vector<double>(3, 0.0)), std::invalid_argument);
    CHECK_THROWS_AS(morris_indices(d, y, 1.0), std::invalid_argument);
}

TEST_CASE("morris: mu_star_conf is SALib's bootstrap half-width, computed exactly") {
    // y = a^2 on [0, 1] at p = 4 (delta = 2/3): a step 0 -> 2/3 has effect (4/9) / (2/3) = 2/3,
    // a step 1/3 -> 1 has (1 - 1/9) / (2/3) = 4/3 (and the same magnitudes stepping down). With
    // |EE| in {2/3, 4/3}, the ideal bootstrap sd of their mean is the population sd / sqrt(r).
    const std::vector<ParamRange> r{continuous("a", 0, 1), continuous("b", 0, 1)};
    const MorrisDesign d = morris(r, 40, 4, 8);
    const auto y = evaluate(d, [](std::span<const double> x) { return x[0] * x[0]; });
    const std::vector<MorrisIndex> m = morris_indices(d, y);
    std::vector<double> abs_effects;
    for (std::size_t row = 0; row < y.size(); ++row)
        if (d.changed[row] == 0)
            abs_effects.push_back(std::fabs((y[row] - y[row - 1]) / d.step[row]));
    REQUIRE(abs_effects.size() == 40);
    double mean_abs = 0.0, ss = 0.0;
    for (const double e : abs_effects) mean_abs += e / 40.0;
    for (const double e : abs_effects) ss += (e - mean_abs) * (e - mean_abs);
    CHECK(m[0].mu_star == doctest::Approx(mean_abs).epsilon(1e-12));
    CHECK(m[0].mu_star_conf > 0.0);
    CHECK(
        m[0].mu_star_conf ==
        doctest::Approx(1.959963984540054 * std::sqrt(ss / 40.0) / std::sqrt(40.0)).epsilon(1e-12));
    // At 99% the half-width scales by z(0.995) / z(0.975).
    CHECK(
        morris_indices(d, y, 0.99)[0].mu_star_conf ==
        doctest::Approx(m[0].mu_star_conf * 2.5758293035489004 / 1.959963984540054).epsilon(1e-12));
    // b has no effect: every |EE| is 0, and so is the half-width.
    CHECK(m[1].mu_star_conf == 0.0);
}

TEST_CASE("sobol: Ishigami first-order and total indices") {
    // Analytic (Ishigami & Homma 1990): V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2 = 13.8446,
    // V1 = (1 + b pi^4/5)^2 / 2, V2 = a^2/8, V13 = 8 b^2 pi^8 / 225.
    const SaltelliDesign d = saltelli(ishigami_space(), 1u << 13, 77);
    const SobolResult s = sobol_indices(d, evaluate(d, ishigami), {.bootstrap = 100, .seed = 5});
    REQUIRE(s.indices.size() == 3);
    CHECK(s.blocks_used == 1u << 13);
    CHECK(s.variance == doctest::Approx(13.8446).epsilon(0.03));
    const double s1[3] = {0.3139, 0.4424, 0.0};
    const double st[3] = {0.5576, 0.4424, 0.2437};
    for (std::size_t i = 0; i < 3; ++i) {
        INFO("parameter ", s.indices[i].name);
        // Scrambled Sobol' base: errors at N = 2^13 are ~0.003, so 0.02 leaves ample margin
        // while still catching a broken estimator or design.
        CHECK(std::fabs(s.indices[i].s1 - s1[i]) < 0.02);
        CHECK(std::fabs(s.indices[i].st - st[i]) < 0.02);
        // The bootstrap intervals are conservative for a quasi-random base: they cover the truth.
        CHECK(s.indices[i].s1_low <= s1[i]);
        CHECK(s.indices[i].s1_high >= s1[i]);
        CHECK(s.indices[i].st_low <= st[i]);
        CHECK(s.indices[i].st_high >= st[i]);
        CHECK(s.indices[i].s1_high - s.indices[i].s1_low < 0.1);
        CHECK(s.indices[i].st_high - s.indices[i].st_low < 0.1);
        // SALib's half-width z sd: close to half the percentile interval's width when the
        // bootstrap distribution is near normal (100 resamples: within a factor of 1.5).
        for (const auto& [conf, low, high] :
             {std::tuple{s.indices[i].s1_conf, s.indices[i].s1_low, s.indices[i].s1_high},
              std::tuple{s.indices[i].st_conf, s.indices[i].st_low, s.indices[i].st_high}}) {
            CHECK(conf > 0.0);
            CHECK(conf < 0.75 * (high - low));
            CHECK(conf > (high - low) / 3.0);
        }
    }
}

TEST_CASE("sobol: additive function with a dummy parameter") {
    // y = a + 2 b on the unit square, c unused: V = 1/12 + 4/12, S1 = ST = (0.2, 0.8, 0).
    // The dummy's A_B runs equal the A runs, so both its estimators are exactly zero.
    const std::vector<ParamRange> r{continuous("a", 0, 1), continuous("b", 0, 1),
                                    continuous("c", 0, 1)};
    const SaltelliDesign d = saltelli(r, 1u << 12, 3);
    const auto y = evaluate(d, [](std::span<const double> x) { return x[0] + 2 * x[1]; });
    const SobolResult s = sobol_indices(d, y);
    CHECK(s.indices[0].s1 == doctest::Approx(0.2).epsilon(0.1));
    CHECK(s.indices[1].s1 == doctest::Approx(0.8).epsilon(0.05));
    CHECK(s.indices[0].st == doctest::Approx(0.2).epsilon(0.1));
    CHECK(s.indices[1].st == doctest::Approx(0.8).epsilon(0.05));
    CHECK(s.indices[2].s1 == 0.0);
    CHECK(s.indices[2].st == 0.0);
    CHECK(std::isnan(s.indices[0].s1_low)); // no bootstrap requested
    CHECK(std::isnan(s.indices[0].s1_conf));
    CHECK(std::isnan(s.indices[0].st_conf));
}

TEST_CASE("sobol: deterministic bootstrap and partial sweeps use complete blocks") {
    const SaltelliDesign d = saltelli(ishigami_space(), 512, 1);
    auto y = evaluate(d, ishigami);
    const SobolResult a = sobol_indices(d, y, {.bootstrap = 50, .seed = 9});
    const SobolResult b = sobol_indices(d, y, {.bootstrap = 50, .seed = 9});
    const SobolResult c = sobol_indices(d, y, {.bootstrap = 50, .seed = 10});
    CHECK(a.indices[0].s1_low == b.indices[0].s1_low);
    CHECK(a.indices[1].s1_conf == b.indices[1].s1_conf);
    CHECK(a.indices[1].s1_conf != c.indices[1].s1_conf);
    CHECK(a.indices[2].st_high == b.indices[2].st_high);
    CHECK(a.indices[0].s1_low != c.indices[0].s1_low);
    // Knock out one run in each of two blocks.
    y[d.row_ab(3, 1)] = std::numeric_limits<double>::quiet_NaN();
    y[d.row_a(100)] = std::numeric_limits<double>::quiet_NaN();
    const SobolResult p = sobol_indices(d, y);
    CHECK(p.blocks_used == 510);
    CHECK(std::isfinite(p.indices[0].s1));
    CHECK_THROWS_AS(sobol_indices(d, std::vector<double>(5, 0.0)), std::invalid_argument);
}
