#pragma once
// `tendersim diagnose steady DIR`: does a long run settle? From metrics.csv: each headline metric's
// mean over consecutive windows of years (per replicate, then across replicates) and its drift
// from one window to the next, in % per 50 years. A metric is "settled" when every drift is
// under 5% in absolute value.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace tendersim::diagnostics {

// total_spend_gbp, active_suppliers_sme, active_suppliers_large, sme_share_direct,
// incumbent_win_rate, mean_markup, price_index.
const std::vector<std::string>& steady_metrics();

inline constexpr double kSettledDrift = 0.05; // per 50 years

struct SteadyRow {
    std::string metric;
    std::vector<double> window_means; // across replicates; NaN when no value in the window
    std::vector<double> drifts;       // share per 50 years between consecutive windows
    bool settled = false;             // every drift finite and below kSettledDrift
};

struct SteadyState {
    std::string scenario;
    std::vector<std::int64_t> bounds; // windows [b0, b1), [b1, b2), ..., [b_{k-1}, b_k]
    std::size_t replicates = 0;
    std::int64_t last_year = 0;
    std::vector<SteadyRow> rows;
    std::vector<std::string> missing; // of steady_metrics(), not in metrics.csv
};

// (to / from - 1) scaled to 50 years: the windows' starts are years_apart apart. NaN when from
// is 0 (and to is not) or either is not finite.
double drift_per_50_years(double from, double to, double years_apart);

// Parses "50,100,150,200": at least two increasing integers. Throws InputError.
std::vector<std::int64_t> parse_windows(const std::string& text);

// Reads metrics.csv. Throws CsvFileError (exit 2) on bad input, including a run too short for
// the windows or without any of the metrics.
SteadyState diagnose_steady(const std::filesystem::path& metrics_csv,
                            std::span<const std::int64_t> bounds);

std::string steady_markdown(const SteadyState& s, const std::string& command);

} // namespace tendersim::diagnostics
