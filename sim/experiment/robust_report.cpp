// A robust comparison's summaries (robust_compare.hpp): robust_effect per alternative, metric and
// year, and the files and report section that state them.
#include "experiment/human_format.hpp"
#include "experiment/metrics_select.hpp"
#include "experiment/robust_compare.hpp"
#include "io/csv_writers.hpp"
#include "text/text.hpp"

#include <cmath>
#include <limits>
#include <sstream>

namespace tendersim::experiment {

double set_mean_difference(const RobustValues& v, std::size_t s, std::size_t p, std::size_t m,
                           std::size_t y) {
    double sum = 0;
    for (std::size_t r = 0; r < v.replicates; ++r) {
        const double d = v.at(s, p, m, y, r) - v.at(0, p, m, y, r);
        if (!std::isfinite(d)) return std::numeric_limits<double>::quiet_NaN();
        sum += d;
    }
    return sum / static_cast<double>(v.replicates);
}

std::vector<RobustRow> robust_rows(const ParameterSets& sets, const RobustValues& v) {
    std::vector<RobustRow> rows;
    const std::size_t k = sets.params.size();
    for (std::size_t s = 1; s < v.scenarios; ++s)
        for (std::size_t m = 0; m < v.metrics; ++m)
            for (std::size_t y = 0; y < v.years; ++y) {
                RobustRow row;
                row.scenario = s, row.metric = m, row.year = y;
                analysis::RobustnessInput in;
                in.replicates = v.replicates;
                for (const auto& p : sets.params) in.parameter_names.push_back(p.key);
                // A set counts only when every replicate's pair is defined (robust_effect needs
                // the same replicates in every set).
                for (std::size_t p = 0; p < v.sets; ++p) {
                    if (std::isnan(set_mean_difference(v, s, p, m, y))) {
                        ++row.sets_left_out;
                        continue;
                    }
                    for (std::size_t r = 0; r < v.replicates; ++r)
                        in.differences.push_back(v.at(s, p, m, y, r) - v.at(0, p, m, y, r));
                    for (std::size_t c = 0; c < k; ++c)
                        in.parameters.push_back(sets.points.at(p, c));
                }
                if (!in.differences.empty()) row.effect = analysis::robust_effect(in);
                rows.push_back(std::move(row));
            }
    return rows;
}

namespace {

std::string num(double v) {
    return std::isfinite(v) ? format_number(v) : std::string();
}

std::string rho_text(double rho) {
    std::ostringstream o;
    o.setf(std::ios::fixed);
    o.precision(2);
    o << rho;
    return o.str();
}

// "a (rho 0.71); b (rho -0.52)"
std::string drivers_text(const std::vector<analysis::EffectDriver>& drivers) {
    std::string t;
    for (std::size_t i = 0; i < drivers.size(); ++i)
        t += (i ? "; " : "") + drivers[i].name + " (rho " + rho_text(drivers[i].rho) + ")";
    return t;
}

} // namespace

std::string robustness_csv(const CompareData& data, const std::vector<RobustRow>& rows) {
    std::string s = "metric,year,scenario,vs,sets,sets_left_out,replicates,median,low,high,"
                    "between_sd,noise_sd,same_sign_share,sets_above_zero,sets_below_zero,"
                    "heterogeneity_p_value,verdict,drivers\n";
    for (const RobustRow& row : rows) {
        s += data.metrics[row.metric] + "," + std::to_string(data.years_at[row.year]) + "," +
             data.labels[row.scenario] + "," + data.labels[0] + ",";
        if (!row.effect) {
            s += "0," + std::to_string(row.sets_left_out) + ",,,,,,,,,,,,\n";
            continue;
        }
        const analysis::RobustEffect& e = *row.effect;
        s += std::to_string(e.sets) + "," + std::to_string(row.sets_left_out) + "," +
             std::to_string(e.replicates) + "," + num(e.median) + "," + num(e.low) + "," +
             num(e.high) + "," + num(e.between_sd) + "," + num(e.noise_sd) + "," +
             num(e.same_sign_share) + "," + std::to_string(e.sets_above_zero) + "," +
             std::to_string(e.sets_below_zero) + "," + num(e.heterogeneity_p_value) + "," +
             analysis::verdict_name(e.verdict) + "," + csv_field(drivers_text(e.drivers)) + "\n";
    }
    return s;
}

std::string effects_csv(const CompareData& data, const RobustValues& v) {
    std::string s = "set,scenario,vs,metric,year,mean_diff\n";
    for (std::size_t p = 0; p < v.sets; ++p)
        for (std::size_t sc = 1; sc < v.scenarios; ++sc)
            for (std::size_t m = 0; m < v.metrics; ++m)
                for (std::size_t y = 0; y < v.years; ++y)
                    s += std::to_string(p) + "," + data.labels[sc] + "," + data.labels[0] + "," +
                         data.metrics[m] + "," + std::to_string(data.years_at[y]) + "," +
                         num(set_mean_difference(v, sc, p, m, y)) + "\n";
    return s;
}

std::string sets_csv(const ParameterSets& sets) {
    std::string s = "set";
    if (!sets.file.empty()) s += ",line";
    for (const auto& p : sets.params) s += "," + csv_field(p.key);
    s += "\n";
    for (std::size_t r = 0; r < sets.size(); ++r) {
        s += std::to_string(r);
        if (!sets.file.empty())
            s += "," + std::to_string(r < sets.lines.size() ? sets.lines[r] : 0);
        for (std::size_t c = 0; c < sets.params.size(); ++c)
            s += "," + param_text(sets.params[c], sets.points.at(r, c));
        s += "\n";
    }
    return s;
}

namespace {

// "p = 0.012", "p < 0.001"
std::string p_text(double p) {
    return p < 0.001 ? std::string("p < 0.001") : "p = " + human_number(p);
}

std::string sets_phrase(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " parameter set" : " parameter sets");
}

// One metric's sentence, e.g. "**SME share of spend**: +4.1 pts (-1.0 to +9.3 pts across 20
// parameter sets and their noise); depends on suppliers.x (rho 0.71): a source for that parameter
// would settle it."
std::string metric_sentence(const CompareData& data, const RobustRow& row) {
    const std::string& metric = data.metrics[row.metric];
    const MetricInfo info = describe_metric(metric);
    std::string t = "- **" + info.label + "**: ";
    if (!row.effect)
        return t + "not defined in any parameter set (every set has a replicate where it is not).";
    const analysis::RobustEffect& e = *row.effect;
    t += human_difference(e.median, info.unit, false) + " (" +
         human_difference(e.low, info.unit, false) + " to " +
         human_difference(e.high, info.unit, false) + " across " + sets_phrase(e.sets) +
         (e.replicates > 1 ? " and their noise" : "; noise not measured with one replicate");
    if (row.sets_left_out > 0)
        t += "; " + std::to_string(row.sets_left_out) + " more left out, where it is not defined";
    t += "); ";
    const auto agreeing =
        static_cast<std::size_t>(std::lround(e.same_sign_share * static_cast<double>(e.sets)));
    const std::string direction = e.median > 0 ? "higher" : e.median < 0 ? "lower" : "unchanged";
    const std::string in_sets =
        direction + " in " +
        (agreeing == e.sets ? "all " + std::to_string(e.sets)
                            : std::to_string(agreeing) + " of " + std::to_string(e.sets)) +
        " sets";
    switch (e.verdict) {
    case analysis::RobustnessVerdict::Robust:
        t += "**robust**: " + in_sets +
             ", and the interval of parameter uncertainty and noise together excludes zero";
        // The sign is settled; what the size depends on is still worth a reader's knowing.
        t += e.drivers.empty() ? "." : "; its size follows " + drivers_text(e.drivers) + ".";
        break;
    case analysis::RobustnessVerdict::DependsOn:
        if (!e.drivers.empty()) {
            t += "**depends on** " + drivers_text(e.drivers) + ": " + in_sets +
                 ", and the effect's size follows " +
                 (e.drivers.size() == 1 ? "that parameter" : "these parameters") +
                 "; a source for " + (e.drivers.size() == 1 ? "it" : "them") + " would settle it.";
        } else {
            t += "**depends on** the parameter set: " + in_sets +
                 "; the sets' effects differ by more than their noise explains (" +
                 p_text(e.heterogeneity_p_value) + ", analysis of variance), but " +
                 (e.sets < analysis::kMinSetsForDrivers
                      ? "there are too few sets (fewer than " +
                            std::to_string(analysis::kMinSetsForDrivers) +
                            ") to name the parameters; more sets"
                      : "no single parameter's rank correlates with it; more sets") +
                 ", or sources for the assumed parameters, would settle it.";
        }
        break;
    case analysis::RobustnessVerdict::WithinNoise:
        t += "**within noise**: the interval includes zero and the sets' effects differ no more "
             "than their noise explains (" +
             p_text(e.heterogeneity_p_value) + "); " +
             std::to_string(e.sets_above_zero + e.sets_below_zero) + " of " +
             std::to_string(e.sets) +
             " sets' own intervals exclude zero. More replicates would tell whether there is an "
             "effect.";
        break;
    case analysis::RobustnessVerdict::Undetermined:
        t += "**undetermined**: with one replicate per set the runs cannot tell the seeds' noise "
             "from the sets' differences; run with --replicates 2 or more.";
        break;
    }
    return t;
}

} // namespace

