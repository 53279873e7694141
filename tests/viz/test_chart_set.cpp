// Comparison charts (paired differences, levels) and the set of charts `tendersim chart` writes,
// with their index; all without a display.
#include "chart/chart_set.hpp"
#include "chart/comparison_chart.hpp"
#include "chart/layout.hpp"
#include "chart/metric_info.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <set>

using namespace tendersim::viz;
namespace fs = std::filesystem;

namespace {

float fake_width(std::string_view s, unsigned px) {
    return 0.6f * static_cast<float>(px) * static_cast<float>(s.size());
}

fs::path write_dir(const std::string& name, const std::string& scenarios,
                   const std::string& comparison) {
    const fs::path dir = fs::temp_directory_path() / ("tendersim_chart_set_" + name);
    fs::create_directories(dir);
    std::ofstream(dir / "scenarios.csv") << scenarios;
    std::ofstream(dir / "comparison.csv") << comparison;
    return dir;
}

const char* kScenarios = "scenario,role,file,policy_from,description\n"
                         "baseline,reference,b.toml,,\"The region, as it is\"\n"
                         "sv60,alternative,s.toml,5,Social value at 60%\n";
const char* kHeader = "metric,year,scenario,replicates,mean,mean_ci95_low,mean_ci95_high,vs,diff,"
                      "diff_ci95_low,diff_ci95_high,share_same_sign,distinguishable\n";

ComparisonTable sample() {
    const std::string rows =
        std::string(kHeader) +
        "sme_share_direct,5,baseline,3,0.35,0.34,0.36,,,,,,\n"
        "sme_share_direct,5,sv60,3,0.31,0.30,0.32,baseline,-0.04,-0.05,-0.03,1,TRUE\n"
        "sme_share_direct,10,baseline,3,0.35,0.34,0.36,,,,,,\n"
        "sme_share_direct,10,sv60,3,0.25,0.24,0.26,baseline,-0.10,-0.12,-0.08,1,TRUE\n"
        "hhi,5,baseline,3,97,90,104,,,,,,\n"
        "hhi,5,sv60,3,99,90,108,baseline,2,-2,6,0.6,FALSE\n";
    return read_comparison(write_dir("sample", kScenarios, rows));
}

} // namespace

TEST_CASE("comparison charts: the difference chart draws the paired difference and its interval") {
    const ComparisonTable t = sample();
    REQUIRE(t.scenarios.size() == 2);
    CHECK(t.scenarios[0].description == "The region, as it is");
    CHECK(t.scenarios[1].policy_from == 5);
    CHECK(t.metrics() == std::vector<std::string>{"sme_share_direct", "hhi"});
    const ChartSpec d = make_difference_chart(t, "sme_share_direct");
    REQUIRE(d.series.size() == 1); // the alternatives only
    const ChartSeries& s = d.series[0];
    CHECK(s.label.find("Social value at 60%") != std::string::npos);
    CHECK(s.markers);
    REQUIRE(s.points.size() == 2);
    CHECK(s.points[1].y == doctest::Approx(-0.10));
    CHECK(*s.points[1].lo == doctest::Approx(-0.12));
    CHECK(*s.points[1].hi == doctest::Approx(-0.08));
    CHECK(d.y_unit == TickStyle::Points);
    // Ticks only on the compared years; the policy start marked between years 4 and 5.
    CHECK(d.x_ticks == std::vector<double>{5, 10});
    REQUIRE(d.rules.size() == 1);
    CHECK(d.rules[0].x == 4.5);
    CHECK(d.rules[0].label == "policy from year 5");
    // Laid out, zero is on the axis (a difference is read against none) and the rule is drawn.
    const ChartLayout L = compute_layout({0, 0, 1280, 720}, d, fake_width);
    CHECK(L.y.domain_hi() >= 0.0);
    CHECK(L.y.domain_lo() <= -0.12);
    REQUIRE(L.rules.size() == 1);
    CHECK(L.rules[0].x < L.to_pixel(5, 0).x);
    std::vector<double> ticks;
    for (const auto& tk : L.x_ticks) ticks.push_back(tk.value);
    CHECK(ticks == std::vector<double>{5, 10});
}

TEST_CASE("comparison charts: levels include the reference, labelled as such") {
    const ChartSpec l = make_level_chart(sample(), "hhi");
    REQUIRE(l.series.size() == 2);
    CHECK(l.series[0].label.starts_with("baseline (reference)"));
    CHECK_FALSE(l.series[0].baseline); // the reference is a full line, not a faint one
    CHECK(l.series[1].points.size() == 1);
    // HHI keeps its least span: a 97 vs 99 difference is not blown up to fill the chart.
    const ChartLayout L = compute_layout({0, 0, 1280, 720}, l, fake_width);
    CHECK(L.y.domain_hi() - L.y.domain_lo() >= 500.0);
}

