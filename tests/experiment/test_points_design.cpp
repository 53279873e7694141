// design.type = "points": a CSV of design points made elsewhere (SALib, R, OpenMOLE) runs through
// the same plan as the built-in designs. Listing a grid's points in the grid's run order gives
// the grid's runs exactly (run r of either sweep has the same values and seed, because a run's
// seed depends only on the sweep seed and r); shards and resume work the same; the plan's
// definition follows the points, so changed points are never mixed with saved runs; and every
// kind of bad file is refused with FILE:LINE:COLUMN, the column's key and what was expected.
#include "experiment/points_file.hpp"
#include "experiment/shard_file.hpp"
#include "experiment/shard_index.hpp"
#include "experiment/sweep_merge.hpp"
#include "experiment/sweep_runner.hpp"
#include "helpers.hpp"
#include "io/errors.hpp"
#include "text/text.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace tendersim::experiment;
using tendersim::SweepFileError;
namespace fs = std::filesystem;

namespace {

const std::string kTiny = test::kDataDir + "/tiny.toml";

const std::string kHead = "name = \"pts\"\nseed = 5\nreplicates = 2\nyears = 2\n"
                          "[outputs]\nmetrics = [\"sme_share_direct\", \"hhi\"]\n"
                          "timeseries = true\n";

// A sweep file in dir over the tiny scenario.
fs::path write_sweep(const fs::path& dir, const std::string& name, const std::string& body) {
    const fs::path path = dir / name;
    std::ofstream(path) << "schema_version = 1\nbase = \"" << kTiny << "\"\n" << kHead << body;
    return path;
}

SweepOutcome sweep(const SweepPlan& plan, const fs::path& dir, ShardSpec shard = {},
                   bool resume = false) {
    SweepOptions o;
    o.sweep_dir = dir;
    o.threads = 2;
    o.shard = shard;
    o.resume = resume;
    return run_sweep(plan, o);
}

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        for (const auto v : tendersim::split(line, ',')) f.emplace_back(v);
        rows.push_back(f);
    }
    return rows;
}

// The grid's points in its run order, as a points file.
std::string grid_as_points(const SweepPlan& grid) {
    const SweepSpec& s = grid.spec();
    std::string csv;
    for (std::size_t c = 0; c < s.params.size(); ++c) csv += (c ? "," : "") + s.params[c].key;
    csv += "\n";
    for (std::uint64_t q = 0; q < grid.point_count(); ++q) {
        const std::size_t point = grid.run(q).point; // run q is replicate 0 of the q-th point
        for (std::size_t c = 0; c < s.params.size(); ++c)
            csv += (c ? "," : "") + param_text(s.params[c], grid.points().at(point, c));
        csv += "\n";
    }
    return csv;
}

const std::string kGridBody = "[design]\ntype = \"grid\"\npoints_per_dim = 3\n"
                              "[[parameter]]\nkey = \"policy.price_weight\"\nmin = 0.3\nmax = 0.9\n"
                              "[[parameter]]\nkey = \"market.suppliers\"\nmin = 120\nmax = 240\n"
                              "[[parameter]]\nkey = \"policy.reserve_local\"\n";

const std::string kPointsBody = "[design]\ntype = \"points\"\nfile = \"points.csv\"\n";

void expect_points_error(const std::string& csv, const std::string& needle) {
    INFO("points file:\n" << csv << "expected error containing: " << needle);
    CHECK_THROWS_WITH_AS(parse_points_csv(csv, "points.csv"), doctest::Contains(needle.c_str()),
                         PointsFileError);
}

} // namespace

