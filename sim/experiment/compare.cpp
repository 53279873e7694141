#include "experiment/compare.hpp"

#include "core/params.hpp"
#include "core/run_plan.hpp"
#include "experiment/metrics_select.hpp"
#include "experiment/progress.hpp"
#include "experiment/run_job.hpp"
#include "experiment/run_point.hpp"
#include "experiment/worker_pool.hpp"
#include "io/csv_writers.hpp"
#include "io/file_io.hpp"
#include "io/manifest.hpp"
#include "io/result_dir.hpp"
#include "io/scenario_loader.hpp"
#include "io/spec_prefix.hpp"
#include "text/text.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <exception>
#include <mutex>
#include <sstream>

namespace tendersim::experiment {
namespace {

// Runs jobs 0..n-1 on `threads` workers; each job writes only its own result slots. A job that
// throws stops the others and reaches the caller (run_pool).
template <class Job> void parallel_jobs(std::size_t n, int threads, Job&& job) {
    std::atomic<std::size_t> cursor{0};
    run_pool(threads, [&](const std::stop_token& stop) {
        for (std::size_t k; !stop.stop_requested() && (k = cursor.fetch_add(1)) < n;) job(k);
    });
}

} // namespace

std::vector<double> CompareData::series(std::size_t s, std::size_t m, std::size_t y) const {
    const auto first = values.begin() + static_cast<std::ptrdiff_t>(slot(s, m, y, 0));
    return {first, first + static_cast<std::ptrdiff_t>(replicates())};
}

std::size_t CompareData::summary_index() const {
    for (std::size_t y = 0; y < years_at.size(); ++y)
        if (years_at[y] == summary_year) return y;
    // Not chosen: the latest reported year.
    return static_cast<std::size_t>(std::max_element(years_at.begin(), years_at.end()) -
                                    years_at.begin());
}

namespace {

// A replicate where the metric is not defined (NaN: e.g. nothing paid that year) counts in no
// mean, and a pair only when both sides are defined.
std::vector<double> defined_values(const std::vector<double>& v) {
    std::vector<double> out;
    for (const double x : v)
        if (std::isfinite(x)) out.push_back(x);
    return out;
}

analysis::PairedDifference defined_pairs_difference(const std::vector<double>& reference,
                                                    const std::vector<double>& x) {
    std::vector<double> a, b;
    for (std::size_t r = 0; r < x.size(); ++r)
        if (std::isfinite(reference[r]) && std::isfinite(x[r]))
            a.push_back(reference[r]), b.push_back(x[r]);
    return analysis::paired_difference(a, b);
}

} // namespace

std::vector<ComparisonRow> summarise(const CompareData& data) {
    std::vector<ComparisonRow> rows;
    for (std::size_t m = 0; m < data.metrics.size(); ++m) {
        for (std::size_t y = 0; y < data.years_at.size(); ++y) {
            const std::vector<double> reference = data.series(0, m, y);
            for (std::size_t s = 0; s < data.labels.size(); ++s) {
                ComparisonRow row;
                row.metric = m, row.year = y, row.scenario = s;
                const std::vector<double> x = data.series(s, m, y);
                row.level = analysis::mean_ci95(defined_values(x));
                if (s > 0) row.diff = defined_pairs_difference(reference, x);
                rows.push_back(row);
            }
        }
    }
    return rows;
}

std::string compare_dir_name(const std::vector<std::string>& labels) {
    std::string name = "compare";
    for (std::size_t i = 0; i < labels.size(); ++i) name += (i ? "-vs-" : "-") + labels[i];
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
            c = '_';
    if (name.size() > 120) name.resize(120);
    return name;
}

namespace {

// Reads each scenario with the shared overrides and gives it a unique label (a repeated name gets
// "-2", "-3", ...).
std::vector<ScenarioSpec> load_compared_scenarios(const CompareConfig& config, CompareData& data) {
    std::vector<ScenarioSpec> specs;
    for (const auto& path : config.scenario_paths) {
        RunConfig rc;
        rc.scenario_path = path;
        rc.overrides = config.overrides;
        specs.push_back(resolve_spec(rc));
        data.files.push_back(path);
        data.sources.push_back(specs.back().sources);
        data.sha256.push_back(specs.back().sources.front().sha256);
        data.descriptions.push_back(specs.back().description);
        std::optional<std::int64_t> from;
        for (const Adoption& a : specs.back().adoptions)
            if (!from || a.year < *from) from = a.year;
        data.policy_from.push_back(from);
        std::string label = specs.back().name;
        for (int k = 2;
             std::find(data.labels.begin(), data.labels.end(), label) != data.labels.end(); ++k)
            label = specs.back().name + "-" + std::to_string(k);
        data.labels.push_back(label);
    }
    return specs;
}

// Every scenario runs the same years (the first scenario's, or --years), with a note when a file
// asked for something else.
void align_years(const CompareConfig& config, const CompareData& data,
                 std::vector<ScenarioSpec>& specs) {
    for (std::size_t s = 0; s < specs.size(); ++s) {
        if (config.log && !config.years && specs[s].run.years != data.years)
            *config.log << "note: " << data.files[s] << " sets run.years = " << specs[s].run.years
                        << "; every scenario runs " << data.years
                        << " years (the first scenario's; --years chooses)\n";
        if (config.log && !config.seed && specs[s].run.seed != specs[0].run.seed)
            *config.log << "note: " << data.files[s] << " sets its own run.seed; compare uses "
                        << data.seed << " for every scenario (common random numbers)\n";
        const std::string years = std::to_string(data.years);
        apply_override(specs[s], "run.years=" + years,
                       data.files[s] + " with " +
                           (config.years ? "--years " + years
                                         : "run.years = " + years + " (the first scenario's)"));
    }
}

} // namespace

PreparedComparison prepare_comparison(const CompareConfig& config) {
    if (config.scenario_paths.size() < 2)
        throw std::invalid_argument("compare needs at least two scenarios (the first is the "
                                    "reference)");
    if (config.replicates < 1) throw std::invalid_argument("--replicates must be at least 1");
    // The same range as run.seed: a base seed a double holds exactly (R, pandas).
    if (config.seed &&
        (*config.seed < 0 || static_cast<std::uint64_t>(*config.seed) > max_exact_seed))
        throw std::invalid_argument("--seed " + std::to_string(*config.seed) +
                                    ": expected an integer from 0 to " +
                                    std::to_string(max_exact_seed));
    CompareData data;
    std::vector<ScenarioSpec> specs = load_compared_scenarios(config, data);
    data.seed = static_cast<std::uint64_t>(config.seed.value_or(specs[0].run.seed));
    data.years = config.years.value_or(specs[0].run.years);
    // run.years = 0 (the starting market only) is meaningful for `run`, not for a comparison.
    if (data.years < 1)
        throw std::invalid_argument(std::string("compare needs at least one simulated year: ") +
                                    (config.years ? "--years" : "run.years of " + data.files[0]) +
                                    " is 0; give --years from 1 to 200");
    align_years(config, data, specs);
    data.years_at =
        config.years_at.empty() ? std::vector<std::int64_t>{data.years} : config.years_at;
    for (const auto y : data.years_at)
        if (y < 1 || y > data.years)
            throw std::invalid_argument("--years-at " + std::to_string(y) +
                                        ": the scenarios run years 1 to " +
                                        std::to_string(data.years));
    if (config.summary_year) {
        const std::int64_t y = *config.summary_year;
        if (y < 1 || y > data.years)
            throw std::invalid_argument("--summary-year " + std::to_string(y) +
                                        ": the scenarios run years 1 to " +
                                        std::to_string(data.years));
        // The summary's year is reported in the appendix too, so its numbers can be checked.
        if (std::find(data.years_at.begin(), data.years_at.end(), y) == data.years_at.end()) {
            data.years_at.push_back(y);
            std::sort(data.years_at.begin(), data.years_at.end());
        }
    }
    data.summary_year =
        config.summary_year.value_or(*std::max_element(data.years_at.begin(), data.years_at.end()));
    data.metrics = config.metrics.empty() ? compare_default_metric_names() : config.metrics;
    std::vector<MetricSelection> selections;
    for (std::size_t s = 0; s < specs.size(); ++s) {
        std::string unknown;
        selections.push_back(select_metrics(specs[s], data.metrics, &unknown));
        if (!unknown.empty())
            throw std::invalid_argument("unknown metric \"" + unknown + "\" for " + data.files[s] +
                                        " (metrics are listed in "
                                        "docs/metrics.md)");
    }
    for (std::int64_t r = 0; r < config.replicates; ++r)
        data.replicate_seeds.push_back(replicate_seed(data.seed, static_cast<std::uint64_t>(r)));
    return {std::move(data), std::move(specs), std::move(selections)};
}

CompareData collect_comparison(const CompareConfig& config,
                               const std::function<void(const CompareData&)>& before_runs) {
    PreparedComparison prepared = prepare_comparison(config);
    CompareData& data = prepared.data;
    const std::vector<ScenarioSpec>& specs = prepared.specs;
    const std::vector<MetricSelection>& selections = prepared.selections;
    const auto reps = static_cast<std::size_t>(config.replicates);
    // Scenario by scenario, every scenario with the same replicate seeds (common random numbers).
    RunPlan plan;
    for (std::size_t s = 0; s < specs.size(); ++s)
        for (PlannedRun& run :
             make_run_plan(specs[s], data.seed, config.replicates, data.labels[s]))
            plan.push_back(std::move(run));
    data.values.assign(specs.size() * data.metrics.size() * data.years_at.size() * reps, 0.0);

    // The simulated years every scenario shares with the reference (and so with each other).
    std::int64_t shared = config.share_prefix ? kAllYears : 0;
    for (std::size_t s = 1; s < specs.size(); ++s)
        shared = std::min(shared, shared_years(specs[0], specs[s]));
    data.shared_years = std::min(shared, specs[0].run.burn_in_years + data.years);
    if (config.log && data.shared_years > 0)
        *config.log << "note: the scenarios share their first " << data.shared_years
                    << " simulated years (burn-in included): simulated once per replicate\n";

    if (before_runs) before_runs(data);
    Progress progress(config.log, "compare", plan.size(), 0, config.terminal);
    const std::size_t nm = data.metrics.size();
    auto store = [&](std::size_t s, std::size_t r, const RunOutputs& out) {
        for (std::size_t m = 0; m < nm; ++m)
            for (std::size_t y = 0; y < data.years_at.size(); ++y)
                data.values[data.slot(s, m, y, r)] =
                    out.series[static_cast<std::size_t>(data.years_at[y] - 1) * nm + m];
    };
    if (data.shared_years > 0) {
        // One job per replicate: the shared years once, then every scenario from a copy.
        std::vector<Branch> branches;
        for (std::size_t s = 0; s < specs.size(); ++s)
            branches.push_back({&plan[s * reps].spec, &selections[s]});
        parallel_jobs(reps, config.threads, [&](std::size_t r) {
            const std::vector<RunOutputs> outs = run_branches(
                branches, plan[r].seed, data.shared_years, true, [&] { progress.tick(); });
            for (std::size_t s = 0; s < outs.size(); ++s) store(s, r, outs[s]);
        });
    } else {
        parallel_jobs(plan.size(), config.threads, [&](std::size_t job) {
            const PlannedRun& run = plan[job];
            const std::size_t s = job / reps, r = static_cast<std::size_t>(run.replicate);
            store(s, r, run_point(run.spec, run.seed, selections[s], true, 1));
            progress.tick();
        });
    }
    progress.finish();
    return std::move(prepared.data);
}

CompareResult run_compare(const CompareConfig& config) {
    const auto started = std::chrono::steady_clock::now();
    // Staged (and locked) once the scenarios are checked, before the runs.
    std::optional<StagedResultDir> staged;
    const CompareData data = collect_comparison(config, [&](const CompareData& d) {
        staged.emplace(std::filesystem::path(config.out_parent) / compare_dir_name(d.labels));
    });
    StagedResultDir& dir = *staged;
    const std::vector<ComparisonRow> rows = summarise(data);
    CompareResult result;
    const std::pair<const char*, std::string> files[] = {
        {"comparison.csv", comparison_csv(data, rows)},
        {"replicates.csv", replicates_csv(data)},
        {"scenarios.csv", scenarios_csv(data)},
        {"report.md", comparison_report(data, rows)},
        {"manifest.json", compare_manifest_json(data)},
    };
    for (const auto& [name, text] : files) {
        auto out = dir.open(name);
        *out << text;
        out->close();
    }
    dir.commit();
    result.out_dir = dir.target().string();
    result.table = comparison_table(data, rows);
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

std::string comparison_csv(const CompareData& data, const std::vector<ComparisonRow>& rows) {
    auto num = [](double v) { return std::isnan(v) ? std::string() : format_number(v); };
    std::string s = "metric,year,scenario,replicates,mean,mean_ci95_low,mean_ci95_high,vs,"
                    "diff,diff_ci95_low,diff_ci95_high,share_same_sign,distinguishable\n";
    for (const auto& row : rows) {
        s += data.metrics[row.metric] + "," + std::to_string(data.years_at[row.year]) + "," +
             data.labels[row.scenario] + "," + std::to_string(row.level.n) + "," +
             num(row.level.mean) + "," + num(row.level.ci95_low) + "," + num(row.level.ci95_high) +
             ",";
        if (row.diff) {
            const auto& d = *row.diff;
            const bool judged = !std::isnan(d.ci95_low);
            s += data.labels[0] + "," + num(d.mean_diff) + "," + num(d.ci95_low) + "," +
                 num(d.ci95_high) + "," + num(d.share_same_sign) + "," +
                 (judged ? csv_bool(d.distinguishable) : "");
        } else {
            s += ",,,,,";
        }
        s += "\n";
    }
    return s;
}

std::string replicates_csv(const CompareData& data) {
    std::string s = "scenario,replicate,seed,year,metric,value\n";
    for (std::size_t sc = 0; sc < data.labels.size(); ++sc)
        for (std::size_t r = 0; r < data.replicates(); ++r)
            for (std::size_t y = 0; y < data.years_at.size(); ++y)
                for (std::size_t m = 0; m < data.metrics.size(); ++m)
                    s += data.labels[sc] + "," + std::to_string(r) + "," +
                         std::to_string(data.replicate_seeds[r]) + "," +
                         std::to_string(data.years_at[y]) + "," + data.metrics[m] + "," +
                         metric_text(data.values[data.slot(sc, m, y, r)]) + "\n";
    return s;
}

std::string scenarios_csv(const CompareData& data) {
    std::string s = "scenario,role,file,policy_from,description\n";
    for (std::size_t sc = 0; sc < data.labels.size(); ++sc) {
        // Built by hand in tests, data may carry names only.
        std::string from;
        if (sc < data.policy_from.size() && data.policy_from[sc])
            from = std::to_string(*data.policy_from[sc]);
        const std::string file = sc < data.files.size() ? data.files[sc] : "";
        const std::string about = sc < data.descriptions.size() ? data.descriptions[sc] : "";
        s += csv_field(data.labels[sc]) + "," + (sc == 0 ? "reference" : "alternative") + "," +
             csv_field(file) + "," + from + "," + csv_field(about) + "\n";
    }
    return s;
}

std::string compare_manifest_json(const CompareData& data) {
    std::ostringstream o;
    o << "{\n  \"tool\": \"tendersim\",\n  \"kind\": \"compare\",\n  \"scenarios\": [";
    for (std::size_t s = 0; s < data.labels.size(); ++s)
        o << (s ? "," : "") << "\n    {\"name\": " << json_string(data.labels[s])
          << ", \"file\": " << json_string(data.files[s])
          << ", \"sha256\": " << json_string(data.sha256[s]) << ", \"sources\": "
          << source_files_json(
                 s < data.sources.size() ? data.sources[s] : std::vector<SourceFile>{}, "    ")
          << "}";
    o << "\n  ],\n  \"reference\": " << json_string(data.labels[0])
      << ",\n  \"replicates\": " << data.replicates() << ",\n  \"years\": " << data.years
      << ",\n  \"years_at\": [";
    for (std::size_t y = 0; y < data.years_at.size(); ++y) o << (y ? ", " : "") << data.years_at[y];
    o << "],\n  \"summary_year\": " << data.years_at[data.summary_index()]
      << ",\n  \"seed\": " << data.seed
      << ",\n  \"replicate_seed\": \"replicate_seed(seed, r) in sim/core/run_plan.hpp, as "
         "tendersim run\""
      << ",\n  \"replicate_seeds\": [";
    for (std::size_t r = 0; r < data.replicates(); ++r)
        o << (r ? ", " : "") << data.replicate_seeds[r];
    o << "],\n  \"metrics\": [";
    for (std::size_t m = 0; m < data.metrics.size(); ++m)
        o << (m ? ", " : "") << json_string(data.metrics[m]);
    o << "]\n}\n";
    return o.str();
}

} // namespace tendersim::experiment
