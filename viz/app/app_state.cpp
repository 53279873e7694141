#include "app/app_state.hpp"

#include "core/policy.hpp"
#include "core/run_plan.hpp"
#include "io/errors.hpp"
#include "io/params_docs.hpp"
#include "io/scenario_loader.hpp"
#include "io/spec_prefix.hpp"
#include "io/state_file.hpp"

#include <algorithm>

namespace tendersim::viz {

namespace {

void check_continuation(const std::string& file, const std::string& scenario_path,
                        const ScenarioSpec& saved, const ScenarioSpec& spec, std::int64_t years) {
    const SpecDifference d = first_difference(saved, spec, years);
    if (!d.any()) return;
    throw InputError(continuation_refusal(file, scenario_path, d, years));
}

bool sets_key(const Adoption& a, const std::string& key) {
    return std::find(a.keys.begin(), a.keys.end(), key) != a.keys.end();
}

} // namespace

StateStart start_from_state(const std::string& file, const std::string& scenario_path) {
    LoadedState loaded = read_state_file(file);
    StateStart start;
    const Market& saved = loaded.state.market;
    start.spec = scenario_path.empty() ? saved.spec : load_scenario_file(scenario_path);
    if (!scenario_path.empty())
        check_continuation(file, scenario_path, saved.spec, start.spec, saved.year);
    start.year = saved.reported_year();
    const auto run_seed = static_cast<std::uint64_t>(saved.spec.run.seed);
    start.base_seed = replicate_seed(run_seed, 0) == saved.seed ? run_seed : saved.seed;
    if (!loaded.same_engine)
        start.warning = file + " was saved by another engine build (tendersim " +
                        loaded.tendersim_version +
                        "): the continuation may differ from an uninterrupted run of this one";
    start.state = std::make_shared<const SimulationState>(std::move(loaded.state));
    return start;
}

PolicySpec policy_at(const ScenarioSpec& spec, int year) {
    PolicySpec policy = spec.policy;
    for (const Adoption& a : spec.adoptions)
        if (a.scope == Adoption::Scope::All && a.year <= year) apply_patch(policy, a);
    return policy;
}

ScenarioSpec without_adoptions_after(const ScenarioSpec& spec, int year) {
    ScenarioSpec out = spec;
    std::erase_if(out.adoptions, [&](const Adoption& a) { return a.year > year; });
    return out;
}

ScenarioSpec spec_with_levers(const ScenarioSpec& spec,
                              const std::vector<std::pair<int, Adoption>>& lever_log,
                              int last_year) {
    ScenarioSpec out = spec;
    for (const auto& [year, adoption] : lever_log) {
        // The app applies a lever before the year opens and the scenario's adoptions of that
        // year after it, so where both set a key the scenario's value is the one that held.
        const bool overridden =
            std::any_of(spec.adoptions.begin(), spec.adoptions.end(), [&](const Adoption& a) {
                return a.year == year && a.scope == Adoption::Scope::All &&
                       std::any_of(adoption.keys.begin(), adoption.keys.end(),
                                   [&](const std::string& k) { return sets_key(a, k); });
            });
        if (overridden) continue;
        Adoption a = adoption;
        a.year = year;
        out.adoptions.push_back(std::move(a));
    }
    out.run.years = std::max<std::int64_t>(out.run.years, last_year);
    return out;
}

std::filesystem::path app_state_path(const SimulationState& state,
                                     const std::filesystem::path& dir) {
    return dir / ("app-" + state.market.spec.name + "-year-" +
                  std::to_string(state.market.reported_year()) + ".state");
}

std::filesystem::path save_app_state(const SimulationState& state,
                                     const std::filesystem::path& dir) {
    const std::filesystem::path path = app_state_path(state, dir);
    load_scenario_text(scenario_toml(state.market.spec, ""), path.string() + " (its scenario)");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw_io_error("cannot create", dir, ec.value());
    write_state_file(path, state);
    return path;
}

} // namespace tendersim::viz
