// robust_effect: the verdict a robust comparison prints for one metric, on synthetic ensembles
// whose answer is known: an effect whose sign follows one parameter, one that holds under every
// parameter set, and pure noise.
#include "analysis/distributions.hpp"
#include "analysis/robustness.hpp"
#include "analysis/stats.hpp"

#include <cmath>
#include <cstdint>
#include <doctest/doctest.h>
#include <functional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace tendersim::analysis;

namespace {

// `sets` parameter sets of (theta1, theta2) uniform on [0, 1]; under each, `reps` paired
// differences effect(theta1, theta2) + N(0, noise).
RobustnessInput synthetic(std::size_t sets, std::size_t reps, double noise,
                          const std::function<double(double, double)>& effect) {
    std::mt19937_64 engine(20261203);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::normal_distribution<double> normal(0.0, 1.0);
    RobustnessInput in;
    in.parameter_names = {"theta1", "theta2"};
    in.replicates = reps;
    for (std::size_t p = 0; p < sets; ++p) {
        const double t1 = unit(engine), t2 = unit(engine);
        in.parameters.insert(in.parameters.end(), {t1, t2});
        for (std::size_t r = 0; r < reps; ++r)
            in.differences.push_back(effect(t1, t2) + noise * normal(engine));
    }
    return in;
}

bool names(const std::vector<EffectDriver>& drivers, const std::string& name) {
    for (const auto& d : drivers)
        if (d.name == name) return true;
    return false;
}

} // namespace

TEST_CASE("an effect whose sign follows one parameter: depends on that parameter, not robust") {
    const auto in = synthetic(100, 10, 0.3, [](double t1, double) { return 4.0 * (t1 - 0.5); });
    const auto e = robust_effect(in);
    CHECK(e.verdict == RobustnessVerdict::DependsOn);
    CHECK(e.low < 0);
    CHECK(e.high > 0);
    CHECK(e.sets_above_zero > 20);
    CHECK(e.sets_below_zero > 20);
    CHECK(e.same_sign_share < 0.8);
    CHECK(e.heterogeneity_p_value < 1e-6);
    CHECK(e.between_sd > 1.0);
    CHECK(e.noise_sd == doctest::Approx(0.3).epsilon(0.1));
    REQUIRE(!e.drivers.empty());
    CHECK(e.drivers.front().name == "theta1");
    CHECK(e.drivers.front().rho > 0.9);
    CHECK_FALSE(names(e.drivers, "theta2"));
    CHECK(e.correlations.size() == 2);
}

TEST_CASE("an effect that holds under every parameter set is robust, whatever drives its size") {
    const auto in = synthetic(100, 10, 0.3, [](double, double t2) { return 1.0 + t2; });
    const auto e = robust_effect(in);
    CHECK(e.verdict == RobustnessVerdict::Robust);
    CHECK(e.low > 0);
    CHECK(e.high > e.median);
    CHECK(e.median == doctest::Approx(1.5).epsilon(0.1));
    CHECK(e.same_sign_share == 1.0);
    CHECK(e.sets_below_zero == 0);
    // The size still depends on theta2, and the report says so.
    REQUIRE(!e.drivers.empty());
    CHECK(e.drivers.front().name == "theta2");
    CHECK_FALSE(names(e.drivers, "theta1"));
}

TEST_CASE("pure noise: within noise, and no parameter is named") {
    const auto in = synthetic(100, 10, 0.3, [](double, double) { return 0.0; });
    const auto e = robust_effect(in);
    CHECK(e.verdict == RobustnessVerdict::WithinNoise);
    CHECK(e.low < 0);
    CHECK(e.high > 0);
    CHECK(e.drivers.empty());
    // A few of the 100 sets exclude zero by chance, but the sets do not differ beyond noise.
    CHECK(e.sets_above_zero + e.sets_below_zero > 0);
    CHECK(e.heterogeneity_p_value > 0.05);
    CHECK(e.between_sd < 0.1);
}

