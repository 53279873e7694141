// Robust comparison (issue 14, step 2): the report built from a robust result names what drives
// an effect and calls robust only what holds across the sets; on the real model, each parameter
// set's paired differences are those of a plain `compare --set <the set's values>`, and the
// outputs are the same bytes at 1 and 2 threads.
#include "experiment/compare.hpp"
#include "experiment/robust_compare.hpp"
#include "io/input_file_error.hpp"
#include "io/scenario_loader.hpp"
#include "io/sha256.hpp"
#include "validation/calibrate_setup.hpp"
#include "validation/parameter_sets.hpp"

#include <cmath>
#include <cstring>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>

using namespace tendersim;
using namespace tendersim::experiment;
namespace fs = std::filesystem;

namespace {

const std::string kData = TENDERSIM_SOURCE_DIR "/tests/experiment/data";

fs::path scratch(const std::string& name) {
    const auto dir =
        fs::temp_directory_path() / ("tendersim-robust-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::map<std::string, std::string> tree(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) {
            std::ifstream in(e.path(), std::ios::binary);
            std::ostringstream buf;
            buf << in.rdbuf();
            out[fs::relative(e.path(), dir).string()] = buf.str();
        }
    return out;
}

// A two-scenario comparison of one share metric in year 10, as built by hand.
CompareData synthetic_data(std::size_t replicates) {
    CompareData d;
    d.labels = {"baseline", "sv60"};
    d.files = {"baseline.toml", "sv60.toml"};
    d.metrics = {"sme_share_direct"};
    d.years = 10;
    d.years_at = {10};
    d.summary_year = 10;
    d.replicate_seeds.assign(replicates, 1);
    return d;
}

// 20 sets over the first two drawn parameters; the alternative's paired difference under set p
// on replicate r is effect(x0, x1) + a small deterministic wobble.
struct Synthetic {
    ParameterSets sets;
    RobustValues values;
};

Synthetic synthetic(const std::function<double(double, double)>& effect) {
    Synthetic s;
    const auto drawn = validation::drawn_parameters();
    s.sets.params = {drawn[0], drawn[1]};
    s.sets.points.cols = 2;
    auto& v = s.values;
    v.scenarios = 2, v.sets = 20, v.metrics = 1, v.years = 1, v.replicates = 5;
    v.values.assign(2 * 20 * 5, 0.0);
    for (std::size_t p = 0; p < 20; ++p) {
        // Two unrelated orders of the 20 sets on [0, 1].
        const double x0 = (static_cast<double>(p) + 0.5) / 20;
        const double x1 = (static_cast<double>((p * 7) % 20) + 0.5) / 20;
        s.sets.points.values.insert(s.sets.points.values.end(), {x0, x1});
        for (std::size_t r = 0; r < 5; ++r) {
            v.values[v.slot(0, p, 0, 0, r)] = 0.3;
            v.values[v.slot(1, p, 0, 0, r)] =
                0.3 + effect(x0, x1) + 0.002 * (static_cast<double>(r) - 2);
        }
    }
    return s;
}

} // namespace

TEST_CASE("robust report: an effect whose sign follows one parameter names it and is not robust") {
    const Synthetic s = synthetic([](double x0, double) { return 0.1 * (x0 - 0.5); });
    const CompareData data = synthetic_data(5);
    const auto rows = robust_rows(s.sets, s.values);
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].effect);
    CHECK(rows[0].effect->verdict == analysis::RobustnessVerdict::DependsOn);
    const std::string section = robustness_section(data, rows);
    INFO(section);
    const std::string driver = s.sets.params[0].key;
    CHECK(section.find("**depends on** " + driver + " (rho 1.00)") != std::string::npos);
    CHECK(section.find("a source for it would settle it") != std::string::npos);
    CHECK(section.find("**robust**") == std::string::npos);
    CHECK(section.find(s.sets.params[1].key) == std::string::npos); // the unrelated one
    const std::string csv = robustness_csv(data, rows);
    CHECK(csv.find(",depends on," + driver + " (rho 1.00)\n") != std::string::npos);
}

