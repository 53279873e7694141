#include "experiment/sweep_definition.hpp"

#include "core/params.hpp"
#include "experiment/points_file.hpp"
#include "io/manifest.hpp"
#include "io/version.hpp"
#include "text/text.hpp"

#include <algorithm>
#include <map>
#include <sstream>
#include <vector>

namespace tendersim::experiment {
namespace {

using Lines = std::vector<std::pair<std::string, std::string>>;

Lines parse_lines(const std::string& text) {
    Lines out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const auto eq = line.find(" = ");
        if (eq == std::string::npos) continue;
        out.emplace_back(line.substr(0, eq), line.substr(eq + 3));
    }
    return out;
}

// "0.6 -> 0.2", with "(none)" for a side that lacks the key.
std::string change_text(const std::string* before, const std::string* now) {
    return (before ? *before : std::string("(none)")) + " -> " +
           (now ? *now : std::string("(none)"));
}

} // namespace

std::string sweep_definition(const SweepSpec& s) {
    std::ostringstream o;
    o << "tendersim-sweep-definition = 2\n"
      << "engine_build = " << kEngineBuild << "\n"
      << "sweep.seed = " << s.seed << "\n"
      << "sweep.replicates = " << s.replicates << "\n"
      << "sweep.design = " << design_name(s.design) << "\n";
    switch (s.design) {
    case DesignKind::Grid:
        o << "sweep.design.points_per_dim = " << s.points_per_dim << "\n";
        break;
    case DesignKind::Lhs:
        o << "sweep.design.samples = " << s.samples << "\n";
        break;
    case DesignKind::Morris:
        o << "sweep.design.trajectories = " << s.trajectories << "\n"
          << "sweep.design.levels = " << s.levels << "\n";
        break;
    case DesignKind::Sobol:
        o << "sweep.design.base_samples = " << s.base_samples << "\n"
          << "sweep.design.bootstrap = " << s.bootstrap << "\n";
        break;
    case DesignKind::Points:
        // The points themselves, not the file's bytes or name: a file moved, or rewritten with
        // 0.50 for 0.5, runs the same simulations; any changed value changes the hash.
        o << "sweep.design.points = " << s.points.rows() << "\n"
          << "sweep.design.points_sha256 = " << sha256_of(canonical_points(s.params, s.points))
          << "\n";
        break;
    }
    for (std::size_t i = 0; i < s.params.size(); ++i) {
        const SweepParam& p = s.params[i];
        const std::string at = "sweep.parameter[" + std::to_string(i) + "]";
        o << at << ".key = " << p.key << "\n";
        if (!p.range.levels.empty()) {
            o << at << ".values =";
            for (const double v : p.range.levels) o << " " << param_text(p, v);
            o << "\n";
        } else {
            o << at << ".min = " << param_text(p, p.range.lo) << "\n"
              << at << ".max = " << param_text(p, p.range.hi) << "\n";
        }
    }
    // Written only when set, so the definitions (and fingerprints) of earlier sweeps stay as
    // they were.
    if (s.common_seeds) o << "sweep.common_seeds = true\n";
    if (s.adopt_year > 0) o << "sweep.adopt_year = " << s.adopt_year << "\n";
    o << "sweep.outputs =";
    for (const auto& m : s.outputs) o << " " << m;
    o << "\nsweep.timeseries = " << (s.timeseries ? "true" : "false") << "\n";

    // The scenario every point starts from; each point then sets the swept keys.
    const ScenarioSpec& b = s.base;
    for (const auto& def : scenario_params()) {
        const bool swept = std::any_of(s.params.begin(), s.params.end(),
                                       [&](const SweepParam& p) { return p.key == def.key; });
        if (!swept) o << def.key << " = " << param_value_text(def, b) << "\n";
    }
    for (std::size_t c = 0; c < b.categories.size(); ++c) {
        const std::string at = "category[" + std::to_string(c) + "].";
        o << at << "name = " << json_string(b.categories[c].name) << "\n";
        for (const auto& def : category_params())
            o << at << def.key << " = " << param_value_text(def, b.categories[c]) << "\n";
    }
    for (std::size_t k = 0; k < b.adoptions.size(); ++k) {
        const Adoption& a = b.adoptions[k];
        const std::string at = "adopt[" + std::to_string(k) + "].";
        o << at << "year = " << a.year << "\n" << at << "scope = " << scope_word(a.scope) << "\n";
        if (a.scope == Adoption::Scope::Region) o << at << "region = " << a.region << "\n";
        if (a.scope == Adoption::Scope::Councils) {
            o << at << "councils =";
            for (const auto c : a.councils) o << " " << c;
            o << "\n";
        }
        ScenarioSpec patched;
        patched.policy = a.patch;
        for (const auto& key : a.keys) {
            const ParamDef* def = find_param("policy." + key);
            o << at << "policy." << key << " = "
              << (def ? param_value_text(*def, patched) : std::string("?")) << "\n";
        }
    }
    // Each framework on one line, as manifest.json writes it (none: no line, so the definitions
    // of sweeps without frameworks are what they were).
    for (std::size_t k = 0; k < b.frameworks.size(); ++k)
        o << "framework[" << k << "] = " << framework_json(b.frameworks[k]) << "\n";
    return o.str();
}

std::string definition_change(const std::string& before, const std::string& now) {
    if (before.empty())
        return "it was written by an older tendersim, which did not record the [[adopt]] entries, "
               "the base files past the first or the model build it ran";
    const Lines old_lines = parse_lines(before);
    const Lines new_lines = parse_lines(now);
    std::map<std::string, std::string> old_map(old_lines.begin(), old_lines.end());
    std::map<std::string, std::string> new_map(new_lines.begin(), new_lines.end());
    std::vector<std::string> engine, sweep, scenario;
    auto note = [&](const std::string& key, const std::string* a, const std::string* b) {
        if (key == "engine_build") {
            auto abbrev = [](const std::string* v) {
                return v ? v->substr(0, 12) + "..." : std::string("(none)");
            };
            engine.push_back("kEngineBuild " + abbrev(a) + " -> " + abbrev(b));
        } else if (key.starts_with("sweep.")) {
            sweep.push_back(key.substr(6) + " " + change_text(a, b));
        } else if (key != "tendersim-sweep-definition") {
            scenario.push_back(key + " " + change_text(a, b));
        }
    };
    for (const auto& [key, value] : old_lines) {
        const auto it = new_map.find(key);
        if (it == new_map.end())
            note(key, &value, nullptr);
        else if (it->second != value)
            note(key, &value, &it->second);
    }
    for (const auto& [key, value] : new_lines)
        if (!old_map.count(key)) note(key, nullptr, &value);
    auto list = [](const std::vector<std::string>& items) {
        std::string out;
        const std::size_t shown = std::min<std::size_t>(items.size(), 4);
        for (std::size_t k = 0; k < shown; ++k) out += (k ? ", " : "") + items[k];
        if (items.size() > shown) out += " and " + std::to_string(items.size() - shown) + " more";
        return out;
    };
    std::vector<std::string> parts;
    if (!engine.empty())
        parts.push_back("the engine build differs (the model sources or compiler settings "
                        "changed: " +
                        list(engine) + ")");
    if (!sweep.empty()) parts.push_back("the sweep settings differ: " + list(sweep));
    if (!scenario.empty())
        parts.push_back("the resolved scenario of every design point differs: " + list(scenario));
    if (parts.empty()) return "its definition differs";
    std::string out;
    for (std::size_t k = 0; k < parts.size(); ++k) out += (k ? "; " : "") + parts[k];
    return out;
}

} // namespace tendersim::experiment