TEST_CASE("points design: a grid's points listed in its run order give the grid's runs") {
    const fs::path dir = test::scratch("points-grid");
    const SweepPlan grid(load_sweep_file(write_sweep(dir, "grid.toml", kGridBody).string()));
    REQUIRE(grid.point_count() == 18); // 3 x 3 x 2 (true/false)
    std::ofstream(dir / "points.csv") << grid_as_points(grid);
    const SweepPlan points(load_sweep_file(write_sweep(dir, "points.toml", kPointsBody).string()));
    CHECK(points.spec().design == DesignKind::Points);
    CHECK(points.point_count() == 18);
    CHECK(points.run_count() == grid.run_count());
    // Same run index, same seed and values.
    for (std::uint64_t r = 0; r < grid.run_count(); ++r) {
        CHECK(points.run(r).seed == grid.run(r).seed);
        CHECK(points.run(r).replicate == grid.run(r).replicate);
        CHECK(points.run(r).point == r % 18); // file order
    }

    REQUIRE(sweep(grid, dir / "out-grid").status == SweepStatus::Complete);
    REQUIRE(sweep(points, dir / "out-points").status == SweepStatus::Complete);
    const auto g = test::tree(dir / "out-grid");
    const auto p = test::tree(dir / "out-points");
    CHECK(p.at("timeseries.csv") == g.at("timeseries.csv"));
    CHECK_FALSE(p.count("sensitivity.csv")); // no estimator knows an outside design's structure
    // runs.csv: identical but for the `point` column, the row of each design: the grid's row
    // for the points file's row q is the q-th of its run order.
    const auto grows = csv_rows(g.at("runs.csv"));
    const auto prows = csv_rows(p.at("runs.csv"));
    REQUIRE(grows.size() == 1 + 36);
    REQUIRE(prows.size() == grows.size());
    CHECK(prows[0] == grows[0]);
    REQUIRE(grows[0][1] == "point");
    for (std::size_t i = 1; i < grows.size(); ++i) {
        auto a = grows[i], b = prows[i];
        CHECK(a[1] == std::to_string(grid.run(std::stoull(b[1])).point));
        a.erase(a.begin() + 1);
        b.erase(b.begin() + 1);
        CHECK(a == b); // run, replicate, seed, parameter values, every metric
    }
    const std::string manifest = p.at("manifest.json");
    CHECK(manifest.find("\"type\": \"points\", \"file\": ") != std::string::npos);
    CHECK(manifest.find("\"min\": 0.3, \"max\": 0.9") != std::string::npos);
}

TEST_CASE("points design: shards and resume, and changed points are not mixed with saved runs") {
    const fs::path dir = test::scratch("points-resume");
    std::ofstream(dir / "points.csv") << "market.suppliers,policy.price_weight\n"
                                         "120,0.5\n200,0.25\n160,0.75\n";
    const fs::path file = write_sweep(dir, "points.toml", kPointsBody);
    const SweepPlan plan(load_sweep_file(file.string()));
    REQUIRE(sweep(plan, dir / "full").status == SweepStatus::Complete);
    const auto reference = test::tree(dir / "full");

    for (std::uint64_t k = 0; k < 2; ++k)
        CHECK(sweep(plan, dir / "sh", {k, 2}).status == SweepStatus::ShardComplete);
    merge_shards(plan, dir / "sh");
    CHECK(test::tree(dir / "sh") == reference);

    // Half the runs saved, then the points file edited: the same values written differently keep
    // the saved runs; a changed value refuses them.
    const fs::path part = dir / "part";
    {
        ShardWriter w(shards_dir(part) / "main.records", plan.fingerprint(), plan.definition());
        for (const std::uint64_t r : {0, 2, 4}) w.append(r, detail::compute_run(plan, r));
    }
    std::ofstream(dir / "points.csv") << "\"market.suppliers\",policy.price_weight\r\n"
                                         "120.0,0.50\r\n200,2.5e-1\r\n160,0.75\r\n\r\n";
    const SweepPlan same(load_sweep_file(file.string()));
    CHECK(same.fingerprint() == plan.fingerprint());
    CHECK(same.spec().points_sha256 != plan.spec().points_sha256); // the file's bytes differ
    std::ofstream(dir / "points.csv") << "market.suppliers,policy.price_weight\n"
                                         "120,0.5\n200,0.3\n160,0.75\n";
    const SweepPlan changed(load_sweep_file(file.string()));
    CHECK(changed.fingerprint() != plan.fingerprint());
    CHECK_THROWS_WITH(sweep(changed, part, {}, true),
                      doctest::Contains("different sweep definition: the sweep settings differ: "
                                        "design.points_sha256"));
    const SweepOutcome out = sweep(same, part, {}, true);
    CHECK(out.runs_before == 3);
    CHECK(test::tree(part).at("runs.csv") == reference.at("runs.csv"));
}

TEST_CASE("points file: accepted forms") {
    const PointsFile p = parse_points_csv("\xEF\xBB\xBF"
                                          "market.suppliers, policy.reserve_local ,"
                                          "evaluation.abnormally_low_action\r\n"
                                          "8.0,TRUE,reject\r\n"
                                          "9,0,off\n"
                                          "\n"
                                          "10,false,investigate\n",
                                          "points.csv");
    REQUIRE(p.params.size() == 3);
    CHECK(p.params[1].key == "policy.reserve_local");
    CHECK(p.points.values == std::vector<double>{8, 1, 1, 9, 0, 0, 10, 0, 2});
    CHECK(p.line == std::vector<std::uint32_t>{2, 3, 5});
    CHECK(p.params[0].range.lo == 8);
    CHECK(p.params[0].range.hi == 10);
    CHECK(p.params[0].range.integer);
    CHECK(p.params[2].range.levels == std::vector<double>{0, 1, 2});
    CHECK(canonical_points(p.params, p.points) ==
          "8,true,reject\n9,false,off\n10,false,investigate\n");
}

