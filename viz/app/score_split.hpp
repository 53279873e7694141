#pragma once
// The effective split of a tender's score between price, quality and social value for the levers
// as set: "price vs quality 60/40" at 60% social value is really 24/16/60, because social value
// takes its weight from the other two. Computed with the engine's own rule
// (policy_score_weights), so the bar under the sliders cannot disagree with how bids are scored.
#include "app/controls.hpp"

#include <string>

namespace tendersim::viz {

struct ScoreSplit {
    double price = 0.0, quality = 0.0, social_value = 0.0; // shares of the score, summing to 1
};

ScoreSplit score_split(const PolicyControls& controls);

// "Price 24% · quality 16% · SV 60%" (short: it fits the bar at 1024x768).
std::string score_split_text(const ScoreSplit& split);

} // namespace tendersim::viz
