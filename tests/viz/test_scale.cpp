// Axis arithmetic: nice ticks, scale mapping, tick labels.
#include "chart/scale.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <limits>
#include <random>
#include <stdexcept>

using namespace tendersim::viz;

namespace {

// True if step is 1, 2 or 5 times a power of ten.
bool is_nice_step(double step) {
    const double e = std::floor(std::log10(step) + 1e-9);
    const double m = step / std::pow(10.0, e);
    return std::abs(m - 1.0) < 1e-9 || std::abs(m - 2.0) < 1e-9 || std::abs(m - 5.0) < 1e-9;
}

void check_values(const Ticks& t, std::initializer_list<double> expected) {
    REQUIRE(t.values.size() == expected.size());
    std::size_t i = 0;
    for (double e : expected) CHECK(t.values[i++] == doctest::Approx(e).epsilon(1e-12));
}

} // namespace

TEST_CASE("scale: Heckbert nice numbers") {
    CHECK(nice_number(0.74, false) == doctest::Approx(1.0));
    CHECK(nice_number(0.2, true) == doctest::Approx(0.2));
    CHECK(nice_number(3.0, true) == doctest::Approx(5.0)); // 3 is the 2|5 boundary
    CHECK(nice_number(2.9, true) == doctest::Approx(2.0));
    CHECK(nice_number(0.3, true) == doctest::Approx(0.5)); // 0.3/0.1 = 2.9999999999999996
    CHECK(nice_number(13500.0, false) == doctest::Approx(20000.0));
    CHECK(nice_number(1000.0, false) == doctest::Approx(1000.0));
    CHECK(nice_number(7.5, true) == doctest::Approx(10.0));
    CHECK_THROWS_AS(nice_number(0.0, true), std::invalid_argument);
    CHECK_THROWS_AS(nice_number(-1.0, true), std::invalid_argument);
}

TEST_CASE("scale: nice ticks for [0, 1]") {
    const Ticks t = nice_ticks(0.0, 1.0, 6);
    CHECK(t.step == doctest::Approx(0.2));
    check_values(t, {0.0, 0.2, 0.4, 0.6, 0.8, 1.0});
    // Computed as (k * mantissa) / 10^e, so these are the doubles nearest the decimals.
    CHECK(t.values[3] == 0.6);
    CHECK(t.values[1] == 0.2);
}

TEST_CASE("scale: nice ticks for [0.13, 0.87]") {
    const Ticks coarse = nice_ticks(0.13, 0.87, 5); // raw step 0.185 -> 0.2
    CHECK(coarse.step == doctest::Approx(0.2));
    check_values(coarse, {0.0, 0.2, 0.4, 0.6, 0.8, 1.0});
    const Ticks fine = nice_ticks(0.13, 0.87, 6); // raw step 0.148 -> 0.1
    CHECK(fine.step == doctest::Approx(0.1));
    check_values(fine, {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9});
}

TEST_CASE("scale: nice ticks for [0, 13500]") {
    const Ticks t = nice_ticks(0.0, 13500.0, 5); // raw step 3375 -> 5000
    CHECK(t.step == doctest::Approx(5000.0));
    check_values(t, {0.0, 5000.0, 10000.0, 15000.0});
    const Ticks t6 = nice_ticks(0.0, 13500.0, 6); // raw step 2700 -> 2000
    CHECK(t6.step == doctest::Approx(2000.0));
    CHECK(t6.lo == 0.0);
    CHECK(t6.hi == doctest::Approx(14000.0));
    CHECK(t6.values.size() == 8);
}

TEST_CASE("scale: a span just over a nice number keeps enough ticks") {
    // Heckbert's range-first rounding would give step 0.1 (4 ticks) here.
    const Ticks t = nice_ticks(0.23, 0.433, 7);
    CHECK(t.step == doctest::Approx(0.05));
    check_values(t, {0.20, 0.25, 0.30, 0.35, 0.40, 0.45});
}

TEST_CASE("scale: degenerate and reversed domains") {
    const Ticks zero = nice_ticks(0.0, 0.0, 6);
    CHECK(zero.lo == 0.0);
    CHECK(zero.hi == doctest::Approx(1.0));
    CHECK(zero.values.size() >= 2);

    const Ticks five = nice_ticks(5.0, 5.0, 6);
    CHECK(five.lo < 5.0);
    CHECK(five.hi > 5.0);
    CHECK(five.hi - five.lo <= 2.0); // widened by about 10%, not to some huge range

    const Ticks neg = nice_ticks(-3.0, -3.0, 6);
    CHECK(neg.lo < -3.0);
    CHECK(neg.hi > -3.0);

    const Ticks rev = nice_ticks(1.0, 0.0, 6);
    check_values(rev, {0.0, 0.2, 0.4, 0.6, 0.8, 1.0});

    CHECK_THROWS_AS(nice_ticks(0.0, std::nan(""), 6), std::invalid_argument);
}

