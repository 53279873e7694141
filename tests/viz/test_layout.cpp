// Chart layout, geometry and spec building, all without a display: text is "measured" with a
// fixed advance per byte, close to DejaVu Sans's average.
#include "chart/chart_spec.hpp"
#include "chart/geometry.hpp"
#include "chart/layout.hpp"
#include "chart/series.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <set>

using namespace tendersim::viz;

namespace {

float fake_width(std::string_view s, unsigned px) {
    return 0.6f * static_cast<float>(px) * static_cast<float>(s.size());
}

// Approximate ink box of a laid-out horizontal text item.
Rect box_of(const TextItem& t) {
    const float w = fake_width(t.text, t.px);
    const float x = t.align == HAlign::Left     ? t.pos.x
                    : t.align == HAlign::Centre ? t.pos.x - w / 2
                                                : t.pos.x - w;
    const float px = static_cast<float>(t.px);
    return {x, t.pos.y - px * kCapHeight, w, px * (kCapHeight + kDescent)};
}

std::vector<Series> sample_series() {
    return group_series(read_metrics_csv(TENDERSIM_VIZ_TEST_DATA "/metrics_small.csv"));
}

ChartSpec sample_spec(const std::string& metric, const std::string& baseline = "") {
    MetricChartOptions o;
    o.scenario_order = {"baseline", "sme_lots"};
    o.baseline_scenario = baseline;
    return make_metric_chart(sample_series(), metric, o);
}

ChartSeries line(std::string label, std::vector<std::pair<double, double>> xy) {
    ChartSeries s;
    s.label = std::move(label);
    s.colour = categorical_colour(0);
    for (auto [x, y] : xy) s.points.push_back({x, y, std::nullopt, std::nullopt});
    return s;
}

} // namespace

TEST_CASE("layout: 1280x720 chart of the sample data fits together") {
    const Rect area{0, 0, 1280, 720};
    const ChartSpec spec = sample_spec("sme_share_direct");
    const ChartLayout L = compute_layout(area, spec, fake_width);

    CHECK(L.has_data);
    CHECK(area.contains(L.plot));
    CHECK(L.plot.width > 0.75f * area.width); // the data gets most of the space
    CHECK(L.plot.height > 0.55f * area.height);
    CHECK(L.style.tick_px >= 16); // projector-readable
    CHECK(L.style.title_px > L.style.tick_px);

    // Header above the plot, footer below, nothing outside the area.
    CHECK(box_of(L.title).bottom() < L.plot.top);
    CHECK(box_of(L.subtitle).top > box_of(L.title).bottom());
    CHECK(area.contains(box_of(L.title)));
    CHECK(box_of(L.x_label).top > L.plot.bottom());
    CHECK(box_of(L.x_label).bottom() <= area.bottom());

    REQUIRE(L.legend.size() == 2);
    for (std::size_t i = 0; i < L.legend.size(); ++i) {
        const Rect b = box_of(L.legend[i].label);
        CHECK(area.contains(b));
        CHECK(b.bottom() < L.plot.top - 5.0f);
        CHECK(b.top > box_of(L.subtitle).bottom());
        CHECK(L.legend[i].swatch_to.x < b.left); // swatch, then its label
        if (i > 0) CHECK_FALSE(b.intersects(box_of(L.legend[i - 1].label)));
    }

    // Y ticks: nice percent labels, ascending values going up the screen, inside the plot.
    REQUIRE(L.y_ticks.size() >= 3);
    for (std::size_t i = 0; i < L.y_ticks.size(); ++i) {
        const auto& t = L.y_ticks[i];
        CHECK(t.label.text.back() == '%');
        CHECK(t.pos >= L.plot.top - 0.5f);
        CHECK(t.pos <= L.plot.bottom() + 0.5f);
        const Rect b = box_of(t.label);
        CHECK(b.right() <= L.plot.left);
        CHECK(b.left >= area.left);
        if (i > 0) {
            CHECK(t.value > L.y_ticks[i - 1].value);
            CHECK(t.pos < L.y_ticks[i - 1].pos);
            CHECK_FALSE(b.intersects(box_of(L.y_ticks[i - 1].label)));
        }
    }
    // The rotated y label sits left of the tick labels.
    const float y_label_right =
        L.y_label.pos.x + static_cast<float>(L.y_label.px) * (kCapHeight / 2 + kDescent);
    for (const auto& t : L.y_ticks) CHECK(y_label_right < box_of(t.label).left);

    // X ticks: every year 1..10 fits at this width, labels do not collide.
    REQUIRE(L.x_ticks.size() == 10);
    CHECK(L.x_ticks.front().label.text == "1");
    CHECK(L.x_ticks.back().label.text == "10");
    CHECK(L.x_ticks.front().pos == doctest::Approx(L.plot.left));
    CHECK(L.x_ticks.back().pos == doctest::Approx(L.plot.right()));
    for (std::size_t i = 1; i < L.x_ticks.size(); ++i)
        CHECK_FALSE(box_of(L.x_ticks[i].label).intersects(box_of(L.x_ticks[i - 1].label)));
    CHECK(box_of(L.x_ticks.back().label).right() <= area.right());

    // Every mean and band edge lands inside the plot.
    for (const auto& s : spec.series)
        for (const auto& p : s.points) {
            CHECK(L.plot.contains(L.to_pixel(p.x, p.y)));
            CHECK(L.plot.contains(L.to_pixel(p.x, *p.lo)));
            CHECK(L.plot.contains(L.to_pixel(p.x, *p.hi)));
        }
}

