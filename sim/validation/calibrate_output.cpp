#include "calibrate_output.hpp"

#include "analysis/stats.hpp"
#include "core/params.hpp"
#include "experiment/sweep_spec.hpp"
#include "io/csv_writers.hpp"
#include "text/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tendersim::validation {
namespace {

// Numbers in reports: 3 significant digits, or whole numbers from 1000.
std::string fmt(double v) {
    if (std::isnan(v)) return "n/a";
    char buf[32];
    if (std::fabs(v) >= 1000)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

// TOML has nan and inf; format_number writes them as C does.
std::string toml_number(double v) {
    if (std::isnan(v)) return "nan";
    return format_number(v);
}

const std::vector<experiment::SweepParam>& params_of(const CalibrationSetup& setup) {
    return setup.plan->spec().params;
}

std::string rule_text(const analysis::AbcRule& rule) {
    return rule.kind == analysis::AbcRule::Kind::Quantile
               ? "the best " + format_number(rule.value * 100) + "% of draws by distance"
               : "every draw with distance <= " + format_number(rule.value);
}

// The per-parameter significance level of the width verdicts: 0.05 over the number of drawn
// parameters (Bonferroni), so that a calibration where the targets constrain nothing calls any
// parameter narrowed with probability at most 0.05.
double verdict_alpha(std::size_t parameters) {
    return 0.05 / static_cast<double>(std::max<std::size_t>(1, parameters));
}

// 4 / sqrt(m - 1) for a correlation over m pairs (1 with fewer than two).
double cutoff_for(std::size_t m) {
    return m > 1 ? 4.0 / std::sqrt(static_cast<double>(m - 1)) : 1.0;
}

} // namespace

double draw_value(const CalibrationSetup& setup, std::size_t draw, std::size_t c) {
    const double v = setup.plan->points().at(draw, c);
    return params_of(setup)[c].def->kind == ParamKind::Int ? std::round(v) : v;
}

CalibrationResult summarise_calibration(const CalibrationSetup& setup,
                                        std::vector<DrawScore> draws) {
    CalibrationResult r;
    r.draws = std::move(draws);
    std::vector<double> distances;
    for (const auto& d : r.draws) distances.push_back(d.distance);
    r.accepted = analysis::abc_accept(distances, setup.settings.rule);
    const auto& params = params_of(setup);
    std::vector<std::vector<double>> column(params.size());
    for (std::size_t c = 0; c < params.size(); ++c) {
        for (std::size_t d = 0; d < r.draws.size(); ++d)
            column[c].push_back(draw_value(setup, d, c));
        r.posterior.push_back(analysis::posterior_summary(column[c], r.accepted, params[c].range.lo,
                                                          params[c].range.hi));
        r.posterior.back().width_p = analysis::width_ratio_p_value(
            column[c], r.accepted.size(), r.posterior.back().width_ratio, setup.plan->spec().seed,
            c, analysis::permutations_for(verdict_alpha(params.size())));
    }
    for (std::size_t k = 0; k < setup.active.size(); ++k) {
        std::vector<double> error;
        for (const auto& d : r.draws) error.push_back(d.error[k]);
        std::vector<double> row;
        std::size_t pairs = 0;
        for (std::size_t c = 0; c < params.size(); ++c) {
            const auto sp = analysis::spearman_with_pairs(column[c], error);
            row.push_back(sp.rho);
            pairs = std::max(pairs, sp.pairs); // the same for every c: parameters are never NaN
        }
        r.rho.push_back(std::move(row));
        r.rho_cutoffs.push_back(cutoff_for(pairs));
    }
    r.rho_cutoff = cutoff_for(r.draws.size());
    return r;
}

std::string ensemble_toml(const CalibrationSetup& setup, const CalibrationResult& result) {
    const auto& spec = setup.plan->spec();
    const auto& params = params_of(setup);
    std::string t;
    t += "# tendersim calibration ensemble: the accepted parameter sets of a rejection-ABC\n"
         "# calibration (docs/experiments.md, \"Calibration as an ensemble\"). Each [[member]]\n"
         "# sets its values on top of the scenario; every other parameter keeps the scenario's.\n";
    t += "schema_version = 1\nkind = \"tendersim-calibration-ensemble\"\n";
    t += "scenario = " + toml_string(setup.scenario.name) + "\n";
    t += "scenario_file = " + toml_string(recorded_path(setup.settings.scenario_file)) + "\n";
    t += "scenario_sha256 = " + toml_string(setup.scenario_sha256) + "\n";
    // Relative to the scenario's project root when inside it (project_relative_path), so ensembles
    // made in different checkouts agree; the SHA-256 says which figures were used.
    t += "targets_file = " + toml_string(setup.targets_recorded) + "\n";
    t += "targets_sha256 = " + toml_string(setup.targets_sha256) + "\n";
    t += "seed = " + std::to_string(spec.seed) + "\n";
    t += "draws = " + std::to_string(result.draws.size()) + "\n";
    t += "replicates = " + std::to_string(spec.replicates) + "\n";
    t += "years = " + std::to_string(spec.base.run.years) + "\n";
    t += "window_years = " + std::to_string(setup.window_years) + "\n";
    t += "design = \"lhs\"\n";
    t += "sweep_fingerprint = " + toml_string(setup.plan->fingerprint()) + "\n";
    const bool quantile = setup.settings.rule.kind == analysis::AbcRule::Kind::Quantile;
    t += "acceptance = " + toml_string(quantile ? "quantile" : "threshold") + "\n";
    t += "acceptance_value = " + toml_number(setup.settings.rule.value) + "\n";
    t += "accepted = " + std::to_string(result.accepted.size()) + "\n";
    t += "parameters = [";
    for (std::size_t c = 0; c < params.size(); ++c)
        t += std::string(c ? ", " : "") + toml_string(params[c].key);
    t += "]\n";
    t += "\n# The prior: each parameter drawn uniformly (Latin hypercube) from its plausible "
         "range.\n";
    for (std::size_t c = 0; c < params.size(); ++c)
        t += "[prior." + toml_string(params[c].key) +
             "]\nbasis = " + toml_string(std::string(basis_word(params[c].def->origin.basis))) +
             "\nmin = " + toml_number(params[c].range.lo) +
             "\nmax = " + toml_number(params[c].range.hi) + "\n";
    for (const std::size_t d : result.accepted) {
        const DrawScore& s = result.draws[d];
        t += "\n[[member]]\ndraw = " + std::to_string(d) +
             "\ndistance = " + toml_number(s.distance) +
             "\npasses = " + (s.passes ? "true" : "false") + "\n[member.values]\n";
        for (std::size_t c = 0; c < params.size(); ++c)
            t += toml_string(params[c].key) + " = " +
                 experiment::param_text(params[c], draw_value(setup, d, c)) + "\n";
    }
    return t;
}

std::string draws_csv(const CalibrationSetup& setup, const CalibrationResult& result) {
    const auto& params = params_of(setup);
    std::vector<bool> accepted(result.draws.size(), false);
    for (const std::size_t d : result.accepted) accepted[d] = true;
    std::string t = "draw,distance,accepted,passes";
    for (const auto& p : params) t += "," + csv_field(p.key);
    for (const Target& target : setup.active) t += "," + csv_field("model." + target.id);
    t += "\n";
    for (const DrawScore& s : result.draws) {
        t += std::to_string(s.draw) + "," +
             (std::isnan(s.distance) ? "" : format_number(s.distance)) + "," +
             (accepted[s.draw] ? "TRUE" : "FALSE") + "," + (s.passes ? "TRUE" : "FALSE");
        for (std::size_t c = 0; c < params.size(); ++c)
            t += "," + experiment::param_text(params[c], draw_value(setup, s.draw, c));
        for (const double m : s.model) t += "," + (std::isnan(m) ? "" : format_number(m));
        t += "\n";
    }
    return t;
}

std::string calibration_report_md(const CalibrationSetup& setup, const CalibrationResult& result) {
    const auto& spec = setup.plan->spec();
    const auto& params = params_of(setup);
    const std::size_t n = result.draws.size();
    std::size_t passing = 0, accepted_passing = 0;
    for (const auto& d : result.draws) passing += d.passes ? 1 : 0;
    for (const std::size_t d : result.accepted) accepted_passing += result.draws[d].passes ? 1 : 0;
    std::string o;
    o += "# Calibration of `" + setup.scenario.name + "` as an ensemble\n\n";
    o += "Rejection ABC (docs/experiments.md, \"Calibration as an ensemble\"): " +
         std::to_string(n) + " draws (Latin hypercube) of " + std::to_string(params.size()) +
         " calibrated and assumed parameters over their plausible ranges, " +
         std::to_string(spec.replicates) + " replicate(s) of " +
         std::to_string(spec.base.run.years) + " years each (seed " + std::to_string(spec.seed) +
         "), scored against `" + setup.targets_recorded +
         "`: each target's model value is the mean of the final " +
         std::to_string(setup.window_years) +
         " years, averaged over the replicates, and the distance is the sum over gating targets "
         "of ((model - published) / tolerance half-width)^2, as `tendersim validate` computes "
         "it.\n\n";
    o += "**Accepted:** " + rule_text(setup.settings.rule) + ": " +
         std::to_string(result.accepted.size()) + " of " + std::to_string(n) + " draws";
    if (!result.accepted.empty())
        o += ", distances " + fmt(result.draws[result.accepted.front()].distance) + " to " +
             fmt(result.draws[result.accepted.back()].distance);
    o += ". " + std::to_string(passing) + " of " + std::to_string(n) +
         " draws pass every gating target (" + std::to_string(accepted_passing) +
         " of the accepted).\n\n";
    std::size_t undefined = 0;
    std::string undefined_targets;
    for (std::size_t k = 0; k < setup.active.size(); ++k) {
        std::size_t count = 0;
        for (const auto& d : result.draws) count += std::isnan(d.model[k]) ? 1 : 0;
        if (count > 0 && setup.active[k].gate)
            undefined_targets += (undefined_targets.empty() ? "" : ", ") + setup.active[k].id +
                                 " in " + std::to_string(count);
    }
    for (const auto& d : result.draws) undefined += std::isnan(d.distance) ? 1 : 0;
    if (undefined > 0)
        o += "**" + std::to_string(undefined) + " of " + std::to_string(n) +
             " draws have no distance and cannot be accepted**: a gating target had no value in "
             "any year of the window (" +
             undefined_targets +
             " draws); runs too short for the measure (entrant survival needs entrants three "
             "years old) or a market where it never arises.\n\n";
    o += "The accepted parameter sets are in `ensemble.toml`; every draw with its distance and "
         "model values in `draws.csv`; every run in `runs.csv` and `timeseries.csv`.\n\n";

    o += "## Posterior beside prior, per parameter\n\n";
    // The ratio of a free parameter is below 1 by chance, the more so the fewer accepted draws:
    // each of the 5% and 95% points of k uniform values has a standard deviation of
    // sqrt(0.05 * 0.95 / k) = 0.22 / sqrt(k) of the range, the width (their difference) about
    // 0.31 / sqrt(k), and the small-sample quantiles are pulled inwards (mean ratio about 0.82
    // at k = 10, 0.9 at k = 20). Hence no fixed cut-off: the ratio is compared with those of
    // random k-subsets of all draws (analysis::width_ratio_p_value).
    const double alpha = verdict_alpha(params.size());
    o += "*Width ratio*: the accepted draws' 5-95% range over that of all draws. *p*: the share "
         "of " +
         std::to_string(analysis::permutations_for(alpha)) + " random sets of " +
         std::to_string(result.accepted.size()) +
         " draws whose width ratio is at most as large (a permutation test: if the targets did "
         "not constrain the parameter, the accepted draws would be such a random set, and with "
         "few accepted draws their ratio is often well below 1 by chance). *narrowed*: p below "
         "0.05 / " +
         std::to_string(params.size()) + " = " + fmt(alpha) +
         " (Bonferroni over the drawn parameters); *pinned*: narrowed and a ratio below 0.5; "
         "otherwise *not identified* (not called with fewer than 10 accepted draws). *Constrained "
         "by*: the targets whose error has a rank correlation of at least 4/sqrt(m-1) in size "
         "with the parameter, m being the draws where the target is defined (" +
         fmt(result.rho_cutoff) +
         " when it is defined in all draws; an independent pair passes it with probability "
         "6e-5, about a 5% chance of one spurious entry among 800 pairs).\n\n";
    o += "| parameter | basis | scenario value | prior (plausible) range | accepted 5-95% | "
         "accepted median | width ratio | p | verdict | constrained by |\n";
    o += "|---|---|---|---|---|---|---|---|---|---|\n";
    // Most narrowed first; ties (and n/a) by registry order.
    std::vector<std::size_t> order(params.size());
    for (std::size_t c = 0; c < order.size(); ++c) order[c] = c;
    auto ratio = [&](std::size_t c) {
        const double w = result.posterior[c].width_ratio;
        return std::isnan(w) ? 1e300 : w;
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return ratio(a) < ratio(b); });
    for (const std::size_t c : order) {
        const auto& p = params[c];
        const auto& s = result.posterior[c];
        std::string by;
        for (std::size_t k = 0; k < setup.active.size(); ++k) {
            const double rho = result.rho[k][c];
            if (!std::isnan(rho) && std::fabs(rho) >= result.rho_cutoffs[k])
                by += (by.empty() ? "" : ", ") + setup.active[k].id + " (" + fmt(rho) + ")";
        }
        o += "| `" + p.key + "` | " + std::string(basis_word(p.def->origin.basis)) + " | " +
             param_value_text(*p.def, setup.scenario) + " | " + fmt(s.prior_lo) + " to " +
             fmt(s.prior_hi) + " | " + fmt(s.q05) + " to " + fmt(s.q95) + " | " + fmt(s.median) +
             " | " + fmt(s.width_ratio) + " | " + fmt(s.width_p) + " | " +
             analysis::width_verdict(s, alpha) + " | " + (by.empty() ? "-" : by) + " |\n";
    }

