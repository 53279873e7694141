#include "analysis/interleave.hpp"
#include "core/rng.hpp"
#include "experiment/sweep_definition.hpp"
#include "experiment/sweep_plan.hpp"
#include "experiment/sweep_rows.hpp"
#include "helpers.hpp"
#include "io/manifest.hpp"
#include "io/version.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <set>

using namespace tendersim::experiment;
using tendersim::derive_seed;
using tendersim::StreamPurpose;

namespace {

const char* kMorris = R"(seed = 5
replicates = 2
[design]
type = "morris"
trajectories = 3
levels = 4
[[parameter]]
key = "policy.price_weight"
min = 0.2
max = 0.8
[[parameter]]
key = "market.new_need_rate"
min = 0.01
max = 0.05
)";

std::string change_for(const SweepPlan& before, const SweepPlan& now) {
    return definition_change(before.definition(), now.definition());
}

} // namespace

TEST_CASE("plan: run r is replicate r / P of the r % P-th point in interleaved order") {
    const SweepPlan plan(test::load(kMorris));
    const std::size_t p = plan.point_count();
    CHECK(p == 3 * 3); // trajectories x (k + 1)
    CHECK(plan.run_count() == 2 * p);
    const auto order =
        tendersim::analysis::run_order(std::get<tendersim::analysis::MorrisDesign>(plan.design()));
    std::set<std::pair<std::size_t, std::int64_t>> seen;
    for (std::uint64_t r = 0; r < plan.run_count(); ++r) {
        const RunInfo info = plan.run(r);
        CHECK(info.run == r);
        CHECK(info.replicate == static_cast<std::int64_t>(r / p));
        CHECK(info.point == order[r % p]);
        CHECK(info.seed == derive_seed(5, StreamPurpose::Sweep, r));
        seen.insert({info.point, info.replicate});
    }
    CHECK(seen.size() == plan.run_count()); // every (point, replicate) exactly once
}

TEST_CASE("plan: seeds are distinct across runs and differ from replicate seeds") {
    // 2^20 run indices of one sweep seed: no collisions (with 53-bit seeds the chance is about
    // 2^39 / 2^53 = 6e-5 for any fixed seed, and this one is fixed; this guards against a
    // derivation that ignores the index or the purpose).
    std::vector<std::uint64_t> seeds;
    const std::uint64_t n = 1u << 20;
    seeds.reserve(n);
    for (std::uint64_t r = 0; r < n; ++r)
        seeds.push_back(derive_seed(20240601, StreamPurpose::Sweep, r));
    std::sort(seeds.begin(), seeds.end());
    CHECK(std::adjacent_find(seeds.begin(), seeds.end()) == seeds.end());
    CHECK(derive_seed(7, StreamPurpose::Sweep, 0) != derive_seed(7, StreamPurpose::Replicate, 0));
    CHECK(derive_seed(7, StreamPurpose::Sweep, 3) != derive_seed(8, StreamPurpose::Sweep, 3));
    // And the plan records exactly those seeds.
    const SweepPlan plan(test::load(kMorris));
    std::set<std::uint64_t> plan_seeds;
    for (std::uint64_t r = 0; r < plan.run_count(); ++r) plan_seeds.insert(plan.run(r).seed);
    CHECK(plan_seeds.size() == plan.run_count());
}

TEST_CASE("plan: scenario_for sets the point's values, the fingerprint follows what runs") {
    const SweepPlan plan(test::load(kMorris));
    const auto& pts = plan.points();
    for (std::size_t row = 0; row < plan.point_count(); ++row) {
        const auto spec = plan.scenario_for(row);
        CHECK(spec.policy.price_weight == pts.at(row, 0));
        CHECK(spec.market.new_need_rate == pts.at(row, 1));
    }
    CHECK(plan.fingerprint().size() == 64);
    CHECK(SweepPlan(test::load(kMorris)).fingerprint() == plan.fingerprint());
    // Text that changes no run (a comment) keeps the fingerprint; a changed range does not.
    CHECK(SweepPlan(test::load(std::string(kMorris) + "# a comment\n")).fingerprint() ==
          plan.fingerprint());
    std::string wider = kMorris;
    wider.replace(wider.find("max = 0.8"), 9, "max = 0.85");
    CHECK(SweepPlan(test::load(wider)).fingerprint() != plan.fingerprint());
    CHECK(change_for(plan, SweepPlan(test::load(wider))) ==
          "the sweep settings differ: parameter[0].max 0.8 -> 0.85");
    std::string more = kMorris;
    more.replace(more.find("replicates = 2"), 14, "replicates = 3");
    CHECK(change_for(plan, SweepPlan(test::load(more))) ==
          "the sweep settings differ: replicates 2 -> 3");
}

