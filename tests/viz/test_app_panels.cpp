// The live app's chart panels and hover texts, from plain data. No window.
#include "app/hover_text.hpp"
#include "app/panels.hpp"
#include "app/seed_spread.hpp"
#include "chart/metric_info.hpp"
#include "chart/palette.hpp"
#include "core/metrics.hpp"
#include "io/scenario_loader.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace tendersim;
using namespace tendersim::viz;

namespace {

std::vector<MetricsPoint> points(int years, double offset) {
    std::vector<MetricsPoint> v;
    for (int y = 1; y <= years; ++y) {
        MetricsPoint p;
        p.year = y;
        p.sme_share_direct = 0.3 + offset;
        p.sme_share_total = 0.4 + offset;
        p.social_value_per_pound = 0.01 + offset;
        p.price_index = 1.0 + offset;
        p.bids_per_tender = 3.0 + offset;
        p.single_bid_share = 0.15 + offset;
        p.hhi = 100 + offset;
        p.active_sme = 2500 + offset;
        p.active_large = 150 + offset;
        v.push_back(p);
    }
    return v;
}

} // namespace

TEST_CASE("panels: every figure the workshop needs, each once") {
    std::set<Panel> seen(panel_order().begin(), panel_order().end());
    CHECK(seen.size() == kChartPanels);
    std::set<std::string> titles;
    for (Panel p : panel_order()) titles.insert(make_panel_chart(p, {}, {}, 20).title);
    CHECK(titles == std::set<std::string>{"SME share of spend", "Social value per \u00A3 spent",
                                          "Price index", "Concentration (HHI)", "Bids per tender",
                                          "Single-bid tenders", "Active SME suppliers",
                                          "Active large suppliers"});
}

TEST_CASE("panels: current run strong, baseline faint in the same colour, axis fixed to the run") {
    const auto cur = points(5, 0.05), base = points(5, 0.0);
    for (Panel p : panel_order()) {
        const ChartSpec spec = make_panel_chart(p, cur, base, 20);
        INFO(spec.title);
        CHECK(spec.x_min == 1.0);
        CHECK(spec.x_max == 20.0);
        CHECK_FALSE(spec.y_label.empty());
        std::size_t current = 0, baseline = 0;
        for (const auto& s : spec.series) {
            CHECK(s.points.size() == 5);
            (s.baseline ? baseline : current) += 1;
            if (s.baseline) {
                // A baseline shares its colour with a current line.
                bool partner = false;
                for (const auto& t : spec.series) partner |= !t.baseline && t.colour == s.colour;
                CHECK(partner);
            }
        }
        CHECK(current == baseline);
        CHECK(current >= 1);
        // The legend never lists the same line twice, and lists the current lines first.
        CHECK_FALSE(spec.series.front().baseline);
    }
}

TEST_CASE("panels: size classes keep their colours, the SME panel has both SME measures") {
    const auto pts = points(3, 0.0);
    const ChartSpec sme = make_panel_chart(Panel::ActiveSme, pts, pts, 10);
    CHECK(sme.series.front().colour == kSmeColour);
    const ChartSpec large = make_panel_chart(Panel::ActiveLarge, pts, pts, 10);
    CHECK(large.series.front().colour == kLargeColour);
    const ChartSpec share = make_panel_chart(Panel::SmeShare, pts, pts, 10);
    REQUIRE(share.series.size() == 4);
    CHECK(share.series[0].label == "Direct");
    CHECK(share.series[0].points[0].y == doctest::Approx(0.3));
    CHECK(share.series[1].label == "With subcontracting");
    CHECK(share.series[1].points[0].y == doctest::Approx(0.4));
    CHECK(share.y_unit == TickStyle::Percent);
    CHECK(share.y_upper_bound == 1.0);
    // Other panels do not use the size colours, so orange and blue always mean SME and large.
    for (Panel p : {Panel::SocialValue, Panel::PriceIndex, Panel::Hhi, Panel::BidsPerTender,
                    Panel::SingleBid}) {
        const ChartSpec spec = make_panel_chart(p, pts, pts, 10);
        for (const auto& s : spec.series) {
            CHECK(s.colour != kSmeColour);
            CHECK(s.colour != kLargeColour);
        }
    }
}