TEST_CASE("comparison charts: a scenario keeps its colour whatever it is compared with") {
    const std::vector<std::string> a = {"sv10", "sv60", "sme-reserved"};
    const std::vector<std::string> b = {"sv60", "shared-backoffice"};
    const auto ca = scenario_colours(a), cb = scenario_colours(b);
    CHECK(ca[1] == cb[0]);
    // Distinct within a chart, and every one visible on white at 3:1 or more.
    CHECK(std::set<std::string>{to_hex(ca[0]), to_hex(ca[1]), to_hex(ca[2])}.size() == 3);
    for (Rgba c : ca) {
        const auto lin = [](std::uint8_t v) {
            const double x = v / 255.0;
            return x <= 0.03928 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
        };
        const double lum = 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
        CHECK(1.05 / (lum + 0.05) >= 3.0);
    }
}

TEST_CASE("comparison charts: malformed files are refused with file, line and field") {
    const std::string bad_number = std::string(kHeader) +
                                   "hhi,5,baseline,3,97,90,104,,,,,,\n"
                                   "hhi,5,sv60,3,lots,90,108,baseline,2,-2,6,0.6,false\n";
    CHECK_THROWS_WITH(read_comparison(write_dir("bad_number", kScenarios, bad_number)),
                      doctest::Contains("comparison.csv:3: mean: expected a number, got 'lots'"));
    // A year must be whole; the line number counts a blank line before it.
    const std::string bad_year = std::string(kHeader) + "hhi,5,baseline,3,97,90,104,,,,,,\n\n" +
                                 "hhi,5.5,sv60,3,99,90,108,baseline,2,-2,6,0.6,false\n";
    CHECK_THROWS_WITH(
        read_comparison(write_dir("bad_year", kScenarios, bad_year)),
        doctest::Contains("comparison.csv:4: year: expected a whole number, got '5.5'"));
    CHECK_THROWS_WITH(read_comparison(write_dir("bad_header", kScenarios, "metric,year\n")),
                      doctest::Contains("comparison.csv:1: expected the header"));
    CHECK_THROWS_WITH(
        read_comparison(write_dir("bad_role",
                                  "scenario,role,file,policy_from,description\n"
                                  "baseline,boss,b.toml,,\n",
                                  kHeader)),
        doctest::Contains("scenarios.csv:2: role: expected 'reference' or 'alternative'"));
}

TEST_CASE("chart set: a comparison gets a difference and a level chart per metric, all indexed") {
    const ChartSet set = plan_comparison_charts(sample(), {"sme_share_direct", "hhi"});
    REQUIRE(set.charts.size() == 4);
    CHECK(set.charts[0].file == "sme_share_direct.difference.png");
    CHECK(set.charts[1].file == "sme_share_direct.png");
    const std::string index = chart_index_markdown(set);
    for (const auto& c : set.charts)
        CHECK(index.find("[" + c.file + "](" + c.file + ")") != std::string::npos);
}

TEST_CASE("chart set: a run gets its headline metrics, zero-throughout ones listed not drawn") {
    MetricsTable table;
    table.source = "metrics.csv";
    const auto row = [&](const std::string& metric, int year, double v) {
        Observation o;
        o.scenario = "baseline";
        o.year = year;
        o.metric = metric;
        o.value = v;
        table.rows.push_back(o);
    };
    for (int y = 1; y <= 3; ++y) {
        row("sme_share_direct", y, 0.35);
        row("tenders", y, 400);
        row("extra_lots", y, 0.0); // a lever nobody used
        row("hhi", y, 0.0);        // a headline metric, zero throughout
    }
    RunChartChoice choice;
    ChartSet set = plan_run_charts(table, choice);
    std::vector<std::string> files;
    for (const auto& c : set.charts) files.push_back(c.file);
    CHECK(files == std::vector<std::string>{"sme_share_direct.png"}); // tenders is no headline
    CHECK(set.skipped == std::vector<std::string>{"hhi"});
    CHECK(chart_index_markdown(set).find("`hhi`") != std::string::npos);
    choice.all = true;
    set = plan_run_charts(table, choice);
    CHECK(set.charts.size() == 2); // sme_share_direct and tenders; the zero ones listed
    CHECK(set.skipped.size() == 2);
    // Named on the command line, a zero metric is drawn: the user asked for it.
    choice.metrics = {"extra_lots"};
    set = plan_run_charts(table, choice);
    REQUIRE(set.charts.size() == 1);
    CHECK(set.charts[0].file == "extra_lots.png");
}

