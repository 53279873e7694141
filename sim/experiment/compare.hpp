#pragma once
// `tendersim compare A.toml B.toml [C.toml ...]`: paired comparison of policies under common
// random numbers. Replicate r of every scenario runs with the same seed, replicate_seed(seed, r)
// (core/run_plan.hpp) -- the seed `tendersim run` gives its replicate r -- so scenario
// differences are compared seed by seed and luck of the draw cancels out.
#include "analysis/stats.hpp"
#include "core/spec.hpp"
#include "experiment/metrics_select.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace tendersim::experiment {

struct CompareConfig {
    std::vector<std::string> scenario_paths; // the first is the reference
    std::int64_t replicates = 10;
    std::optional<std::int64_t> seed;   // default: the first scenario's run.seed
    std::optional<std::int64_t> years;  // default: the first scenario's run.years
    std::vector<std::int64_t> years_at; // simulated years to report; empty = the final year
    // The year of report.md's summary: default the latest reported year (the final year unless
    // --years-at leaves it out); a year not in years_at is added to it.
    std::optional<std::int64_t> summary_year;
    std::vector<std::string> metrics;   // empty = the headline metrics
    std::vector<std::string> overrides; // key=value applied to every scenario
    int threads = 1;
    std::string out_parent = "results";
    std::ostream* log = nullptr; // notes and progress; null for quiet
    bool terminal = false;       // log is a terminal (progress rewrites one line)
    // Simulate the years every scenario shares once per replicate and branch from there
    // (io/spec_prefix.hpp); the outputs are the same either way (--no-prefix-sharing: off).
    bool share_prefix = true;
};

// Every replicate's value of every metric at every reported year, per scenario.
struct CompareData {
    std::vector<std::string> labels; // scenario names, made unique
    std::vector<std::string> files;
    std::vector<std::string> descriptions;
    // The first year a scenario's [[adopt]] changes policy; nullopt if it never does. Charts
    // draw a rule there.
    std::vector<std::optional<std::int64_t>> policy_from;
    std::vector<std::string> sha256;              // of each scenario file
    std::vector<std::vector<SourceFile>> sources; // each file, then its chain of base files
    std::uint64_t seed = 0;
    std::vector<std::uint64_t> replicate_seeds;
    std::int64_t years = 0;
    std::vector<std::int64_t> years_at;
    std::int64_t summary_year = 0; // one of years_at; 0 = the latest of years_at
    std::vector<std::string> metrics;
    std::vector<double> values; // [scenario][metric][year_at][replicate]
    // Simulated years (burn-in included) every scenario shares, run once per replicate; 0 when
    // they differ from the build or sharing is off. Changes how the values are computed, never
    // what they are, so no output file records it.
    std::int64_t shared_years = 0;

    std::size_t replicates() const { return replicate_seeds.size(); }
    std::size_t slot(std::size_t s, std::size_t m, std::size_t y, std::size_t r) const {
        return ((s * metrics.size() + m) * years_at.size() + y) * replicates() + r;
    }
    std::vector<double> series(std::size_t s, std::size_t m, std::size_t y) const;
    // Index into years_at of the summary year.
    std::size_t summary_index() const;
};

// One scenario at one metric and year: its level, and for scenarios after the first the paired
// difference from the first.
struct ComparisonRow {
    std::size_t metric = 0;
    std::size_t year = 0; // index into years_at
    std::size_t scenario = 0;
    analysis::MeanCI level;
    std::optional<analysis::PairedDifference> diff;
};

std::vector<ComparisonRow> summarise(const CompareData& data);

// A comparison checked and ready to run: data without values, and each scenario as it runs
// (the shared overrides and the common run.years applied), with its metric selection.
struct PreparedComparison {
    CompareData data;
    std::vector<ScenarioSpec> specs;
    std::vector<MetricSelection> selections;
};

// Loads and checks everything collect_comparison runs (throws as it does), running nothing.
PreparedComparison prepare_comparison(const CompareConfig& config);

// Runs every scenario's replicates in parallel (results do not depend on the thread count).
// Throws ScenarioError for invalid scenarios before anything runs. before_runs, if given, is
// called once everything is checked and the labels are known, just before the runs start.
CompareData collect_comparison(const CompareConfig& config,
                               const std::function<void(const CompareData&)>& before_runs = {});

struct CompareResult {
    std::string out_dir;
    std::string table; // the terminal table
    double seconds = 0;
};

// collect, summarise, and write comparison.csv, replicates.csv, report.md and manifest.json to
// <out_parent>/compare-<A>-vs-<B>[...]/ (staged: the directory appears whole or not at all;
// locked from before the runs start, so a second compare into it stops at once).
CompareResult run_compare(const CompareConfig& config);

// Output texts (exposed for tests).
std::string comparison_csv(const CompareData& data, const std::vector<ComparisonRow>& rows);
std::string replicates_csv(const CompareData& data);
// scenarios.csv: name, role, file, policy_from, description: what a chart needs to label a
// scenario as a reader knows it.
std::string scenarios_csv(const CompareData& data);
std::string comparison_table(const CompareData& data, const std::vector<ComparisonRow>& rows);
std::string comparison_report(const CompareData& data, const std::vector<ComparisonRow>& rows);
// report.md's opening section for a policy officer: one table of effects at the summary year
// (✱ where the paired test finds the difference distinguishable) and one sentence per
// alternative scenario (compare_summary.cpp).
std::string executive_summary(const CompareData& data, const std::vector<ComparisonRow>& rows);
std::string compare_manifest_json(const CompareData& data);
std::string compare_dir_name(const std::vector<std::string>& labels);

} // namespace tendersim::experiment