TEST_CASE("panels: a year without tenders leaves a gap instead of plotting NaN") {
    auto pts = points(3, 0.0);
    pts[1].bids_per_tender = std::numeric_limits<double>::quiet_NaN();
    const ChartSpec spec = make_panel_chart(Panel::BidsPerTender, pts, pts, 10);
    for (const auto& s : spec.series) CHECK(s.points.size() == 2);
}

TEST_CASE("panels: metrics_point copies the engine's figures") {
    YearMetrics y;
    y.year = 7;
    y.sme_share_direct = 0.31;
    y.sme_share_total = 0.42;
    y.social_value_delivered_per_pound = 0.05;
    y.price_index = 1.1;
    y.bids_per_tender = 3.4;
    y.single_bid_share = 0.12;
    y.overall.hhi = 240;
    y.active_suppliers_sme = 2900;
    y.active_suppliers_large = 130;
    const MetricsPoint p = metrics_point(y);
    CHECK(p.year == 7);
    CHECK(p.sme_share_total == 0.42);
    CHECK(p.social_value_per_pound == 0.05);
    CHECK(p.hhi == 240);
    CHECK(p.active_large == 130);
}

TEST_CASE("panels: spend by route draws a line per route, in the route metrics' order") {
    auto cur = points(3, 0.0), base = points(3, 0.0);
    for (auto& p : base) p.route_share = {1.0, 0, 0, 0, 0, 0};
    for (auto& p : cur) p.route_share = {0.7, 0.0, 0.0, 0.05, 0.25, 0.0};
    const ChartSpec spec = make_panel_chart(Panel::SpendByRoute, cur, base, 10);
    CHECK(spec.title == "Spend by route");
    CHECK(spec.y_unit == TickStyle::Percent);
    CHECK(spec.y_upper_bound == 1.0);
    // The routes either run uses: open, framework direct and mini-competition, this run and the
    // baseline; quotes, direct award and dynamic market are 0% throughout and left out.
    REQUIRE(spec.series.size() == 6);
    const std::size_t used[] = {0, 3, 4};
    for (std::size_t k = 0; k < 3; ++k) {
        const std::size_t r = used[k];
        const ChartSeries& s = spec.series[k];
        CHECK_FALSE(s.baseline);
        CHECK(s.label == route_lines()[r].label);
        CHECK(s.colour == route_lines()[r].colour);
        CHECK(s.points[1].y == doctest::Approx(cur[1].route_share[r]));
        const ChartSeries& b = spec.series[3 + k];
        CHECK(b.baseline);
        CHECK(b.colour == s.colour);
        CHECK(b.points[1].y == doctest::Approx(base[1].route_share[r]));
    }
    // Orange and blue stay the size classes', for every route.
    for (const RouteLine& r : route_lines()) {
        CHECK(r.colour != kSmeColour);
        CHECK(r.colour != kLargeColour);
    }
    // A route used only in the baseline is drawn too (it stopped), and with none used yet the
    // open line stands alone.
    auto stopped = base;
    stopped[2].route_share = {0.9, 0.1, 0, 0, 0, 0};
    CHECK(make_panel_chart(Panel::SpendByRoute, base, stopped, 10).series.size() == 4);
    const ChartSpec none = make_panel_chart(Panel::SpendByRoute, points(3, 0.0), {}, 10);
    REQUIRE(none.series.size() == 2);
    CHECK(none.series[0].label == "Open");
    const std::vector<std::string_view> labels = {
        "Open", "Quotes", "Direct award", "Framework direct", "Mini-competition", "Dynamic market"};
    for (std::size_t k = 0; k < labels.size(); ++k) CHECK(route_lines()[k].label == labels[k]);
    // Hovering lists the routes in use in either run only.
    const auto hover = panel_hover_lines(Panel::SpendByRoute, cur, base, {}, 2, false);
    REQUIRE(hover.size() == 7); // heading, then open, framework direct, mini-competition x2
    CHECK(hover[0] == "Spend by route, year 2");
    CHECK(hover[1] == "Open: this run 70.0%");
    CHECK(hover[2] == "Open: baseline 100.0%");
    CHECK(hover[5] == "Mini-competition: this run 25.0%");
}

