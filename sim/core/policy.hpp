#pragma once
// Councils' policies over time: adoptions from the scenario, shared back-office partnerships on
// the council graph, and the SME-target steering rule.
#include "market.hpp"

#include <string>

namespace tendersim {

// Sets every council's starting policy and builds partnerships if any council starts with them.
void initialise_policies(Market& m);

// Applies the scenario's adoptions that take effect this year (called at the start of a year).
void apply_adoptions(Market& m);

// Applies one adoption now (from the next tender round): the live app's controls use this.
void adopt(Market& m, const Adoption& adoption);

// Copies the fields an adoption sets into a council's policy.
void apply_patch(PolicySpec& policy, const Adoption& adoption);

// Builds an Adoption that sets one policy key (e.g. "social_value_weight") for all councils.
// Returns false if the key is not a policy parameter or the value is out of range.
bool make_adoption(Adoption& out, const std::string& key, double value);

// Groups councils that share back-office systems: neighbours in the same region on the council
// graph, at most partnership_max_size per group. Rebuilt whenever policies change.
void build_partnerships(Market& m);

// A council steering toward an SME target moves its reservation threshold by last year's share.
void steer_sme_targets(Market& m);

// The reservation threshold a council applies this year (GBP a year; 0 for none).
double reserve_threshold(const Market& m, CouncilId c);

} // namespace tendersim
