#pragma once
// A market's tender-level distributions in the terms a contracts register can also give (bids per
// tender, single-bid share, contract values and lengths, SME share of awards), so a model run and
// an OCDS register can be put side by side (`tendersim validate --against-ocds`).
#include "analysis/stats.hpp"
#include "core/spec.hpp"
#include "ocds/import/estimate.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace tendersim::validation {

using analysis::Quantiles;

struct MarketDistributions {
    std::string source; // "baseline, 10 replicates x 20 years" or "3 files, 300 tenders ..."
    // Tenders whose number of bids is known, by count: [0] no bid, ..., [kBidBins - 1] that many
    // or more.
    static constexpr std::size_t kBidBins = 11;
    std::array<std::uint64_t, kBidBins> bids_histogram{};
    std::uint64_t tenders_with_bids_known = 0;
    double mean_bids = 0;        // over tenders with a known count (zero-bid tenders included)
    double single_bid_share = 0; // of tenders with at least one bid
    std::uint64_t tenders_with_a_bid = 0;
    Quantiles contract_value_gbp; // awarded contracts: whole value (annual price x years)
    Quantiles contract_years;     // awarded contracts: length in years
    // Suppliers that won at least one contract and whose size is known (a register's
    // parties[].details.scale), and the share of them that are SMEs.
    std::uint64_t suppliers_with_scale = 0;
    double sme_supplier_share = 0;
};

// Accumulates tenders one at a time (bids < 0: the count is unknown; value or years <= 0:
// unknown) and winning suppliers once each, then summarises.
class DistributionBuilder {
  public:
    void add_tender(int bids);
    void add_award(double value_gbp, double years);
    void add_winning_supplier(bool is_sme);
    MarketDistributions finish(std::string source) const;

  private:
    MarketDistributions d_;
    double bid_sum_ = 0;
    std::uint64_t single_ = 0;
    std::uint64_t sme_ = 0;
    std::vector<double> values_, years_;
};

// Runs the scenario's replicates (the run plan of `tendersim run`) and collects every reported
// year's tenders; a supplier counts once per replicate, with its size when it last won.
MarketDistributions model_distributions(const ScenarioSpec& spec, std::int64_t replicates,
                                        int threads);

// A register read by `tendersim ocds import`'s estimator, in the same terms.
MarketDistributions register_distributions(const ocds::RegisterEstimates& data);

// The two side by side as a Markdown table (one row per measure, with sample sizes) and a plain
// text table for the terminal.
std::string distributions_markdown(const MarketDistributions& model,
                                   const MarketDistributions& data);
std::string distributions_text(const MarketDistributions& model, const MarketDistributions& data);

} // namespace tendersim::validation
