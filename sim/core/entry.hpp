#pragma once
// Free entry by market cell (category x region): would-be entrants weigh the yearly profit one
// more firm could expect from this year's published outcomes against their own fixed cost
// (Bresnahan & Reiss 1991; Mankiw & Whinston 1986). docs/ODD.md 7.18.
#include "market.hpp"
#include "year_state.hpp"

#include <cstdint>
#include <vector>

namespace tendersim {

// What one market cell looked like this year, as a would-be entrant reads it.
struct CellProspect {
    std::int64_t tenders = 0;     // tenders advertised in the cell
    std::int64_t awards = 0;      // tenders awarded
    std::int64_t open_awards = 0; // of them, not kept by an incumbent (new needs, switches)
    Pence margin_pool = 0; // winners' (price - own cost) x contract years over the open awards
    Pence bid_costs = 0;   // what bidders spent on bids in the cell this year (awards included)
    std::int64_t suppliers = 0; // active suppliers that serve the cell
};

// One prospect per cell, cell = category x regions + region, from this year's tenders and their
// published results; suppliers counted after this year's exits and growth.
std::vector<CellProspect> cell_prospects(const Market& m, const YearState& ys);

// Expected yearly operating profit (pence) of one more firm in the cell: an equal share of the
// margin pool, less the bid costs an average firm of the cell spends.
double entrant_operating_profit(const CellProspect& cell);

// Would-be entrants arrive per cell and enter when their expected profit is positive.
void enter_markets(Market& m, YearState& ys);

} // namespace tendersim
