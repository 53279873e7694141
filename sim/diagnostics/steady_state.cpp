#include "diagnostics/steady_state.hpp"

#include "diagnostics/report_format.hpp"
#include "io/csv_reader.hpp"
#include "io/errors.hpp"
#include "text/text.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace tendersim::diagnostics {

const std::vector<std::string>& steady_metrics() {
    static const std::vector<std::string> names = {
        "total_spend_gbp",  "active_suppliers_sme", "active_suppliers_large",
        "sme_share_direct", "incumbent_win_rate",   "mean_markup",
        "price_index"};
    return names;
}

double drift_per_50_years(double from, double to, double years_apart) {
    if (!std::isfinite(from) || !std::isfinite(to) || !(years_apart > 0))
        return std::numeric_limits<double>::quiet_NaN();
    if (from == 0) return to == 0 ? 0.0 : std::numeric_limits<double>::quiet_NaN();
    return (to / from - 1.0) * 50.0 / years_apart;
}

std::vector<std::int64_t> parse_windows(const std::string& text) {
    std::vector<std::int64_t> bounds;
    for (const std::string_view part : split(text, ',')) {
        const auto v = parse_u64(part);
        if (!v || *v > 1000000 ||
            (!bounds.empty() && static_cast<std::int64_t>(*v) <= bounds.back()))
            throw InputError("--windows: expected increasing whole years such as 50,100,150,200, "
                             "got '" +
                             text + "'");
        bounds.push_back(static_cast<std::int64_t>(*v));
    }
    if (bounds.size() < 2)
        throw InputError("--windows: expected at least two years (one window), got '" + text + "'");
    return bounds;
}

namespace {

// The window of year y, or -1 outside [bounds.front(), bounds.back()].
int window_of(std::int64_t year, std::span<const std::int64_t> bounds) {
    if (year < bounds.front() || year > bounds.back()) return -1;
    if (year == bounds.back()) return static_cast<int>(bounds.size()) - 2;
    const auto it = std::upper_bound(bounds.begin(), bounds.end(), year);
    return static_cast<int>(it - bounds.begin()) - 1;
}

std::string window_label(std::span<const std::int64_t> b, std::size_t k) {
    const bool last = k + 2 == b.size();
    return std::to_string(b[k]) + "-" + std::to_string(last ? b[k + 1] : b[k + 1] - 1);
}

} // namespace

SteadyState diagnose_steady(const std::filesystem::path& metrics_csv,
                            std::span<const std::int64_t> bounds) {
    SteadyState s;
    s.bounds.assign(bounds.begin(), bounds.end());
    const std::size_t windows = bounds.size() - 1;
    CsvReader r(metrics_csv);
    const MetricsCsvColumns cols(r);
    const auto& names = steady_metrics();
    // (metric, replicate, window) -> (sum, count)
    std::map<std::tuple<std::size_t, std::int64_t, int>, std::pair<double, int>> sums;
    std::set<std::size_t> seen;
    std::set<std::int64_t> replicates;
    std::map<std::int64_t, std::int64_t> max_year; // per replicate
    s.last_year = std::numeric_limits<std::int64_t>::min();
    bool any = false;
    while (r.next()) {
        any = true;
        const std::string_view scenario = r.text(cols.scenario);
        if (s.scenario.empty())
            s.scenario = scenario;
        else if (scenario != s.scenario)
            r.fail(cols.scenario,
                   "one scenario per file, '" + s.scenario + "' as on the rows above");
        const std::int64_t replicate = r.integer(cols.replicate);
        const std::int64_t year = r.integer(cols.year);
        replicates.insert(replicate);
        s.last_year = std::max(s.last_year, year);
        const auto it = std::find(names.begin(), names.end(), r.text(cols.metric));
        if (it == names.end()) continue;
        const std::size_t k = static_cast<std::size_t>(it - names.begin());
        seen.insert(k);
        const auto value = r.optional_number(cols.value);
        const int w = window_of(year, bounds);
        if (!value || w < 0) continue;
        auto& sum = sums[{k, replicate, w}];
        sum.first += *value;
        ++sum.second;
    }
    if (!any) throw CsvFileError(r.file(), r.line(), "", "expected rows of metrics, got none");
    if (s.last_year < bounds.back())
        throw CsvFileError(r.file(), r.line(), "year",
                           "expected years up to " + std::to_string(bounds.back()) +
                               " for the windows (run with --years " +
                               std::to_string(bounds.back()) + ", or choose --windows), got " +
                               "years up to " + std::to_string(s.last_year));
    if (seen.empty())
        throw CsvFileError(r.file(), r.line(), "metric",
                           "expected at least one of total_spend_gbp, active_suppliers_sme, ... "
                           "(the steady-state metrics), got none");
    s.replicates = replicates.size();
    for (std::size_t k = 0; k < names.size(); ++k) {
        if (!seen.count(k)) {
            s.missing.push_back(names[k]);
            continue;
        }
        SteadyRow row;
        row.metric = names[k];
        for (std::size_t w = 0; w < windows; ++w) {
            std::vector<double> per_replicate;
            for (const std::int64_t rep : replicates)
                if (const auto it = sums.find({k, rep, static_cast<int>(w)}); it != sums.end())
                    per_replicate.push_back(it->second.first / it->second.second);
            row.window_means.push_back(analysis::mean(per_replicate));
        }
        row.settled = true;
        for (std::size_t w = 0; w + 1 < windows; ++w) {
            const double d = drift_per_50_years(row.window_means[w], row.window_means[w + 1],
                                                static_cast<double>(bounds[w + 1] - bounds[w]));
            row.drifts.push_back(d);
            if (!(std::fabs(d) < kSettledDrift)) row.settled = false;
        }
        s.rows.push_back(std::move(row));
    }
    return s;
}

std::string steady_markdown(const SteadyState& s, const std::string& command) {
    std::ostringstream o;
    const std::span<const std::int64_t> b(s.bounds);
    const std::size_t windows = b.size() - 1;
    o << "Steady state of '" << s.scenario << "': " << s.replicates << " replicates, years up to "
      << s.last_year << " (`" << command << "`).\n\n";
    o << "| metric |";
    for (std::size_t w = 0; w < windows; ++w) o << " years " << window_label(b, w) << " |";
    for (std::size_t w = 0; w + 1 < windows; ++w) o << " drift " << b[w] << "→" << b[w + 1] << " |";
    o << " verdict |\n|---|";
    for (std::size_t i = 0; i + 1 < 2 * windows; ++i) o << "---|";
    o << "---|\n";
    for (const SteadyRow& row : s.rows) {
        o << "| `" << row.metric << "` |";
        for (const double m : row.window_means) o << " " << format_value(m) << " |";
        for (const double d : row.drifts) o << " " << format_signed_percent(d) << " |";
        bool undefined = false;
        for (const double d : row.drifts) undefined = undefined || !std::isfinite(d);
        o << " " << (row.settled ? "settled" : undefined ? "n/a" : "drifting") << " |\n";
    }
    o << "\nWindow means: per replicate the mean over the window's years where the metric is "
         "defined, then the mean across replicates. Drift: change of that mean from one window to "
         "the next, in % per 50 years. Settled: every drift under "
      << format_percent(kSettledDrift) << " in absolute value; n/a: a window without a value.";
    if (!s.missing.empty()) {
        o << " Not in metrics.csv:";
        for (std::size_t i = 0; i < s.missing.size(); ++i)
            o << (i ? ", `" : " `") << s.missing[i] << "`";
        o << ".";
    }
    o << "\n";
    return o.str();
}

} // namespace tendersim::diagnostics