TEST_CASE("points file: every bad input names file, line, column and what was expected") {
    expect_points_error("market.suppliers,policy.price_wieght\n100,0.5\n",
                        "points.csv:1:2: column 'policy.price_wieght': unknown parameter; the "
                        "header names scenario parameter keys from docs/parameters.md (did you "
                        "mean 'policy.price_weight'?)");
    expect_points_error("policy.price_weight\n0.5\nabc\n",
                        "points.csv:3:1: column 'policy.price_weight': expected a number from 0 "
                        "to 1 (weight), got 'abc'");
    expect_points_error("policy.price_weight\n1.5\n",
                        "points.csv:2:1: column 'policy.price_weight': expected a number from 0 "
                        "to 1 (weight), got '1.5'");
    expect_points_error("policy.price_weight,market.suppliers\n0.5,120.5\n",
                        "points.csv:2:2: column 'market.suppliers': expected a whole number from 1 "
                        "to");
    expect_points_error("policy.reserve_local\nyes\n",
                        "points.csv:2:1: column 'policy.reserve_local': expected true or false "
                        "(TRUE/FALSE or 1/0 also do), got 'yes'");
    expect_points_error("evaluation.abnormally_low_action\nmaybe\n",
                        "points.csv:2:1: column 'evaluation.abnormally_low_action': expected one "
                        "of off|reject|investigate, got 'maybe'");
    expect_points_error("policy.price_weight,market.suppliers\n0.5,120\n0.6\n",
                        "points.csv:3: expected 2 fields, one per header column, got 1");
    expect_points_error("policy.price_weight,market.suppliers\n0.5,120,7\n",
                        "points.csv:2: expected 2 fields, one per header column, got 3");
    expect_points_error("", "points.csv: empty; expected a header line of parameter keys");
    expect_points_error("\n\n", "points.csv: empty; expected a header line of parameter keys");
    expect_points_error("policy.price_weight\n",
                        "points.csv: no design points; expected one line per point after the "
                        "header line");
    expect_points_error("policy.price_weight,market.suppliers,policy.price_weight\n0.5,120,0.5\n",
                        "points.csv:1:3: column 'policy.price_weight': expected each parameter "
                        "once, got it again (first in column 1)");
    expect_points_error(",policy.price_weight\n1,0.5\n",
                        "points.csv:1:1: expected a parameter key in every header field, got an "
                        "empty one (a row-name or index column? write the file with R's "
                        "row.names = FALSE or pandas' index=False)");
    expect_points_error("run.seed\n1\n", "points.csv:1:1: column 'run.seed': cannot be a design "
                                         "column");
    expect_points_error("policy.price_weight\n\"0.5\n",
                        "points.csv:2: a quoted field is not closed");
}

TEST_CASE("points design: sweep file errors") {
    const fs::path dir = test::scratch("points-errors");
    std::ofstream(dir / "points.csv") << "suppliers.markup_min,suppliers.markup_max\n"
                                         "0.1,0.3\n0.4,0.2\n";
    const auto load = [&](const std::string& body) {
        return SweepPlan(load_sweep_file(write_sweep(dir, "s.toml", body).string()));
    };
    // A row the scenario rules refuse is blamed on its line of the points file.
    CHECK_THROWS_WITH_AS(load(kPointsBody),
                         doctest::Contains("points.csv:3: key 'suppliers.markup_min': design "
                                           "point 1 (suppliers.markup_min=0.4, "
                                           "suppliers.markup_max=0.2) is not a valid scenario"),
                         SweepFileError);
    CHECK_THROWS_WITH_AS(load("[design]\ntype = \"points\"\nfile = \"nope.csv\"\n"),
                         doctest::Contains("s.toml:12: key 'design.file': points file 'nope.csv' "
                                           "not found"),
                         SweepFileError);
    CHECK_THROWS_WITH_AS(load("[design]\ntype = \"points\"\n"),
                         doctest::Contains("key 'design.file': missing; design 'points' reads"),
                         SweepFileError);
    CHECK_THROWS_WITH_AS(load(kPointsBody + "samples = 4\n"),
                         doctest::Contains("key 'design.samples': not a setting of design "
                                           "'points' (it takes: file)"),
                         SweepFileError);
    std::ofstream(dir / "points.csv", std::ios::trunc) << "policy.price_weight\n0.5\n";
    CHECK_THROWS_WITH_AS(
        load(kPointsBody + "[[parameter]]\nkey = \"policy.price_weight\"\nmin = 0\nmax = 1\n"),
        doctest::Contains("key 'parameter': a points design takes no [[parameter]] tables"),
        SweepFileError);
    CHECK(load(kPointsBody).point_count() == 1);
}