    o += "\n## Which targets constrain which parameters\n\n";
    o += "Per target: its published figure and tolerance, the range of its model value over "
         "the accepted draws and over all draws, and the parameters whose rank correlation with "
         "the target's error (model - published, over the half-width) across the draws where the "
         "target is defined (m of them) is at least 4/sqrt(m-1) in size (" +
         fmt(result.rho_cutoff) +
         " when it is defined in every draw; strongest first, at most five).\n\n";
    o += "| target | gating | published | tolerance | accepted draws | all draws | parameters "
         "(rank correlation) |\n|---|---|---|---|---|---|---|\n";
    for (std::size_t k = 0; k < setup.active.size(); ++k) {
        const Target& t = setup.active[k];
        auto range_of = [&](auto&& indices) {
            double lo = 1e300, hi = -1e300;
            for (const std::size_t d : indices) {
                const double m = result.draws[d].model[k];
                if (!std::isnan(m)) lo = std::min(lo, m), hi = std::max(hi, m);
            }
            return lo > hi ? std::string("n/a") : fmt(lo) + " to " + fmt(hi);
        };
        std::vector<std::size_t> all(n);
        for (std::size_t d = 0; d < n; ++d) all[d] = d;
        std::vector<std::size_t> strong;
        for (std::size_t c = 0; c < params.size(); ++c)
            if (!std::isnan(result.rho[k][c]) &&
                std::fabs(result.rho[k][c]) >= result.rho_cutoffs[k])
                strong.push_back(c);
        std::stable_sort(strong.begin(), strong.end(), [&](std::size_t a, std::size_t b) {
            return std::fabs(result.rho[k][a]) > std::fabs(result.rho[k][b]);
        });
        if (strong.size() > 5) strong.resize(5);
        std::string names;
        for (const std::size_t c : strong)
            names += (names.empty() ? "" : ", ") + ("`" + params[c].key + "` (") +
                     fmt(result.rho[k][c]) + ")";
        o += "| " + t.id + " (`" + t.metric + "`) | " + (t.gate ? "yes" : "no") + " | " +
             fmt(t.published) + " | " + fmt(t.lower) + " to " + fmt(t.upper) + " | " +
             range_of(result.accepted) + " | " + range_of(all) + " | " +
             (names.empty() ? "none above the cutoff" : names) + " |\n";
    }
    o += "\n## Limits\n\n"
         "- A parameter marked *not identified* is one these targets cannot pin down: any value "
         "in its plausible range fits them about as well, so a conclusion that depends on it "
         "rests on the assumption, not on the data.\n"
         "- The accepted draws approximate the posterior only as well as " +
         std::to_string(n) + " draws of a " + std::to_string(params.size()) +
         "-dimensional prior allow: with many parameters, few draws land near the best fit, and "
         "the accepted set widens towards the prior (more draws narrow it).\n"
         "- Replicate noise enters each draw's distance; with few replicates a draw can be "
         "accepted or rejected by chance.\n"
         "- Category parameters and settings keep the scenario's values; sourced parameters are "
         "not drawn.\n";
    return o;
}

} // namespace tendersim::validation
