#pragma once
// Scoring and ranking of a tender's bids: pure functions, no market state, so the award rules can
// be tested on hand-made bids.
#include "spec.hpp"
#include "tender.hpp"

#include <span>

namespace tendersim {

struct EvaluationWeights {
    double price = 0.6;
    double social_value = 0.0;
    double quality() const { return 1.0 - price - social_value; }
};

// A council's policy weights as a tender's score weights: social value takes its weight from
// price and quality, which keep their ratio (price_weight is price's share of price + quality).
// At 60% social value and price_weight 0.6: price 24%, quality 16%, social value 60%.
EvaluationWeights policy_score_weights(double social_value_weight, double price_weight);

struct AbnormalRule {
    double ratio = 0.0; // flag bids below ratio x median price; 0 disables
    AbnormallyLowAction action = AbnormallyLowAction::Off;
};

struct EvaluationSummary {
    std::uint16_t flagged = 0;
    std::uint16_t rejected = 0;
};

// Rejects every bid priced above the reserve (0: no reserve) and returns how many it rejected.
std::uint16_t reject_over_reserve(std::span<Bid> bids, Pence reserve);

// Flags abnormally low bids, then scores the rest: price score = lowest evaluated price / own
// evaluated price (relative scoring), quality as evaluated, social value relative to the best
// offer. Rejected bids score -1.
EvaluationSummary score_bids(std::span<Bid> bids, const EvaluationWeights& weights,
                             const AbnormalRule& rule);

// Writes the indices of the best `out.size()` valid bids, best first (ties: lower price, then
// lower supplier id), and returns how many were written.
std::size_t rank_bids(std::span<const Bid> bids, std::span<std::uint16_t> out);

} // namespace tendersim