TEST_CASE("layout: text scales with the output size") {
    const ChartStyle small = default_style({0, 0, 640, 360});
    const ChartStyle hd = default_style({0, 0, 1280, 720});
    const ChartStyle fhd = default_style({0, 0, 1920, 1080});
    CHECK(hd.tick_px == 18);
    CHECK(fhd.tick_px == 27);
    CHECK(small.tick_px >= 13); // floor at 75%, a panel in the live app stays legible
    CHECK(fhd.line_width > hd.line_width);
}

TEST_CASE("layout: share axis never passes 100%") {
    ChartSpec spec;
    spec.y_unit = TickStyle::Percent;
    spec.y_lower_bound = 0.0;
    spec.y_upper_bound = 1.0;
    spec.series.push_back(line("flat", {{1, 1.0}, {2, 1.0}, {3, 1.0}}));
    const ChartLayout L = compute_layout({0, 0, 1280, 720}, spec, fake_width);
    CHECK(L.y_ticks.back().value == doctest::Approx(1.0));
    CHECK(L.y_ticks.front().value < 1.0);
    for (const auto& t : L.y_ticks) CHECK(t.value <= 1.0 + 1e-12);
    CHECK(L.y_ticks.back().label.text == "100%");
}

TEST_CASE("layout: data outside a metric's bounds is shown, not cut off") {
    ChartSpec spec;
    spec.y_lower_bound = 0.0;
    spec.y_upper_bound = 1.0;
    spec.series.push_back(line("buggy", {{1, 0.5}, {2, -0.35}, {3, 1.25}}));
    const ChartLayout L = compute_layout({0, 0, 1280, 720}, spec, fake_width);
    CHECK(L.y_ticks.front().value <= -0.35);
    CHECK(L.y_ticks.back().value >= 1.25);
    for (const auto& p : spec.series[0].points) CHECK(L.plot.contains(L.to_pixel(p.x, p.y)));
}

TEST_CASE("layout: degenerate and empty data still lay out") {
    ChartSpec flat;
    flat.series.push_back(line("zeros", {{1, 0.0}, {2, 0.0}}));
    const ChartLayout Lf = compute_layout({0, 0, 1280, 720}, flat, fake_width);
    CHECK(Lf.y_ticks.front().value == 0.0);
    CHECK(Lf.y_ticks.back().value == doctest::Approx(1.0));
    CHECK(Lf.plot.contains(Lf.to_pixel(1, 0.0)));

    ChartSpec one_year;
    one_year.series.push_back(line("one", {{2030, 5.0}}));
    const ChartLayout L1 = compute_layout({0, 0, 1280, 720}, one_year, fake_width);
    REQUIRE(L1.x_ticks.size() == 1);
    CHECK(L1.x_ticks[0].label.text == "2030"); // no thousands separator in years
    CHECK(L1.x_ticks[0].pos == doctest::Approx(L1.plot.left + L1.plot.width / 2));

    ChartSpec empty;
    empty.title = "Nothing yet";
    const ChartLayout Le = compute_layout({0, 0, 1280, 720}, empty, fake_width);
    CHECK_FALSE(Le.has_data);
    CHECK(Le.legend.empty());
    CHECK(Le.no_data.text == "No data");
    CHECK(Le.plot.width > 0);
}

