#pragma once
// The policy levers a workshop moves, as plain values, and their translation into the engine's
// Adoption (one per changed lever, for all councils). No SFML: the mapping is unit-tested.
#include "core/spec.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tendersim::viz {

struct PolicyControls {
    double social_value_weight = 0.0; // share of the score, 0-0.6
    double price_weight = 0.6;        // price's share of price + quality
    double outcome_spec_share = 0.0;  // share of tenders specified by outcome
    double lot_threshold_gbp = 0.0;   // split tenders above this annual value; 0 = off
    bool sme_reserve = false;
    // Kept while reservation is off, so switching it back on restores the last threshold.
    double sme_reserve_threshold_gbp = 100'000.0;
    bool shared_back_office = false;
    // Procurement routes (docs/routes.md). The thresholds are TOTAL contract values, unlike the
    // annual lot and reservation thresholds above; 0 turns a route off.
    double framework_share = 0.0;            // share of framework-category needs called off
    double direct_award_threshold_gbp = 0.0; // award without competition below this total
    double quote_threshold_gbp = 0.0;        // invite quotes below this total
    bool operator==(const PolicyControls&) const = default;
};

// The controls showing a council's policy (levers the app does not show are ignored).
PolicyControls controls_from_policy(const PolicySpec& policy);

// The adoptions that move every council from `from` to `to`: one per lever that differs, keyed by
// the PolicySpec field (social_value_weight, price_weight, outcome_spec_share, lot_threshold_gbp,
// sme_reserve_threshold_gbp (0 when reservation is off), shared_back_office, framework_share,
// direct_award_threshold_gbp, quote_threshold_gbp). Empty if equal.
// Throws std::invalid_argument if a value is outside the engine's range for its key.
std::vector<Adoption> adoptions_for_change(const PolicyControls& from, const PolicyControls& to);

// Sets one lever by its scenario-file key (the keys above), as --set-from-year does. Returns an
// error message, empty on success (unknown key or value out of range).
std::string set_control(PolicyControls& controls, std::string_view key, double value);

// "social-value weight 0% → 60%; lots above £250k a year" (empty if nothing changed). The route
// thresholds say "in total" ("direct awards below £25k in total").
std::string describe_change(const PolicyControls& from, const PolicyControls& to);

// The keys set_control accepts, for help and error messages.
std::vector<std::string> control_keys();

} // namespace tendersim::viz
