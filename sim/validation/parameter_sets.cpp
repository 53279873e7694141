#include "parameter_sets.hpp"

#include "analysis/design.hpp"
#include "calibrate_setup.hpp"
#include "io/errors.hpp"
#include "io/file_io.hpp"
#include "io/manifest.hpp"
#include "io/toml_reader.hpp"
#include "text/text.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace tendersim::validation {

namespace {

const experiment::SweepParam* find_drawn(const std::vector<experiment::SweepParam>& drawn,
                                         std::string_view key) {
    for (const auto& p : drawn)
        if (p.key == key) return &p;
    return nullptr;
}

// The value of one parameter in one member, checked against its plausible range.
double member_value(const TomlReader& r, const toml::node& node, const experiment::SweepParam& p,
                    std::size_t member) {
    const std::string key = "member[" + std::to_string(member) + "].values." + p.key;
    const std::string range = format_number(p.range.lo) + " to " + format_number(p.range.hi);
    const bool integer = p.def->kind == ParamKind::Int;
    const std::string expected = std::string(integer ? "an integer" : "a number") + " from " +
                                 range + " (the plausible range of " + p.key + ")";
    const double v = r.number(node, key, expected);
    if (!(v >= p.range.lo && v <= p.range.hi) || (integer && v != std::floor(v)))
        r.fail(node, key, expected);
    return v;
}

// A member listed twice (the same draw, or the same values: an ensemble concatenated with
// itself) would count as two sets and make a verdict look surer than it is.
void check_not_repeated(const TomlReader& r, const toml::array& list,
                        const experiment::ParameterSets& sets, std::size_t m) {
    const toml::table& member = *list[m].as_table();
    const std::string at = "member[" + std::to_string(m) + "]";
    const auto named = [&](std::size_t e) {
        return "member[" + std::to_string(e) + "] (line " + std::to_string(sets.lines[e]) + ")";
    };
    const auto draw_of = [](const toml::table& t) -> std::optional<std::int64_t> {
        const toml::node* d = t.get("draw");
        if (d == nullptr || !d->is_integer()) return std::nullopt;
        return d->as_integer()->get();
    };
    const auto draw = draw_of(member);
    for (std::size_t e = 0; e < m; ++e) {
        if (draw && draw_of(*list[e].as_table()) == draw)
            r.fail_at(line_of(*member.get("draw")), at + ".draw",
                      "draw " + std::to_string(*draw) + " again: " + named(e) +
                          " is the same draw; each member of an ensemble is listed once");
        if (std::ranges::equal(sets.points.row(e), sets.points.row(m)))
            r.fail_at(sets.lines[m], at,
                      "the same values as " + named(e) +
                          ": each member of an ensemble is listed once");
    }
}

} // namespace

experiment::ParameterSets read_ensemble(const std::string& path) {
    const std::string text = read_input_file(path, "ensemble file");
    const TomlReader r(InputKind::Ensemble, path, text);
    const toml::table& root = r.root();
    const toml::node* version = root.get("schema_version");
    // A missing key (or an empty file) has no line of its own: line 1, where the header starts.
    if (version == nullptr)
        r.fail_at(1, "schema_version",
                  "missing; expected schema_version = 1 (an ensemble.toml written by tendersim "
                  "calibrate)");
    if (!version->is_integer() || version->as_integer()->get() != 1)
        r.fail(*version, "schema_version",
               "1 (the ensemble format this tendersim reads, written by tendersim calibrate)");
    const toml::node* members = root.get("member");
    if (members == nullptr)
        r.fail_at(1, "member", "no [[member]] table: the ensemble has no parameter sets");
    const toml::array& list = r.array_of_tables(*members, "member", "[[member]] tables");
    // One set has no spread to judge an effect's robustness by (as --robust refuses N < 2).
    if (list.size() < 2) {
        const std::uint32_t at = list.empty() ? line_of(*members) : line_of(*list[0].as_table());
        const std::string found = std::to_string(list.size());
        r.fail_at(at == 0 ? 1 : at, "",
                  "a robust comparison needs at least 2 members, found " + found +
                      " (calibrate kept " + found + (list.size() == 1 ? " draw" : " draws") +
                      ": use more --draws or a larger --accept)");
    }

    const std::vector<experiment::SweepParam> drawn = drawn_parameters();
    std::vector<std::string> drawn_names;
    for (const auto& p : drawn) drawn_names.push_back(p.key);
    experiment::ParameterSets sets;
    sets.file = path;
    sets.sha256 = sha256_of(text);
    if (const toml::node* scenario = root.get("scenario"))
        sets.calibrated_scenario = r.string(*scenario, "scenario");
    if (const toml::node* sha = root.get("scenario_sha256"))
        sets.calibrated_scenario_sha256 = r.string(*sha, "scenario_sha256");
    for (std::size_t m = 0; m < list.size(); ++m) {
        const toml::table& member = *list[m].as_table();
        const std::string at = "member[" + std::to_string(m) + "]";
        const toml::node* values_node = member.get("values");
        if (values_node == nullptr)
            r.fail_at(line_of(member), at + ".values",
                      "missing: each [[member]] needs a [member.values] table");
        const toml::table& values =
            r.table(*values_node, at + ".values", "a table [member.values]");
        for (const auto& [key, node] : values) {
            const experiment::SweepParam* p = find_drawn(drawn, key.str());
            if (p != nullptr) continue;
            const std::string what = find_param(key.str()) != nullptr
                                         ? "not a parameter calibrate draws (a calibrated or "
                                           "assumed real or integer parameter with a plausible "
                                           "range; see tendersim params)"
                                         : "unknown parameter";
            r.unknown_key(line_of(key), at + ".values." + std::string(key.str()), what, key.str(),
                          drawn_names);
        }
        if (m == 0) // the columns: the first member's parameters, in registry order
            for (const auto& p : drawn)
                if (values.contains(p.key)) sets.params.push_back(p);
        if (sets.params.empty())
            r.fail_at(line_of(*values_node), at + ".values", "at least one parameter value");
        if (m == 0) sets.points.cols = sets.params.size();
        for (const auto& p : sets.params) {
            const toml::node* v = values.get(p.key);
            if (v == nullptr)
                r.fail_at(line_of(*values_node), at + ".values." + p.key,
                          "missing: every member sets the same parameters as the first");
            sets.points.values.push_back(member_value(r, *v, p, m));
        }
        if (values.size() != sets.params.size()) // a key the first member does not set
            for (const auto& [key, node] : values)
                if (find_drawn(sets.params, key.str()) == nullptr)
                    r.fail_at(line_of(key), at + ".values." + std::string(key.str()),
                              "not set by the first member: every member sets the same "
                              "parameters");
        sets.lines.push_back(line_of(member));
        check_not_repeated(r, list, sets, m);
    }
    return sets;
}

experiment::ParameterSets draw_parameter_sets(std::size_t n, std::uint64_t seed) {
    if (n < 2)
        throw InputError("--robust takes at least 2 parameter sets, got " + std::to_string(n));
    experiment::ParameterSets sets;
    sets.params = drawn_parameters();
    std::vector<analysis::ParamRange> ranges;
    for (const auto& p : sets.params) ranges.push_back(p.range);
    sets.points = analysis::latin_hypercube(ranges, n, seed).points;
    sets.draws = n;
    sets.seed = seed;
    return sets;
}

} // namespace tendersim::validation
