#include "app/score_split.hpp"

#include "app/text_format.hpp"
#include "core/evaluation.hpp"

namespace tendersim::viz {

ScoreSplit score_split(const PolicyControls& c) {
    const EvaluationWeights w = policy_score_weights(c.social_value_weight, c.price_weight);
    return {w.price, w.quality(), w.social_value};
}

std::string score_split_text(const ScoreSplit& s) {
    const std::string dot = " \u00B7 ";
    return "Price " + percent_text(s.price) + dot + "quality " + percent_text(s.quality) + dot +
           "SV " + percent_text(s.social_value);
}

} // namespace tendersim::viz