TEST_CASE("robust report: an effect in every set is called robust, higher in all 20 sets") {
    const Synthetic s = synthetic([](double x0, double) { return 0.02 + 0.05 * x0; });
    const CompareData data = synthetic_data(5);
    const auto rows = robust_rows(s.sets, s.values);
    REQUIRE(rows[0].effect);
    const std::string section = robustness_section(data, rows);
    INFO(section);
    CHECK(section.find("**robust**: higher in all 20 sets") != std::string::npos);
    // The size follows x0 exactly: named, without taking the verdict back.
    CHECK(section.find("its size follows " + s.sets.params[0].key + " (rho 1.00).") !=
          std::string::npos);
    CHECK(section.find("**depends on**") == std::string::npos);
    CHECK(section.find("+4.50 pts (") != std::string::npos); // median 0.02 + 0.05 * 0.5
}

TEST_CASE("robust report: no effect in any set is within noise") {
    // The wobble alone: every set's differences straddle zero.
    const Synthetic s = synthetic([](double, double) { return 0.0; });
    const CompareData data = synthetic_data(5);
    const std::string section = robustness_section(data, robust_rows(s.sets, s.values));
    INFO(section);
    CHECK(section.find("**within noise**") != std::string::npos);
    CHECK(section.find("More replicates would tell") != std::string::npos);
    CHECK(section.find("differ no more than their noise explains (p = 1") != std::string::npos);
}

TEST_CASE("robust report: one replicate per set and no driver is undetermined, not within noise") {
    Synthetic s = synthetic([](double, double) { return 0.01; });
    // Keep replicate 0 of each set only.
    RobustValues one = s.values;
    one.replicates = 1;
    one.values.assign(2 * 20, 0.0);
    for (std::size_t sc = 0; sc < 2; ++sc)
        for (std::size_t p = 0; p < 20; ++p)
            one.values[one.slot(sc, p, 0, 0, 0)] = s.values.at(sc, p, 0, 0, 0);
    const auto rows = robust_rows(s.sets, one);
    REQUIRE(rows[0].effect);
    CHECK(rows[0].effect->verdict == analysis::RobustnessVerdict::Undetermined);
    const std::string section = robustness_section(synthetic_data(1), rows);
    INFO(section);
    CHECK(section.find("**undetermined**") != std::string::npos);
    CHECK(section.find("noise not measured with one replicate") != std::string::npos);
    CHECK(section.find("**robust**") == std::string::npos);
}

TEST_CASE("robust compare on the real model: each set's paired differences are compare --set's, "
          "and 1 and 2 threads give the same bytes") {
    CompareConfig config;
    config.scenario_paths = {kData + "/tiny.toml", kData + "/tiny-variant.toml"};
    config.replicates = 2;
    config.years = 3;
    config.years_at = {2, 3};
    const ParameterSets sets = validation::draw_parameter_sets(3, 99);
    REQUIRE(sets.size() == 3);

    std::map<std::string, std::string> outputs[2];
    RobustValues values;
    for (const int threads : {1, 2}) {
        const RobustPlan plan = make_robust_plan(prepare_comparison(config), sets);
        RobustOptions opt;
        opt.out_parent = scratch("t" + std::to_string(threads));
        opt.threads = threads;
        const RobustOutcome out = run_robust_compare(plan, opt);
        REQUIRE(out.status == SweepStatus::Complete);
        CHECK(out.runs_total == 3 * 2 * 2);
        for (const char* f : {"robustness.csv", "report.md", "manifest.json", "effects.csv",
                              "sets.csv", "scenarios.csv", "sweeps/tiny/timeseries.csv"})
            CHECK_MESSAGE(fs::exists(out.dir / f), f);
        outputs[threads - 1] = tree(out.dir);
        if (threads == 1) values = read_robust_values(plan, out.dir);
        fs::remove_all(opt.out_parent);
    }
    CHECK(outputs[0] == outputs[1]);

    // The mechanism: set p's values as --set overrides on a plain comparison.
    for (std::size_t p = 0; p < sets.size(); ++p) {
        CompareConfig plain = config;
        for (std::size_t c = 0; c < sets.params.size(); ++c)
            plain.overrides.push_back(sets.params[c].key + "=" +
                                      param_text(sets.params[c], sets.points.at(p, c)));
        const CompareData d = collect_comparison(plain);
        std::size_t compared = 0;
        for (std::size_t m = 0; m < d.metrics.size(); ++m)
            for (std::size_t y = 0; y < d.years_at.size(); ++y)
                for (std::size_t r = 0; r < d.replicates(); ++r) {
                    const double a = d.values[d.slot(0, m, y, r)];
                    const double b = d.values[d.slot(1, m, y, r)];
                    const double ra = values.at(0, p, m, y, r), rb = values.at(1, p, m, y, r);
                    INFO("set " << p << " metric " << d.metrics[m] << " year " << d.years_at[y]
                                << " replicate " << r);
                    CHECK(std::isnan(a) == std::isnan(ra));
                    CHECK(std::isnan(b) == std::isnan(rb));
                    if (std::isnan(a) || std::isnan(b)) continue;
                    CHECK(ra == a);
                    CHECK(rb - ra == b - a);
                    ++compared;
                }
        CHECK(compared > d.metrics.size()); // most metrics are defined
    }
}

