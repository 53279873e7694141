#pragma once
// A market's tender-level distributions in the terms a contracts register can also give (bids per
// tender, single-bid share, contract values and lengths, SME share of awards), so a model run and
// an OCDS register can be put side by side (`tendersim validate --against-ocds`).
#include "analysis/stats.hpp"
#include "core/spec.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace tendersim::validation {

using analysis::Quantiles;

struct MarketDistributions {
    std::string source; // "model: baseline, 10 replicates x 20 years" or "register: 3 files"
    // Tenders whose number of bids is known, by count: [0] no bid, ..., [kBidBins - 1] that many
    // or more.
    static constexpr std::size_t kBidBins = 11;
    std::array<std::uint64_t, kBidBins> bids_histogram{};
    std::uint64_t tenders_with_bids_known = 0;
    double mean_bids = 0;        // over tenders with a known count (zero-bid tenders included)
    double single_bid_share = 0; // of tenders with at least one bid
    std::uint64_t tenders_with_a_bid = 0;
    Quantiles contract_value_gbp;        // awarded contracts: whole value (annual price x years)
    Quantiles contract_years;            // awarded contracts: length in years
    std::uint64_t awards_with_scale = 0; // awards whose winner's size is known
    double sme_award_share = 0;          // of those, the share won by SMEs
};

// Accumulates tenders one at a time (bids < 0: the count is unknown; value or years <= 0:
// unknown; is_sme < 0: the winner's size is unknown), then summarises.
class DistributionBuilder {
  public:
    void add_tender(int bids);
    void add_award(double value_gbp, double years, int is_sme);
    MarketDistributions finish(std::string source) const;

  private:
    MarketDistributions d_;
    double bid_sum_ = 0;
    std::uint64_t single_ = 0;
    std::uint64_t sme_ = 0;
    std::vector<double> values_, years_;
};

// Runs the scenario's replicates (the run plan of `tendersim run`) and collects every reported
// year's tenders.
MarketDistributions model_distributions(const ScenarioSpec& spec, std::int64_t replicates,
                                        int threads);

// The two side by side as a Markdown table (one row per measure, with sample sizes) and a plain
// text table for the terminal.
std::string distributions_markdown(const MarketDistributions& model,
                                   const MarketDistributions& data);
std::string distributions_text(const MarketDistributions& model, const MarketDistributions& data);

} // namespace tendersim::validation
