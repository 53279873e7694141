// Sweeps run in process on the tiny scenario: results do not depend on thread count or shard
// split, resume completes exactly the missing runs, and unsafe situations are refused.
#include "core/run_plan.hpp"
#include "experiment/shard_file.hpp"
#include "experiment/shard_index.hpp"
#include "experiment/sweep_merge.hpp"
#include "experiment/sweep_runner.hpp"
#include "helpers.hpp"
#include "io/errors.hpp"

#include <doctest/doctest.h>
#include <map>
#include <set>
#include <sstream>

using namespace tendersim::experiment;
namespace fs = std::filesystem;

namespace {

const char* kSweep = R"(name = "unit"
seed = 3
replicates = 2
[design]
type = "morris"
trajectories = 3
levels = 4
[outputs]
metrics = ["sme_share_direct", "bids_per_tender", "hhi"]
timeseries = true
[[parameter]]
key = "policy.price_weight"
min = 0.3
max = 0.9
[[parameter]]
key = "market.suppliers"
min = 120
max = 240
)";

SweepOutcome sweep(const SweepPlan& plan, const fs::path& dir, int threads, ShardSpec shard = {},
                   bool resume = false, bool restart = false) {
    SweepOptions o;
    o.sweep_dir = dir;
    o.threads = threads;
    o.shard = shard;
    o.resume = resume;
    o.restart = restart;
    return run_sweep(plan, o);
}

} // namespace

TEST_CASE("sweep: identical bytes at 1 and 2 threads and across shard splits") {
    const SweepPlan plan(test::load(kSweep));
    const fs::path root = test::scratch("sweep-run");
    CHECK(sweep(plan, root / "t1", 1).status == SweepStatus::Complete);
    CHECK(sweep(plan, root / "t2", 2).status == SweepStatus::Complete);
    const auto reference = test::tree(root / "t1");
    CHECK(reference.size() == 4); // runs, timeseries, sensitivity, manifest; no shards left
    CHECK(reference.count("runs.csv"));
    CHECK(reference.count("timeseries.csv"));
    CHECK(reference.count("sensitivity.csv"));
    CHECK(test::tree(root / "t2") == reference);
    // runs.csv: header plus one row per run, in run order: 3 trajectories x (2 + 1) points x 2
    // replicates = 18 runs.
    CHECK(plan.run_count() == 18);
    const std::string runs = reference.at("runs.csv");
    CHECK(std::count(runs.begin(), runs.end(), '\n') == 1 + 18);
    CHECK(runs.find("\n0,") != std::string::npos);
    CHECK(runs.find("\n17,") != std::string::npos);

    for (std::uint64_t k = 0; k < 3; ++k)
        CHECK(sweep(plan, root / "sh", 2, {k, 3}).status == SweepStatus::ShardComplete);
    merge_shards(plan, root / "sh");
    CHECK(test::tree(root / "sh") == reference);
    CHECK_THROWS_WITH(merge_shards(plan, root / "sh"), doctest::Contains("already merged"));
}

TEST_CASE("sweep: resume finishes only the missing runs, torn record included") {
    const SweepPlan plan(test::load(kSweep));
    const fs::path root = test::scratch("sweep-resume");
    sweep(plan, root / "full", 2);
    const fs::path dir = root / "part";
    {
        // What an interrupted sweep leaves: some runs done, the last record cut short.
        ShardWriter w(shards_dir(dir) / "main.records", plan.fingerprint(), plan.definition());
        for (const std::uint64_t r : {0, 1, 2, 5, 8}) w.append(r, detail::compute_run(plan, r));
    }
    {
        const std::string torn = encode_record(9, detail::compute_run(plan, 9));
        std::ofstream(shards_dir(dir) / "main.records", std::ios::binary | std::ios::app)
            << torn.substr(0, torn.size() / 2);
    }
    CHECK_THROWS_WITH(merge_shards(plan, dir),
                      doctest::Contains("13 of 18 runs have no result yet (first missing: run 3"));
    // Without --resume the partial work is protected.
    CHECK_THROWS_WITH(sweep(plan, dir, 2),
                      doctest::Contains("holds an interrupted sweep (5 of 18 "
                                        "runs done). Run again with --resume"));
    const SweepOutcome out = sweep(plan, dir, 2, {}, true);
    CHECK(out.status == SweepStatus::Complete);
    CHECK(out.runs_before == 5);
    CHECK(out.runs_now == 13);
    CHECK(test::tree(dir) == test::tree(root / "full"));
    // Resuming a finished sweep does nothing.
    CHECK(sweep(plan, dir, 2, {}, true).status == SweepStatus::AlreadyComplete);
}