TEST_CASE("robust compare in 4 shards, then resume without a shard, gives one process's bytes") {
    CompareConfig config;
    config.scenario_paths = {kData + "/tiny.toml", kData + "/tiny-variant.toml"};
    config.replicates = 2;
    config.years = 3;
    const ParameterSets sets = validation::draw_parameter_sets(3, 7);
    const RobustPlan plan = make_robust_plan(prepare_comparison(config), sets);
    const fs::path one_dir = scratch("one"), shards_dir = scratch("shards");
    RobustOptions opt;
    opt.out_parent = one_dir;
    const RobustOutcome one = run_robust_compare(plan, opt);
    REQUIRE(one.status == SweepStatus::Complete);

    // 6 runs per scenario: shards 0 and 1 own 2 of each, shards 2 and 3 own 1.
    opt.out_parent = shards_dir;
    for (const std::uint64_t k : {3u, 0u, 2u, 1u}) {
        opt.shard = {k, 4};
        const RobustOutcome out = run_robust_compare(plan, opt);
        REQUIRE(out.status == SweepStatus::ShardComplete);
        CHECK(out.runs_total == (k < 2 ? 4u : 2u));
        CHECK(out.runs_now == out.runs_total);
        for (const char* f : {"manifest.json", "report.md", "robustness.csv", "sets.csv"})
            CHECK_MESSAGE(!fs::exists(out.dir / f), f);
        CHECK(fs::exists(out.dir / "sweeps/tiny-variant/shards" /
                         ("shard-" + std::to_string(k) + "-of-4.records")));
    }
    // A shard --resume finds done does nothing and still ends as a shard.
    opt.shard = {1, 4};
    opt.resume = true;
    const RobustOutcome again = run_robust_compare(plan, opt);
    CHECK(again.status == SweepStatus::ShardComplete);
    CHECK(again.runs_now == 0);
    CHECK(again.runs_before == 4);

    opt.shard = {};
    const RobustOutcome merged = run_robust_compare(plan, opt);
    REQUIRE(merged.status == SweepStatus::Complete);
    CHECK(merged.runs_now == 0);
    CHECK(merged.runs_total == 12);
    CHECK(tree(merged.dir) == tree(one.dir));
    CHECK(merged.rows.size() == one.rows.size());
    fs::remove_all(one_dir);
    fs::remove_all(shards_dir);
}

namespace {

std::string file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

// The value of `key = "..."` in an ensemble file's header.
std::string header_string(const std::string& text, const std::string& key) {
    const std::string start = "\n" + key + " = \"";
    const auto at = text.find(start);
    if (at == std::string::npos) return {};
    const auto from = at + start.size();
    return text.substr(from, text.find('"', from) - from);
}

} // namespace