std::string robustness_section(const CompareData& data, const std::vector<RobustRow>& rows) {
    const std::size_t y = data.summary_index();
    std::string t = "## Robustness\n\n";
    std::size_t sets = 0;
    for (const RobustRow& row : rows)
        if (row.effect) sets = std::max(sets, row.effect->sets + row.sets_left_out);
    t += "Each effect below is the median over " + sets_phrase(sets) +
         " of the paired difference from " + data.labels[0] + " in year " +
         std::to_string(data.years_at[y]) +
         ", with a 95% interval that carries both the spread across the parameter sets (what the "
         "model's uncertain parameters allow) and the runs' random noise. **Robust**: the "
         "interval excludes zero. **Depends on**: the interval includes zero and the sets' "
         "effects differ by more than their noise explains; the parameters named drive its "
         "size. **Within noise**: the interval includes zero and the sets differ no more than "
         "noise explains. **Undetermined**: one replicate per set cannot measure the noise.\n";
    for (std::size_t s = 1; s < data.labels.size(); ++s) {
        t += "\n### " + data.labels[s] + " against " + data.labels[0] + "\n\n";
        for (const RobustRow& row : rows)
            if (row.scenario == s && row.year == y) t += metric_sentence(data, row) + "\n";
    }
    return t;
}

