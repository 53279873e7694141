#pragma once
// The register's distributions: what `tendersim ocds import` turns into a scenario and what
// `tendersim validate --against-ocds` puts beside a simulated market. All amounts in GBP.
#include "analysis/stats.hpp"
#include "options.hpp"
#include "register.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tendersim::ocds {

using analysis::Quantiles;

// Log-normal fit by moments of the logs: median = exp(mean of ln x), log_sd = sd of ln x
// (n - 1 in the denominator).
struct LogNormalFit {
    std::size_t n = 0;
    double median = 0;
    double log_sd = 0;
};

struct CategoryEstimate {
    std::string name;
    std::size_t tenders = 0;           // tenders whose CPV maps here
    double annual_value_total_gbp = 0; // sum of annual values (the spend-share basis)
    LogNormalFit annual_value;         // annual value = total / max(1, duration in years)
    Quantiles duration_years;
};

struct RegisterEstimates {
    std::vector<std::string> files;
    std::size_t releases_read = 0;
    std::size_t tenders = 0; // distinct ocids

    std::size_t buyers = 0;
    std::size_t tenders_with_buyer = 0;

    // Bids per tender: tender.numberOfTenderers, else distinct bidders in bids.details.
    std::map<std::int64_t, std::size_t> bids_histogram;
    std::map<std::string, std::size_t> bids_sources;
    std::size_t bids_sample = 0;    // tenders with a bidder count (including 0)
    double bids_mean = 0;           // over bids_sample
    std::size_t bids_with_bids = 0; // tenders with at least one bid
    double bids_mean_with_bids = 0; // over bids_with_bids
    double single_bid_share = 0;    // exactly one bid / bids_with_bids

    Quantiles total_value_gbp;  // per tender, whole contract
    Quantiles annual_value_gbp; // per tender with a known duration
    Quantiles duration_years;
    std::map<std::string, std::size_t> value_sources;
    std::map<std::string, std::size_t> duration_sources;

    // SME: parties[].details.scale of suppliers; UK suitability flags of notices.
    std::size_t sme_scale_sample = 0; // suppliers with a scale
    double sme_share_suppliers = 0;
    std::size_t suitability_sample = 0;
    std::size_t suitability_true = 0;

    std::size_t suppliers = 0;         // distinct awarded suppliers
    std::size_t awards_with_value = 0; // supplier shares with a value
    double awarded_value_gbp = 0;
    double hhi = 0; // of award value by supplier, 0-1 (x 10,000 for the usual scale)

    std::vector<CategoryEstimate> categories;       // kCategoryNames order
    std::size_t classified = 0;                     // tenders with a CPV code
    std::map<std::string, std::size_t> outside_cpv; // CPV division (2 digits) -> tenders

    std::vector<Drop> drops;
    std::size_t drop_total = 0;
    std::map<std::string, std::size_t> drop_counts;
};

// Reads the files (directories expand to their OCDS files) and estimates. Throws InputFileError
// (exit 2) for unreadable or malformed input and for a currency without a rate; IoError (exit 3)
// when a file cannot be read.
RegisterEstimates estimate_register(const std::vector<std::filesystem::path>& inputs,
                                    const ImportOptions& options);

// The estimates of a register already read (tests and the fuzzer use it on in-memory data).
RegisterEstimates estimate_from(const Register& reg, std::vector<std::string> files);

LogNormalFit lognormal_fit(const std::vector<double>& positive_values);

} // namespace tendersim::ocds
