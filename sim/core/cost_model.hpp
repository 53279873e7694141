#pragma once
// What a contract costs a given supplier, and what a bid costs to write.
#include "market.hpp"

namespace tendersim {

// Annual cost for supplier s to deliver a contract whose efficient annual cost is `efficient`.
// Large firms gain scale economies on contracts above the category median and pay a penalty
// (up to x1.4) on smaller ones; SMEs strain on
// contracts large relative to their capacity; incumbents know the job.
Pence supplier_cost(const Market& market, SupplierId s, CategoryId c, Pence efficient,
                    bool incumbent);

// The contract-size part of a large firm's cost factor, the same for every large bidder on a
// tender: computed once per tender so the per-bid path has no pow().
double large_scale_factor(const CategorySpec& category, Pence efficient);
Pence supplier_cost(const Market& market, SupplierId s, Pence efficient, double large_scale,
                    bool incumbent);

// Cost of preparing one bid for a contract of total value `total` (annual value x years):
// a share of value that rises for small projects, with a floor.
Pence bid_cost(const BiddingSpec& bidding, Pence total);

} // namespace tendersim
