#pragma once
// The run plan: the plain list of simulation runs an experiment makes (scenario, seed, replicate
// index, label), built by one function from a scenario and a replicate count, in the spirit of
// FLAME GPU 2's RunPlanVector. `tendersim run`, compare, validate, the result line, the live
// app's worker and the golden test all take their runs from here, so the seed a replicate gets
// is decided in one place and any of them can be reproduced with `tendersim run`.
#include "rng.hpp"
#include "spec.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace tendersim {

// The seed of replicate r of a run whose base seed is `base_seed` (`run.seed` or `--seed`).
// Hashed, not base_seed + r, so replicates of neighbouring base seeds never share a stream
// (seed 5 replicate 1 would otherwise be seed 6 replicate 0). Replicate 0 is hashed too: this
// is the rule every run has used, and it is recorded per replicate in metrics.csv.
constexpr std::uint64_t replicate_seed(std::uint64_t base_seed, std::uint64_t r) {
    return derive_seed(base_seed, StreamPurpose::Replicate, r);
}

// One simulation run of a plan.
struct PlannedRun {
    ScenarioSpec spec;
    std::uint64_t seed = 0;     // replicate_seed(base seed, replicate)
    std::int64_t replicate = 0; // 0-based; the `replicate` column of the outputs
    std::string label;          // the scenario's name in the outputs (spec.name by default)
};

using RunPlan = std::vector<PlannedRun>;

// Replicates 0 .. replicates-1 of `spec`, seeded from `base_seed`, labelled `label` (spec.name
// when empty).
RunPlan make_run_plan(const ScenarioSpec& spec, std::uint64_t base_seed, std::int64_t replicates,
                      const std::string& label = {});

// The scenario's own plan: run.replicates replicates seeded from run.seed.
RunPlan make_run_plan(const ScenarioSpec& spec);

} // namespace tendersim
