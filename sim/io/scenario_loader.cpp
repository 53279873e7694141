#include "scenario_loader.hpp"

#include "core/market_size.hpp"
#include "core/params.hpp"
#include "errors.hpp"
#include "file_io.hpp"
#include "framework_loader.hpp"
#include "input_file_error.hpp"
#include "names.hpp"
#include "scenario_schema.hpp"
#include "sha256.hpp"
#include "text/text.hpp"
#include "toml_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>
#include <toml++/toml.h>

namespace tendersim {
namespace {

// The keys of a registry, for did-you-mean suggestions.
template <class Defs> std::vector<std::string_view> keys_of(const Defs& defs) {
    std::vector<std::string_view> keys;
    for (const auto& def : defs) keys.push_back(def.key);
    return keys;
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
void assign(const Def& def, Target& target, const toml::node& node, const TomlReader& r,
            const std::string& key) {
    auto fail = [&](const std::string& expected) { r.fail(node, key, expected); };
    const std::string range = format_number(def.min) + " to " + format_number(def.max);
    switch (def.kind) {
    case ParamKind::Real: {
        const std::string expected = "a number from " + range + " (" + std::string(def.unit) + ")";
        const double v = r.number(node, key, expected);
        // Also refuses nan and inf (every range is finite).
        if (!std::isfinite(v) || !(v >= def.min && v <= def.max)) {
            // A share typed as a percentage (60 for 60%) gets the value it probably meant; a value
            // just above 1 is more likely a slip than a percentage, so it gets no such hint.
            const double share = v / 100.0;
            if (def.max <= 1.0 && v >= 2.0 && v <= 100.0 && share >= def.min && share <= def.max)
                fail("a number from " + range + " (" + std::string(def.unit) + "; for " +
                     format_number(v) + "% write " + format_number(share) + ")");
            fail(expected);
        }
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
        def.boolean(target) = r.boolean(node, key);
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

void load_categories(const toml::node& node, ScenarioSpec& spec, const TomlReader& r) {
    const auto& arr = r.array_of_tables(node, "category", "an array of tables ([[category]])");
    spec.categories.clear();
    std::set<std::string> names;
    const auto known = keys_of(category_params());
    for (const auto& element : arr) {
        const auto& table = *element.as_table();
        CategorySpec cat;
        const toml::node* name_node = table.get("name");
        if (!name_node || !name_node->is_string())
            r.fail_at(line_of(element), "category.name",
                      "expected every [[category]] to have a string name");
        cat.name = name_node->as_string()->get();
        if (cat.name.empty() || !names.insert(cat.name).second)
            r.fail_at(line_of(*name_node), "category.name",
                      "expected a unique, non-empty name, got \"" + cat.name + "\"");
        for (auto&& [k, v] : table) {
            const std::string key(k.str());
            if (key == "name") continue;
            const auto* def = find_category_param(key);
            if (!def) r.unknown_key(line_of(k), "category." + key, "unknown key", key, known);
            assign(*def, cat, v, r, "category." + key);
        }
        spec.categories.push_back(std::move(cat));
    }
}

Adoption::Scope read_adoption_scope(const toml::node& v, std::uint32_t line, const TomlReader& r) {
    const auto* word = v.as_string();
    const std::string w = word ? word->get() : "";
    if (w == "all") return Adoption::Scope::All;
    if (w == "region") return Adoption::Scope::Region;
    if (w == "councils") return Adoption::Scope::Councils;
    r.fail_at(line, "adopt.scope", "expected one of all|region|councils, got " + describe(v));
}

void read_adoption_councils(const toml::node& v, std::uint32_t line, Adoption& a,
                            const TomlReader& r) {
    if (!v.is_array())
        r.fail_at(line, "adopt.councils", "expected a list of council numbers, got " + describe(v));
    for (const auto& c : *v.as_array()) {
        if (!c.is_integer()) r.fail(c, "adopt.councils", "council numbers");
        a.councils.push_back(c.as_integer()->get());
    }
}

// [adopt.policy]: policy registry keys, checked like the scenario's own [policy] values.
void read_adoption_policy(const toml::node& v, std::uint32_t line, Adoption& a,
                          const TomlReader& r) {
    if (!v.is_table())
        r.fail_at(line, "adopt.policy", "expected a table of policy values, got " + describe(v));
    ScenarioSpec patch;
    for (auto&& [pk, pv] : *v.as_table()) {
        const std::string pkey = "policy." + std::string(pk.str());
        const auto* def = find_param(pkey);
        if (!def)
            r.unknown_key(line_of(pk), "adopt." + pkey, "unknown policy key", pkey,
                          keys_of(scenario_params()));
        assign(*def, patch, pv, r, "adopt." + pkey);
        a.keys.push_back(std::string(pk.str()));
    }
    a.patch = patch.policy;
}

// One [[adopt]] entry's key and value into a.
void read_adoption_key(const std::string& key, const toml::node& v, std::uint32_t line, Adoption& a,
                       bool& has_policy, const TomlReader& r) {
    if (key == "year") {
        if (!v.is_integer() || v.as_integer()->get() < 1 || v.as_integer()->get() > 200)
            r.fail_at(line, "adopt.year",
                      "expected an integer year from 1 to 200, got " + describe(v));
        a.year = v.as_integer()->get();
    } else if (key == "scope") {
        a.scope = read_adoption_scope(v, line, r);
    } else if (key == "region") {
        if (!v.is_integer())
            r.fail_at(line, "adopt.region", "expected a region number, got " + describe(v));
        a.region = v.as_integer()->get();
    } else if (key == "councils") {
        read_adoption_councils(v, line, a, r);
    } else if (key == "policy") {
        read_adoption_policy(v, line, a, r);
        has_policy = true;
    } else {
        r.fail_at(line, "adopt." + key,
                  "unknown key; expected year, scope, region, councils or [adopt.policy]");
    }
}

// The forms an [[adopt]] entry may not combine: a region or council list the scope would ignore,
// or a scope without the region or councils it needs.
void check_adoption_scope(const toml::table& table, const toml::node& element, const Adoption& a,
                          const TomlReader& r) {
    const toml::node* scope_node = table.get("scope");
    const toml::node* region_node = table.get("region");
    const toml::node* councils_node = table.get("councils");
    const std::string scope_text = scope_node ? describe(*scope_node) : "no scope (all)";
    if (region_node && a.scope != Adoption::Scope::Region)
        r.fail_at(line_of(*region_node), "adopt.region",
                  "expected region only with scope = \"region\", got " + scope_text);
    if (councils_node && a.scope != Adoption::Scope::Councils)
        r.fail_at(line_of(*councils_node), "adopt.councils",
                  "expected councils only with scope = \"councils\", got " + scope_text);
    if (a.scope == Adoption::Scope::Region && !region_node)
        r.fail_at(line_of(scope_node ? *scope_node : element), "adopt.region",
                  "missing; scope = \"region\" needs region = N");
    if (a.scope == Adoption::Scope::Councils && a.councils.empty())
        r.fail_at(line_of(councils_node ? *councils_node
                          : scope_node  ? *scope_node
                                        : element),
                  "adopt.councils", "expected a non-empty list with scope = \"councils\"");
}

void load_adoptions(const toml::node& node, ScenarioSpec& spec, const TomlReader& r) {
    for (const auto& element : r.array_of_tables(node, "adopt", "an array of tables ([[adopt]])")) {
        const auto& table = *element.as_table();
        Adoption a;
        bool has_policy = false;
        for (auto&& [k, v] : table)
            read_adoption_key(std::string(k.str()), v, line_of(k), a, has_policy, r);
        if (!has_policy || a.keys.empty())
            r.fail_at(line_of(element), "adopt.policy",
                      "expected [adopt.policy] with at least one policy value");
        check_adoption_scope(table, element, a, r);
        // Regions and councils in range: validate_scenario, which also runs after overrides.
        spec.adoptions.push_back(std::move(a));
    }
}

ScenarioSpec parse_text(std::string_view text, const std::string& source_name, int depth);

// `base = "other.toml"` starts from another scenario (relative to this file), so policy
// scenarios share their base market exactly and change only what they name.
ScenarioSpec load_base(const toml::node& base, const TomlReader& r, int depth) {
    if (!base.is_string()) r.fail(base, "base", "a scenario file name");
    if (depth >= 8)
        r.fail_at(line_of(base), "base",
                  "expected at most 8 levels of base scenarios (is there a cycle?)");
    const std::string name(base.as_string()->get());
    const auto path = (std::filesystem::path(r.file()).parent_path() / name).string();
    InputFileRead read = try_read_input_file(path);
    if (!read.problem.empty()) {
        const ScenarioError located(r.file(), line_of(base), "base",
                                    "file '" + name + "' " + read.problem);
        if (read.io_failure) throw IoError(located.what());
        throw located;
    }
    return parse_text(read.text, path, depth + 1);
}

// name and description: strings; the name becomes a directory under --out, so an identifier,
// never a path.
void read_label(const std::string& section, const toml::node& v, std::uint32_t line,
                ScenarioSpec& spec, const TomlReader& r) {
    if (!v.is_string()) r.fail_at(line, section, "expected a string, got " + describe(v));
    (section == "name" ? spec.name : spec.description) = v.as_string()->get();
    if (section == "name" && !valid_name(spec.name))
        r.fail_at(line_of(v), section, name_expectation() + ", got " + quoted_name(spec.name));
}

// The line in this file of a key validate_scenario names (see KeyLineFn). [[category]] and
// [[framework]] replace the base's whole; [[adopt]] entries add to the base's, which come first in
// spec.adoptions.
std::uint32_t line_in_file(const toml::table& root, std::size_t base_adoptions,
                           std::string_view key, std::size_t index) {
    const auto dot = key.find('.');
    const std::string_view section = key.substr(0, dot);
    if (section == "framework") return framework_key_line(root, key, index);
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
}

ScenarioSpec from_table(const TomlReader& r, int depth) {
    const toml::table& root = r.root();
    ScenarioSpec spec;
    if (const toml::node* base = root.get("base")) spec = load_base(*base, r, depth);
    const auto known = keys_of(scenario_params());
    for (auto&& [k, v] : root) {
        const std::string section(k.str());
        const std::uint32_t line = line_of(k);
        if (section == "schema_version" || section == "base") continue;
        if (section == "adopt" || section == "framework") continue; // below
        if (section == "name" || section == "description") {
            read_label(section, v, line, spec, r);
        } else if (section == "category") {
            load_categories(v, spec, r);
        } else if (const auto* table = v.as_table()) {
            for (auto&& [pk, pv] : *table) {
                const std::string key = section + "." + std::string(pk.str());
                const auto* def = find_param(key);
                if (!def) r.unknown_key(line_of(pk), key, "unknown key", key, known);
                assign(*def, spec, pv, r, key);
            }
        } else {
            r.fail_at(line, section,
                      "unknown top-level key; expected schema_version, name, description, "
                      "base, a [section], [[category]], [[adopt]] or [[framework]]");
        }
    }
    const std::size_t base_adoptions = spec.adoptions.size();
    if (const toml::node* adopt = root.get("adopt")) load_adoptions(*adopt, spec, r);
    // Like [[category]], a [[framework]] list replaces the base's whole. Regions and lot
    // categories are checked against the final market and categories by validate_scenario.
    if (const toml::node* frameworks = root.get("framework")) load_frameworks(*frameworks, spec, r);
    if (spec.categories.empty()) spec.categories = default_categories();
    // The base passed these checks on its own, so a failure involves a key this file sets:
    // cross-field errors name its line here.
    validate_scenario(spec, r.file(), [&](std::string_view key, std::size_t index) {
        return line_in_file(root, base_adoptions, key, index);
    });
    return spec;
}

ScenarioSpec parse_text(std::string_view text, const std::string& source_name, int depth) {
    TomlReader reader(InputKind::Scenario, source_name, text);
    // An older format version is translated here, in one place, before anything is read.
    upgrade_scenario(reader, std::cerr);
    ScenarioSpec spec = from_table(reader, depth);
    // This file first, then the base chain load_file recorded while reading `base`.
    spec.sources.insert(spec.sources.begin(), SourceFile{source_name, sha256_hex(text)});
    return spec;
}

// How validate_scenario's checks locate and report an error: the line of a key comes from the
// caller's KeyLineFn (0 when there is none or the key is not in the caller's file).
class ScenarioChecks {
  public:
    ScenarioChecks(const std::string& file, const KeyLineFn& line_of_key)
        : file_(file), line_of_key_(line_of_key) {}

    std::uint32_t at(std::string_view key, std::size_t index = kNoIndex) const {
        return line_of_key_ ? line_of_key_(key, index) : std::uint32_t{0};
    }

    [[noreturn]] void fail(const std::string& key, std::uint32_t line,
                           const std::string& message) const {
        throw ScenarioError(file_, line, key, message);
    }

    // Two keys that contradict each other: blame the one this file set (a, unless only b was;
    // a falls back to the line of its table when neither was).
    struct Side {
        std::string key;
        std::uint32_t line;
        std::string message;
    };
    [[noreturn]] void fail_pair(const Side& a, const Side& b, std::uint32_t a_fallback = 0) const {
        if (a.line == 0 && b.line != 0) fail(b.key, b.line, b.message);
        fail(a.key, a.line ? a.line : a_fallback, a.message);
    }

  private:
    const std::string& file_;
    const KeyLineFn& line_of_key_;
};

void check_categories(const ScenarioSpec& spec, const ScenarioChecks& checks) {
    if (spec.categories.size() > kMaxCategories)
        checks.fail("category", checks.at("category", kMaxCategories),
                    "expected at most " + std::to_string(kMaxCategories) +
                        " [[category]] tables, got " + std::to_string(spec.categories.size()));
    double share = 0;
    for (std::size_t c = 0; c < spec.categories.size(); ++c) {
        const CategorySpec& cat = spec.categories[c];
        share += cat.spend_share;
        if (cat.duration_min_years <= cat.duration_max_years) continue;
        const std::string in = " in category \"" + cat.name + "\"";
        const std::string min = std::to_string(cat.duration_min_years);
        const std::string max = std::to_string(cat.duration_max_years);
        checks.fail_pair(
            {"category.duration_min_years", checks.at("category.duration_min_years", c),
             "expected duration_min_years <= duration_max_years (" + max + ")" + in + ", got " +
                 min},
            {"category.duration_max_years", checks.at("category.duration_max_years", c),
             "expected duration_max_years >= duration_min_years (" + min + ")" + in + ", got " +
                 max},
            checks.at("category", c));
    }
    if (share <= 0) {
        const std::uint32_t line = checks.at("category.spend_share", 0);
        checks.fail("category.spend_share", line ? line : checks.at("category", 0),
                    "expected spend shares adding up to more than 0, got 0 (every [[category]] has "
                    "spend_share = 0)");
    }
}

void check_markups(const SupplierSpec& s, const ScenarioChecks& checks) {
    if (s.markup_min <= s.markup_max) return;
    checks.fail_pair({"suppliers.markup_min", checks.at("suppliers.markup_min"),
                      "expected markup_min <= markup_max (" + format_number(s.markup_max) +
                          "), got " + format_number(s.markup_min)},
                     {"suppliers.markup_max", checks.at("suppliers.markup_max"),
                      "expected markup_max >= markup_min (" + format_number(s.markup_min) +
                          "), got " + format_number(s.markup_max)});
}

// An adoption for a region or council the market does not have would apply to nobody
// (also after --set market.regions=1 or a sweep point with fewer councils).
void check_adoption_targets(const ScenarioSpec& spec, const ScenarioChecks& checks) {
    const MarketSpec& market = spec.market;
    for (std::size_t i = 0; i < spec.adoptions.size(); ++i) {
        const Adoption& a = spec.adoptions[i];
        if (a.scope == Adoption::Scope::Region && (a.region < 0 || a.region >= market.regions)) {
            const std::string r = std::to_string(a.region);
            const std::string n = std::to_string(market.regions);
            checks.fail_pair({"adopt.region", checks.at("adopt.region", i),
                              "expected a region from 0 to " + std::to_string(market.regions - 1) +
                                  " (market.regions = " + n + "), got " + r},
                             {"market.regions", checks.at("market.regions"),
                              "expected more than " + r +
                                  " (an [[adopt]] entry applies to region " + r + "), got " + n},
                             checks.at("adopt", i));
        }
        for (const auto c : a.councils) {
            if (c >= 0 && c < market.councils) continue;
            const std::string cs = std::to_string(c);
            const std::string n = std::to_string(market.councils);
            checks.fail_pair({"adopt.councils", checks.at("adopt.councils", i),
                              "expected council numbers from 0 to " +
                                  std::to_string(market.councils - 1) + " (market.councils = " + n +
                                  "), got " + cs},
                             {"market.councils", checks.at("market.councils"),
                              "expected more than " + cs +
                                  " (an [[adopt]] entry applies to council " + cs + "), got " + n},
                             checks.at("adopt", i));
        }
    }
}

// Whether two adoptions' scopes may cover a common council.
bool may_overlap(const Adoption& a, const Adoption& b) {
    using S = Adoption::Scope;
    if (a.scope == S::Region && b.scope == S::Region) return a.region == b.region;
    if (a.scope == S::Councils && b.scope == S::Councils)
        return std::any_of(a.councils.begin(), a.councils.end(), [&](std::int64_t c) {
            return std::find(b.councils.begin(), b.councils.end(), c) != b.councils.end();
        });
    return true; // "all" covers everyone; a region and a council list may share councils
}

// The same policy key set twice in one year for councils both entries may cover: which
// value wins would depend on the order of the entries (or of the base chain).
void check_adoption_conflicts(const ScenarioSpec& spec, const ScenarioChecks& checks) {
    for (std::size_t j = 0; j < spec.adoptions.size(); ++j) {
        const Adoption& b = spec.adoptions[j];
        for (std::size_t i = 0; i < j; ++i) {
            const Adoption& a = spec.adoptions[i];
            if (a.year != b.year || !may_overlap(a, b)) continue;
            for (const auto& key : b.keys) {
                if (std::find(a.keys.begin(), a.keys.end(), key) == a.keys.end()) continue;
                const std::string k = "adopt.policy." + key;
                const std::uint32_t line = checks.at(k, j);
                checks.fail(k, line ? line : checks.at("adopt", j),
                            "expected each policy key at most once a year for the same councils; "
                            "another [[adopt]] entry already sets policy." +
                                key + " in year " + std::to_string(b.year) +
                                " for councils this one covers");
            }
        }
    }
}

// An adoption after the last simulated year would silently never apply. With run.years = 0
// (the starting market only) no year is simulated, so no adoption is missed by mistake.
void check_adoption_years(const ScenarioSpec& spec, const ScenarioChecks& checks) {
    for (std::size_t i = 0; i < spec.adoptions.size(); ++i) {
        const std::int64_t year = spec.adoptions[i].year;
        if (year <= spec.run.years || spec.run.years == 0) continue;
        checks.fail_pair({"adopt.year", checks.at("adopt.year", i),
                          "expected a year from 1 to run.years (" + std::to_string(spec.run.years) +
                              "), got " + std::to_string(year)},
                         {"run.years", checks.at("run.years"),
                          "expected at least the year of every [[adopt]] (" + std::to_string(year) +
                              "), got " + std::to_string(spec.run.years)},
                         checks.at("adopt", i));
    }
}

// A framework for a region the market lacks, or a lot for a category the scenario lacks: also
// when a file built on the framework's replaces the categories, or --set lowers market.regions.
void check_frameworks(const ScenarioSpec& spec, const ScenarioChecks& checks) {
    const std::int64_t regions = spec.market.regions;
    std::vector<std::string> names;
    std::string listed;
    for (const CategorySpec& c : spec.categories) {
        listed += (names.empty() ? "" : ", ") + c.name;
        names.push_back(c.name);
    }
    // A framework keeps the regions it serves as bits of a 32-bit mask (FrameworkState).
    constexpr std::int64_t kMaxFrameworkRegions = 32;
    if (!spec.frameworks.empty() && regions > kMaxFrameworkRegions) {
        const std::string n = std::to_string(regions);
        checks.fail_pair(
            {"market.regions", checks.at("market.regions"),
             "expected at most 32 regions in a scenario with frameworks, got " + n},
            {"framework", checks.at("framework", 0),
             "expected no [[framework]] in a market of more than 32 regions (market.regions = " +
                 n + ")"},
            checks.at("framework", 0));
    }
    for (std::size_t f = 0; f < spec.frameworks.size(); ++f) {
        const FrameworkSpec& fw = spec.frameworks[f];
        const std::string in = "framework \"" + fw.name + "\"";
        for (const auto region : fw.regions) {
            if (region >= 0 && region < regions) continue;
            const std::string rs = std::to_string(region);
            const std::string n = std::to_string(regions);
            checks.fail_pair(
                {"framework.regions", checks.at("framework.regions", f),
                 "expected region numbers from 0 to " + std::to_string(regions - 1) +
                     " (market.regions = " + n + ") in " + in + ", got " + rs},
                {"market.regions", checks.at("market.regions"),
                 "expected more than " + rs + " (" + in + " covers region " + rs + "), got " + n},
                checks.at("framework", f));
        }
        for (std::size_t l = 0; l < fw.lots.size(); ++l) {
            const FrameworkLotSpec& lot = fw.lots[l];
            for (const auto& name : lot.categories) {
                if (std::find(names.begin(), names.end(), name) != names.end()) continue;
                const std::size_t k = lot_index(spec, f, l);
                const std::string lot_in = "lot \"" + lot.name + "\" of " + in;
                checks.fail_pair(
                    {"framework.lot.categories", checks.at("framework.lot.categories", k),
                     "expected names of the scenario's categories (" + listed + ") in " + lot_in +
                         ", got \"" + name + "\"" + did_you_mean(name, names)},
                    {"category", checks.at("category", 0),
                     "expected a [[category]] named \"" + name + "\" (" + lot_in +
                         " covers it), got " + listed},
                    checks.at("framework.lot", k));
            }
        }
    }
}

} // namespace

void validate_scenario(const ScenarioSpec& spec, const std::string& file,
                       const KeyLineFn& line_of_key) {
    const ScenarioChecks checks(file, line_of_key);
    // In this order: the first failing check is the error reported.
    check_categories(spec, checks);
    check_markups(spec.suppliers, checks);
    check_adoption_targets(spec, checks);
    check_adoption_conflicts(spec, checks);
    check_adoption_years(spec, checks);
    check_frameworks(spec, checks);
    // A market that would not fit in memory, or whose money could pass what 64-bit pence hold,
    // is refused here, before a run creates any output.
    try {
        check_market_fits(spec);
    } catch (const MarketTooLarge& e) {
        checks.fail("", 0, e.what());
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
    // Not const: it is returned, and a const local would be copied instead of moved.
    std::string key(assignment.substr(0, eq));
    const std::string value(assignment.substr(eq + 1));
    const auto* def = find_param(key);
    if (!def)
        throw ScenarioError(where, 0, key,
                            "unknown key" + did_you_mean(key, keys_of(scenario_params())));
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
        const TomlReader r(InputKind::Scenario, where, std::move(parsed));
        assign(*def, spec, *r.root().get("v"), r, key);
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