TEST_CASE("plan: the definition covers [[adopt]], the whole base chain and the engine build") {
    // data/resume-mix: kill.toml -> mid.toml -> grand.toml ([[adopt]]) -> small.toml.
    const std::string dir = test::kDataDir + "/resume-mix";
    const SweepPlan plan(load_sweep_file(dir + "/kill.toml"));
    const std::string& def = plan.definition();
    CHECK(plan.fingerprint() == tendersim::sha256_of(def));
    CHECK(def.find("engine_build = " + std::string(tendersim::kEngineBuild) + "\n") !=
          std::string::npos);
    CHECK(def.find("adopt[0].year = 3\nadopt[0].scope = all\n"
                   "adopt[0].policy.social_value_weight = 0.6\n") != std::string::npos);
    CHECK(def.find("market.suppliers = 2500\n") != std::string::npos); // from small.toml
    CHECK(def.find("run.years = 12\n") != std::string::npos);          // from kill.toml
    // Swept keys are set by each point, so the base value is not part of what runs.
    CHECK(def.find("\npolicy.price_weight = ") == std::string::npos);
    CHECK(def.find("sweep.parameter[0].key = policy.price_weight\n") != std::string::npos);

    std::string changed = def;
    changed.replace(changed.find("social_value_weight = 0.6"), 25, "social_value_weight = 0.2");
    CHECK(definition_change(def, changed) == "the resolved scenario of every design point differs: "
                                             "adopt[0].policy.social_value_weight 0.6 -> 0.2");
    std::string other_build = def;
    other_build.replace(other_build.find("engine_build = ") + 15, 3, "xyz");
    CHECK(definition_change(def, other_build)
              .starts_with(
                  "the engine build differs (the model sources or compiler settings changed: "));
    CHECK(definition_change("", def).find("older tendersim") != std::string::npos);
}

TEST_CASE("plan: the definition covers the base scenario's frameworks") {
    SweepSpec spec = test::load(kMorris);
    const std::string none = sweep_definition(spec);
    CHECK(none.find("\nframework[") == std::string::npos); // no framework lines without any
    tendersim::FrameworkSpec f;
    f.name = "ict";
    f.lots.push_back({"a", {"x"}, 3, 0.5, 0.1});
    spec.base.frameworks.push_back(f);
    const std::string with = sweep_definition(spec);
    CHECK(with.find("\nframework[0] = " + tendersim::framework_json(f) + "\n") !=
          std::string::npos);
    spec.base.frameworks[0].lots[0].max_suppliers = 4;
    CHECK(definition_change(with, sweep_definition(spec))
              .starts_with("the resolved scenario of every design point differs: framework[0] "));
}

TEST_CASE("plan: grid, lhs and sobol sizes") {
    const std::string p = "[[parameter]]\nkey = \"policy.price_weight\"\nmin = 0.2\nmax = 0.8\n"
                          "[[parameter]]\nkey = \"policy.reserve_local\"\n";
    CHECK(
        SweepPlan(test::load("[design]\ntype = \"grid\"\npoints_per_dim = 4\n" + p)).run_count() ==
        4 * 2); // the bool axis has its two values
    CHECK(SweepPlan(test::load("replicates = 3\n[design]\ntype = \"lhs\"\nsamples = 7\n" + p))
              .run_count() == 21);
    CHECK(SweepPlan(test::load("[design]\ntype = \"sobol\"\nbase_samples = 8\n" + p)).run_count() ==
          8 * (2 + 2));
}

TEST_CASE("rows: a boolean parameter is TRUE or FALSE in runs.csv, as R and pandas read it") {
    const SweepPlan plan(test::load("[design]\ntype = \"grid\"\n"
                                    "[outputs]\nmetrics = [\"hhi\"]\n"
                                    "[[parameter]]\nkey = \"policy.reserve_sme\"\n"));
    REQUIRE(plan.run_count() == 2);
    RunOutputs out;
    out.years = 1;
    out.final_values = {200};
    out.mean_values = {150};
    std::set<std::string> words;
    for (std::size_t r = 0; r < 2; ++r) {
        const RunInfo info = plan.run(r);
        const std::string payload = run_payload(plan, info, out);
        const std::string word = plan.points().at(info.point, 0) != 0.0 ? "TRUE" : "FALSE";
        CHECK(payload == std::to_string(r) + "," + std::to_string(info.point) + ",0," +
                             std::to_string(info.seed) + "," + word + ",200,150\n");
        words.insert(word);
    }
    CHECK(words == std::set<std::string>{"FALSE", "TRUE"});
}

TEST_CASE("rows: runs.csv header and a payload") {
    const SweepPlan plan(test::load("[design]\ntype = \"grid\"\npoints_per_dim = 2\n"
                                    "[outputs]\nmetrics = [\"hhi\", \"price_index\"]\n"
                                    "timeseries = true\n"
                                    "[[parameter]]\nkey = \"evaluation.abnormally_low_action\"\n"
                                    "values = [\"reject\", \"off\"]\n"));
    CHECK(runs_header(plan) == "run,point,replicate,seed,evaluation.abnormally_low_action,"
                               "final.hhi,final.price_index,mean.hhi,mean.price_index\n");
    RunOutputs out;
    out.years = 2;
    out.final_values = {200, 1.5};
    out.mean_values = {150, 1.25};
    out.series = {100, 1.0, 200, 1.5};
    const RunInfo info = plan.run(1);
    const std::string payload = run_payload(plan, info, out);
    const std::string word = info.point == 0 ? "reject" : "off";
    const std::string row = "1," + std::to_string(info.point) + ",0," + std::to_string(info.seed) +
                            "," + word + ",200,1.5,150,1.25\n";
    CHECK(payload == row + "1,1,hhi,100\n1,1,price_index,1\n1,2,hhi,200\n1,2,price_index,1.5\n");
    const PayloadParts parts = split_payload(payload);
    CHECK(parts.runs_row == row);
    CHECK(parts.timeseries.substr(0, 12) == "1,1,hhi,100\n");
}