TEST_CASE("layout: long years axis thins its ticks") {
    ChartSpec spec;
    std::vector<std::pair<double, double>> xy;
    for (int y = 2025; y <= 2074; ++y) xy.push_back({y, y * 0.1});
    spec.series.push_back(line("long", xy));
    const ChartLayout L = compute_layout({0, 0, 1280, 720}, spec, fake_width);
    CHECK(L.x_ticks.size() >= 4);
    CHECK(L.x_ticks.size() <= 12);
    for (std::size_t i = 1; i < L.x_ticks.size(); ++i)
        CHECK_FALSE(box_of(L.x_ticks[i].label).intersects(box_of(L.x_ticks[i - 1].label)));
}

TEST_CASE("layout: legend wraps and long labels are shortened in a narrow panel") {
    ChartSpec spec;
    spec.title = "A title that is far too long to fit into a narrow panel of the live app";
    for (int i = 0; i < 5; ++i)
        spec.series.push_back(
            line("scenario_with_a_rather_long_name_" + std::to_string(i), {{1, i}, {2, i + 1}}));
    const Rect area{100, 50, 640, 360};
    const ChartLayout L = compute_layout(area, spec, fake_width);
    CHECK(L.title.text.ends_with("\u2026"));
    CHECK(box_of(L.title).right() <= area.right());
    std::set<float> rows;
    for (const auto& item : L.legend) {
        const Rect b = box_of(item.label);
        CHECK(b.left >= area.left);
        CHECK(b.right() <= area.right() + 0.01f);
        CHECK(b.bottom() < L.plot.top);
        rows.insert(item.label.pos.y);
    }
    CHECK(rows.size() >= 2);
    CHECK(L.plot.top > area.top);
    CHECK(L.plot.bottom() < area.bottom());
}

TEST_CASE("layout: a window resized to almost nothing does not break the layout") {
    const ChartSpec spec = sample_spec("sme_share_direct");
    for (const Rect area : {Rect{0, 0, 60, 40}, Rect{0, 0, 1, 1}, Rect{0, 0, 2000, 50}}) {
        ChartLayout L;
        CHECK_NOTHROW(L = compute_layout(area, spec, fake_width));
        CHECK(L.plot.width > 0.0f);
        CHECK(L.plot.height > 0.0f);
        CHECK(L.y_ticks.size() >= 2);
    }
}

TEST_CASE("layout: fit_text keeps whole UTF-8 characters") {
    CHECK(fit_text("short", 10, 1000.0f, fake_width) == "short");
    const std::string cut = fit_text("\u00A3\u00A3\u00A3\u00A3\u00A3\u00A3", 10, 40.0f, fake_width);
    CHECK(cut.ends_with("\u2026"));
    CHECK(fake_width(cut, 10) <= 40.0f);
    // Every byte sequence is a whole pound sign or the ellipsis.
    std::string rest = cut.substr(0, cut.size() - 3);
    CHECK(rest.size() % 2 == 0);
    for (std::size_t i = 0; i < rest.size(); i += 2) CHECK(rest.substr(i, 2) == "\u00A3");
}

TEST_CASE("geometry: thick straight line is a rectangle strip") {
    const Vec2 pts[] = {{0, 10}, {50, 10}, {100, 10}};
    const auto s = thick_polyline_strip(pts, 4.0f);
    REQUIRE(s.size() == 6);
    for (std::size_t i = 0; i < s.size(); ++i) {
        CHECK(std::abs(s[i].y - 10.0f) == doctest::Approx(2.0f));
    }
    CHECK(s[0].x == doctest::Approx(0.0f));
    CHECK(s[5].x == doctest::Approx(100.0f));
}

