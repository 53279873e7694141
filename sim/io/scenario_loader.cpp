#include "scenario_loader.hpp"

#include "core/market_size.hpp"
#include "core/params.hpp"
#include "errors.hpp"
#include "file_io.hpp"
#include "names.hpp"
#include "scenario_error.hpp"
#include "sha256.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <set>
#include <sstream>
#include <toml++/toml.h>

namespace tendersim {
namespace {

std::uint32_t line_of(const toml::node& node) {
    return node.source().begin.line;
}

std::string describe(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string:
        return "a string \"" + std::string(*node.as_string()) + "\"";
    case toml::node_type::integer:
        return "the integer " + std::to_string(node.as_integer()->get());
    case toml::node_type::floating_point:
        return "the number " + format_number(node.as_floating_point()->get());
    case toml::node_type::boolean:
        return node.as_boolean()->get() ? "true" : "false";
    case toml::node_type::table:
        return "a table";
    case toml::node_type::array:
        return "an array";
    default:
        return "a date/time";
    }
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            diag = up;
        }
    }
    return row[b.size()];
}

template <class Defs> std::string suggestion(std::string_view key, const Defs& defs) {
    std::string best;
    std::size_t best_d = 4; // only suggest near misses
    for (const auto& def : defs) {
        const std::size_t d = edit_distance(key, def.key);
        if (d < best_d) best_d = d, best = std::string(def.key);
    }
    return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

// lo <= v <= hi exactly, for registry bounds (whole numbers held as doubles).
bool int_in_range(std::int64_t v, double lo, double hi) {
    constexpr double k2p63 = 9223372036854775808.0;
    const std::int64_t ilo = lo <= -k2p63 ? INT64_MIN : static_cast<std::int64_t>(std::ceil(lo));
    const std::int64_t ihi = hi >= k2p63 ? INT64_MAX : static_cast<std::int64_t>(std::floor(hi));
    return v >= ilo && v <= ihi;
}

// Writes one TOML value into the field a registry row names, checking type and range.
template <class Def, class Target>
void assign(const Def& def, Target& target, const toml::node& node, const std::string& file,
            const std::string& key) {
    auto fail = [&](const std::string& expected) {
        throw ScenarioError(file, line_of(node), key,
                            "expected " + expected + ", got " + describe(node));
    };
    const std::string range = format_number(def.min) + " to " + format_number(def.max);
    switch (def.kind) {
    case ParamKind::Real: {
        double v = 0; // (set below, or fail throws; clang cannot see that)
        if (auto f = node.as_floating_point())
            v = f->get();
        else if (auto i = node.as_integer())
            v = static_cast<double>(i->get());
        else
            fail("a number from " + range + " (" + std::string(def.unit) + ")");
        // Also refuses nan and inf (every range is finite).
        if (!std::isfinite(v) || !(v >= def.min && v <= def.max))
            fail("a number from " + range + " (" + std::string(def.unit) + ")");
        def.real(target) = v;
        break;
    }
    case ParamKind::Int: {
        // Bounds as integers (9000000000000000000, not 9e+18).
        const std::string int_range = std::to_string(static_cast<std::int64_t>(def.min)) + " to " +
                                      std::to_string(static_cast<std::int64_t>(def.max));
        auto i = node.as_integer();
        if (!i) fail("an integer from " + int_range);
        const auto v = i->get();
        // Compared as integers: in double precision 9000000000000000001 equals the bound 9e18.
        if (!int_in_range(v, def.min, def.max)) fail("an integer from " + int_range);
        def.integer(target) = v;
        break;
    }
    case ParamKind::Bool: {
        auto b = node.as_boolean();
        if (!b) fail("true or false");
        def.boolean(target) = b->get();
        break;
    }
    case ParamKind::Choice: {
        auto s = node.as_string();
        const std::string allowed = "one of " + std::string(def.choices);
        if (!s) fail(allowed);
        if (!def.set_choice(target, s->get())) fail(allowed);
        break;
    }
    }
}

void load_categories(const toml::node& node, ScenarioSpec& spec, const std::string& file) {
    auto arr = node.as_array();
    if (!arr || !arr->is_array_of_tables())
        throw ScenarioError(file, line_of(node), "category",
                            "expected an array of tables ([[category]]), got " + describe(node));
    spec.categories.clear();
    std::set<std::string> names;
    for (const auto& element : *arr) {
        const auto& table = *element.as_table();
        CategorySpec cat;
        const toml::node* name_node = table.get("name");
        if (!name_node || !name_node->is_string())
            throw ScenarioError(file, line_of(element), "category.name",
                                "expected every [[category]] to have a string name");
        cat.name = name_node->as_string()->get();
        if (cat.name.empty() || !names.insert(cat.name).second)
            throw ScenarioError(file, line_of(*name_node), "category.name",
                                "expected a unique, non-empty name, got \"" + cat.name + "\"");
        for (auto&& [k, v] : table) {
            const std::string key(k.str());
            if (key == "name") continue;
            const auto* def = find_category_param(key);
            if (!def)
                throw ScenarioError(file, k.source().begin.line, "category." + key,
                                    "unknown key" + suggestion(key, category_params()));
            assign(*def, cat, v, file, "category." + key);
        }
        spec.categories.push_back(std::move(cat));
    }
}

ScenarioSpec parse_text(std::string_view text, const std::string& source_name, int depth);

void load_adoptions(const toml::node& node, ScenarioSpec& spec, const std::string& file) {
    auto arr = node.as_array();
    if (!arr || !arr->is_array_of_tables())
        throw ScenarioError(file, line_of(node), "adopt",
                            "expected an array of tables ([[adopt]]), got " + describe(node));
    for (const auto& element : *arr) {
        const auto& table = *element.as_table();
        Adoption a;
        bool has_policy = false;
        const toml::node* scope_node = table.get("scope");
        const toml::node* region_node = table.get("region");
        const toml::node* councils_node = table.get("councils");
        for (auto&& [k, v] : table) {
            const std::string key(k.str());
            const std::uint32_t line = k.source().begin.line;
            if (key == "year") {
                if (!v.is_integer() || v.as_integer()->get() < 1 || v.as_integer()->get() > 200)
                    throw ScenarioError(file, line, "adopt.year",
                                        "expected an integer year from 1 to 200, got " +
                                            describe(v));
                a.year = v.as_integer()->get();
            } else if (key == "scope") {
                const auto* word = v.as_string();
                const std::string w = word ? word->get() : "";
                if (w == "all")
                    a.scope = Adoption::Scope::All;
                else if (w == "region")
                    a.scope = Adoption::Scope::Region;
                else if (w == "councils")
                    a.scope = Adoption::Scope::Councils;
                else
                    throw ScenarioError(file, line, "adopt.scope",
                                        "expected one of all|region|councils, got " + describe(v));
            } else if (key == "region") {
                if (!v.is_integer())
                    throw ScenarioError(file, line, "adopt.region",
                                        "expected a region number, got " + describe(v));
                a.region = v.as_integer()->get();
            } else if (key == "councils") {
                const auto* list = v.as_array();
                if (!list)
                    throw ScenarioError(file, line, "adopt.councils",
                                        "expected a list of council numbers, got " + describe(v));
                for (const auto& c : *list) {
                    if (!c.is_integer())
                        throw ScenarioError(file, line_of(c), "adopt.councils",
                                            "expected council numbers, got " + describe(c));
                    a.councils.push_back(c.as_integer()->get());
                }
            } else if (key == "policy") {
                const auto* policy = v.as_table();
                if (!policy)
                    throw ScenarioError(file, line, "adopt.policy",
                                        "expected a table of policy values, got " + describe(v));
                ScenarioSpec patch;
                for (auto&& [pk, pv] : *policy) {
                    const std::string pkey = "policy." + std::string(pk.str());
                    const auto* def = find_param(pkey);
                    if (!def)
                        throw ScenarioError(file, pk.source().begin.line, "adopt." + pkey,
                                            "unknown policy key" +
                                                suggestion(pkey, scenario_params()));
                    assign(*def, patch, pv, file, "adopt." + pkey);
                    a.keys.push_back(std::string(pk.str()));
                }
                a.patch = patch.policy;
                has_policy = true;
            } else {
                throw ScenarioError(
                    file, line, "adopt." + key,
                    "unknown key; expected year, scope, region, councils or [adopt.policy]");
            }
        }
        if (!has_policy || a.keys.empty())
            throw ScenarioError(file, line_of(element), "adopt.policy",
                                "expected [adopt.policy] with at least one policy value");
        // Contradictory forms: a region or council list the scope would ignore.
        const std::string scope_text = scope_node ? describe(*scope_node) : "no scope (all)";
        if (region_node && a.scope != Adoption::Scope::Region)
            throw ScenarioError(file, line_of(*region_node), "adopt.region",
                                "expected region only with scope = \"region\", got " + scope_text);
        if (councils_node && a.scope != Adoption::Scope::Councils)
            throw ScenarioError(file, line_of(*councils_node), "adopt.councils",
                                "expected councils only with scope = \"councils\", got " +
                                    scope_text);
        if (a.scope == Adoption::Scope::Region && !region_node)
            throw ScenarioError(file, line_of(*scope_node), "adopt.region",
                                "missing; scope = \"region\" needs region = N");
        if (a.scope == Adoption::Scope::Councils && a.councils.empty())
            throw ScenarioError(file, line_of(councils_node ? *councils_node : *scope_node),
                                "adopt.councils",
                                "expected a non-empty list with scope = \"councils\"");
        // Regions and councils in range: validate_scenario, which also runs after overrides.
        spec.adoptions.push_back(std::move(a));
    }
}

ScenarioSpec from_table(const toml::table& root, const std::string& file, int depth) {
    ScenarioSpec spec;
    const toml::node* version = root.get("schema_version");
    if (!version)
        throw ScenarioError(file, 1, "schema_version",
                            "missing; expected schema_version = " + std::to_string(kSchemaVersion));
    if (!version->is_integer() || version->as_integer()->get() != kSchemaVersion)
        throw ScenarioError(file, line_of(*version), "schema_version",
                            "expected " + std::to_string(kSchemaVersion) +
                                " (the version this tendersim reads), got " + describe(*version));
    // `base = "other.toml"` starts from another scenario (relative to this file), so policy
    // scenarios share their base market exactly and change only what they name.
    if (const toml::node* base = root.get("base")) {
        if (!base->is_string())
            throw ScenarioError(file, line_of(*base), "base",
                                "expected a scenario file name, got " + describe(*base));
        if (depth >= 8)
            throw ScenarioError(file, line_of(*base), "base",
                                "expected at most 8 levels of base scenarios (is there a cycle?)");
        const std::string name(base->as_string()->get());
        const auto path = (std::filesystem::path(file).parent_path() / name).string();
        InputFileRead read = try_read_input_file(path);
        if (!read.problem.empty()) {
            const ScenarioError located(file, line_of(*base), "base",
                                        "file '" + name + "' " + read.problem);
            if (read.io_failure) throw IoError(located.what());
            throw located;
        }
        spec = parse_text(read.text, path, depth + 1);
    }
    for (auto&& [k, v] : root) {
        const std::string section(k.str());
        const std::uint32_t line = k.source().begin.line;
        if (section == "schema_version" || section == "base") continue;
        if (section == "name" || section == "description") {
            if (!v.is_string())
                throw ScenarioError(file, line, section, "expected a string, got " + describe(v));
            (section == "name" ? spec.name : spec.description) = v.as_string()->get();
            // The name becomes a directory under --out: an identifier, never a path.
            if (section == "name" && !valid_name(spec.name))
                throw ScenarioError(file, line_of(v), section,
                                    name_expectation() + ", got " + quoted_name(spec.name));
            continue;
        }
        if (section == "category") {
            load_categories(v, spec, file);
            continue;
        }
        if (section == "adopt") continue; // after the market is known, below
        auto table = v.as_table();
        if (!table) {
            throw ScenarioError(file, line, section,
                                "unknown top-level key; expected schema_version, name, "
                                "description, a [section] or [[category]]");
        }
        for (auto&& [pk, pv] : *table) {
            const std::string key = section + "." + std::string(pk.str());
            const auto* def = find_param(key);
            if (!def)
                throw ScenarioError(file, pk.source().begin.line, key,
                                    "unknown key" + suggestion(key, scenario_params()));
            assign(*def, spec, pv, file, key);
        }
    }
    const std::size_t base_adoptions = spec.adoptions.size();
    if (const toml::node* adopt = root.get("adopt")) load_adoptions(*adopt, spec, file);
    if (spec.categories.empty()) spec.categories = default_categories();
    // The base passed these checks on its own, so a failure involves a key this file sets:
    // cross-field errors name its line here. [[category]] replaces the base's categories whole;
    // [[adopt]] entries add to the base's, which come first in spec.adoptions.
    validate_scenario(spec, file, [&](std::string_view key, std::size_t index) -> std::uint32_t {
        const auto dot = key.find('.');
        const std::string_view section = key.substr(0, dot);
        if (section == "category" || section == "adopt") {
            const std::size_t first = section == "adopt" ? base_adoptions : 0;
            const auto* arr = root.get_as<toml::array>(section);
            if (!arr || index < first || index - first >= arr->size()) return 0;
            const auto* table = (*arr)[index - first].as_table();
            if (!table) return 0;
            if (dot == std::string_view::npos) return line_of(*table);
            const toml::node* node = toml::at_path(*table, key.substr(dot + 1)).node();
            return node ? line_of(*node) : 0;
        }
        const toml::node* node = toml::at_path(root, key).node();
        return node ? line_of(*node) : 0;
    });
    return spec;
}

ScenarioSpec parse_text(std::string_view text, const std::string& source_name, int depth) {
    toml::table root;
    try {
        root = toml::parse(text, source_name);
    } catch (const toml::parse_error& err) {
        throw ScenarioError(source_name, err.source().begin.line, "",
                            "TOML syntax error: " + std::string(err.description()));
    }
    ScenarioSpec spec = from_table(root, source_name, depth);
    // This file first, then the base chain load_file recorded while reading `base`.
    spec.sources.insert(spec.sources.begin(), SourceFile{source_name, sha256_hex(text)});
    return spec;
}

} // namespace

