// Sweeps run in process on the tiny scenario: results do not depend on thread count or shard
// split, resume completes exactly the missing runs, and unsafe situations are refused.
#include "experiment/shard_file.hpp"
#include "experiment/shard_index.hpp"
#include "experiment/sweep_merge.hpp"
#include "experiment/sweep_runner.hpp"
#include "helpers.hpp"
#include "io/errors.hpp"

#include <doctest/doctest.h>
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