TEST_CASE("geometry: joins are mitred, sharp spikes bevelled") {
    // A right-angle turn: the mitre corner is at distance h*sqrt(2) from the vertex.
    const Vec2 corner[] = {{0, 0}, {10, 0}, {10, 10}};
    const auto c = thick_polyline_strip(corner, 2.0f);
    REQUIRE(c.size() == 6);
    const float d = std::hypot(c[2].x - 10.0f, c[2].y - 0.0f);
    CHECK(d == doctest::Approx(std::sqrt(2.0f)));

    // A spike: the mitre would be a long needle, so the join is bevelled (two extra vertices)
    // and no vertex strays further than the half-width from its point.
    const Vec2 spike[] = {{0, 0}, {1, -100}, {2, 0}};
    const auto sp = thick_polyline_strip(spike, 4.0f);
    CHECK(sp.size() == 8);
    for (std::size_t i = 2; i < 6; ++i)
        CHECK(std::hypot(sp[i].x - 1.0f, sp[i].y + 100.0f) <= 2.0f + 1e-3f);

    const Vec2 dup[] = {{5, 5}, {5, 5}};
    CHECK(thick_polyline_strip(dup, 3.0f).empty());
    const Vec2 with_dup[] = {{0, 0}, {0, 0}, {10, 0}};
    CHECK(thick_polyline_strip(with_dup, 3.0f).size() == 4);
}

TEST_CASE("geometry: band strip alternates lower and upper") {
    const Vec2 lo[] = {{0, 10}, {10, 12}};
    const Vec2 hi[] = {{0, 5}, {10, 6}};
    const auto s = band_strip(lo, hi);
    REQUIRE(s.size() == 4);
    CHECK(s[0].y == 10.0f);
    CHECK(s[1].y == 5.0f);
    CHECK(s[3].y == 6.0f);
    const Vec2 short_hi[] = {{0, 5}};
    CHECK(band_strip(lo, short_hi).empty());
}

TEST_CASE("chart spec: metric chart from the sample data") {
    const ChartSpec spec = sample_spec("sme_share_direct");
    CHECK(spec.title == "SME share of spend (direct)");
    CHECK(spec.y_unit == TickStyle::Percent);
    CHECK(spec.subtitle.find("mean of 3 replicates") != std::string::npos);
    CHECK(spec.subtitle.find("95%") != std::string::npos);
    REQUIRE(spec.series.size() == 2);
    CHECK(spec.series[0].label == "baseline");
    CHECK(spec.series[0].colour == categorical_colour(0));
    CHECK(spec.series[1].colour == categorical_colour(1));
    CHECK(spec.series[0].points.size() == 10);
    for (const auto& s : spec.series)
        for (const auto& p : s.points) {
            REQUIRE(p.lo.has_value());
            CHECK(*p.lo < p.y);
            CHECK(*p.hi > p.y);
            CHECK(*p.lo >= 0.0);
            CHECK(*p.hi <= 1.0);
        }

    // Same scenario, same colour in another metric's chart.
    const ChartSpec price = sample_spec("price_index");
    CHECK(price.series[1].colour == spec.series[1].colour);
}

TEST_CASE("chart spec: baseline is dashed context without a band") {
    const ChartSpec spec = sample_spec("price_index", "baseline");
    REQUIRE(spec.series.size() == 2);
    CHECK(spec.series[0].baseline);
    CHECK_FALSE(spec.series[1].baseline);
    for (const auto& p : spec.series[0].points) CHECK_FALSE(p.lo.has_value());
    CHECK(spec.subtitle.find("Dashed line: baseline") != std::string::npos);
}

TEST_CASE("chart spec: bands are clipped to a share's bounds and size classes get their colour") {
    MetricsTable t;
    t.source = "x";
    // Shares near 100% with spread: the raw band would pass 100%.
    const double v[] = {0.99, 0.90, 1.0};
    for (std::uint32_t r = 0; r < 3; ++r) {
        t.rows.push_back({"only", r, r, 1, "single_bid_share", v[r], r + 2});
        t.rows.push_back({"only", r, r, 2, "single_bid_share", v[r], r + 5});
        t.rows.push_back({"only", r, r, 1, "active_suppliers_large", 100.0 + r, r + 8});
    }
    const auto g = group_series(t);
    MetricChartOptions o;
    o.scenario_order = t.scenarios();
    const ChartSpec share = make_metric_chart(g, "single_bid_share", o);
    REQUIRE(share.series.size() == 1);
    CHECK(g[0].points[0].hi() > 1.0); // unclipped statistic
    CHECK(*share.series[0].points[0].hi == 1.0);

    const ChartSpec large = make_metric_chart(g, "active_suppliers_large", o);
    CHECK(large.series[0].colour == kLargeColour);
    const ChartSpec missing = make_metric_chart(g, "no_such_metric", o);
    CHECK(missing.series.empty());
    CHECK(missing.title == "no_such_metric");
}