void validate_scenario(const ScenarioSpec& spec, const std::string& file,
                       const KeyLineFn& line_of_key) {
    auto at = [&](std::string_view key, std::size_t index = kNoIndex) {
        return line_of_key ? line_of_key(key, index) : std::uint32_t{0};
    };
    auto fail = [&](const std::string& key, std::uint32_t line, const std::string& message) {
        throw ScenarioError(file, line, key, message);
    };
    // Two keys that contradict each other: blame the one this file set (a, unless only b was;
    // a falls back to the line of its table when neither was).
    struct Side {
        std::string key;
        std::uint32_t line;
        std::string message;
    };
    auto fail_pair = [&](const Side& a, const Side& b, std::uint32_t a_fallback = 0) {
        if (a.line == 0 && b.line != 0) fail(b.key, b.line, b.message);
        fail(a.key, a.line ? a.line : a_fallback, a.message);
    };
    if (spec.categories.size() > kMaxCategories)
        fail("category", at("category", kMaxCategories),
             "expected at most " + std::to_string(kMaxCategories) + " [[category]] tables, got " +
                 std::to_string(spec.categories.size()));
    double share = 0;
    for (std::size_t c = 0; c < spec.categories.size(); ++c) {
        const CategorySpec& cat = spec.categories[c];
        share += cat.spend_share;
        if (cat.duration_min_years <= cat.duration_max_years) continue;
        const std::string in = " in category \"" + cat.name + "\"";
        const std::string min = std::to_string(cat.duration_min_years);
        const std::string max = std::to_string(cat.duration_max_years);
        fail_pair({"category.duration_min_years", at("category.duration_min_years", c),
                   "expected duration_min_years <= duration_max_years (" + max + ")" + in +
                       ", got " + min},
                  {"category.duration_max_years", at("category.duration_max_years", c),
                   "expected duration_max_years >= duration_min_years (" + min + ")" + in +
                       ", got " + max},
                  at("category", c));
    }
    if (share <= 0) {
        const std::uint32_t line = at("category.spend_share", 0);
        fail("category.spend_share", line ? line : at("category", 0),
             "expected spend shares adding up to more than 0, got 0 (every [[category]] has "
             "spend_share = 0)");
    }
    const SupplierSpec& s = spec.suppliers;
    if (s.markup_min > s.markup_max) {
        fail_pair({"suppliers.markup_min", at("suppliers.markup_min"),
                   "expected markup_min <= markup_max (" + format_number(s.markup_max) + "), got " +
                       format_number(s.markup_min)},
                  {"suppliers.markup_max", at("suppliers.markup_max"),
                   "expected markup_max >= markup_min (" + format_number(s.markup_min) + "), got " +
                       format_number(s.markup_max)});
    }
    // An adoption for a region or council the market does not have would apply to nobody
    // (also after --set market.regions=1 or a sweep point with fewer councils).
    const MarketSpec& market = spec.market;
    for (std::size_t i = 0; i < spec.adoptions.size(); ++i) {
        const Adoption& a = spec.adoptions[i];
        if (a.scope == Adoption::Scope::Region && (a.region < 0 || a.region >= market.regions)) {
            const std::string r = std::to_string(a.region);
            const std::string n = std::to_string(market.regions);
            fail_pair({"adopt.region", at("adopt.region", i),
                       "expected a region from 0 to " + std::to_string(market.regions - 1) +
                           " (market.regions = " + n + "), got " + r},
                      {"market.regions", at("market.regions"),
                       "expected more than " + r + " (an [[adopt]] entry applies to region " + r +
                           "), got " + n},
                      at("adopt", i));
        }
        for (const auto c : a.councils) {
            if (c >= 0 && c < market.councils) continue;
            const std::string cs = std::to_string(c);
            const std::string n = std::to_string(market.councils);
            fail_pair({"adopt.councils", at("adopt.councils", i),
                       "expected council numbers from 0 to " + std::to_string(market.councils - 1) +
                           " (market.councils = " + n + "), got " + cs},
                      {"market.councils", at("market.councils"),
                       "expected more than " + cs + " (an [[adopt]] entry applies to council " +
                           cs + "), got " + n},
                      at("adopt", i));
        }
    }
    // The same policy key set twice in one year for councils both entries may cover: which
    // value wins would depend on the order of the entries (or of the base chain).
    auto may_overlap = [](const Adoption& a, const Adoption& b) {
        using S = Adoption::Scope;
        if (a.scope == S::Region && b.scope == S::Region) return a.region == b.region;
        if (a.scope == S::Councils && b.scope == S::Councils)
            return std::any_of(a.councils.begin(), a.councils.end(), [&](std::int64_t c) {
                return std::find(b.councils.begin(), b.councils.end(), c) != b.councils.end();
            });
        return true; // "all" covers everyone; a region and a council list may share councils
    };
    for (std::size_t j = 0; j < spec.adoptions.size(); ++j) {
        const Adoption& b = spec.adoptions[j];
        for (std::size_t i = 0; i < j; ++i) {
            const Adoption& a = spec.adoptions[i];
            if (a.year != b.year || !may_overlap(a, b)) continue;
            for (const auto& key : b.keys) {
                if (std::find(a.keys.begin(), a.keys.end(), key) == a.keys.end()) continue;
                const std::string k = "adopt.policy." + key;
                const std::uint32_t line = at(k, j);
                fail(k, line ? line : at("adopt", j),
                     "expected each policy key at most once a year for the same councils; "
                     "another [[adopt]] entry already sets policy." +
                         key + " in year " + std::to_string(b.year) +
                         " for councils this one covers");
            }
        }
    }
    // An adoption after the last simulated year would silently never apply.
    for (std::size_t i = 0; i < spec.adoptions.size(); ++i) {
        const std::int64_t year = spec.adoptions[i].year;
        if (year <= spec.run.years) continue;
        fail_pair({"adopt.year", at("adopt.year", i),
                   "expected a year from 1 to run.years (" + std::to_string(spec.run.years) +
                       "), got " + std::to_string(year)},
                  {"run.years", at("run.years"),
                   "expected at least the year of every [[adopt]] (" + std::to_string(year) +
                       "), got " + std::to_string(spec.run.years)},
                  at("adopt", i));
    }
    // A market that would not fit in memory, or whose money could pass what 64-bit pence hold,
    // is refused here, before a run creates any output.
    try {
        check_market_fits(spec);
    } catch (const MarketTooLarge& e) {
        fail("", 0, e.what());
    }
}

