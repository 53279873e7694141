#pragma once
// Builds the starting market from a validated scenario: councils, suppliers and each council's
// portfolio of running contracts with staggered end dates.
#include "market.hpp"

namespace tendersim {

Market build_market(const ScenarioSpec& spec, std::uint64_t seed);

} // namespace tendersim
