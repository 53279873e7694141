#include "analysis/distributions.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <initializer_list>
#include <numbers>

using namespace tendersim::analysis;

// Reference values from mpmath (30 digits): findroot on the regularised incomplete beta.
TEST_CASE("t quantiles match reference values") {
    CHECK(student_t_quantile(0.975, 1) == doctest::Approx(12.7062047361747).epsilon(1e-10));
    CHECK(student_t_quantile(0.975, 4) == doctest::Approx(2.77644510519779).epsilon(1e-10));
    CHECK(student_t_quantile(0.975, 10) == doctest::Approx(2.22813885198627).epsilon(1e-10));
    CHECK(student_t_quantile(0.975, 30) == doctest::Approx(2.04227245630124).epsilon(1e-10));
    CHECK(student_t_quantile(0.975, 1000) == doctest::Approx(1.96233908082641).epsilon(1e-10));
    CHECK(student_t_quantile(0.975, 1e5) == doctest::Approx(1.95998770753461).epsilon(1e-10));
    CHECK(student_t_quantile(0.95, 5) == doctest::Approx(2.01504837333302).epsilon(1e-10));
    CHECK(student_t_quantile(0.995, 3) == doctest::Approx(5.84090930973336).epsilon(1e-10));
    CHECK(student_t_quantile(0.99, 20) == doctest::Approx(2.52797700274157).epsilon(1e-10));
    CHECK(student_t_quantile(0.9995, 1) == doctest::Approx(636.619248768790).epsilon(1e-10));
    CHECK(student_t_quantile(0.999, 100) == doctest::Approx(3.17373949373878).epsilon(1e-10));
    CHECK(student_t_quantile(0.9, 7) == doctest::Approx(1.41492392765051).epsilon(1e-10));
    CHECK(student_t_quantile(0.6, 3) == doctest::Approx(0.27667066233269).epsilon(1e-10));
    // Fractional degrees of freedom (Welch intervals).
    CHECK(student_t_quantile(0.975, 2.5) == doctest::Approx(3.57465484200368).epsilon(1e-10));
}

TEST_CASE("t quantile: the brief's 95% critical values to 1e-6") {
    CHECK(std::fabs(t_critical_95(1) - 12.7062047) < 1e-6);
    CHECK(std::fabs(t_critical_95(10) - 2.2281389) < 1e-6);
    CHECK(std::fabs(t_critical_95(30) - 2.0422725) < 1e-6);
    CHECK(std::fabs(t_critical_95(1000) - 1.9623391) < 1e-6);
}

TEST_CASE("t quantile: symmetry and limits and bad input") {
    CHECK(student_t_quantile(0.025, 10) == doctest::Approx(-2.22813885198627).epsilon(1e-10));
    CHECK(student_t_quantile(0.5, 7) == 0.0);
    CHECK(std::isinf(student_t_quantile(1.0, 7)));
    CHECK(std::isnan(student_t_quantile(1.5, 7)));
    CHECK(std::isnan(student_t_quantile(0.9, 0)));
    // Very large df approaches the normal quantile.
    CHECK(student_t_quantile(0.975, 1e9) == doctest::Approx(1.95996398454005).epsilon(1e-9));
}

TEST_CASE("t CDF inverts the quantile across df and p") {
    for (const double df : {1.0, 1.5, 2.0, 3.0, 7.0, 29.0, 250.0, 5000.0}) {
        for (const double p : {1e-6, 0.001, 0.05, 0.3, 0.5, 0.77, 0.975, 0.999999}) {
            const double t = student_t_quantile(p, df);
            CHECK(student_t_cdf(t, df) == doctest::Approx(p).epsilon(1e-9));
        }
    }
}

TEST_CASE("normal quantile") {
    CHECK(normal_quantile(0.975) == doctest::Approx(1.95996398454005).epsilon(1e-12));
    CHECK(normal_quantile(1e-10) == doctest::Approx(-6.36134090240406).epsilon(1e-12));
    CHECK(normal_quantile(0.5) == doctest::Approx(0.0));
    CHECK(normal_quantile(0.2) == doctest::Approx(-normal_quantile(0.8)).epsilon(1e-14));
}

TEST_CASE("incomplete beta closed forms") {
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 - (1-x)^b; I_{1/2}(a, a) = 1/2.
    CHECK(incomplete_beta(1, 1, 0.3) == doctest::Approx(0.3).epsilon(1e-13));
    CHECK(incomplete_beta(3.5, 1, 0.6) == doctest::Approx(std::pow(0.6, 3.5)).epsilon(1e-13));
    CHECK(incomplete_beta(1, 4, 0.2) == doctest::Approx(1 - std::pow(0.8, 4)).epsilon(1e-13));
    CHECK(incomplete_beta(17, 17, 0.5) == doctest::Approx(0.5).epsilon(1e-13));
    CHECK(std::isnan(incomplete_beta(-1, 1, 0.5)));
}

TEST_CASE("log gamma") {
    CHECK(log_gamma(1.0) == doctest::Approx(0.0));
    CHECK(log_gamma(0.5) == doctest::Approx(0.5 * std::log(std::numbers::pi)).epsilon(1e-14));
    CHECK(log_gamma(11.0) == doctest::Approx(std::log(3628800.0)).epsilon(1e-14));
    CHECK(log_gamma(0.1) == doctest::Approx(std::lgamma(0.1)).epsilon(1e-13));
    CHECK(log_gamma(5000.5) == doctest::Approx(std::lgamma(5000.5)).epsilon(1e-14));
}

TEST_CASE("normal quantile") {
    CHECK(normal_quantile(0.975) == doctest::Approx(1.959963984540054).epsilon(1e-14));
    CHECK(normal_quantile(0.5) == doctest::Approx(0.0).epsilon(1e-15));
    CHECK(normal_quantile(0.95) == doctest::Approx(1.6448536269514722).epsilon(1e-14));
    CHECK(normal_quantile(0.001) == doctest::Approx(-3.090232306167813).epsilon(1e-13));
    CHECK(normal_quantile(0.2) == doctest::Approx(-normal_quantile(0.8)).epsilon(1e-14));
}
