#include "run_plan.hpp"

namespace tendersim {

RunPlan make_run_plan(const ScenarioSpec& spec, std::uint64_t base_seed, std::int64_t replicates,
                      const std::string& label) {
    RunPlan plan;
    for (std::int64_t r = 0; r < replicates; ++r)
        plan.push_back({spec, replicate_seed(base_seed, static_cast<std::uint64_t>(r)), r,
                        label.empty() ? spec.name : label});
    return plan;
}

RunPlan make_run_plan(const ScenarioSpec& spec) {
    return make_run_plan(spec, static_cast<std::uint64_t>(spec.run.seed), spec.run.replicates);
}

} // namespace tendersim
