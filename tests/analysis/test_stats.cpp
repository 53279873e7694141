#include "analysis/stats.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <stdexcept>
#include <vector>

using namespace tendersim::analysis;

TEST_CASE("mean and sample sd") {
    const std::vector<double> x{2, 4, 4, 4, 5, 5, 7, 9};
    CHECK(mean(x) == doctest::Approx(5.0));
    // Sum of squared deviations 32, n - 1 = 7.
    CHECK(sample_sd(x) == doctest::Approx(std::sqrt(32.0 / 7.0)));
    CHECK(std::isnan(mean(std::vector<double>{})));
    CHECK(std::isnan(sample_sd(std::vector<double>{1.0})));
    // Large offset: the two-pass sd is not destroyed by cancellation.
    const std::vector<double> big{1e9 + 1, 1e9 + 2, 1e9 + 3};
    CHECK(sample_sd(big) == doctest::Approx(1.0).epsilon(1e-9));
}

TEST_CASE("sorted quantile (type 7)") {
    const std::vector<double> x{1, 2, 3, 4, 5};
    CHECK(sorted_quantile(x, 0.0) == 1.0);
    CHECK(sorted_quantile(x, 1.0) == 5.0);
    CHECK(sorted_quantile(x, 0.5) == 3.0);
    CHECK(sorted_quantile(x, 0.1) == doctest::Approx(1.4)); // h = 0.4
}

TEST_CASE("mean_ci95 against hand computation") {
    // x = 1..5: mean 3, sd = sqrt(10/4) = 1.58113883, se = sd/sqrt(5) = 0.70710678,
    // half-width = t(0.975, 4) * se = 2.7764451 * 0.70710678 = 1.96324316.
    const std::vector<double> x{1, 2, 3, 4, 5};
    const MeanCI ci = mean_ci95(x);
    CHECK(ci.n == 5);
    CHECK(ci.mean == doctest::Approx(3.0));
    CHECK(ci.sd == doctest::Approx(1.58113883).epsilon(1e-8));
    CHECK(ci.ci95_low == doctest::Approx(3.0 - 1.96324316).epsilon(1e-7));
    CHECK(ci.ci95_high == doctest::Approx(3.0 + 1.96324316).epsilon(1e-7));
    const MeanCI one = mean_ci95(std::vector<double>{4.0});
    CHECK(one.mean == 4.0);
    CHECK(std::isnan(one.ci95_low));
}

TEST_CASE("paired difference: 5 pairs by hand") {
    // a = 10 12 9 11 13 (mean 11), b = 12 15 9 14 14 (mean 12.8), d = b - a = 2 3 0 3 1.
    // mean d = 9/5 = 1.8; deviations 0.2 1.2 -1.8 1.2 -0.8, squares sum to 6.8;
    // sd = sqrt(6.8/4) = sqrt(1.7) = 1.30384048; se = sd/sqrt(5) = 0.58309519;
    // half-width = 2.7764451 * 0.58309519 = 1.61893179 -> CI [0.18106821, 3.41893179].
    // Signs: four positive, one zero -> share_same_sign = 4/5.
    const std::vector<double> a{10, 12, 9, 11, 13};
    const std::vector<double> b{12, 15, 9, 14, 14};
    const PairedDifference d = paired_difference(a, b);
    CHECK(d.n == 5);
    CHECK(d.mean_a == doctest::Approx(11.0));
    CHECK(d.mean_b == doctest::Approx(12.8));
    CHECK(d.mean_diff == doctest::Approx(1.8));
    CHECK(d.sd_diff == doctest::Approx(1.30384048).epsilon(1e-8));
    CHECK(d.ci95_low == doctest::Approx(0.18106821).epsilon(1e-7));
    CHECK(d.ci95_high == doctest::Approx(3.41893179).epsilon(1e-7));
    CHECK(d.share_same_sign == doctest::Approx(0.8));
    CHECK(d.distinguishable);
    // Swapping the arms flips the sign and keeps the width.
    const PairedDifference r = paired_difference(b, a);
    CHECK(r.mean_diff == doctest::Approx(-1.8));
    CHECK(r.ci95_high == doctest::Approx(-0.18106821).epsilon(1e-7));
    CHECK(r.distinguishable);
}

TEST_CASE("paired difference: interval covering zero") {
    // d = 1 -1 2 -1: mean 0.25, squared deviations 0.5625 1.5625 3.0625 1.5625 (sum 6.75),
    // sd = sqrt(2.25) = 1.5, se = 0.75, t(0.975, 3) = 3.18244631 -> half 2.38683473.
    const std::vector<double> a{5, 5, 5, 5};
    const std::vector<double> b{6, 4, 7, 4};
    const PairedDifference d = paired_difference(a, b);
    CHECK(d.mean_diff == doctest::Approx(0.25));
    CHECK(d.sd_diff == doctest::Approx(1.5));
    CHECK(d.ci95_low == doctest::Approx(0.25 - 2.38683473).epsilon(1e-7));
    CHECK(d.ci95_high == doctest::Approx(0.25 + 2.38683473).epsilon(1e-7));
    CHECK(d.share_same_sign == doctest::Approx(0.5));
    CHECK_FALSE(d.distinguishable);
}

TEST_CASE("paired difference: edge cases") {
    CHECK_THROWS_AS(paired_difference(std::vector<double>{1, 2}, std::vector<double>{1}),
                    std::invalid_argument);
    const PairedDifference one = paired_difference(std::vector<double>{1}, std::vector<double>{3});
    CHECK(one.mean_diff == 2.0);
    CHECK(std::isnan(one.ci95_low));
    CHECK_FALSE(one.distinguishable);
    // Identical differences: zero-width interval at the difference.
    const PairedDifference same =
        paired_difference(std::vector<double>{1, 2, 3}, std::vector<double>{2, 3, 4});
    CHECK(same.sd_diff == 0.0);
    CHECK(same.ci95_low == 1.0);
    CHECK(same.distinguishable);
    CHECK(same.share_same_sign == 1.0);
    // Identical arms: nothing to distinguish, every pair ties with the zero mean.
    const PairedDifference tie =
        paired_difference(std::vector<double>{1, 2, 3}, std::vector<double>{1, 2, 3});
    CHECK_FALSE(tie.distinguishable);
    CHECK(tie.share_same_sign == 1.0);
}
