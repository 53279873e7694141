#include "experiment/sweep_rows.hpp"

#include "core/params.hpp"
#include "io/csv_writers.hpp"
#include "text/text.hpp"

namespace tendersim::experiment {

std::string runs_header(const SweepPlan& plan) {
    std::string h = "run,point,replicate,seed";
    for (const auto& p : plan.spec().params) h += "," + p.key;
    for (const auto& m : plan.metrics().names) h += ",final." + m;
    for (const auto& m : plan.metrics().names) h += ",mean." + m;
    return h + "\n";
}

std::string timeseries_header() {
    return "run,year,metric,value\n";
}

std::string run_payload(const SweepPlan& plan, const RunInfo& info, const RunOutputs& out) {
    std::string s = std::to_string(info.run) + "," + std::to_string(info.point) + "," +
                    std::to_string(info.replicate) + "," + std::to_string(info.seed);
    const auto& params = plan.spec().params;
    for (std::size_t c = 0; c < params.size(); ++c) {
        const double v = plan.points().at(info.point, c);
        s += ",";
        s += params[c].def->kind == ParamKind::Bool ? csv_bool(v != 0.0) : param_text(params[c], v);
    }
    for (const double v : out.final_values) s += "," + metric_text(v);
    for (const double v : out.mean_values) s += "," + metric_text(v);
    s += '\n';
    const auto& names = plan.metrics().names;
    const std::size_t m = names.size();
    for (std::size_t k = 0; m > 0 && k < out.series.size(); ++k) {
        const std::size_t year = k / m + 1;
        s += std::to_string(info.run) + "," + std::to_string(year) + "," + names[k % m] + "," +
             metric_text(out.series[k]) + "\n";
    }
    return s;
}

PayloadParts split_payload(std::string_view payload) {
    const auto nl = payload.find('\n');
    if (nl == std::string_view::npos) return {payload, {}};
    return {payload.substr(0, nl + 1), payload.substr(nl + 1)};
}

} // namespace tendersim::experiment