TEST_CASE("layout: a series can stay out of the legend") {
    ChartSpec spec;
    spec.series.push_back(line("shown", {{1, 1.0}, {2, 2.0}}));
    ChartSeries hidden = line("hidden", {{1, 1.5}, {2, 2.5}});
    hidden.in_legend = false;
    spec.series.push_back(hidden);
    const ChartLayout L = compute_layout({0, 0, 1280, 720}, spec, fake_width);
    REQUIRE(L.legend.size() == 1);
    CHECK(L.legend[0].series == 0);
    CHECK(L.legend[0].label.text == "shown");
    // Still drawn: it counts for the axis.
    CHECK(L.y_ticks.back().value >= 2.5);

    // No legend entries at all: no legend row, so the plot starts higher.
    spec.series[0].in_legend = false;
    const ChartLayout none = compute_layout({0, 0, 1280, 720}, spec, fake_width);
    CHECK(none.legend.empty());
    CHECK(none.plot.top < L.plot.top);
}

TEST_CASE("layout: a fixed x extent keeps the axis steady as years arrive") {
    ChartSpec spec;
    spec.x_min = 1.0;
    spec.x_max = 20.0;
    spec.series.push_back(line("growing", {{1, 1.0}, {2, 2.0}, {3, 1.5}}));
    const ChartLayout L = compute_layout({0, 0, 1280, 720}, spec, fake_width);
    CHECK(L.has_data);
    CHECK(L.x.domain_lo() == doctest::Approx(1.0));
    CHECK(L.x.domain_hi() == doctest::Approx(20.0));
    CHECK(L.x_ticks.back().value == doctest::Approx(20.0));
    // Three years use the first tenth of the plot, not all of it.
    CHECK(L.to_pixel(3, 1.5).x < L.plot.left + 0.15f * L.plot.width);

    // Before the first year: an empty chart with the run's axis.
    ChartSpec empty = spec;
    empty.series[0].points.clear();
    const ChartLayout Le = compute_layout({0, 0, 1280, 720}, empty, fake_width);
    CHECK_FALSE(Le.has_data);
    CHECK(Le.x.domain_hi() == doctest::Approx(20.0));
}

TEST_CASE("geometry: a dashed polyline alternates dashes and gaps along its length") {
    // An L of 95 + 65 px: dashes of 10 with gaps of 5 run on through the corner.
    const std::vector<Vec2> pts = {{0, 0}, {95, 0}, {95, 65}};
    const auto dashes = dashed_polyline(pts, 10.0f, 5.0f);
    const auto length = [](const std::vector<Vec2>& d) {
        float l = 0;
        for (std::size_t i = 1; i < d.size(); ++i)
            l += std::hypot(d[i].x - d[i - 1].x, d[i].y - d[i - 1].y);
        return l;
    };
    // 160 px = 10 whole periods of 15, then a last dash of 10: 11 dashes, 110 px drawn.
    REQUIRE(dashes.size() == 11);
    float drawn = 0;
    for (const auto& d : dashes) {
        CHECK(length(d) == doctest::Approx(10.0f).epsilon(1e-3));
        drawn += length(d);
    }
    CHECK(drawn == doctest::Approx(110.0f).epsilon(1e-3));
    CHECK(dashes[0].front().x == 0.0f);
    CHECK(dashes[1].front().x == doctest::Approx(15.0f));
    // The dash across the corner (90..95, then 5 down) bends with the line.
    REQUIRE(dashes[6].size() == 3);
    CHECK(dashes[6][1].x == doctest::Approx(95.0f));
    CHECK(dashes[6].back().x == doctest::Approx(95.0f));
    CHECK(dashes[6].back().y == doctest::Approx(5.0f));
    // No dash pattern: the line whole; too few points: nothing.
    CHECK(dashed_polyline(pts, 0.0f, 5.0f).size() == 1);
    CHECK(dashed_polyline(std::vector<Vec2>{{1, 1}}, 10.0f, 5.0f).empty());
}
