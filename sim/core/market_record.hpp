#pragma once
// The information side of the market: what award notices publish (every bid relative to the
// tender's estimate, and how many bids came), what councils learn of prices from the bids they
// see, and the pricing curves bidders derive from it each year.
#include "market.hpp"
#include "year_state.hpp"

namespace tendersim {

// Every market's record and every council's price beliefs at their priors (market build).
void open_records(Market& m);

// Each market's pricing curve for this year's bids, from its record (YearState::pricing).
void prepare_pricing(const Market& m, YearState& ys);

// After the award: the year's bids are published into each market's record, and each buyer
// moves its price belief toward the lowest bid it saw (or up, when no bid was admissible).
// Serial, in tender order.
void publish_results(Market& m, const YearState& ys);

// The council's estimate of a tender's annual price before the noise of its own judgement:
// efficient cost x its price belief for the category.
double believed_unit_price(const Market& m, CouncilId buyer, CategoryId category);

} // namespace tendersim
