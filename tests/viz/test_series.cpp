// Metrics CSV parsing, grouping into series, and the 95% band arithmetic.
#include "chart/series.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <sstream>

using namespace tendersim::viz;

namespace {

MetricsTable parse(const std::string& text) {
    std::istringstream in(text);
    return parse_metrics_csv(in, "m.csv");
}

// The message parse() throws, or "" if it does not throw.
std::string error_of(const std::string& text) {
    try {
        parse(text);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

const std::string kHeader = "scenario,replicate,seed,year,metric,value\n";

} // namespace

TEST_CASE("series: t quantile matches tables") {
    // Two-sided 95% critical values from standard tables (to 7 significant figures).
    CHECK(t_quantile_975(1) == doctest::Approx(12.706205).epsilon(1e-7));
    CHECK(t_quantile_975(2) == doctest::Approx(4.302653).epsilon(1e-7));
    CHECK(t_quantile_975(3) == doctest::Approx(3.182446).epsilon(2e-6));
    CHECK(t_quantile_975(4) == doctest::Approx(2.776445).epsilon(1e-6));
    CHECK(t_quantile_975(5) == doctest::Approx(2.570582).epsilon(1e-6));
    CHECK(t_quantile_975(9) == doctest::Approx(2.262157).epsilon(1e-6));
    CHECK(t_quantile_975(29) == doctest::Approx(2.045230).epsilon(1e-6));
    CHECK(t_quantile_975(1000) == doctest::Approx(1.962339).epsilon(1e-6));
    for (std::size_t df = 1; df < 200; ++df) CHECK(t_quantile_975(df + 1) < t_quantile_975(df));
    CHECK(t_quantile_975(1000000) == doctest::Approx(1.959964).epsilon(1e-5));
    CHECK_THROWS(t_quantile_975(0));
}

TEST_CASE("series: summary of three replicates, computed by hand") {
    const double v[] = {0.30, 0.33, 0.36};
    const YearSummary s = summarise(4, v);
    CHECK(s.year == 4);
    CHECK(s.n == 3);
    CHECK(s.mean == doctest::Approx(0.33));
    CHECK(s.sd == doctest::Approx(0.03)); // sqrt((0.03^2 + 0 + 0.03^2) / 2)
    // t_{0.975,2} = 4.302653; 4.302653 * 0.03 / sqrt(3) = 0.0745241
    CHECK(s.half_width == doctest::Approx(0.0745241).epsilon(1e-6));
    CHECK(s.has_band());
    CHECK(s.lo() == doctest::Approx(0.33 - 0.0745241).epsilon(1e-6));
    CHECK(s.hi() == doctest::Approx(0.33 + 0.0745241).epsilon(1e-6));

    const double one[] = {7.0};
    const YearSummary s1 = summarise(1, one);
    CHECK(s1.n == 1);
    CHECK(s1.mean == 7.0);
    CHECK_FALSE(s1.has_band());
    CHECK(s1.half_width == 0.0);

    const double same[] = {2.0, 2.0, 2.0, 2.0};
    CHECK(summarise(1, same).half_width == 0.0);
}

TEST_CASE("series: grouping by metric and scenario with per-year means") {
    const auto t = parse(kHeader + "A,0,11,2,m1,0.30\n"
                                   "A,1,12,2,m1,0.33\n"
                                   "A,2,13,2,m1,0.36\n"
                                   "A,0,11,1,m1,1.0\n" // year 1 after year 2: sorted on output
                                   "A,1,12,1,m1,3.0\n"
                                   "B,0,11,1,m1,5\n"
                                   "A,0,11,1,m2,10\n");
    CHECK(t.rows.size() == 7);
    CHECK(t.scenarios() == std::vector<std::string>{"A", "B"});
    CHECK(t.metrics() == std::vector<std::string>{"m1", "m2"});
    CHECK(t.rows[3].line == 5);

    const auto g = group_series(t);
    REQUIRE(g.size() == 3);
    CHECK(g[0].metric == "m1");
    CHECK(g[0].scenario == "A");
    CHECK(g[1].metric == "m1");
    CHECK(g[1].scenario == "B");
    CHECK(g[2].metric == "m2");

    const auto& a = g[0].points;
    REQUIRE(a.size() == 2);
    CHECK(a[0].year == 1);
    CHECK(a[0].n == 2);
    CHECK(a[0].mean == doctest::Approx(2.0));
    CHECK(a[0].sd == doctest::Approx(std::sqrt(2.0)));
    // t_{0.975,1} = 12.706205; 12.706205 * sqrt(2) / sqrt(2) = 12.706205
    CHECK(a[0].half_width == doctest::Approx(12.706205).epsilon(1e-6));
    CHECK(a[1].year == 2);
    CHECK(a[1].n == 3);
    CHECK(a[1].half_width == doctest::Approx(0.0745241).epsilon(1e-6));
    CHECK_FALSE(g[1].points[0].has_band());
}

TEST_CASE("series: tolerated input variations") {
    // CRLF line ends, a byte-order mark, a quoted scenario with a comma, blank trailing lines,
    // spaces around numbers, and "nan" (older versions) or an empty value (a metric not defined
    // that year) as a missing value.
    const auto t = parse("\xEF\xBB\xBFscenario,replicate,seed,year,metric,value\r\n"
                         "\"lots, small\",0,1,1,m, 0.5\r\n"
                         "\"lots, small\",1,2,1,m,nan\r\n"
                         "\"say \"\"hi\"\"\",0,1,1,m,-2.5e-1\r\n"
                         "\"lots, small\",2,3,1,m,\r\n"
                         "\r\n\n");
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[0].scenario == "lots, small");
    CHECK(t.rows[0].value == 0.5);
    CHECK(t.rows[2].scenario == "say \"hi\"");
    CHECK(t.rows[2].value == -0.25);
    CHECK(t.missing_values == 2);
    CHECK(std::isnan(t.rows[3].value));
    const auto g = group_series(t);
    REQUIRE(g.size() == 2);
    CHECK(g[0].points[0].n == 1); // the missing replicates are left out, not counted as zero
    CHECK(g[0].points[0].mean == 0.5);
}

TEST_CASE("series: malformed CSV errors name the file and line") {
    CHECK(error_of("") ==
          "m.csv:1: expected header 'scenario,replicate,seed,year,metric,value', got an empty "
          "file");
    CHECK(error_of("scenario,seed,replicate,year,metric,value\n")
              .starts_with("m.csv:1: expected header"));
    CHECK(error_of(kHeader + "A,0,1,1,m,0.5\nA,1,1,1,m\n") ==
          "m.csv:3: expected 6 fields (scenario,replicate,seed,year,metric,value), got 5");
    CHECK(error_of(kHeader + "A,0,1,1,m,0.5\nA,1,1,1,m,0.5\n\nA,2,1,1,m,abc\n") ==
          "m.csv:5: expected a finite decimal value, got 'abc'");
    CHECK(error_of(kHeader + "A,0,1,1,m,inf\n") ==
          "m.csv:2: expected a finite decimal value, got 'inf'");
    CHECK(error_of(kHeader + "A,0,1,2024.5,m,1\n") ==
          "m.csv:2: expected an integer year, got '2024.5'");
    CHECK(error_of(kHeader + "A,-1,1,1,m,1\n") ==
          "m.csv:2: expected a non-negative integer replicate, got '-1'");
    CHECK(error_of(kHeader + "A,0,x,1,m,1\n") ==
          "m.csv:2: expected a non-negative integer seed, got 'x'");
    CHECK(error_of(kHeader + ",0,1,1,m,1\n") == "m.csv:2: expected a non-empty scenario name");
    CHECK(error_of(kHeader + "A,0,1,1,,1\n") == "m.csv:2: expected a non-empty metric name");
    CHECK(error_of(kHeader + "\"A,0,1,1,m,1\n") ==
          "m.csv:2: expected a closing quote before the end of the line");
    CHECK(error_of(kHeader + "A,0,1,1,m,1\nB,0,1,1,m,1\nA,0,9,1,m,2\n") ==
          "m.csv:4: expected one row per (scenario, replicate, year, metric), but line 2 "
          "already has scenario 'A', replicate 0, year 1, metric 'm'");
}

TEST_CASE("series: the committed sample file") {
    const auto t = read_metrics_csv(TENDERSIM_VIZ_TEST_DATA "/metrics_small.csv");
    CHECK(t.rows.size() == 2 * 3 * 10 * 2);
    CHECK(t.scenarios() == std::vector<std::string>{"baseline", "sme_lots"});
    CHECK(t.metrics() == std::vector<std::string>{"sme_share_direct", "price_index"});
    const auto g = group_series(t);
    REQUIRE(g.size() == 4);
    for (const auto& s : g) {
        INFO(s.scenario << " " << s.metric);
        REQUIRE(s.points.size() == 10);
        CHECK(s.points.front().year == 1);
        CHECK(s.points.back().year == 10);
        for (const auto& p : s.points) {
            CHECK(p.n == 3);
            CHECK(p.has_band());
            CHECK(p.lo() < p.mean);
        }
    }
    CHECK_THROWS_WITH(read_metrics_csv("/nonexistent/metrics.csv"),
                      "/nonexistent/metrics.csv: cannot open metrics file");
}