// The main job's robustness section runs on the committed ensemble: it must still load, and it
// must have been calibrated on today's baseline and targets (regenerate it, as
// docs/experiments.md says, when either changes).
TEST_CASE("the committed ensemble loads and was calibrated on the current baseline and targets") {
    const std::string root = TENDERSIM_SOURCE_DIR;
    const std::string path = root + "/scenarios/ensembles/baseline.toml";
    const ParameterSets sets = validation::read_ensemble(path);
    CHECK(sets.size() == 20);
    CHECK(sets.calibrated_scenario == "baseline");
    const std::string text = file_text(path);
    CHECK(header_string(text, "scenario_sha256") ==
          sha256_hex(file_text(root + "/scenarios/baseline.toml")));
    CHECK(header_string(text, "targets_sha256") ==
          sha256_hex(file_text(root + "/validation/targets.toml")));
}

namespace {

// A small ensemble over the first drawn parameter: one [[member]] per value (and draw number).
std::string ensemble_text(const std::vector<std::pair<int, double>>& members) {
    const auto p = validation::drawn_parameters().front();
    std::string t = "schema_version = 1\nkind = \"tendersim-calibration-ensemble\"\n";
    for (const auto& [draw, value] : members)
        t += "\n[[member]]\ndraw = " + std::to_string(draw) + "\n[member.values]\n\"" + p.key +
             "\" = " + param_text(p, value) + "\n";
    return t;
}

// read_ensemble's error on `text`, written to a scratch file named `name`.
std::string ensemble_error(const std::string& name, const std::string& text,
                           std::uint32_t* line = nullptr) {
    const fs::path dir = scratch("ensemble-" + name);
    const fs::path path = dir / name;
    std::ofstream(path, std::ios::binary) << text;
    std::string message;
    try {
        validation::read_ensemble(path.string());
    } catch (const InputFileError& e) {
        message = e.what();
        if (line) *line = e.line();
    }
    fs::remove_all(dir);
    return message;
}

} // namespace

TEST_CASE("an ensemble needs 2 members, each listed once") {
    const auto p = validation::drawn_parameters().front();
    const double a = p.range.lo + 0.25 * (p.range.hi - p.range.lo);
    const double b = p.range.lo + 0.75 * (p.range.hi - p.range.lo);
    std::uint32_t line = 0;
    std::string e = ensemble_error("one.toml", ensemble_text({{3, a}}), &line);
    CHECK(e.find("one.toml:4: a robust comparison needs at least 2 members, found 1 (calibrate "
                 "kept 1 draw: use more --draws or a larger --accept)") != std::string::npos);
    CHECK(line == 4);
    // The same draw again (an ensemble's members appended to it), then the same values under
    // another draw number: both members' lines named.
    e = ensemble_error("twice.toml", ensemble_text({{3, a}, {4, b}, {3, a}}));
    CHECK(e.find("twice.toml:15: key 'member[2].draw': draw 3 again: member[0] (line 4) is the "
                 "same draw") != std::string::npos);
    e = ensemble_error("same.toml", ensemble_text({{3, a}, {4, b}, {5, b}}));
    CHECK(e.find("same.toml:14: key 'member[2]': the same values as member[1] (line 9)") !=
          std::string::npos);
    CHECK(ensemble_error("fine.toml", ensemble_text({{3, a}, {4, b}})).empty());
}

TEST_CASE("ensemble errors without a line of their own point at line 1") {
    std::uint32_t line = 0;
    CHECK(ensemble_error("empty.toml", "", &line)
              .find("empty.toml:1: key 'schema_version': "
                    "missing") != std::string::npos);
    CHECK(line == 1);
    line = 0;
    const std::string members =
        ensemble_text({{3, 0}, {4, 0}}).substr(std::strlen("schema_version = 1\n"));
    CHECK(ensemble_error("noversion.toml", members, &line)
              .find("noversion.toml:1: key 'schema_version': missing") != std::string::npos);
    CHECK(line == 1);
    line = 0;
    CHECK(ensemble_error("nomember.toml", "schema_version = 1\n", &line)
              .find("nomember.toml:1: key 'member': no [[member]] table") != std::string::npos);
    CHECK(line == 1);
}

