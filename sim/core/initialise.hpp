#pragma once
// Builds the starting market from a validated scenario: councils, suppliers and each council's
// portfolio of running contracts with staggered end dates.
#include "market.hpp"

namespace tendersim {

// `threads` draws the suppliers in parallel (each from its own stream into its own slot): the
// market is the same at any thread count.
Market build_market(const ScenarioSpec& spec, std::uint64_t seed, int threads = 1);

} // namespace tendersim