ScenarioSpec load_scenario_text(std::string_view text, const std::string& source_name) {
    return parse_text(text, source_name, 0);
}

ScenarioSpec load_scenario_file(const std::string& path) {
    return parse_text(read_input_file(path, "scenario file"), path, 0);
}

namespace {

// Sets one override's value (type and range checked); returns the registry key it set.
std::string assign_override(ScenarioSpec& spec, std::string_view assignment,
                            const std::string& where) {
    const auto eq = assignment.find('=');
    if (eq == std::string_view::npos)
        throw ScenarioError(where, 0, "", "expected key=value, e.g. policy.price_weight=0.8");
    const std::string key(assignment.substr(0, eq));
    const std::string value(assignment.substr(eq + 1));
    const auto* def = find_param(key);
    if (!def)
        throw ScenarioError(where, 0, key, "unknown key" + suggestion(key, scenario_params()));
    if (value.find_first_not_of(" \t") == std::string::npos)
        throw ScenarioError(where, 0, key,
                            "expected a value after '=', e.g. " + key + "=" +
                                param_value_text(*def, spec));
    toml::table parsed;
    try {
        parsed = toml::parse("v = " + value);
    } catch (const toml::parse_error& err) {
        // Bare words (choices) are accepted without quotes; anything else is a syntax error.
        const bool bare_word = std::all_of(value.begin(), value.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
        });
        if (!bare_word)
            throw ScenarioError(where, 0, key,
                                "expected a value in TOML syntax (a number, true or false, a "
                                "\"quoted string\" or a bare word), got '" +
                                    value + "' (" + std::string(err.description()) + ")");
        parsed = toml::parse("v = \"" + value + "\"");
    }
    if (parsed.size() != 1)
        throw ScenarioError(where, 0, key,
                            "expected one value after '=', got '" + value +
                                "' (more than one TOML key)");
    try {
        assign(*def, spec, *parsed.get("v"), where, key);
    } catch (const ScenarioError& e) {
        throw ScenarioError(where, 0, key, e.message()); // no line: "v = ..." is not the user's
    }
    return key;
}

} // namespace