TEST_CASE("sweep: a changed sweep definition is never mixed with old partial results") {
    const SweepPlan plan(test::load(kSweep));
    std::string edited = kSweep;
    edited.replace(edited.find("min = 120"), 9, "min = 130");
    const SweepPlan changed(test::load(edited));
    const fs::path dir = test::scratch("sweep-changed") / "s";
    {
        ShardWriter w(shards_dir(dir) / "main.records", plan.fingerprint(), plan.definition());
        w.append(0, detail::compute_run(plan, 0));
    }
    CHECK_THROWS_WITH(sweep(changed, dir, 1, {}, true),
                      doctest::Contains("different sweep definition: the sweep settings differ: "
                                        "parameter[1].min 120 -> 130"));
    CHECK_THROWS_WITH(sweep(changed, dir, 1), doctest::Contains("different sweep definition"));
    // --restart discards them.
    CHECK(sweep(changed, dir, 2, {}, false, true).status == SweepStatus::Complete);
    CHECK(finished_fingerprint(dir) == changed.fingerprint());
    // --resume over the finished results of another definition says it runs everything again.
    std::ostringstream log;
    SweepOptions o;
    o.sweep_dir = dir;
    o.threads = 2;
    o.resume = true;
    o.log = &log;
    CHECK(run_sweep(plan, o).runs_before == 0);
    CHECK(log.str().find("holds the finished results of another sweep definition") !=
          std::string::npos);
    CHECK(finished_fingerprint(dir) == plan.fingerprint());
}

TEST_CASE("sweep: a stop request leaves saved runs that resume completes") {
    const SweepPlan plan(test::load(kSweep));
    const fs::path root = test::scratch("sweep-cancel");
    std::atomic<bool> cancel{true}; // stop before the first run
    SweepOptions o;
    o.sweep_dir = root / "c";
    o.threads = 2;
    o.cancel = &cancel;
    const SweepOutcome out = run_sweep(plan, o);
    CHECK(out.status == SweepStatus::Interrupted);
    CHECK(out.runs_now == 0);
    CHECK(sweep(plan, root / "c", 2, {}, true).status == SweepStatus::Complete);
    sweep(plan, root / "ref", 1);
    CHECK(test::tree(root / "c") == test::tree(root / "ref"));
}

TEST_CASE("sweep: a foreign shard file gets advice that keeps this sweep's runs") {
    const SweepPlan plan(test::load(kSweep));
    // Another sweep: the same file but another seed, so other runs.
    std::string other_text = kSweep;
    other_text.replace(other_text.find("seed = 3"), 8, "seed = 4");
    const SweepPlan other(test::load(other_text));
    REQUIRE(other.fingerprint() != plan.fingerprint());
    const fs::path dir = test::scratch("sweep-foreign") / "s";
    {
        ShardWriter w(shards_dir(dir) / "main.records", plan.fingerprint(), plan.definition());
        w.append(0, detail::compute_run(plan, 0));
        w.append(1, detail::compute_run(plan, 1));
    }
    const fs::path stray = shards_dir(dir) / "shard-0-of-4.records";
    {
        ShardWriter w(stray, other.fingerprint(), other.definition());
        w.append(0, detail::compute_run(other, 0));
    }
    for (const bool resume : {true, false}) {
        CAPTURE(resume);
        try {
            sweep(plan, dir, 1, {}, resume);
            FAIL("expected an error");
        } catch (const tendersim::InputError& e) {
            const std::string m = e.what();
            CHECK(m.starts_with(stray.string() + " holds runs of a different sweep definition"));
            CHECK(m.find("move it out of " + shards_dir(dir).string()) != std::string::npos);
            CHECK(m.find("Do not use --restart: it would also discard the 2 runs of this sweep") !=
                  std::string::npos);
        }
    }
    // A file that is no shard file at all is named too.
    fs::rename(stray, dir / "stray.records");
    std::ofstream(shards_dir(dir) / "notes.records") << "my notes\n";
    CHECK_THROWS_WITH_AS(sweep(plan, dir, 1, {}, true),
                         doctest::Contains("notes.records is not a tendersim sweep shard file"),
                         tendersim::InputError);
    fs::remove(shards_dir(dir) / "notes.records");
    // Moved away as advised, the sweep resumes with its two runs kept.
    const SweepOutcome out = sweep(plan, dir, 2, {}, true);
    CHECK(out.status == SweepStatus::Complete);
    CHECK(out.runs_before == 2);
}

