#pragma once
// `tendersim diagnose market DIR`: how prices, incumbency and entry behave in a run, from the
// files it wrote (DIR/tenders.csv from `run --tender-log`, DIR/metrics.csv). Independent of the
// model: it reads columns by name and tolerates columns it does not know.
//
// Every figure is computed per replicate first and then summarised across replicates (mean and
// 95% t-interval over the replicate values), so the interval reflects run-to-run variation, not
// the (correlated) tenders within one run.
#include "diagnostics/report_format.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace tendersim::diagnostics {

// Bins 1, 2, ..., 11 and 12+ bids.
inline constexpr int kBidBins = 12;

// One awarded tender, as read from tenders.csv.
struct AwardedTender {
    std::int64_t replicate = 0;
    std::int64_t year = 0;
    int category = 0; // an id per distinct category name
    std::int64_t region = 0;
    std::int64_t bids = 0; // >= 1
    double ratio = 0.0;    // winning_price_gbp / estimated_value_gbp, > 0
    bool relet = false;
    bool incumbent_won = false;
};

struct BidBin {
    std::string label;         // "1" ... "11", "12+"
    std::uint64_t tenders = 0; // all replicates and years
    Estimate ratio;            // mean over a replicate's tenders, then across replicates
};

struct MetricSummary {
    std::string metric;
    Estimate value; // per replicate: mean over the window's years where defined
};

struct MarketDiagnostics {
    std::string scenario;
    std::size_t replicates = 0;
    std::int64_t first_year = 0;
    std::int64_t last_year = 0;
    std::uint64_t tenders = 0;     // rows of tenders.csv
    std::uint64_t awarded = 0;     // with a winner and at least one bid
    std::uint64_t without_bid = 0; // with a winner but no bid counted (left out)
    std::array<BidBin, kBidBins> bins;
    // mean ratio with 1 bid / mean ratio with 2+ bids - 1.
    Estimate single_bid_premium;
    // OLS slope of ln(ratio) on min(bids, 12), demeaned within category x region x year cells.
    Estimate bidder_slope;
    std::uint64_t relets_awarded = 0;
    Estimate reaward_rate; // re-lets won by the incumbent / re-lets awarded
    Estimate chance_rate;  // mean of 1 / bids over awarded re-lets
    Estimate reaward_over_chance;
    // entrant_*, entries, exits, sme_to_large, idle_sme_share (those present), window years.
    std::vector<MetricSummary> entry_metrics;
    std::int64_t metrics_first_year = 0;
    std::int64_t metrics_last_year = 0;
};

// The per-replicate sums behind MarketDiagnostics, fed one awarded tender at a time (tests feed
// constructed data sets; diagnose_market feeds tenders.csv).
class MarketAccumulator {
  public:
    void add(const AwardedTender& t);
    // Fills bins, premium, slope and re-award figures of d (replicates: those with a tender).
    void finish(MarketDiagnostics& d) const;

  private:
    struct Cell {
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    };
    struct Replicate {
        std::array<double, kBidBins> ratio_sum{};
        std::array<std::uint64_t, kBidBins> count{};
        std::map<std::tuple<int, std::int64_t, std::int64_t>, Cell> cells;
        std::uint64_t relets = 0;
        std::uint64_t relets_incumbent = 0;
        double relet_inverse_bids = 0;
    };
    std::map<std::int64_t, Replicate> replicates_;
};

// Summaries of the entry/exit metrics over the last `window` reported years of metrics.csv.
void summarise_entry_metrics(const std::filesystem::path& metrics_csv, MarketDiagnostics& d,
                             std::int64_t window = 5);

// Reads DIR/tenders.csv and DIR/metrics.csv. Throws CsvFileError / InputError (exit 2) on bad
// input, IoError (exit 3) when a file cannot be read.
MarketDiagnostics diagnose_market(const std::filesystem::path& dir);

// The tables, in Markdown, with a note under each saying how it was computed.
std::string market_markdown(const MarketDiagnostics& d, const std::string& command);

} // namespace tendersim::diagnostics