void apply_overrides(ScenarioSpec& spec, const std::vector<Override>& overrides) {
    std::vector<std::pair<std::string, std::string>> set_by; // key, option (in order)
    std::string all;
    for (const auto& o : overrides) {
        const std::string where = o.source.empty() ? "--set " + o.assignment : o.source;
        set_by.emplace_back(assign_override(spec, o.assignment, where), where);
        all += (all.empty() ? "" : ", ") + where;
    }
    if (overrides.empty()) return;
    auto option_for = [&](std::string_view key) -> const std::string* {
        for (auto it = set_by.rbegin(); it != set_by.rend(); ++it)
            if (it->first == key) return &it->second;
        return nullptr;
    };
    try {
        // A nonzero "line" marks a key an option set, so contradictions blame that key.
        validate_scenario(spec, all, [&](std::string_view key, std::size_t) -> std::uint32_t {
            return option_for(key) ? 1 : 0;
        });
    } catch (const ScenarioError& e) {
        const std::string* option = option_for(e.key());
        throw ScenarioError(option ? *option : all, 0, e.key(), e.message());
    }
}

void apply_override(ScenarioSpec& spec, std::string_view assignment, const std::string& source) {
    apply_overrides(spec, {Override{std::string(assignment), source}});
}

} // namespace tendersim