TEST_CASE("panels: a scenario that uses routes starts with spend by route in the grid") {
    const auto load = [](const char* f) {
        return load_scenario_file(std::string(TENDERSIM_SOURCE_DIR) + "/scenarios/" + f);
    };
    const ScenarioSpec baseline = load("baseline.toml");
    CHECK_FALSE(uses_routes(baseline));
    CHECK(initial_panels(baseline) == panel_order());
    for (const char* f : {"frameworks.toml", "open-framework.toml", "dsp-lots.toml",
                          "direct-award-below.toml", "quotes-below.toml"}) {
        INFO(f);
        const ScenarioSpec s = load(f);
        CHECK(uses_routes(s));
        const auto cells = initial_panels(s);
        CHECK(cells.back() == Panel::SpendByRoute);
        for (std::size_t i = 0; i + 1 < cells.size(); ++i) CHECK(cells[i] == panel_order()[i]);
    }
    // Another lever's scenario keeps the default grid.
    CHECK_FALSE(uses_routes(load("sv60.toml")));
}

TEST_CASE("hover: supplier and council figures") {
    MarketSnapshot m;
    m.regions = 2;
    SupplierView s;
    s.id = 1234;
    s.region = 1;
    s.sme = true;
    s.contracts = 3;
    s.book_gbp = 412'000;
    s.received_gbp = 398'000;
    s.bids = 5;
    s.wins = 1;
    s.capacity_gbp = 600'000;
    s.cash_gbp = 120'000;
    s.markup = 0.12f;
    m.suppliers.push_back(s);
    CouncilView c;
    c.region = 0;
    c.population = 180'000;
    c.paid_gbp = 4'200'000;
    c.paid_sme_gbp = 1'302'000;
    c.social_value_weight = 0.2f;
    c.partnership = 0;
    m.councils.push_back(c);
    m.partnerships = {{0, 5, 6}};
    m.links.push_back({0, 0, 200'000});
    m.links.push_back({0, 0, 100'000});

    auto sl = supplier_hover_lines(m, 0);
    CHECK(sl.size() == 6);
    CHECK(sl[0] == "SME supplier 1234, region 2");
    CHECK(sl[1] == "Contracts held: 3, worth \u00A3412k a year");
    CHECK(sl[3] == "Bids this year: 5, won 1");
    CHECK(sl[5] == "Cash: \u00A3120k, markup 12%");
    m.suppliers[0].framework_member = true; // a framework member says so
    sl = supplier_hover_lines(m, 0);
    REQUIRE(sl.size() == 7);
    CHECK(sl[6] == "Framework member: appointed to a lot this term");
    const auto cl = council_hover_lines(m, 0);
    CHECK(cl[0] == "Council 0, region 1");
    CHECK(cl[1] == "Population: 180,000");
    CHECK(cl[2] == "Running contracts: 2");
    CHECK(cl[3] == "Paid this year: \u00A34.2m (31% to SMEs)");
    CHECK(cl[4] == "Social-value weight: 20%");
    CHECK(cl[5] == "Shared back office with 2 neighbour(s)");
}

TEST_CASE("panels: hovering a run continued from a saved state finds its years by number") {
    // Started after year 6 (--state): its first point is year 7.
    auto cur = points(9, 0.0), base = points(9, 0.1);
    cur.erase(cur.begin(), cur.begin() + 6);
    base.erase(base.begin(), base.begin() + 6);
    REQUIRE(cur.front().year == 7);
    CHECK(panel_hover_lines(Panel::PriceIndex, cur, base, {}, 6, false).empty());
    CHECK(panel_hover_lines(Panel::PriceIndex, cur, base, {}, 10, false).empty());
    const auto hover = panel_hover_lines(Panel::PriceIndex, cur, base, {}, 8, false);
    REQUIRE(hover.size() == 3);
    CHECK(hover[0].find("year 8") != std::string::npos);
}
