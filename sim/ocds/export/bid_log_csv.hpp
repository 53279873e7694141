#pragma once
// bids.csv (`tendersim run --bid-log`): one row per bid, written year by year like tenders.csv and
// keyed the same way (scenario, replicate, year, tender), so the two files join.
#include "io/csv_writers.hpp"

#include <ostream>

namespace tendersim::ocds {

void write_bids_header(std::ostream& out);
// The year's bids from ys.bid_log (the simulation must run with set_bid_log(true)).
void write_bid_rows(std::ostream& out, const RowKey& key, const Market& m, const YearState& ys);

} // namespace tendersim::ocds
