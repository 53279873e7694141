// The spread of a figure over background seeds and the monitor line built from it: plain data.
#include "app/seed_spread.hpp"
#include "sme_lines.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <limits>

using namespace tendersim;
using namespace tendersim::viz;
using tendersim::viz::test::line;
using tendersim::viz::test::sme;

TEST_CASE(
    "seed spread: lowest and highest over the main run and every seed that reached the year") {
    const auto main = line({0.30, 0.31, 0.32});
    const std::vector<std::vector<MetricsPoint>> seeds = {line({0.28, 0.35, 0.30}),
                                                          line({0.33, 0.30})};
    const auto y1 = spread_at(main, seeds, 0, sme);
    REQUIRE(y1);
    CHECK(y1->lo == 0.28);
    CHECK(y1->hi == 0.33);
    const auto y2 = spread_at(main, seeds, 1, sme);
    REQUIRE(y2);
    CHECK(y2->lo == 0.30);
    CHECK(y2->hi == 0.35);
    // Year 3: the second seed has not got there yet, so there is no band (not a narrower one).
    CHECK_FALSE(spread_at(main, seeds, 2, sme));
    // A year with no value (no tenders) has no band either.
    auto gap = main;
    gap[0].sme_share_direct = std::numeric_limits<double>::quiet_NaN();
    CHECK_FALSE(spread_at(gap, seeds, 0, sme));
}

TEST_CASE("seed spread: the difference is paired, seed by seed, at the latest year all reached") {
    const auto cur = line({0.30, 0.25, 0.20});
    const auto base = line({0.30, 0.30, 0.30});
    const std::vector<std::vector<MetricsPoint>> sc = {line({0.40, 0.31}), line({0.35, 0.33, 0.1})};
    const std::vector<std::vector<MetricsPoint>> sb = {line({0.40, 0.36}), line({0.35, 0.34, 0.3})};
    const auto d = difference(cur, base, SeedLines{sc, sb}, sme);
    REQUIRE(d);
    // The first seed stopped at year 2, so year 2 is compared: -0.05 (main), -0.05, -0.01.
    CHECK(d->year == 2);
    CHECK(d->value == 0.25);
    CHECK(d->delta == doctest::Approx(-0.05));
    CHECK(d->delta_lo == doctest::Approx(-0.05));
    CHECK(d->delta_hi == doctest::Approx(-0.01));
    CHECK(d->seeds == 3);
    CHECK(d->same_sign == 3);
    CHECK(monitor_text(*d, MetricUnit::Share) == "25.0% \u00B7 \u0394 \u22125.0 pts \u00B7 clear");
}

TEST_CASE("seed spread: seeds that disagree on the sign say the difference is noise") {
    const auto cur = line({0.31});
    const auto base = line({0.30});
    const std::vector<std::vector<MetricsPoint>> sc = {line({0.29}), line({0.33})};
    const std::vector<std::vector<MetricsPoint>> sb = {line({0.30}), line({0.30})};
    const auto d = difference(cur, base, SeedLines{sc, sb}, sme);
    REQUIRE(d);
    CHECK(d->same_sign == 2);
    CHECK(monitor_text(*d, MetricUnit::Share).ends_with("\u0394 +1.0 pts \u00B7 noise"));
    // Identical runs (before any policy change): no change, whatever the level.
    const auto same = difference(base, base, SeedLines{sb, sb}, sme);
    REQUIRE(same);
    CHECK(monitor_text(*same, MetricUnit::Share) == "30.0% \u00B7 no change");
}

TEST_CASE("seed spread: monitor numbers in the figure's unit") {
    Difference d;
    d.value = 0.0231;
    d.delta = 0.0108;
    d.delta_lo = 0.0100;
    d.delta_hi = 0.0120;
    d.seeds = 4;
    d.same_sign = 4;
    CHECK(monitor_text(d, MetricUnit::MoneyPerPound) ==
          "\u00A30.0231 \u00B7 \u0394 +\u00A30.0108 \u00B7 clear");
    d.value = 1940;
    d.delta = -1171;
    CHECK(monitor_text(d, MetricUnit::Count).starts_with("1,940 \u00B7 \u0394 \u22121,171"));
    d.value = 1.16;
    d.delta = 0.373;
    CHECK(monitor_text(d, MetricUnit::Ratio).starts_with("1.16 \u00B7 \u0394 +0.373"));
}

TEST_CASE("panel hover: each figure this run, on the baseline, and over the seeds, at the year") {
    auto cur = line({0.30, 0.25});
    auto base = line({0.30, 0.31});
    for (auto* v : {&cur, &base})
        for (auto& p : *v) p.sme_share_total = p.sme_share_direct + 0.1;
    std::vector<std::vector<MetricsPoint>> sc = {line({0.28, 0.22})}, sb = {line({0.3, 0.3})};
    for (auto* v : {&sc[0], &sb[0]})
        for (auto& p : *v) p.sme_share_total = p.sme_share_direct + 0.1;
    const auto lines = panel_hover_lines(Panel::SmeShare, cur, base, SeedLines{sc, sb}, 2, false);
    REQUIRE(lines.size() == 7); // heading, then this run / baseline / seeds for each figure
    CHECK(lines[0] == "SME share of spend, year 2");
    CHECK(lines[1] == "Direct: this run 25.0%");
    CHECK(lines[2] == "Direct: baseline 31.0%");
    CHECK(lines[3] == "Direct: 2 seeds 22.0% to 25.0%");
    CHECK(lines[4] == "With subcontracting: this run 35.0%");
    CHECK(lines[6] == "With subcontracting: 2 seeds 32.0% to 35.0%");
    // A year not simulated yet shows nothing; after A-vs-B the lines are named A and B.
    CHECK(panel_hover_lines(Panel::SmeShare, cur, base, SeedLines{}, 3, false).empty());
    const auto ab = panel_hover_lines(Panel::PriceIndex, cur, base, SeedLines{}, 1, true);
    REQUIRE(ab.size() == 3);
    CHECK(ab[1].starts_with("B "));
    CHECK(ab[2].starts_with("A "));
}