namespace {

// The weight every council adopts in year 3, swept on common seeds: the points of a replicate
// share the burn-in and years 1-2.
const char* kAdoptedSweep = R"(name = "adopted"
seed = 5
replicates = 3
years = 5
common_seeds = true
adopt_year = 3
[set]
"run.burn_in_years" = 2
[design]
type = "grid"
[outputs]
metrics = ["sme_share_direct", "bids_per_tender", "social_value_delivered_per_pound"]
timeseries = true
[[parameter]]
key = "policy.social_value_weight"
values = [0.0, 0.2, 0.4, 0.6]
[[parameter]]
key = "policy.price_weight"
values = [0.5, 0.7]
)";

} // namespace

TEST_CASE("sweep: points that share their first years simulate them once, with the same bytes") {
    const SweepPlan plan(test::load(kAdoptedSweep));
    CHECK(detail::shared_years(plan) == 2 + 2);
    // Common seeds: replicate r of every point has tendersim run's seed of replicate r.
    for (std::uint64_t run = 0; run < plan.run_count(); ++run) {
        const RunInfo info = plan.run(run);
        CHECK(info.seed ==
              tendersim::replicate_seed(5, static_cast<std::uint64_t>(info.replicate)));
    }
    // Each point adopts its values in year 3, after the base scenario's own adoptions.
    const tendersim::ScenarioSpec point = plan.scenario_for(3);
    REQUIRE(!point.adoptions.empty());
    CHECK(point.adoptions.back().year == 3);
    CHECK(point.adoptions.back().keys ==
          std::vector<std::string>{"social_value_weight", "price_weight"});
    const fs::path root = test::scratch("sweep-shared");
    SweepOptions o;
    o.threads = 2;
    o.sweep_dir = root / "shared";
    CHECK(run_sweep(plan, o).status == SweepStatus::Complete);
    o.sweep_dir = root / "separate";
    o.share_prefix = false;
    CHECK(run_sweep(plan, o).status == SweepStatus::Complete);
    const auto shared = test::tree(root / "shared");
    CHECK(shared == test::tree(root / "separate"));
    // The points part from year 3: years 1-2 are the same in every point of a replicate, year 5
    // is not (social value per pound rises with its weight).
    const std::string series = shared.at("timeseries.csv"); // run,year,metric,value
    CHECK(std::count(series.begin(), series.end(), '\n') == 1 + 8 * 3 * 5 * 3);
    std::map<std::pair<std::int64_t, std::string>, std::set<std::string>> values; // (year, metric)
    std::istringstream rows(series);
    std::string row;
    std::getline(rows, row);
    while (std::getline(rows, row)) {
        std::istringstream fields(row);
        std::string run, year, metric, value;
        std::getline(fields, run, ','), std::getline(fields, year, ','),
            std::getline(fields, metric, ','), std::getline(fields, value);
        // Replicate 0 only: runs 0-7.
        if (std::stoi(run) < 8) values[{std::stoi(year), metric}].insert(value);
    }
    for (const std::int64_t y : {1, 2}) CHECK(values[{y, "sme_share_direct"}].size() == 1);
    CHECK(values[{5, "social_value_delivered_per_pound"}].size() > 1);
    // Units cut so two workers have work: 3 replicates of 8 points make 8 units or more.
    std::vector<std::uint64_t> todo(plan.run_count());
    for (std::uint64_t r = 0; r < todo.size(); ++r) todo[r] = r;
    const auto units = detail::shared_units(plan, todo, 2);
    CHECK(units.size() >= 8);
    for (const auto& u : units) {
        REQUIRE(!u.empty());
        CHECK(plan.run(u.front()).replicate == plan.run(u.back()).replicate);
    }
}

TEST_CASE("sweep: adopt_year takes policy parameters only, in a year the runs reach") {
    CHECK_THROWS_WITH(test::load("years = 5\nadopt_year = 6\n[design]\ntype = \"grid\"\n"
                                 "[[parameter]]\nkey = \"policy.price_weight\"\nvalues = [0.5]\n"),
                      doctest::Contains("adopt_year': expected a year the runs reach, 1 to 5"));
    CHECK_THROWS_WITH(test::load("adopt_year = 2\n[design]\ntype = \"grid\"\n"
                                 "[[parameter]]\nkey = \"market.suppliers\"\nvalues = [100]\n"),
                      doctest::Contains("market.suppliers acts from the market's build"));
    // Without common seeds the points never share a seed, so nothing is shared.
    const SweepPlan own_seeds(test::load("adopt_year = 2\n[design]\ntype = \"grid\"\n"
                                         "[[parameter]]\nkey = \"policy.price_weight\"\n"
                                         "values = [0.5, 0.6]\n"));
    CHECK(detail::shared_years(own_seeds) == 0);
    // The settings are part of the definition only when set, so earlier sweeps keep theirs.
    CHECK(own_seeds.definition().find("sweep.adopt_year = 2") != std::string::npos);
    CHECK(own_seeds.definition().find("common_seeds") == std::string::npos);
}
