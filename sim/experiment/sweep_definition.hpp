#pragma once
// What a sweep computes, as text: the engine build (a hash of the model sources compiled in),
// the sweep settings that decide the runs (seed, replicates, design, parameter ranges, outputs)
// and the fully resolved scenario every design point starts from (every parameter, category,
// [[adopt]] entry and [[framework]] after the whole `base` chain and [set], less the swept keys,
// which each point sets). Two sweeps with the same definition run the same simulations; the plan
// fingerprint is its SHA-256, and shard files carry it whole so that a refusal can say what
// changed.
//
// One `key = value` line per setting, in a fixed order; values never contain a newline.
#include "experiment/sweep_spec.hpp"

#include <string>

namespace tendersim::experiment {

std::string sweep_definition(const SweepSpec& spec);

// What differs between two definitions, for a refusal: e.g. "the resolved scenario of every
// design point differs: adopt[0].policy.social_value_weight 0.6 -> 0.2". `before` is empty for
// a shard file written before definitions were recorded.
std::string definition_change(const std::string& before, const std::string& now);

} // namespace tendersim::experiment
