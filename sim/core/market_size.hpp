#pragma once
// What a scenario will cost before it is built: the expected number of contracts, tenders and
// suppliers, the memory they take, and the largest money amounts its draws are likely to reach.
// A market that would not fit is refused with these numbers before anything is allocated.
#include "spec.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>

namespace tendersim {

struct MarketSizeEstimate {
    double contracts = 0;        // live contracts (lots included)
    double tenders_per_year = 0; // after lotting
    double suppliers = 0;
    double bytes = 0;                // expected memory of one market
    double largest_contract_gbp = 0; // a 6-sigma contract: annual price x longest duration
    double largest_capacity_gbp = 0; // a 6-sigma supplier's cash at entry or capacity
    double yearly_spend_gbp = 0;     // expected spend of all councils in a year
};

// Refusal limits: memory of one market, and the largest money amount (2^53 pence, see money.hpp).
inline constexpr double kMaxMarketBytes = 16.0 * 1024 * 1024 * 1024;

class MarketTooLarge : public std::invalid_argument {
  public:
    using std::invalid_argument::invalid_argument;
};

MarketSizeEstimate estimate_market_size(const ScenarioSpec& spec);

// Throws MarketTooLarge, naming the figures and the parameters that drive them.
void check_market_fits(const ScenarioSpec& spec);

} // namespace tendersim
