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
    // Adoptions apply year by year, those of one year in the order listed: only that order
    // matters (a base file's year-5 entry before a derived file's year-3 one changes nothing).
    std::stable_sort(s.adoptions.begin(), s.adoptions.end(),
                     [](const Adoption& x, const Adoption& y) { return x.year < y.year; });
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

namespace {

// The lines that carry values: no blank lines, no comments (they follow the values anyway).
std::vector<std::string> value_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && !line.starts_with('#')) out.push_back(line);
    return out;
}

// Line k, or a table header with its first two values ("[[adopt]]; year = 5; scope = "all""),
// so a table present on one side only says what it is.
std::string line_at(const std::vector<std::string>& lines, std::size_t k) {
    if (k >= lines.size()) return "(nothing)";
    std::string out = lines[k];
    if (out.starts_with('['))
        for (std::size_t j = k + 1; j < lines.size() && j <= k + 2 && !lines[j].starts_with('[');
             ++j)
            out += "; " + lines[j];
    return out;
}

} // namespace

SpecDifference first_difference(const ScenarioSpec& a, const ScenarioSpec& b, std::int64_t years) {
    const std::vector<std::string> la = value_lines(prefix_text(a, years));
    const std::vector<std::string> lb = value_lines(prefix_text(b, years));
    std::string section;
    for (std::size_t k = 0; k < std::max(la.size(), lb.size()); ++k) {
        if (k < la.size() && k < lb.size() && la[k] == lb[k]) {
            if (la[k].starts_with('[')) section = la[k];
            continue;
        }
        const bool header =
            (k < la.size() && la[k].starts_with('[')) || (k < lb.size() && lb[k].starts_with('['));
        return {header ? std::string() : section, line_at(la, k), line_at(lb, k)};
    }
    return {};
}

std::string continuation_refusal(const std::string& state_file, const std::string& as,
                                 const SpecDifference& d, std::int64_t years) {
    return state_file + ": the state cannot continue as " + as + ": the years already run (" +
           std::to_string(years) + ", burn-in included) read " +
           (d.section.empty() ? "" : d.section + " ") + d.a + " in the saved scenario, " + d.b +
           " here (a scenario may differ only from the year after the state's)";
}

} // namespace tendersim
