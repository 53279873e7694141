// tendersim diagnose: market figures and steady-state drift on small synthetic CSV files.
#include "diagnostics/market_diagnostics.hpp"
#include "diagnostics/steady_state.hpp"
#include "io/csv_reader.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace tendersim;
using namespace tendersim::diagnostics;

namespace {

fs::path scratch(const std::string& name) {
    const auto dir =
        fs::temp_directory_path() / ("tendersim-diag-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

constexpr const char* kTendersHeader =
    "scenario,replicate,year,tender,need,buyer,region,category,estimated_value_gbp,duration_years,"
    "relet,reserved_sme,bids,sme_bids,abnormal_flagged,winner,winner_scale,winning_price_gbp,"
    "winning_score,runner_up_score,incumbent_won\n";

struct Row {
    int replicate = 0;
    int year = 1;
    int region = 0;
    std::string category = "it";
    double estimate = 100000;
    int relet = 0;
    int bids = 3;
    bool awarded = true;
    double price = 100000;
    int incumbent_won = 0;
};

std::string tender_line(const Row& r) {
    std::ostringstream o;
    o.precision(17);
    o << "s," << r.replicate << "," << r.year << ",0,0,0," << r.region << "," << r.category << ","
      << r.estimate << ",3," << (r.relet ? "TRUE" : "FALSE") << ",FALSE," << r.bids << ",0,0,";
    if (r.awarded)
        o << "7,sme," << r.price << ",0.9,0.8," << (r.incumbent_won ? "TRUE" : "FALSE") << "\n";
    else
        o << ",,,,,FALSE\n";
    return o.str();
}

// A metrics.csv with `metric` = value(replicate, year) for years 1..years.
std::string metrics_text(int replicates, int years, const std::vector<std::string>& metrics,
                         double (*value)(const std::string&, int, int)) {
    std::ostringstream o;
    o.precision(17);
    o << "scenario,replicate,seed,year,metric,value\n";
    for (int r = 0; r < replicates; ++r)
        for (int y = 1; y <= years; ++y)
            for (const auto& m : metrics)
                o << "s," << r << ",1," << y << "," << m << "," << value(m, r, y) << "\n";
    return o.str();
}

double entry_value(const std::string& m, int r, int y) {
    if (m == "entries") return 10.0 * y + r; // years 16-20: mean 180 + r
    if (m == "entrant_win_share") return 0.5;
    return 1.0;
}

fs::path market_dir(const std::string& name, const std::vector<Row>& rows,
                    const std::string& header = kTendersHeader) {
    const auto dir = scratch(name);
    std::string text = header;
    for (const Row& r : rows) text += tender_line(r);
    write(dir / "tenders.csv", text);
    write(dir / "metrics.csv",
          metrics_text(2, 20, {"entries", "bids_per_tender", "entrant_win_share"}, entry_value));
    return dir;
}

std::string error_of(const auto& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST_CASE("diagnose market: prices by number of bids, 12 and more in one bin") {
    std::vector<Row> rows;
    // Replicate 0: 1 bid at 1.2 and 1.0 (mean 1.1); 2 bids at 0.9; 13 and 20 bids at 0.8.
    // Replicate 1: 1 bid at 1.3; 2 bids at 1.1; 12 bids at 0.8; one tender not awarded.
    for (const auto& [rep, bids, ratio] : std::vector<std::tuple<int, int, double>>{{0, 1, 1.2},
                                                                                    {0, 1, 1.0},
                                                                                    {0, 2, 0.9},
                                                                                    {0, 13, 0.8},
                                                                                    {0, 20, 0.8},
                                                                                    {1, 1, 1.3},
                                                                                    {1, 2, 1.1},
                                                                                    {1, 12, 0.8}}) {
        Row r;
        r.replicate = rep;
        r.bids = bids;
        r.price = ratio * r.estimate;
        rows.push_back(r);
    }
    Row unawarded;
    unawarded.awarded = false;
    rows.push_back(unawarded);
    const auto d = diagnose_market(market_dir("bins", rows));
    CHECK(d.replicates == 2);
    CHECK(d.tenders == 9);
    CHECK(d.awarded == 8);
    CHECK(d.bins[0].label == "1");
    CHECK(d.bins[11].label == "12+");
    CHECK(d.bins[0].tenders == 3);
    CHECK(d.bins[0].ratio.mean == doctest::Approx((1.1 + 1.3) / 2));
    CHECK(d.bins[1].ratio.mean == doctest::Approx(1.0));
    // t(0.975, 1) = 12.706; sd of {0.9, 1.1} = 0.1414; half-width 12.706 * 0.1414 / sqrt(2).
    CHECK(d.bins[1].ratio.high - d.bins[1].ratio.mean ==
          doctest::Approx(12.706 * 0.1).epsilon(1e-3));
    CHECK(d.bins[11].tenders == 3);
    CHECK(d.bins[11].ratio.mean == doctest::Approx(0.8));
    CHECK(d.bins[5].tenders == 0);
    CHECK(d.bins[5].ratio.replicates == 0);
    CHECK(std::isnan(d.bins[5].ratio.mean));
    // Single-bid premium per replicate: 1.1 / (0.9 + 0.8 + 0.8) * 3 - 1 and 1.3 / 0.95 - 1.
    CHECK(d.single_bid_premium.mean ==
          doctest::Approx(((1.1 / (2.5 / 3) - 1) + (1.3 / 0.95 - 1)) / 2));
    const std::string md = market_markdown(d, "tendersim diagnose market X");
    CHECK(md.find("| 12+ | 3 | 37.5% | 0.800 |") != std::string::npos);
    CHECK(md.find("| 6 | 0 | 0.0% | n/a | n/a |") != std::string::npos);
    CHECK(md.find("Student-t") != std::string::npos);
}

TEST_CASE("diagnose market: the slope per bidder is taken within category x region x year") {
    // ln(ratio) = cell effect - 0.02 * bids. Cells with more bidders have higher prices (their
    // effect rises with the bids they get), so a pooled regression would find a positive slope;
    // demeaned within cells it is exactly -0.02.
    MarketAccumulator acc;
    for (int rep = 0; rep < 3; ++rep)
        for (int cell = 0; cell < 4; ++cell)
            for (int bids = 1 + cell; bids <= 4 + 2 * cell; ++bids) {
                AwardedTender t;
                t.replicate = rep;
                t.year = 1 + cell % 2;
                t.region = cell / 2;
                t.category = 0;
                t.bids = bids;
                t.ratio = std::exp(0.1 * cell - 0.02 * static_cast<double>(bids));
                acc.add(t);
            }
    // Bids beyond 12 count as 12: 14 bids adds a point at x = 12 in a fresh cell of its own.
    MarketDiagnostics d;
    acc.finish(d);
    CHECK(d.bidder_slope.replicates == 3);
    CHECK(d.bidder_slope.mean == doctest::Approx(-0.02));
    CHECK(d.bidder_slope.high - d.bidder_slope.low == doctest::Approx(0.0).epsilon(1e-9));

    MarketAccumulator capped;
    for (const int bids : {10, 12, 14, 30}) {
        AwardedTender t;
        t.bids = bids;
        t.ratio = std::exp(-0.01 * std::min(bids, 12));
        capped.add(t);
    }
    MarketDiagnostics c;
    capped.finish(c);
    CHECK(c.bidder_slope.mean == doctest::Approx(-0.01));
}

TEST_CASE("diagnose market: incumbent re-award rate against the chance rate") {
    MarketAccumulator acc;
    // Re-lets with 1, 2 and 4 bids, the incumbent winning the first two; a new need (not a
    // re-let) won by nobody's incumbent does not count.
    for (const auto& [bids, won, relet] : std::vector<std::tuple<int, bool, bool>>{
             {1, true, true}, {2, true, true}, {4, false, true}, {5, false, false}}) {
        AwardedTender t;
        t.bids = bids;
        t.ratio = 1;
        t.relet = relet;
        t.incumbent_won = won;
        acc.add(t);
    }
    MarketDiagnostics d;
    acc.finish(d);
    CHECK(d.relets_awarded == 3);
    CHECK(d.reaward_rate.mean == doctest::Approx(2.0 / 3));
    CHECK(d.chance_rate.mean == doctest::Approx((1 + 0.5 + 0.25) / 3));
    CHECK(d.reaward_over_chance.mean == doctest::Approx((2.0 / 3) / (1.75 / 3)));
}

TEST_CASE("diagnose market: entry metrics over the last 5 years, extra columns tolerated") {
    // Columns in another order, with extra ones a later model may write, and flags as 0 / 1 (as
    // logs were written before booleans became TRUE / FALSE).
    const std::string header =
        "reserve_gbp,scenario,replicate,year,region,category,estimated_value_gbp,relet,bids,"
        "winner,winning_price_gbp,incumbent_won,readvertised\n";
    const auto dir = scratch("extra-columns");
    write(dir / "tenders.csv", header + "90000,s,0,1,0,it,100000,0,2,5,95000,0,0\n" +
                                   "90000,s,1,1,0,it,100000,1,1,6,110000,1,0\n");
    write(dir / "metrics.csv",
          metrics_text(2, 20, {"entries", "bids_per_tender", "entrant_win_share"}, entry_value));
    const auto d = diagnose_market(dir);
    CHECK(d.awarded == 2);
    CHECK(d.metrics_first_year == 16);
    CHECK(d.metrics_last_year == 20);
    REQUIRE(d.entry_metrics.size() == 2);
    CHECK(d.entry_metrics[0].metric == "entries");
    CHECK(d.entry_metrics[0].value.mean == doctest::Approx(180.5));
    CHECK(d.entry_metrics[1].metric == "entrant_win_share");
    CHECK(d.entry_metrics[1].value.mean == doctest::Approx(0.5));
}

TEST_CASE("diagnose market: bad input names the file, line and column") {
    Row good;
    Row bad_bids;
    bad_bids.bids = 2;
    auto dir = market_dir("bad-bids", {good, bad_bids});
    {
        std::string text = kTendersHeader + tender_line(good);
        std::string line = tender_line(bad_bids);
        line.replace(line.find(",2,0,0,7,"), 9, ",2.5,0,0,7,");
        write(dir / "tenders.csv", text + line);
    }
    CHECK(error_of([&] { diagnose_market(dir); }) ==
          (dir / "tenders.csv").string() + ":3: column 'bids': expected an integer, got '2.5'");

    write(dir / "tenders.csv", kTendersHeader + tender_line(good) +
                                   "s,0,1,0,0,0,0,it,100000,3,yes,FALSE,3,0,0,7,sme,1,0.9,0.8,"
                                   "FALSE\n");
    CHECK(error_of([&] { diagnose_market(dir); }) ==
          (dir / "tenders.csv").string() + ":3: column 'relet': expected TRUE or FALSE, got 'yes'");

    write(dir / "tenders.csv", kTendersHeader + tender_line(good) +
                                   "s,0,1,0,0,0,0,it,abc,3,0,0,3,0,0,7,sme,1,0.9,0.8,0\n");
    CHECK(error_of([&] { diagnose_market(dir); }) ==
          (dir / "tenders.csv").string() +
              ":3: column 'estimated_value_gbp': expected a finite number, got 'abc'");

    write(dir / "tenders.csv", "scenario,replicate,year\ns,0,1\n");
    CHECK(error_of([&] { diagnose_market(dir); })
              .starts_with((dir / "tenders.csv").string() +
                           ":1: column 'region': expected a column of that name in the header, "
                           "got 'scenario,replicate,year'"));

    fs::remove(dir / "tenders.csv");
    CHECK(error_of([&] { diagnose_market(dir); }).find("tenders.csv: not found") !=
          std::string::npos);
    CHECK(error_of([&] { diagnose_market(dir / "nowhere"); }).find("nowhere: not found") !=
          std::string::npos);

    dir = market_dir("bad-metrics", {good});
    write(dir / "metrics.csv", "scenario,replicate,seed,year,metric,value\ns,0,1,1,entries,x\n");
    CHECK(error_of([&] { diagnose_market(dir); }) ==
          (dir / "metrics.csv").string() +
              ":2: column 'value': expected a number or an empty field, got 'x'");
}

TEST_CASE("diagnose csv reader: quoted fields, blank lines, short rows") {
    std::vector<std::string> f;
    CHECK(split_csv_fields("a,\"b,c\",\"say \"\"hi\"\"\",", f));
    CHECK(f == std::vector<std::string>{"a", "b,c", "say \"hi\"", ""});
    CHECK_FALSE(split_csv_fields("a,\"open", f));
    const auto dir = scratch("reader");
    write(dir / "x.csv", "a,b\r\n1,2\r\n\r\n3\n");
    CsvReader r(dir / "x.csv");
    CHECK(r.next());
    CHECK(r.integer(r.require("b")) == 2);
    CHECK(error_of([&] { r.next(); }) ==
          (dir / "x.csv").string() + ":4: expected 2 fields as in the header, got 1");
}

namespace {

double steady_value(const std::string& m, int r, int y) {
    if (m == "total_spend_gbp") return 1e6 + 100.0 * r;                 // flat
    if (m == "active_suppliers_sme") return 1000.0 * (1.0 + 0.002 * y); // ~ +8% per 50 years
    if (m == "price_index") return y < 100 ? 1.0 : 1.03;                // one step of 3%
    return 0.5;
}

} // namespace

TEST_CASE("diagnose steady: window means, drift per 50 years and the verdict") {
    CHECK(drift_per_50_years(100, 104, 50) == doctest::Approx(0.04));
    CHECK(drift_per_50_years(100, 104, 25) == doctest::Approx(0.08));
    CHECK(std::isnan(drift_per_50_years(0, 1, 50)));
    CHECK(drift_per_50_years(0, 0, 50) == 0.0);

    const auto dir = scratch("steady");
    write(dir / "metrics.csv",
          metrics_text(2, 200, {"total_spend_gbp", "active_suppliers_sme", "price_index", "hhi"},
                       steady_value));
    const std::vector<std::int64_t> bounds = parse_windows("50,100,150,200");
    const auto s = diagnose_steady(dir / "metrics.csv", bounds);
    CHECK(s.replicates == 2);
    REQUIRE(s.rows.size() == 3);
    CHECK(s.missing.size() == 4);
    CHECK(s.rows[0].metric == "total_spend_gbp");
    CHECK(s.rows[0].window_means[0] == doctest::Approx(1e6 + 50));
    CHECK(s.rows[0].settled);
    const auto& sme = s.rows[1];
    CHECK(sme.metric == "active_suppliers_sme");
    // Window means: 1000 * (1 + 0.002 * mean year); years 50-99 (mean 74.5), 100-149 (124.5),
    // 150-200 (175, the last window includes its end).
    CHECK(sme.window_means[0] == doctest::Approx(1149.0));
    CHECK(sme.window_means[2] == doctest::Approx(1350.0));
    CHECK(sme.drifts[0] == doctest::Approx(1249.0 / 1149.0 - 1));
    CHECK_FALSE(sme.settled);
    CHECK(s.rows[2].drifts[0] == doctest::Approx(0.03));
    CHECK(s.rows[2].settled);
    const std::string md = steady_markdown(s, "tendersim diagnose steady X");
    CHECK(md.find("| metric | years 50-99 | years 100-149 | years 150-200 |") != std::string::npos);
    CHECK(md.find(
              "| `active_suppliers_sme` | 1,149 | 1,249 | 1,350 | +8.70% | +8.09% | drifting |") !=
          std::string::npos);
    CHECK(md.find("| `price_index` | 1.000 | 1.030 | 1.030 | +3.00% | +0.00% | settled |") !=
          std::string::npos);
}

TEST_CASE("diagnose steady: bad input") {
    CHECK(error_of([] { parse_windows("50,40"); }).find("--windows") != std::string::npos);
    CHECK(error_of([] { parse_windows("50"); }).find("at least two") != std::string::npos);
    const auto dir = scratch("steady-short");
    write(dir / "metrics.csv", metrics_text(1, 20, {"price_index"}, steady_value));
    const std::vector<std::int64_t> bounds = {50, 100};
    CHECK(error_of([&] {
              diagnose_steady(dir / "metrics.csv", bounds);
          }).find("column 'year': expected years up to 100") != std::string::npos);
    write(dir / "metrics.csv", metrics_text(1, 100, {"hhi"}, steady_value));
    CHECK(error_of([&] {
              diagnose_steady(dir / "metrics.csv", bounds);
          }).find("column 'metric': expected at least one of") != std::string::npos);
    write(dir / "metrics.csv", "scenario,replicate,seed,year,metric,value\ns,0,1,y1,hhi,1\n");
    CHECK(error_of([&] { diagnose_steady(dir / "metrics.csv", bounds); }) ==
          (dir / "metrics.csv").string() + ":2: column 'year': expected an integer, got 'y1'");
}
