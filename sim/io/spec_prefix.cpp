#include "io/spec_prefix.hpp"

#include "io/params_docs.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

namespace tendersim {

namespace {

// The simulated year in which an adoption first applies (open_year: reported year a.year).
std::int64_t applies_in(const ScenarioSpec& spec, const Adoption& a) {
    return spec.run.burn_in_years + a.year;
}

} // namespace

std::string prefix_text(const ScenarioSpec& spec, std::int64_t years) {
    ScenarioSpec s = spec;
    const RunSpec defaults;
    s.name.clear(), s.description.clear(), s.sources.clear();
    s.run.years = defaults.years, s.run.replicates = defaults.replicates;
    s.run.seed = defaults.seed, s.run.calendar_start_year = defaults.calendar_start_year;
    std::erase_if(s.adoptions, [&](const Adoption& a) { return applies_in(spec, a) > years; });
    return scenario_toml(s, "");
}

std::int64_t shared_years(const ScenarioSpec& a, const ScenarioSpec& b) {
    if (prefix_text(a, 0) != prefix_text(b, 0)) return 0;
    // What they share changes only where an adoption applies: the year before each is a
    // candidate, and sharing ends at the first candidate where the texts part.
    std::vector<std::int64_t> breaks;
    for (const Adoption& x : a.adoptions) breaks.push_back(applies_in(a, x));
    for (const Adoption& x : b.adoptions) breaks.push_back(applies_in(b, x));
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    for (const std::int64_t y : breaks)
        if (prefix_text(a, y) != prefix_text(b, y)) return y - 1;
    return kAllYears;
}

SpecDifference first_difference(const ScenarioSpec& a, const ScenarioSpec& b, std::int64_t years) {
    std::istringstream ta(prefix_text(a, years)), tb(prefix_text(b, years));
    std::string la, lb, section;
    while (true) {
        const bool more_a = static_cast<bool>(std::getline(ta, la));
        const bool more_b = static_cast<bool>(std::getline(tb, lb));
        if (!more_a && !more_b) return {};
        if (!more_a) la = "(nothing)";
        if (!more_b) lb = "(nothing)";
        if (la != lb) return {section, la, lb};
        if (la.starts_with('[')) section = la;
    }
}

} // namespace tendersim
