#pragma once
// The information side of the market: what award notices publish (every bid relative to the
// tender's estimate, and how many bids came), what councils learn of prices from the bids they
// see, and the pricing curves bidders derive from it each year.
#include "market.hpp"
#include "year_state.hpp"

#include <span>

namespace tendersim {

// Every market's record and every council's price beliefs at their priors (market build).
void open_records(Market& m);

// Each market's pricing curve for this year's bids, from its record (YearState::pricing).
void prepare_pricing(const Market& m, YearState& ys);

// After the award: the year's bids are published into each market's record, and each buyer
// moves its price belief toward the price it paid (or the lowest bid it saw, or up, when no bid
// was admissible); with joint price pooling every partner of a joint tender learns from it.
// Serial, in tender order.
void publish_results(Market& m, const YearState& ys);

// The council's estimate of a tender's annual price before the noise of its own judgement:
// efficient cost x its price belief for the category.
double believed_unit_price(const Market& m, CouncilId buyer, CategoryId category);

// A partnership's belief of the unit price of a category: the geometric mean of its partners'
// beliefs (their price records pooled with equal weight).
double pooled_unit_price(const Market& m, std::span<const CouncilId> partners, CategoryId category);

// The partners who learn from a tender's outcome: a joint tender's whole partnership when its
// lead pools prices, else the buyer alone.
std::span<const CouncilId> price_learners(const Market& m, const Tender& t);

} // namespace tendersim
