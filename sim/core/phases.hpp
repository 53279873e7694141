#pragma once
// The phases of one simulated year; year_schedule.hpp gives their order.
#include "candidate_index.hpp"
#include "market.hpp"
#include "parallel.hpp"
#include "year_state.hpp"

namespace tendersim {

// Expiring, failed and orphaned contracts, and new needs, become this year's tenders.
// Which contracts come up is decided in contract order; the tenders' own draws run in parallel.
void run_needs(Market& m, YearState& ys, Executor& exec);
// The buyer's design choices for each tender (joint tenders, lots, weights, reservations,
// outcome specifications); the policy hook. Parallel over tenders after the merges and splits.
void run_design(Market& m, YearState& ys, Executor& exec);
// Suppliers read notices, decide whether to bid, price their bids; each tender's bids are scored
// and ranked. Parallel over tenders.
void run_bidding(Market& m, YearState& ys, const CandidateIndex& index, Executor& exec);
// Contracts go to the best-ranked bidder that still has room, tender by tender in a seeded order.
void run_award(Market& m, YearState& ys, const CandidateIndex& index);
// Running contracts are delivered and paid; some fail. Parallel over contracts, merged in order.
void run_delivery(Market& m, YearState& ys, Executor& exec);
// Suppliers book the year: cash, learning, capacity, growth and exit (parallel), then entry.
void run_dynamics(Market& m, YearState& ys, Executor& exec);

// Bid-level rules shared by bidding and tests.
// Quality a supplier offers on a tender: its quality, plus under an outcome specification the
// outcome its own (possibly innovative) solution achieves.
double offered_quality(const Market& m, const Tender& t, SupplierId id);
// Chance that delivered quality meets the outcome target, given the offered quality.
double outcome_met_probability(const Market& m, double quality);
// The incumbent's product-specific advantage in evaluation: none under outcome specifications.
double incumbent_quality_bonus(const ScenarioSpec& spec, const Tender& t, bool incumbent);

// Suppliers spread their bid-writing capacity over the notices they could answer this year, and
// the index regroups its cells into attention bands (phase_attention.cpp).
void prepare_attention(Market& m, const YearState& ys, CandidateIndex& index, Executor& exec);
// Suppliers' yearly counters back to zero, as a year opens (year_schedule.cpp).
void reset_year_counters(Market& m);

} // namespace tendersim
