#include "validate.hpp"

#include "analysis/stats.hpp"
#include "core/params.hpp"
#include "core/run_plan.hpp"
#include "core/simulation.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>
#include <stdexcept>

namespace tendersim::validation {

bool ValidationReport::passed() const {
    for (const auto& r : results)
        if (r.target.gate && !r.inside) return false;
    return true;
}

double ValidationReport::distance() const {
    double d = 0;
    for (const auto& r : results) {
        if (!r.target.gate) continue;
        const double half = r.model_mean < r.target.published ? r.target.published - r.target.lower
                                                              : r.target.upper - r.target.published;
        const double z = (r.model_mean - r.target.published) / std::max(half, 1e-12);
        d += z * z;
    }
    return d;
}

ValidationReport validate(const ScenarioSpec& spec, const TargetSet& targets,
                          std::int64_t replicates, int threads) {
    // run.years = 0 (the starting market only) leaves no year to hold against the targets.
    if (spec.run.years < 1)
        throw std::invalid_argument("validate needs at least one simulated year: " + spec.name +
                                    " sets run.years = 0 (set it from 1 to 200)");
    ValidationReport report;
    report.scenario = spec.name;
    report.replicates = replicates;
    report.years = spec.run.years;
    report.window_years = std::min<std::int64_t>(targets.window_years, spec.run.years);
    std::vector<const Target*> active;
    for (const auto& t : targets.targets)
        if (applies_to(t, spec.name)) active.push_back(&t);
    // per target: one value per replicate (mean over the final window of years)
    std::vector<std::vector<double>> values(active.size());
    // The same run plan as `tendersim run`, so a validation can be reproduced there.
    for (const PlannedRun& run :
         make_run_plan(spec, static_cast<std::uint64_t>(spec.run.seed), replicates)) {
        Simulation sim(run.spec, run.seed, threads);
        std::vector<double> sums(active.size(), 0.0);
        std::vector<int> counted(active.size(), 0); // years where the metric is defined
        for (std::int64_t y = 1; y <= spec.run.years; ++y) {
            const auto& metrics = sim.run_year();
            if (y <= spec.run.years - report.window_years) continue;
            std::map<std::string, double> row;
            for (const auto& [name, value] : metric_rows(metrics, spec)) row[name] = value;
            for (std::size_t k = 0; k < active.size(); ++k) {
                const double v = row[active[k]->metric];
                if (std::isfinite(v)) sums[k] += v, ++counted[k];
            }
        }
        // A replicate where the metric is never defined in the window adds no value.
        for (std::size_t k = 0; k < active.size(); ++k)
            if (counted[k] > 0) values[k].push_back(sums[k] / static_cast<double>(counted[k]));
    }
    for (std::size_t k = 0; k < active.size(); ++k) {
        const auto ci = analysis::mean_ci95(values[k]);
        TargetResult res;
        res.target = *active[k];
        res.model_mean = ci.mean;
        res.ci95_low = std::isnan(ci.ci95_low) ? ci.mean : ci.ci95_low;
        res.ci95_high = std::isnan(ci.ci95_high) ? ci.mean : ci.ci95_high;
        res.inside = ci.mean >= res.target.lower && ci.mean <= res.target.upper;
        report.results.push_back(std::move(res));
    }
    return report;
}

namespace {

std::string fmt(double v) {
    char buf[32];
    if (std::fabs(v) >= 100)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

std::string verdict(const TargetResult& r) {
    if (r.inside) return "ok";
    return r.target.gate ? "OUTSIDE" : "outside (not gating)";
}

} // namespace

void print_report(std::ostream& out, const ValidationReport& report) {
    out << "Validation of '" << report.scenario << "': " << report.replicates
        << " replicates, model value = mean of years " << report.years - report.window_years + 1
        << "-" << report.years << " (95% interval across replicates)\n\n";
    char line[512];
    std::snprintf(line, sizeof line, "%-24s %10s %19s %10s %21s  %s\n", "target", "published",
                  "tolerance", "model", "95% interval", "verdict");
    out << line;
    for (const auto& r : report.results) {
        std::snprintf(line, sizeof line, "%-24s %10s %8s to %-8s %10s %9s to %-9s  %s\n",
                      r.target.id.c_str(), fmt(r.target.published).c_str(),
                      fmt(r.target.lower).c_str(), fmt(r.target.upper).c_str(),
                      fmt(r.model_mean).c_str(), fmt(r.ci95_low).c_str(), fmt(r.ci95_high).c_str(),
                      verdict(r).c_str());
        out << line;
    }
    out << "\nSources:\n";
    for (const auto& r : report.results)
        out << "  " << r.target.id << ": " << r.target.source << "\n";
    out << "\n"
        << (report.passed() ? "PASS" : "FAIL") << ": " << report.results.size()
        << " targets, distance " << fmt(report.distance()) << "\n";
}

std::string report_markdown(const ValidationReport& report) {
    std::ostringstream o;
    o << "| target | published | tolerance | model (mean) | 95% interval | verdict | source "
         "|\n|---|---|---|---|---|---|---|\n";
    for (const auto& r : report.results)
        o << "| " << r.target.description << " (`" << r.target.metric << "`) | "
          << fmt(r.target.published) << " | " << fmt(r.target.lower) << " to "
          << fmt(r.target.upper) << " | " << fmt(r.model_mean) << " | " << fmt(r.ci95_low) << " to "
          << fmt(r.ci95_high) << " | " << verdict(r) << " | " << r.target.source << " |\n";
    return o.str();
}

} // namespace tendersim::validation