TEST_CASE(
    "one replicate per set: a driving parameter makes it depend on, nothing else is decided") {
    const auto driven =
        robust_effect(synthetic(60, 1, 0.0, [](double t1, double) { return t1 - 0.5; }));
    CHECK(driven.verdict == RobustnessVerdict::DependsOn);
    REQUIRE(!driven.drivers.empty());
    CHECK(driven.drivers.front().name == "theta1");
    // Without a driver one replicate cannot tell noise from an effect, even one in every set.
    const auto noise = robust_effect(synthetic(60, 1, 0.3, [](double, double) { return 0.0; }));
    CHECK(noise.verdict == RobustnessVerdict::Undetermined);
    const auto shifted = robust_effect(synthetic(60, 1, 0.3, [](double, double) { return 5.0; }));
    CHECK(shifted.low > 0);
    CHECK(shifted.verdict == RobustnessVerdict::Undetermined);
    // A perfect rank order among 3 sets is chance one time in 3: too few sets to name anyone.
    const auto few =
        robust_effect(synthetic(3, 1, 0.0, [](double t1, double) { return t1 - 0.5; }));
    CHECK(few.drivers.empty());
    CHECK(few.verdict != RobustnessVerdict::DependsOn);
    // One run alone says nothing.
    const auto one = robust_effect(synthetic(1, 1, 0.0, [](double, double) { return 0.3; }));
    CHECK(one.verdict == RobustnessVerdict::Undetermined);
}

TEST_CASE("an effect the same under every set is robust once the runs resolve it, however few "
          "replicates each set has") {
    // The sets pool their evidence: 50 sets x 10 replicates resolve 0.8 noise sds, 100 sets x 2
    // replicates resolve 3 (one set's own interval, with one degree of freedom, would not).
    const auto a = robust_effect(synthetic(50, 10, 1.0, [](double, double) { return 0.8; }));
    CHECK(a.verdict == RobustnessVerdict::Robust);
    CHECK(a.between_sd < 0.2);
    const auto b = robust_effect(synthetic(100, 2, 1.0, [](double, double) { return 3.0; }));
    CHECK(b.verdict == RobustnessVerdict::Robust);
    CHECK(b.heterogeneity_p_value > 0.01);
    // Too few runs to resolve 0.5 against noise 3: not robust, and the sets do not differ.
    const auto c = robust_effect(synthetic(5, 3, 3.0, [](double, double) { return 0.5; }));
    CHECK(c.verdict == RobustnessVerdict::WithinNoise);
    CHECK(c.low < 0);
}

TEST_CASE("pure noise is rarely called robust or depends on (about the 5% the tests allow)") {
    int robust = 0, depends = 0;
    for (int trial = 0; trial < 200; ++trial) {
        std::mt19937_64 engine(1000 + static_cast<std::uint64_t>(trial));
        std::normal_distribution<double> normal(0.0, 1.0);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        RobustnessInput in;
        in.parameter_names = {"a", "b", "c"};
        in.replicates = 2;
        for (int p = 0; p < 20; ++p) {
            in.parameters.insert(in.parameters.end(), {unit(engine), unit(engine), unit(engine)});
            in.differences.insert(in.differences.end(), {normal(engine), normal(engine)});
        }
        const auto v = robust_effect(in).verdict;
        robust += v == RobustnessVerdict::Robust;
        depends += v == RobustnessVerdict::DependsOn;
    }
    CHECK(robust <= 20);
    CHECK(depends <= 20);
}

TEST_CASE("one parameter set: the combined interval is that set's paired t-interval") {
    const auto in = synthetic(1, 12, 1.0, [](double, double) { return 0.4; });
    const auto e = robust_effect(in);
    std::vector<double> zeros(in.differences.size(), 0.0);
    const auto pd = paired_difference(zeros, in.differences);
    CHECK(e.median == doctest::Approx(pd.mean_diff));
    CHECK(e.low == doctest::Approx(pd.ci95_low).epsilon(1e-9));
    CHECK(e.high == doctest::Approx(pd.ci95_high).epsilon(1e-9));
    CHECK((e.verdict == RobustnessVerdict::Robust) == pd.distinguishable);
}

TEST_CASE("t_mixture_quantile: one component is its t quantile, point masses give the middle one") {
    const std::vector<double> c{2.0}, s{0.5};
    CHECK(t_mixture_quantile(c, s, 7, 0.975) ==
          doctest::Approx(2.0 + 0.5 * student_t_quantile(0.975, 7)).epsilon(1e-10));
    const std::vector<double> points{3.0, 1.0, 2.0}, none{0.0, 0.0, 0.0};
    CHECK(t_mixture_quantile(points, none, 1, 0.5) == doctest::Approx(2.0));
    CHECK(t_mixture_quantile(points, none, 1, 0.1) == doctest::Approx(1.0));
    // Two equal components far apart: the median lies between them, the 2.5% in the lower one.
    const std::vector<double> two{-10.0, 10.0}, ones{1.0, 1.0};
    const double q = t_mixture_quantile(two, ones, 30, 0.025);
    CHECK(q > -10 - 3);
    CHECK(q < -10);
    CHECK(std::fabs(t_mixture_quantile(two, ones, 30, 0.5)) < 9);
}