TEST_CASE("held parameters: scenario values the sets replace and adoptions they cannot vary") {
    const std::string root = TENDERSIM_SOURCE_DIR "/scenarios/";
    const std::vector<ScenarioSpec> specs = {load_scenario_file(root + "baseline.toml"),
                                             load_scenario_file(root + "national.toml"),
                                             load_scenario_file(root + "sme-lots.toml")};
    const auto listed = [](const std::vector<HeldParameter>& held, std::size_t s) {
        std::string t;
        for (const auto& h : held)
            if (h.scenario == s)
                t += h.key + "=" + h.value + "@" + std::to_string(h.adopted_from) + " ";
        return t;
    };
    // Against the scenario the committed ensemble was calibrated on: baseline holds nothing,
    // national its own market, sme-lots the lot cost it adopts in year 5.
    const auto held = held_parameters(specs, validation::drawn_parameters(), specs[0]);
    CHECK(listed(held, 0).empty());
    CHECK(listed(held, 1) == "market.spend_per_capita_gbp=62@0 market.sme_two_region_share=0.3@0 "
                             "market.large_reach_regions=4@0 suppliers.large_cost_premium=0.06@0 ");
    CHECK(listed(held, 2) == "policy.lot_admin_cost_gbp=2000@5 ");
    // Against the defaults (--robust): baseline's calibrated values are replaced too.
    CHECK(listed(held_parameters(specs, validation::drawn_parameters()), 0) ==
          "market.sme_two_region_share=0.45@0 suppliers.large_cost_premium=0.03@0 ");
}

TEST_CASE("held parameters reach the note, report.md and manifest.json") {
    const std::string root = TENDERSIM_SOURCE_DIR;
    CompareConfig config;
    config.scenario_paths = {root + "/scenarios/baseline.toml", root + "/scenarios/sme-lots.toml"};
    config.replicates = 2;
    const ParameterSets ensemble =
        validation::read_ensemble(root + "/scenarios/ensembles/baseline.toml");
    const RobustPlan plan = make_robust_plan(prepare_comparison(config), ensemble);
    CHECK(plan.held_reference == "its value in " + root +
                                     "/scenarios/baseline.toml (the scenario the ensemble was "
                                     "calibrated on)");
    REQUIRE(plan.held.size() == 1);
    const std::string text =
        held_parameters_text(plan.comparison.data, plan.held, plan.held_reference);
    INFO(text);
    CHECK(text.find("Parameters the sets do not vary as drawn.") == 0);
    CHECK(text.find("- sme-lots: set by an [[adopt]], so the same in every set from that year on "
                    "where it applies: policy.lot_admin_cost_gbp = 2000 from year 5.\n") !=
          std::string::npos);
    CHECK(text.find("- baseline") == std::string::npos);
    const std::string report = robust_report_md(plan.comparison.data, plan.sets, {}, text);
    CHECK(report.find(text) != std::string::npos);
    const std::string manifest = robust_manifest_json(plan);
    CHECK(manifest.find("{\"scenario\": \"sme-lots\", \"key\": \"policy.lot_admin_cost_gbp\", "
                        "\"value\": \"2000\", \"by\": \"adopt\", \"from_year\": 5}") !=
          std::string::npos);

    // --set on a drawn parameter: every scenario's value is replaced by the sets'.
    CompareConfig tiny;
    tiny.scenario_paths = {kData + "/tiny.toml", kData + "/tiny-variant.toml"};
    tiny.replicates = 1;
    const auto p = validation::drawn_parameters().front();
    const std::string value = param_text(p, p.range.lo);
    tiny.overrides = {p.key + "=" + value};
    const RobustPlan drawn =
        make_robust_plan(prepare_comparison(tiny), validation::draw_parameter_sets(2, 1));
    CHECK(drawn.held_reference == "its default");
    REQUIRE(drawn.held.size() == 2);
    for (std::size_t s = 0; s < 2; ++s) {
        CHECK(drawn.held[s].scenario == s);
        CHECK(drawn.held[s].key == p.key);
        CHECK(drawn.held[s].value == value);
        CHECK(drawn.held[s].adopted_from == 0);
    }
}
