#include "diagnostics/market_diagnostics.hpp"

#include "io/csv_reader.hpp"
#include "io/errors.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <unordered_map>

namespace tendersim::diagnostics {
namespace {

int bin_of(std::int64_t bids) {
    return static_cast<int>(std::min<std::int64_t>(bids, kBidBins)) - 1;
}

// The one scenario a file holds: `tendersim run` writes one; a file that mixes several would mix
// their replicates.
void check_scenario(const CsvReader& r, std::size_t column, std::string& scenario) {
    const std::string_view s = r.text(column);
    if (scenario.empty() && !s.empty())
        scenario = s;
    else if (s != scenario)
        r.fail(column, "the run's one scenario, '" + scenario + "' (as in tenders.csv and above)");
}

// TRUE / FALSE as tendersim writes them; 0 / 1 as logs written before booleans were R-safe.
bool flag(const CsvReader& r, std::size_t column) {
    const std::string_view v = r.text(column);
    if (v == "TRUE" || v == "1") return true;
    if (v == "FALSE" || v == "0") return false;
    r.fail(column, "TRUE or FALSE");
}

} // namespace

void MarketAccumulator::add(const AwardedTender& t) {
    Replicate& r = replicates_[t.replicate];
    const int b = bin_of(t.bids);
    r.ratio_sum[b] += t.ratio;
    ++r.count[b];
    const double x = static_cast<double>(std::min<std::int64_t>(t.bids, kBidBins));
    const double y = std::log(t.ratio);
    Cell& c = r.cells[{t.category, t.region, t.year}];
    c.n += 1;
    c.sx += x;
    c.sy += y;
    c.sxx += x * x;
    c.sxy += x * y;
    if (t.relet) {
        ++r.relets;
        r.relets_incumbent += t.incumbent_won ? 1 : 0;
        r.relet_inverse_bids += 1.0 / static_cast<double>(t.bids);
    }
}

void MarketAccumulator::finish(MarketDiagnostics& d) const {
    d.replicates = replicates_.size();
    std::array<std::vector<double>, kBidBins> bin_means;
    std::vector<double> premium, slope, reaward, chance, ratio;
    for (int b = 0; b < kBidBins; ++b) {
        d.bins[b].label = std::to_string(b + 1) + (b + 1 == kBidBins ? "+" : "");
        d.bins[b].tenders = 0;
    }
    d.relets_awarded = 0;
    for (const auto& [replicate, r] : replicates_) {
        double multi_sum = 0;
        std::uint64_t multi_count = 0;
        for (int b = 0; b < kBidBins; ++b) {
            d.bins[b].tenders += r.count[b];
            if (r.count[b] > 0)
                bin_means[b].push_back(r.ratio_sum[b] / static_cast<double>(r.count[b]));
            if (b > 0) {
                multi_sum += r.ratio_sum[b];
                multi_count += r.count[b];
            }
        }
        if (r.count[0] > 0 && multi_count > 0)
            premium.push_back(r.ratio_sum[0] / static_cast<double>(r.count[0]) /
                                  (multi_sum / static_cast<double>(multi_count)) -
                              1.0);
        // Within-cell (fixed-effects) OLS: sum over cells of the centred cross-products.
        double sxy = 0, sxx = 0;
        for (const auto& [key, c] : r.cells) {
            sxy += c.sxy - c.sx * c.sy / c.n;
            sxx += c.sxx - c.sx * c.sx / c.n;
        }
        if (sxx > 1e-9) slope.push_back(sxy / sxx);
        d.relets_awarded += r.relets;
        if (r.relets > 0) {
            const double n = static_cast<double>(r.relets);
            reaward.push_back(static_cast<double>(r.relets_incumbent) / n);
            chance.push_back(r.relet_inverse_bids / n);
            ratio.push_back(reaward.back() / chance.back());
        }
    }
    for (int b = 0; b < kBidBins; ++b) d.bins[b].ratio = estimate(bin_means[b]);
    d.single_bid_premium = estimate(premium);
    d.bidder_slope = estimate(slope);
    d.reaward_rate = estimate(reaward);
    d.chance_rate = estimate(chance);
    d.reaward_over_chance = estimate(ratio);
}

void summarise_entry_metrics(const std::filesystem::path& metrics_csv, MarketDiagnostics& d,
                             std::int64_t window) {
    CsvReader r(metrics_csv);
    const MetricsCsvColumns cols(r);
    static const std::vector<std::string> kNamed = {"entries", "exits", "sme_to_large",
                                                    "idle_sme_share"};
    std::vector<std::string> names;
    std::unordered_map<std::string, std::size_t> index;
    struct Obs {
        std::int64_t replicate, year;
        std::size_t metric;
        double value;
    };
    std::vector<Obs> obs;
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    std::string scenario = d.scenario;
    while (r.next()) {
        check_scenario(r, cols.scenario, scenario);
        const std::int64_t replicate = r.integer(cols.replicate);
        const std::int64_t year = r.integer(cols.year);
        last = std::max(last, year);
        const std::string_view name = r.text(cols.metric);
        const bool wanted = name.starts_with("entrant_") ||
                            std::find(kNamed.begin(), kNamed.end(), name) != kNamed.end();
        if (!wanted) continue;
        const auto value = r.optional_number(cols.value);
        auto [it, inserted] = index.try_emplace(std::string(name), names.size());
        if (inserted) names.emplace_back(name);
        if (value) obs.push_back({replicate, year, it->second, *value});
    }
    if (last == std::numeric_limits<std::int64_t>::min())
        throw CsvFileError(r.file(), r.line(), "", "expected rows of metrics, got none");
    d.metrics_last_year = last;
    d.metrics_first_year = last - window + 1;
    // Per replicate and metric: the mean over the window's years where the value is defined.
    std::map<std::pair<std::size_t, std::int64_t>, std::pair<double, int>> sums;
    for (const Obs& o : obs)
        if (o.year >= d.metrics_first_year) {
            auto& s = sums[{o.metric, o.replicate}];
            s.first += o.value;
            ++s.second;
        }
    // The named metrics first, in their order, then entrant_* as metrics.csv lists them.
    std::vector<std::size_t> order;
    for (const auto& n : kNamed)
        if (const auto it = index.find(n); it != index.end()) order.push_back(it->second);
    for (std::size_t k = 0; k < names.size(); ++k)
        if (names[k].starts_with("entrant_")) order.push_back(k);
    d.entry_metrics.clear();
    for (const std::size_t k : order) {
        std::vector<double> values;
        for (const auto& [key, s] : sums)
            if (key.first == k) values.push_back(s.first / s.second);
        d.entry_metrics.push_back({names[k], estimate(values)});
    }
}

MarketDiagnostics diagnose_market(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw InputError(dir.string() + ": " +
                         (fs::exists(dir, ec) ? "is not a directory" : "not found") +
                         " (expected the results directory of `tendersim run SCENARIO "
                         "--tender-log`, e.g. results/baseline)");
    const fs::path tenders = dir / "tenders.csv";
    if (!fs::exists(tenders, ec))
        throw InputError(tenders.string() +
                         ": not found (`tendersim run` writes it only with --tender-log)");

    MarketDiagnostics d;
    MarketAccumulator acc;
    CsvReader r(tenders);
    const std::size_t c_scenario = r.require("scenario");
    const std::size_t c_replicate = r.require("replicate");
    const std::size_t c_year = r.require("year");
    const std::size_t c_region = r.require("region");
    const std::size_t c_category = r.require("category");
    const std::size_t c_estimate = r.require("estimated_value_gbp");
    const std::size_t c_relet = r.require("relet");
    const std::size_t c_bids = r.require("bids");
    const std::size_t c_winner = r.require("winner");
    const std::size_t c_price = r.require("winning_price_gbp");
    const std::size_t c_incumbent = r.require("incumbent_won");
    std::unordered_map<std::string, int> categories;
    d.first_year = std::numeric_limits<std::int64_t>::max();
    d.last_year = std::numeric_limits<std::int64_t>::min();
    while (r.next()) {
        check_scenario(r, c_scenario, d.scenario);
        ++d.tenders;
        AwardedTender t;
        t.replicate = r.integer(c_replicate);
        t.year = r.integer(c_year);
        d.first_year = std::min(d.first_year, t.year);
        d.last_year = std::max(d.last_year, t.year);
        if (r.empty(c_winner)) continue; // not awarded
        t.bids = r.integer(c_bids);
        if (t.bids < 0) r.fail(c_bids, "a number of bids, 0 or more");
        if (t.bids == 0) {
            ++d.without_bid;
            continue;
        }
        const double est = r.number(c_estimate);
        if (est <= 0) r.fail(c_estimate, "a positive amount");
        const double price = r.number(c_price);
        if (price <= 0) r.fail(c_price, "a positive amount for an awarded tender");
        t.ratio = price / est;
        t.region = r.integer(c_region);
        t.category =
            categories
                .try_emplace(std::string(r.text(c_category)), static_cast<int>(categories.size()))
                .first->second;
        t.relet = flag(r, c_relet);
        t.incumbent_won = flag(r, c_incumbent);
        ++d.awarded;
        acc.add(t);
    }
    if (d.tenders == 0) throw CsvFileError(r.file(), r.line(), "", "expected tenders, got none");
    if (d.awarded == 0)
        throw CsvFileError(r.file(), r.line(), "winner",
                           "expected at least one awarded tender, got none");
    acc.finish(d);
    summarise_entry_metrics(dir / "metrics.csv", d);
    return d;
}

std::string market_markdown(const MarketDiagnostics& d, const std::string& command) {
    std::ostringstream o;
    const std::string reps = std::to_string(d.replicates) + " replicates";
    o << "Market diagnostics of '" << d.scenario << "': " << reps << ", years " << d.first_year
      << "-" << d.last_year << ", " << format_count(d.awarded) << " awarded tenders of "
      << format_count(d.tenders) << " (`" << command << "`).\n\n";

    o << "#### Winning price relative to the council's estimate, by number of bids\n\n"
      << "| bids | tenders | share of awarded | price / estimate | 95% interval |\n"
      << "|---|---|---|---|---|\n";
    for (const BidBin& b : d.bins)
        o << "| " << b.label << " | " << format_count(b.tenders) << " | "
          << format_percent(static_cast<double>(b.tenders) / static_cast<double>(d.awarded))
          << " | " << format_value(b.ratio.mean) << " | " << format_interval(b.ratio, format_value)
          << " |\n";
    o << "\nPrice / estimate: `winning_price_gbp / estimated_value_gbp` of awarded tenders, "
         "averaged within each replicate, then the mean of the replicate means with a 95% "
         "Student-t interval over them (n - 1 degrees of freedom; n/a when fewer than 2 "
         "replicates have such tenders). Tenders: all replicates and years.";
    if (d.without_bid > 0)
        o << " " << format_count(d.without_bid)
          << " tenders with a winner but no bid counted are left out.";
    o << "\n\n";

    o << "#### Competition and incumbency\n\n"
      << "| measure | mean | 95% interval | replicates |\n|---|---|---|---|\n"
      << "| Single-bid premium: price / estimate with 1 bid over that with 2+ bids, - 1 | "
      << format_signed_percent(d.single_bid_premium.mean) << " | "
      << format_interval(d.single_bid_premium, format_signed_percent) << " | "
      << d.single_bid_premium.replicates << " |\n"
      << "| Price change per extra bidder: slope of ln(price / estimate) on bids (capped at "
      << kBidBins << "), within category x region x year | "
      << format_signed_percent(d.bidder_slope.mean) << " | "
      << format_interval(d.bidder_slope, format_signed_percent) << " | "
      << d.bidder_slope.replicates << " |\n"
      << "| Incumbent re-award rate: re-lets won by the incumbent / re-lets awarded | "
      << format_percent(d.reaward_rate.mean) << " | "
      << format_interval(d.reaward_rate, format_percent) << " | " << d.reaward_rate.replicates
      << " |\n"
      << "| Chance rate: mean of 1 / bids over awarded re-lets | "
      << format_percent(d.chance_rate.mean) << " | "
      << format_interval(d.chance_rate, format_percent) << " | " << d.chance_rate.replicates
      << " |\n"
      << "| Re-award rate / chance rate | " << format_value(d.reaward_over_chance.mean) << " | "
      << format_interval(d.reaward_over_chance, format_value) << " | "
      << d.reaward_over_chance.replicates << " |\n";
    o << "\nEach figure is computed per replicate (all its years), then averaged across "
         "replicates with a 95% Student-t interval over the replicate values. The slope is the "
         "within-cell OLS slope (ln points, shown x100 as %) after demeaning ln(price / "
         "estimate) and bids in each category x region x year cell. "
      << format_count(d.relets_awarded)
      << " re-lets were awarded in all; the chance rate is the incumbent's share if every "
         "bidder were equally likely to win and the incumbent bid.\n\n";

    o << "#### Entry and exit (metrics.csv, mean of years " << d.metrics_first_year << "-"
      << d.metrics_last_year << ")\n\n";
    if (d.entry_metrics.empty()) {
        o << "metrics.csv has none of `entries`, `exits`, `sme_to_large`, `idle_sme_share`, "
             "`entrant_*`.\n";
    } else {
        o << "| metric | mean | 95% interval | replicates |\n|---|---|---|---|\n";
        for (const auto& m : d.entry_metrics)
            o << "| `" << m.metric << "` | " << format_value(m.value.mean) << " | "
              << format_interval(m.value, format_value) << " | " << m.value.replicates << " |\n";
        o << "\nPer replicate the mean over the years where the metric is defined (definitions: "
             "docs/metrics.md), then the mean across replicates with a 95% Student-t "
             "interval.\n";
    }
    return o.str();
}

} // namespace tendersim::diagnostics