TEST_CASE("scale: nice ticks enclose random domains with nice, even steps") {
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> mag(-4.0, 6.0), u(0.0, 1.0);
    for (int i = 0; i < 2000; ++i) {
        const double scale = std::pow(10.0, mag(rng));
        double a = (u(rng) - 0.3) * scale, b = (u(rng) - 0.3) * scale;
        if (a > b) std::swap(a, b);
        if (a == b) continue;
        const int target = 3 + i % 6;
        const Ticks t = nice_ticks(a, b, target);
        INFO("domain [" << a << ", " << b << "] target " << target);
        CHECK(t.lo <= a + 1e-9 * scale);
        CHECK(t.hi >= b - 1e-9 * scale);
        CHECK(is_nice_step(t.step));
        CHECK(t.values.size() >= 2);
        CHECK(t.values.size() <= static_cast<std::size_t>(2 * target + 2));
        for (std::size_t k = 1; k < t.values.size(); ++k)
            CHECK(t.values[k] - t.values[k - 1] == doctest::Approx(t.step).epsilon(1e-9));
    }
}

TEST_CASE("scale: integer year ticks stay inside the years") {
    const Ticks all = integer_ticks(1, 10, 10);
    REQUIRE(all.values.size() == 10);
    CHECK(all.values.front() == 1.0);
    CHECK(all.values.back() == 10.0);

    const Ticks coarse = integer_ticks(1, 10, 5); // step nice(9/4) = 2
    check_values(coarse, {2.0, 4.0, 6.0, 8.0, 10.0});

    const Ticks decades = integer_ticks(2025, 2054, 7); // step nice(29/6) = 5, aligned to 5s
    check_values(decades, {2025.0, 2030.0, 2035.0, 2040.0, 2045.0, 2050.0});

    const Ticks one = integer_ticks(3, 3, 5);
    check_values(one, {3.0});

    const Ticks neg = integer_ticks(-3, 3, 4); // step 2, aligned: -2, 0, 2
    check_values(neg, {-2.0, 0.0, 2.0});
}

TEST_CASE("scale: linear mapping, including an inverted y axis") {
    const LinearScale x(0.0, 1.0, 0.0, 100.0);
    CHECK(x(0.25) == doctest::Approx(25.0));
    CHECK(x.invert(25.0) == doctest::Approx(0.25));
    CHECK(x(1.5) == doctest::Approx(150.0)); // no clamping: the caller decides

    const LinearScale y(0.0, 1.0, 500.0, 100.0); // screen y grows downwards
    CHECK(y(0.0) == doctest::Approx(500.0));
    CHECK(y(1.0) == doctest::Approx(100.0));
    CHECK(y(0.5) == doctest::Approx(300.0));
    CHECK(y(0.75) < y(0.25));
    CHECK(y.invert(300.0) == doctest::Approx(0.5));

    const LinearScale years(2025.0, 2034.0, 80.0, 1250.0);
    CHECK(years(2025.0) == doctest::Approx(80.0));
    CHECK(years(2034.0) == doctest::Approx(1250.0));

    CHECK_THROWS_AS(LinearScale(1.0, 1.0, 0.0, 10.0), std::invalid_argument);
}

TEST_CASE("scale: decimals needed for a step") {
    CHECK(decimals_for_step(0.25) == 2);
    CHECK(decimals_for_step(5.0) == 0);
    CHECK(decimals_for_step(0.2) == 1);
    CHECK(decimals_for_step(0.05) == 2);
    CHECK(decimals_for_step(0.001) == 3);
    CHECK(decimals_for_step(2000.0) == 0);
}

TEST_CASE("scale: percent labels") {
    const auto l = format_ticks(nice_ticks(0.0, 1.0, 6), TickStyle::Percent);
    CHECK(l == std::vector<std::string>{"0%", "20%", "40%", "60%", "80%", "100%"});

    Ticks t;
    t.step = 0.05;
    t.values = {0.25};
    CHECK(format_ticks(t, TickStyle::Percent).front() == "25%");

    const auto fine = format_ticks(nice_ticks(0.02, 0.04, 5), TickStyle::Percent); // step 0.005
    CHECK(fine.front() == "2.0%");
    CHECK(fine[1] == "2.5%");
}

