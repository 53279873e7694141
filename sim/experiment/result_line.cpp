#include "experiment/result_line.hpp"

#include "core/params.hpp"
#include "core/run_plan.hpp"
#include "experiment/metrics_select.hpp"
#include "experiment/run_point.hpp"
#include "io/csv_writers.hpp"
#include "io/manifest.hpp"
#include "io/version.hpp"
#include "text/text.hpp"

#include <cmath>
#include <stdexcept>

namespace tendersim::experiment {
namespace {

// The parameters the caller set, as resolved: (key, text, is a word).
struct EchoedParam {
    std::string key;
    std::string text;
    bool quoted;
    bool boolean;
};

std::vector<EchoedParam> echoed(const RunConfig& run, const ScenarioSpec& spec) {
    std::vector<EchoedParam> out;
    for (const auto& o : run.overrides) {
        const std::string key = o.substr(0, o.find('='));
        const ParamDef* def = find_param(key);
        if (!def) continue; // resolve_spec already rejected unknown keys
        bool seen = false;
        for (auto& e : out) seen |= e.key == key;
        if (seen) continue;
        out.push_back({key, param_value_text(*def, spec), def->kind == ParamKind::Choice,
                       def->kind == ParamKind::Bool});
    }
    return out;
}

std::string json_number(double v) {
    return std::isfinite(v) ? format_number(v) : "null"; // JSON has no NaN
}

} // namespace

namespace {

std::string csv_header(const std::vector<EchoedParam>& params,
                       const std::vector<std::string>& names) {
    std::string h = "scenario,replicate,seed";
    for (const auto& p : params) h += "," + p.key;
    for (const auto& m : names) h += ",final." + m;
    for (const auto& m : names) h += ",mean." + m;
    return h + ",version,commit"; // last, so the columns before keep their places
}

std::string csv_line(const PlannedRun& run, const std::vector<EchoedParam>& params,
                     const RunOutputs& res) {
    std::string line =
        csv_field(run.label) + "," + std::to_string(run.replicate) + "," + std::to_string(run.seed);
    for (const auto& p : params)
        line += "," + (p.boolean ? csv_bool(p.text == "true") : csv_field(p.text));
    for (const double v : res.final_values) line += "," + metric_text(v);
    for (const double v : res.mean_values) line += "," + metric_text(v);
    return line + "," + kVersion + "," + kGitCommit;
}

std::string json_line(const PlannedRun& run, const std::vector<EchoedParam>& params,
                      const std::vector<std::string>& names, const RunOutputs& res) {
    std::string line = "{\"scenario\": " + json_string(run.label) +
                       ", \"replicate\": " + std::to_string(run.replicate) +
                       ", \"seed\": " + std::to_string(run.seed) +
                       ", \"years\": " + std::to_string(run.spec.run.years);
    for (const auto& p : params)
        line += ", " + json_string(p.key) + ": " + (p.quoted ? json_string(p.text) : p.text);
    for (std::size_t k = 0; k < names.size(); ++k)
        line += ", " + json_string("final." + names[k]) + ": " + json_number(res.final_values[k]);
    for (std::size_t k = 0; k < names.size(); ++k)
        line += ", " + json_string("mean." + names[k]) + ": " + json_number(res.mean_values[k]);
    // Provenance travels with each result, so a driver's table can say which build made it.
    return line + ", \"version\": " + json_string(kVersion) +
           ", \"commit\": " + json_string(kGitCommit) + "}";
}

} // namespace

void write_result_lines(const ResultLineConfig& config, std::ostream& out) {
    const ScenarioSpec spec = resolve_spec(config.run);
    const std::vector<std::string> names =
        config.metrics.empty() ? headline_metric_names() : config.metrics;
    std::string unknown;
    const MetricSelection sel = select_metrics(spec, names, &unknown);
    if (!unknown.empty())
        throw std::invalid_argument("unknown metric \"" + unknown +
                                    "\" (metrics are listed in docs/metrics.md)");
    const auto params = echoed(config.run, spec);
    const bool csv = config.format == ResultFormat::Csv;
    if (csv) out << csv_header(params, names) << "\n";
    for (const PlannedRun& run : make_run_plan(spec)) {
        const RunOutputs res = run_point(run.spec, run.seed, sel, false, config.run.threads);
        // A driver may read each line as it comes.
        out << (csv ? csv_line(run, params, res) : json_line(run, params, names, res)) << "\n"
            << std::flush;
    }
}

} // namespace tendersim::experiment
