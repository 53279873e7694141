// Rejection ABC (sim/analysis/abc.hpp) on a toy simulator whose posterior is known: one target
// pins parameter a and says nothing about b.
#include "analysis/abc.hpp"
#include "analysis/design.hpp"
#include "analysis/stats.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <limits>
#include <vector>

using namespace tendersim::analysis;

namespace {

// The toy model: its one summary is a plus a small deterministic wobble; b has no effect.
double toy_summary(double a, double b) {
    return a + 0.002 * std::sin(97.0 * a + 13.0 * b);
}

} // namespace

TEST_CASE("abc on a toy model recovers the pinned parameter and keeps the free one wide") {
    const std::vector<ParamRange> prior = {continuous("a", 0, 1), continuous("b", 0, 1)};
    const LhsDesign d = latin_hypercube(prior, 1000, 7);
    std::vector<double> a, b, dist, error;
    for (std::size_t i = 0; i < d.points.rows(); ++i) {
        a.push_back(d.points.at(i, 0));
        b.push_back(d.points.at(i, 1));
        const double z = (toy_summary(a.back(), b.back()) - 0.3) / 0.05; // target 0.3 +- 0.05
        error.push_back(z);
        dist.push_back(z * z);
    }
    const auto kept = abc_accept(dist, {AbcRule::Kind::Quantile, 0.1});
    REQUIRE(kept.size() == 100);
    const PosteriorSummary pa = posterior_summary(a, kept, 0, 1);
    const PosteriorSummary pb = posterior_summary(b, kept, 0, 1);
    // a: the 100 draws nearest 0.3 of a 1000-point Latin hypercube lie within 0.05 of it.
    CHECK(pa.min > 0.245);
    CHECK(pa.max < 0.355);
    CHECK(pa.median == doctest::Approx(0.3).epsilon(0.02));
    CHECK(pa.width_ratio < 0.15);
    // b: as wide as the prior (the 5-95% range of 100 uniform values is ~0.9 of the prior's).
    CHECK(pb.min < 0.1);
    CHECK(pb.max > 0.9);
    CHECK(pb.width_ratio > 0.8);
    // Which target constrains which parameter: the target's error follows a, not b.
    CHECK(spearman(a, error) > 0.99);
    CHECK(std::fabs(spearman(b, error)) < 0.15);
    // A threshold rule keeps exactly the draws within it: |z| <= 1, a within ~0.05 of 0.3.
    const auto within = abc_accept(dist, {AbcRule::Kind::Threshold, 1.0});
    CHECK(within.size() >= 95);
    CHECK(within.size() <= 105);
    for (const std::size_t i : within) CHECK(dist[i] <= 1.0);
}

TEST_CASE("abc_accept orders by distance, breaks ties by index and never keeps NaN") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> d = {3, 1, nan, 1, 0.5, 7};
    CHECK(abc_accept(d, {AbcRule::Kind::Quantile, 0.5}) == std::vector<std::size_t>{4, 1, 3});
    // ceil(0.1 * 6) = 1 draw; the quantile counts NaN draws in n.
    CHECK(abc_accept(d, {AbcRule::Kind::Quantile, 0.1}) == std::vector<std::size_t>{4});
    CHECK(abc_accept(d, {AbcRule::Kind::Quantile, 1.0}) == std::vector<std::size_t>{4, 1, 3, 0, 5});
    CHECK(abc_accept(d, {AbcRule::Kind::Threshold, 1.0}) == std::vector<std::size_t>{4, 1, 3});
    CHECK(abc_accept(d, {AbcRule::Kind::Threshold, 0.1}).empty());
    CHECK_THROWS(abc_accept(d, {AbcRule::Kind::Quantile, 0.0}));
    CHECK_THROWS(abc_accept(d, {AbcRule::Kind::Quantile, 1.5}));
    CHECK_THROWS(abc_accept(d, {AbcRule::Kind::Threshold, -1}));
}

TEST_CASE("spearman (analysis/stats) on known samples") {
    const std::vector<double> x = {1, 2, 3, 4, 5};
    CHECK(spearman(x, std::vector<double>{2, 4, 8, 16, 32}) == doctest::Approx(1.0));
    CHECK(spearman(x, std::vector<double>{5, 4, 3, 2, 1}) == doctest::Approx(-1.0));
    // Ties share their mean rank: y ranks 1.5, 1.5, 3, 4, 5 (scipy.stats.spearmanr: 0.9746794).
    CHECK(spearman(x, std::vector<double>{1, 1, 2, 3, 4}) == doctest::Approx(0.9746794));
    // x = 1..5, y ranks 2, 1, 4, 3, 5: 1 - 6 * 4 / 120 = 0.8.
    CHECK(spearman(x, std::vector<double>{20, 10, 40, 30, 50}) == doctest::Approx(0.8));
    CHECK(std::isnan(spearman(x, std::vector<double>{1, 1, 1, 1, 1})));
    CHECK(std::isnan(spearman(std::vector<double>{1, 2}, std::vector<double>{1, 2})));
}

TEST_CASE("posterior_summary of a few accepted values") {
    const std::vector<double> v = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const std::vector<std::size_t> kept = {2, 3, 4};
    const PosteriorSummary s = posterior_summary(v, kept, 0, 10);
    CHECK(s.accepted == 3);
    CHECK(s.min == 2);
    CHECK(s.max == 4);
    CHECK(s.median == 3);
    CHECK(s.q05 == doctest::Approx(2.1));
    CHECK(s.q95 == doctest::Approx(3.9));
    CHECK(s.width_ratio == doctest::Approx(1.8 / 9.0));
    const std::size_t one[] = {5};
    CHECK(std::isnan(posterior_summary(v, one, 0, 10).width_ratio));
}