TEST_CASE(
    "comparison charts: a late policy start is labelled left of its rule, two never overprint") {
    ComparisonTable t;
    t.scenarios = {
        {"baseline", true, std::nullopt, ""}, {"early", false, 5, ""}, {"late", false, 18, ""}};
    for (int year : {5, 10, 20})
        for (const char* s : {"baseline", "early", "late"}) {
            ComparisonPoint p;
            p.metric = "hhi";
            p.year = year;
            p.scenario = s;
            p.mean = 100;
            p.lo = 90;
            p.hi = 110;
            if (std::string(s) != "baseline") p.diff = p.diff_lo = p.diff_hi = 1.0;
            t.points.push_back(p);
        }
    const ChartSpec d = make_difference_chart(t, "hhi");
    REQUIRE(d.rules.size() == 2);
    const ChartLayout L = compute_layout({0, 0, 1280, 720}, d, fake_width);
    REQUIRE(L.rules.size() == 2);
    const auto& early = L.rules[0];
    const auto& late = L.rules[1];
    CHECK(early.label.align == HAlign::Left);
    CHECK(early.label.pos.x > early.x);
    // The late rule is in the right half: its label ends at the rule and stays in the plot.
    CHECK(late.label.align == HAlign::Right);
    CHECK(late.label.pos.x < late.x);
    CHECK(late.label.pos.x - fake_width(late.label.text, late.label.px) >= L.plot.left);
    CHECK(late.label.pos.y != early.label.pos.y);
}

TEST_CASE("chart set: spend by route for each scenario that buys by other routes than open") {
    MetricsTable table;
    table.source = "metrics.csv";
    const auto row = [&](const std::string& scenario, const std::string& metric, int year,
                         std::uint32_t rep, double v) {
        Observation o;
        o.scenario = scenario;
        o.replicate = rep;
        o.year = year;
        o.metric = metric;
        o.value = v;
        table.rows.push_back(o);
    };
    for (int y = 1; y <= 3; ++y)
        for (std::uint32_t rep = 0; rep < 2; ++rep) {
            for (const RouteLine& r : route_lines()) {
                const bool open = r.metric == "spend_share_open";
                row("baseline", std::string(r.metric), y, rep, open ? 1.0 : 0.0);
                // frameworks: from year 2 a quarter of the value by mini-competition.
                const bool mini = r.metric == "spend_share_mini_competition";
                const double v = y == 1 ? (open ? 1.0 : 0.0)
                                        : (open   ? 0.75 - 0.01 * rep
                                           : mini ? 0.25 + 0.01 * rep
                                                  : 0);
                row("frameworks", std::string(r.metric), y, rep, v);
            }
            row("baseline", "sme_share_direct", y, rep, 0.35);
            row("frameworks", "sme_share_direct", y, rep, 0.36);
        }
    RunChartChoice choice;
    ChartSet set = plan_run_charts(table, choice);
    std::vector<std::string> files;
    for (const auto& c : set.charts) files.push_back(c.file);
    // The baseline buys everything openly: no route chart for it.
    CHECK(files ==
          std::vector<std::string>{"sme_share_direct.png", "spend_by_route.frameworks.png"});
    const ChartSpec& spec = set.charts.back().spec;
    CHECK(spec.title == "Spend by route: frameworks");
    CHECK(spec.y_unit == TickStyle::Percent);
    CHECK(spec.y_upper_bound == 1.0);
    // A line per route the file holds, in route order, labelled and coloured as the app's panel.
    REQUIRE(spec.series.size() == route_lines().size());
    std::set<std::string> colours;
    for (std::size_t k = 0; k < spec.series.size(); ++k) {
        CHECK(spec.series[k].label == route_lines()[k].label);
        CHECK(spec.series[k].colour == route_lines()[k].colour);
        const Rgba c = spec.series[k].colour;
        colours.insert(std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b));
        CHECK(spec.series[k].points.size() == 3);
    }
    CHECK(colours.size() == route_lines().size()); // six lines, six hues
    CHECK(spec.series[4].label == "Mini-competition");
    CHECK(spec.series[4].points[2].y == doctest::Approx(0.255));
    REQUIRE(spec.series[4].points[2].lo.has_value()); // two replicates: a band
    CHECK(*spec.series[4].points[2].lo < 0.255);
    CHECK(spec.subtitle.find("2 replicates") != std::string::npos);
    CHECK(chart_index_markdown(set).find("Spend by route: frameworks") != std::string::npos);
    // With --all the individual shares are charted as well (the baseline's zero ones listed).
    choice.all = true;
    set = plan_run_charts(table, choice);
    files.clear();
    for (const auto& c : set.charts) files.push_back(c.file);
    for (const char* f : {"spend_share_open.png", "spend_share_mini_competition.png",
                          "spend_by_route.frameworks.png"})
        CHECK(std::find(files.begin(), files.end(), f) != files.end());
    // Named metrics are exactly those: the route shares are selectable one by one.
    choice.all = false;
    choice.metrics = {"spend_share_direct_award", "spend_share_dynamic_market"};
    set = plan_run_charts(table, choice);
    REQUIRE(set.charts.size() == 2);
    CHECK(set.charts[0].spec.title == "Share of awarded value bought by direct awards");
    CHECK(set.charts[1].file == "spend_share_dynamic_market.png");
}