TEST_CASE("robust_effect refuses inputs that do not fit together") {
    RobustnessInput in;
    in.parameter_names = {"a"};
    in.replicates = 2;
    CHECK_THROWS_AS(robust_effect(in), std::invalid_argument); // no sets
    in.differences = {1, 2, 3};
    in.parameters = {0.5, 0.5};
    CHECK_THROWS_AS(robust_effect(in), std::invalid_argument); // 3 differences, 2 replicates
    in.differences = {1, 2, 3, 4};
    in.parameters = {0.5};
    CHECK_THROWS_AS(robust_effect(in), std::invalid_argument); // 2 sets, 1 parameter value
    in.parameters = {0.5, NAN};
    CHECK_THROWS_AS(robust_effect(in), std::invalid_argument);
    in.parameters = {0.5, 0.7};
    CHECK_NOTHROW(robust_effect(in));
}

TEST_CASE("a perfect rank order among few sets and many parameters is not named a driver") {
    // 6 sets, 20 parameters: one parameter in exactly the effect's order happens by chance with
    // probability 2/720 each; after Bonferroni (0.05/20) that is no evidence. With 12 sets it is.
    for (const std::size_t sets : {std::size_t{6}, std::size_t{12}}) {
        RobustnessInput in;
        in.replicates = 1;
        for (int j = 0; j < 20; ++j) in.parameter_names.push_back("p" + std::to_string(j));
        for (std::size_t p = 0; p < sets; ++p) {
            for (int j = 0; j < 20; ++j)
                in.parameters.push_back(j == 0 ? static_cast<double>(p)
                                               : static_cast<double>((p * (7 + j)) % sets));
            in.differences.push_back(static_cast<double>(p) - 2.5);
        }
        const RobustEffect e = robust_effect(in);
        REQUIRE(e.correlations.front().name == "p0");
        CHECK(e.correlations.front().rho == doctest::Approx(1.0));
        CHECK(names(e.drivers, "p0") == (sets == 12));
    }
}

// Replicate r runs on the same seed under every set, so a seed's shock moves every set's
// difference alike and is invisible in the spread of the set means. Pure noise with such shocks
// must still be called robust no more often than the 5% an interval allows.
TEST_CASE("noise shared by every set through its common seed is not mistaken for a robust effect") {
    int robust = 0, depends = 0;
    double between = 0;
    for (int trial = 0; trial < 200; ++trial) {
        std::mt19937_64 engine(5000 + static_cast<std::uint64_t>(trial));
        std::normal_distribution<double> normal(0.0, 1.0);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        RobustnessInput in;
        in.parameter_names = {"a", "b"};
        in.replicates = 10;
        std::vector<double> seed_shock(in.replicates);
        for (double& b : seed_shock) b = normal(engine); // as large as the rest of the noise
        for (int p = 0; p < 20; ++p) {
            in.parameters.insert(in.parameters.end(), {unit(engine), unit(engine)});
            for (double b : seed_shock) in.differences.push_back(b + normal(engine));
        }
        const auto e = robust_effect(in);
        robust += e.verdict == RobustnessVerdict::Robust;
        depends += e.verdict == RobustnessVerdict::DependsOn;
        between += e.between_sd / 200;
    }
    CHECK(robust <= 20);
    CHECK(depends <= 20);
    CHECK(between < 0.2); // the seeds' shocks are not taken for differences between sets
}

TEST_CASE("a true effect with common-seed noise: robust once the seeds resolve it") {
    std::mt19937_64 engine(77);
    std::normal_distribution<double> normal(0.0, 1.0);
    RobustnessInput in;
    in.parameter_names = {"a"};
    in.replicates = 20;
    std::vector<double> seed_shock(in.replicates);
    for (double& b : seed_shock) b = normal(engine);
    for (int p = 0; p < 20; ++p) {
        in.parameters.push_back(p);
        for (double b : seed_shock) in.differences.push_back(2.0 + b + 0.5 * normal(engine));
    }
    const auto e = robust_effect(in);
    CHECK(e.verdict == RobustnessVerdict::Robust);
    CHECK(e.low > 0);
    // The interval carries the seeds' noise: about the grand mean's +-2 sd / sqrt(20), not the
    // near-zero spread of the set means.
    CHECK(e.high - e.low > 0.5);
}