std::string robust_report_md(const CompareData& data, const ParameterSets& sets,
                             const std::vector<RobustRow>& rows, const std::string& held_text) {
    std::string t = "# Robust comparison: ";
    for (std::size_t s = 0; s < data.labels.size(); ++s) t += (s ? " vs " : "") + data.labels[s];
    t += "\n\n";
    t += std::string("Every scenario ran under each of ") + sets_phrase(sets.size()) + " (" +
         (sets.file.empty()
              ? "drawn from the plausible ranges of " + std::to_string(sets.params.size()) +
                    " calibrated and assumed parameters, Latin hypercube, seed " +
                    std::to_string(sets.seed)
              : "the members of " + sets.file) +
         "), " + std::to_string(data.replicates()) + " paired replicates each on common seeds, " +
         std::to_string(data.years) +
         " years. Every set's values are in sets.csv, every set's effect in effects.csv.\n\n";
    if (!held_text.empty()) t += held_text + "\n";
    t += robustness_section(data, rows);
    t += "\n## Appendix: every metric and year\n\n"
         "| scenario | metric | year | median | 95% interval | same sign | sets above / below zero "
         "| verdict | drivers |\n|---|---|---|---|---|---|---|---|---|\n";
    for (const RobustRow& row : rows) {
        const MetricInfo info = describe_metric(data.metrics[row.metric]);
        t += "| " + data.labels[row.scenario] + " | " + data.metrics[row.metric] + " | " +
             std::to_string(data.years_at[row.year]) + " | ";
        if (!row.effect) {
            t += "not defined | | | | | |\n";
            continue;
        }
        const analysis::RobustEffect& e = *row.effect;
        t += human_difference(e.median, info.unit, false) + " | " +
             human_difference(e.low, info.unit, false) + " to " +
             human_difference(e.high, info.unit, false) + " | " +
             human_number(100 * e.same_sign_share) + "% | " + std::to_string(e.sets_above_zero) +
             " / " + std::to_string(e.sets_below_zero) + " | " + analysis::verdict_name(e.verdict) +
             " | " + drivers_text(e.drivers) + " |\n";
    }
    return t;
}

} // namespace tendersim::experiment
