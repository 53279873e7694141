#include "app/controls.hpp"

#include "app/text_format.hpp"
#include "core/policy.hpp"

#include <stdexcept>

namespace tendersim::viz {

namespace {

double reserve_value(const PolicyControls& c) {
    return c.sme_reserve ? c.sme_reserve_threshold_gbp : 0.0;
}

void add(std::vector<Adoption>& out, const std::string& key, double value) {
    Adoption a;
    if (!make_adoption(a, key, value))
        throw std::invalid_argument("policy." + key + " = " + std::to_string(value) +
                                    " is outside the engine's range");
    out.push_back(std::move(a));
}

std::string lots_text(double gbp) {
    // The thresholds are annual contract values: say so, or "£100k" reads as a tender's total.
    return gbp > 0.0 ? "lots above " + money_text(gbp) + " a year" : "no lots";
}

std::string reserve_text(const PolicyControls& c) {
    return c.sme_reserve
               ? "SME reservation below " + money_text(c.sme_reserve_threshold_gbp) + " a year"
               : "no SME reservation";
}

// The route thresholds are total contract values: say so, against the annual ones above.
std::string direct_award_text(double gbp) {
    return gbp > 0.0 ? "direct awards below " + money_text(gbp) + " in total" : "no direct awards";
}

std::string quotes_text(double gbp) {
    return gbp > 0.0 ? "quotes below " + money_text(gbp) + " in total" : "no quotes";
}

} // namespace

PolicyControls controls_from_policy(const PolicySpec& p) {
    PolicyControls c;
    c.social_value_weight = p.social_value_weight;
    c.price_weight = p.price_weight;
    c.outcome_spec_share = p.outcome_spec_share;
    c.lot_threshold_gbp = p.lot_threshold_gbp;
    c.sme_reserve = p.sme_reserve_threshold_gbp > 0.0;
    if (c.sme_reserve) c.sme_reserve_threshold_gbp = p.sme_reserve_threshold_gbp;
    c.shared_back_office = p.shared_back_office;
    c.framework_share = p.framework_share;
    c.direct_award_threshold_gbp = p.direct_award_threshold_gbp;
    c.quote_threshold_gbp = p.quote_threshold_gbp;
    return c;
}

std::vector<Adoption> adoptions_for_change(const PolicyControls& from, const PolicyControls& to) {
    std::vector<Adoption> out;
    if (to.social_value_weight != from.social_value_weight)
        add(out, "social_value_weight", to.social_value_weight);
    if (to.price_weight != from.price_weight) add(out, "price_weight", to.price_weight);
    if (to.outcome_spec_share != from.outcome_spec_share)
        add(out, "outcome_spec_share", to.outcome_spec_share);
    if (to.lot_threshold_gbp != from.lot_threshold_gbp)
        add(out, "lot_threshold_gbp", to.lot_threshold_gbp);
    // A threshold change while reservation stays off changes no council's policy.
    if (reserve_value(to) != reserve_value(from))
        add(out, "sme_reserve_threshold_gbp", reserve_value(to));
    if (to.shared_back_office != from.shared_back_office)
        add(out, "shared_back_office", to.shared_back_office ? 1.0 : 0.0);
    if (to.framework_share != from.framework_share) add(out, "framework_share", to.framework_share);
    if (to.direct_award_threshold_gbp != from.direct_award_threshold_gbp)
        add(out, "direct_award_threshold_gbp", to.direct_award_threshold_gbp);
    if (to.quote_threshold_gbp != from.quote_threshold_gbp)
        add(out, "quote_threshold_gbp", to.quote_threshold_gbp);
    return out;
}

std::vector<std::string> control_keys() {
    return {"social_value_weight",       "price_weight",
            "outcome_spec_share",        "lot_threshold_gbp",
            "sme_reserve_threshold_gbp", "shared_back_office",
            "framework_share",           "direct_award_threshold_gbp",
            "quote_threshold_gbp"};
}

std::string set_control(PolicyControls& c, std::string_view key, double value) {
    const std::string k(key);
    bool known = false;
    for (const auto& name : control_keys()) known |= name == k;
    if (!known) {
        std::string list;
        for (const auto& name : control_keys()) list += (list.empty() ? "" : ", ") + name;
        return "unknown control '" + k + "' (one of: " + list + ")";
    }
    // The engine's parameter registry knows each key's range.
    Adoption probe;
    if (!make_adoption(probe, k, value))
        return "value " + std::to_string(value) + " is out of range for " + k +
               " (see docs/parameters.md, policy." + k + ")";
    if (k == "social_value_weight") c.social_value_weight = value;
    if (k == "price_weight") c.price_weight = value;
    if (k == "outcome_spec_share") c.outcome_spec_share = value;
    if (k == "lot_threshold_gbp") c.lot_threshold_gbp = value;
    if (k == "sme_reserve_threshold_gbp") {
        c.sme_reserve = value > 0.0;
        if (value > 0.0) c.sme_reserve_threshold_gbp = value;
    }
    if (k == "shared_back_office") c.shared_back_office = value != 0.0;
    if (k == "framework_share") c.framework_share = value;
    if (k == "direct_award_threshold_gbp") c.direct_award_threshold_gbp = value;
    if (k == "quote_threshold_gbp") c.quote_threshold_gbp = value;
    return {};
}

std::string describe_change(const PolicyControls& from, const PolicyControls& to) {
    std::vector<std::string> parts;
    const std::string arrow = " \u2192 ";
    if (to.social_value_weight != from.social_value_weight)
        parts.push_back("social-value weight " + percent_text(from.social_value_weight) + arrow +
                        percent_text(to.social_value_weight));
    if (to.price_weight != from.price_weight)
        parts.push_back("price weight " + percent_text(from.price_weight) + arrow +
                        percent_text(to.price_weight));
    if (to.outcome_spec_share != from.outcome_spec_share)
        parts.push_back("outcome-based specs " + percent_text(from.outcome_spec_share) + arrow +
                        percent_text(to.outcome_spec_share));
    if (to.lot_threshold_gbp != from.lot_threshold_gbp)
        parts.push_back(lots_text(to.lot_threshold_gbp));
    if (reserve_value(to) != reserve_value(from)) parts.push_back(reserve_text(to));
    if (to.shared_back_office != from.shared_back_office)
        parts.push_back(to.shared_back_office ? "shared back office on" : "shared back office off");
    if (to.framework_share != from.framework_share)
        parts.push_back("framework share " + percent_text(from.framework_share) + arrow +
                        percent_text(to.framework_share));
    if (to.direct_award_threshold_gbp != from.direct_award_threshold_gbp)
        parts.push_back(direct_award_text(to.direct_award_threshold_gbp));
    if (to.quote_threshold_gbp != from.quote_threshold_gbp)
        parts.push_back(quotes_text(to.quote_threshold_gbp));
    std::string s;
    for (const auto& p : parts) s += (s.empty() ? "" : "; ") + p;
    return s;
}

} // namespace tendersim::viz