TEST_CASE("scale: plain labels use separators, then k / m / bn") {
    CHECK(format_ticks(nice_ticks(0.0, 13500.0, 5), TickStyle::Plain) ==
          std::vector<std::string>{"0", "5,000", "10,000", "15,000"});
    CHECK(format_ticks(nice_ticks(0.0, 250000.0, 6), TickStyle::Plain) ==
          std::vector<std::string>{"0", "50k", "100k", "150k", "200k", "250k"});
    CHECK(format_ticks(nice_ticks(0.0, 1.8e6, 6), TickStyle::Plain) ==
          std::vector<std::string>{"0", "0.5m", "1.0m", "1.5m", "2.0m"});
    CHECK(format_ticks(nice_ticks(0.0, 4e9, 5), TickStyle::Plain).back() == "4bn");
    CHECK(format_ticks(nice_ticks(0.9, 1.2, 7), TickStyle::Plain) ==
          std::vector<std::string>{"0.90", "0.95", "1.00", "1.05", "1.10", "1.15", "1.20"});
}

TEST_CASE("scale: money labels and negatives") {
    CHECK(format_ticks(nice_ticks(0.0, 1.8e6, 6), TickStyle::Money).back() == "\u00A32.0m");
    CHECK(format_ticks(nice_ticks(0.0, 0.2, 5), TickStyle::Money) ==
          std::vector<std::string>{"\u00A30.00", "\u00A30.05", "\u00A30.10", "\u00A30.15",
                                   "\u00A30.20"});
    TickFormat f;
    f.unit = TickStyle::Money;
    CHECK(format_tick(-5.0, f) == "\u2212\u00A35");
    f.unit = TickStyle::Plain;
    CHECK(format_tick(-1500.0, f) == "\u22121,500");
    f.decimals = 1;
    CHECK(format_tick(-0.0001, f) == "0.0"); // rounding artefact, not a negative number
    CHECK(format_tick(1234567.0, TickFormat{TickStyle::Plain, 1.0, "", 0, true}) == "1,234,567");
}

TEST_CASE("scale: a value domain widens to its minimum span, within bounds") {
    // A flat share at 35% +/- 0.3 points is shown on at least 20 points around it.
    auto d = value_domain(0.347, 0.353, 0.2, false, 0.0, 1.0, 0.0);
    CHECK(d.hi - d.lo == doctest::Approx(0.2));
    CHECK((d.lo + d.hi) / 2 == doctest::Approx(0.35));
    // Near 0% the window shifts up rather than being cut at the bound.
    d = value_domain(0.02, 0.03, 0.2, false, 0.0, 1.0, 0.0);
    CHECK(d.lo == 0.0);
    CHECK(d.hi == doctest::Approx(0.2));
    // Near 100% it shifts down.
    d = value_domain(0.97, 0.99, 0.2, false, 0.0, 1.0, 0.0);
    CHECK(d.hi == 1.0);
    CHECK(d.lo == doctest::Approx(0.8));
    // Data wider than the span is left alone but for headroom.
    d = value_domain(0.1, 0.6, 0.2, false, 0.0, 1.0, 0.1);
    CHECK(d.lo == doctest::Approx(0.05));
    CHECK(d.hi == doctest::Approx(0.65));
}

TEST_CASE("scale: an axis from zero starts at zero and grows upwards") {
    // Social value per pound 0.0140-0.0146: read against none, not zoomed into.
    auto d = value_domain(0.0140, 0.0146, 0.05, true, 0.0, 1e300, 0.05);
    CHECK(d.lo == 0.0);
    CHECK(d.hi >= 0.05);
    // Without a bound below, zero is still the floor (no headroom under it).
    const double inf = std::numeric_limits<double>::infinity();
    d = value_domain(3.0, 4.0, 0.0, true, -inf, inf, 0.05);
    CHECK(d.lo == 0.0);
    CHECK(d.hi == doctest::Approx(4.2));
    // Negative data with from_zero includes zero from below.
    d = value_domain(-4.0, -3.0, 0.0, true, -inf, inf, 0.0);
    CHECK(d.hi == 0.0);
    CHECK(d.lo == -4.0);
}

TEST_CASE("scale: years 1-20 in a narrow panel get at least three ticks") {
    for (int target = 2; target <= 4; ++target) {
        const Ticks t = integer_ticks(1, 20, target);
        INFO(target);
        CHECK(t.values.size() >= 3);
        for (std::size_t i = 1; i < t.values.size(); ++i)
            CHECK(t.values[i] - t.values[i - 1] == t.step);
    }
    CHECK(integer_ticks(1, 2, 2).values.size() == 2);
}
