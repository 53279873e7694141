#include "framework_loader.hpp"

#include "text/text.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <span>
#include <string>

namespace tendersim {
namespace {

// The keys of each table, in the order the docs list them ("lot" is [[framework.lot]]).
constexpr std::string_view kFrameworkKeys[] = {"name",
                                               "regions",
                                               "start_year",
                                               "term_years",
                                               "open",
                                               "reopen_years",
                                               "dynamic",
                                               "fee_share",
                                               "onboarding_cost_gbp",
                                               "direct_award",
                                               "direct_award_max_gbp",
                                               "partnership",
                                               "lot"};
constexpr std::string_view kLotKeys[] = {"name", "categories", "max_suppliers", "price_weight",
                                         "social_value_weight"};

constexpr std::int64_t kNoMax = std::numeric_limits<std::int64_t>::max();
// Years as [[adopt]] and run.years count them.
constexpr std::int64_t kMaxYear = 200;
// PA2023 s47: a framework's term is at most 4 years.
constexpr std::int64_t kMaxTermYears = 4;

// "expected name, regions, ... or [[framework.lot]]".
std::string expected_keys(std::span<const std::string_view> keys) {
    std::string out = "expected ";
    for (std::size_t k = 0; k < keys.size(); ++k) {
        const std::string key = keys[k] == "lot" ? "[[framework.lot]]" : std::string(keys[k]);
        out += (k == 0 ? "" : k + 1 == keys.size() ? " or " : ", ") + key;
    }
    return out;
}

// An integer from lo to hi (hi = kNoMax: no upper bound); why, if given, follows the range.
std::int64_t read_int(const toml::node& v, const std::string& key, std::int64_t lo, std::int64_t hi,
                      const TomlReader& r, const std::string& why = "") {
    const auto* i = v.as_integer();
    if (!i || i->get() < lo || i->get() > hi)
        r.fail(v, key,
               (hi == kNoMax
                    ? "an integer of at least " + std::to_string(lo)
                    : "an integer from " + std::to_string(lo) + " to " + std::to_string(hi)) +
                   why);
    return i->get();
}

// A finite number from lo to hi, in unit.
double read_real(const toml::node& v, const std::string& key, double lo, double hi,
                 const std::string& unit, const TomlReader& r) {
    const std::string expected =
        "a number from " + format_number(lo) + " to " + format_number(hi) + " (" + unit + ")";
    const double x = r.number(v, key, expected);
    if (!std::isfinite(x) || !(x >= lo && x <= hi)) r.fail(v, key, expected);
    return x;
}

// The required `name` of a [[framework]] or [[framework.lot]] table, not empty and not in names.
std::string read_name(const toml::table& table, const toml::node& element, const std::string& key,
                      const std::string& table_word, const std::string& unique_among,
                      std::set<std::string>& names, const TomlReader& r) {
    const toml::node* node = table.get("name");
    if (!node || !node->is_string())
        r.fail_at(line_of(node ? *node : element), key,
                  "expected every " + table_word + " to have a string name" +
                      (node ? ", got " + describe(*node) : ""));
    std::string name = node->as_string()->get();
    if (name.empty() || !names.insert(name).second)
        r.fail_at(line_of(*node), key,
                  "expected a non-empty name no other " + unique_among + " has, got \"" + name +
                      "\"");
    return name;
}

// `regions = [0, 2]`: region numbers, each once (their range: validate_scenario, which knows
// market.regions after overrides too).
void read_regions(const toml::node& v, FrameworkSpec& fw, const TomlReader& r) {
    const std::string key = "framework.regions";
    const auto& list = r.array(v, key, "a list of region numbers (empty: national)");
    for (const auto& region : list) {
        if (!region.is_integer()) r.fail(region, key, "region numbers");
        const std::int64_t n = region.as_integer()->get();
        if (std::find(fw.regions.begin(), fw.regions.end(), n) != fw.regions.end())
            r.fail_at(line_of(region), key,
                      "expected each region once in framework \"" + fw.name + "\", got " +
                          std::to_string(n) + " twice");
        fw.regions.push_back(n);
    }
}

// `categories = ["a", "b"]`: names, each in at most one lot of the framework (lot_of maps a
// category to the lot that has it). Whether the scenario has them: validate_scenario, once its
// categories are final.
void read_lot_categories(const toml::node& v, const FrameworkSpec& fw, FrameworkLotSpec& lot,
                         std::map<std::string, std::string>& lot_of, const TomlReader& r) {
    const std::string key = "framework.lot.categories";
    const std::string expected = "a non-empty list of category names";
    const auto& list = r.array(v, key, expected);
    if (list.empty()) r.fail(v, key, expected);
    for (const auto& c : list) {
        if (!c.is_string()) r.fail(c, key, "category names (strings)");
        const std::string name = c.as_string()->get();
        const auto [at, added] = lot_of.emplace(name, lot.name);
        if (!added)
            r.fail_at(line_of(c), key,
                      "expected each category in at most one lot of framework \"" + fw.name +
                          "\", got \"" + name + "\" in lot \"" + at->second + "\"" +
                          (at->second == lot.name ? " twice" : " and lot \"" + lot.name + "\""));
        lot.categories.push_back(name);
    }
}

void read_lot_key(const std::string& key, const toml::node& v, std::uint32_t line,
                  const FrameworkSpec& fw, FrameworkLotSpec& lot,
                  std::map<std::string, std::string>& lot_of, const TomlReader& r) {
    const std::string at = "framework.lot." + key;
    if (key == "name") return; // read first
    if (key == "categories") {
        read_lot_categories(v, fw, lot, lot_of, r);
    } else if (key == "max_suppliers") {
        lot.max_suppliers = read_int(v, at, 0, kNoMax, r, " (0: every qualified applicant)");
    } else if (key == "price_weight") {
        lot.price_weight = read_real(v, at, 0, 1, "weight", r);
    } else if (key == "social_value_weight") {
        lot.social_value_weight = read_real(v, at, 0, 0.6, "weight", r);
    } else {
        r.unknown_key(line, at, "unknown key; " + expected_keys(kLotKeys), key, kLotKeys);
    }
}

void read_lots(const toml::node& v, FrameworkSpec& fw, const TomlReader& r) {
    const auto& list =
        r.array_of_tables(v, "framework.lot", "an array of tables ([[framework.lot]])");
    std::set<std::string> names;
    std::map<std::string, std::string> lot_of; // category -> the lot that has it
    for (const auto& element : list) {
        const auto& table = *element.as_table();
        FrameworkLotSpec lot;
        lot.name = read_name(table, element, "framework.lot.name", "[[framework.lot]]",
                             "lot of framework \"" + fw.name + "\"", names, r);
        for (auto&& [k, value] : table)
            read_lot_key(std::string(k.str()), value, line_of(k), fw, lot, lot_of, r);
        const std::string in = " in lot \"" + lot.name + "\" of framework \"" + fw.name + "\"";
        if (lot.categories.empty())
            r.fail_at(line_of(element), "framework.lot.categories",
                      "expected a non-empty list of category names" + in + ", got none");
        fw.lots.push_back(std::move(lot));
    }
}

void read_framework_key(const std::string& key, const toml::node& v, std::uint32_t line,
                        FrameworkSpec& fw, const TomlReader& r) {
    const std::string at = "framework." + key;
    if (key == "name") return; // read first
    if (key == "regions") {
        read_regions(v, fw, r);
    } else if (key == "start_year") {
        fw.start_year = read_int(v, at, 1, kMaxYear, r);
    } else if (key == "term_years") {
        fw.term_years =
            read_int(v, at, 1, kMaxTermYears, r, " (PA2023 s47: a framework runs at most 4 years)");
    } else if (key == "open") {
        fw.open = r.boolean(v, at);
    } else if (key == "reopen_years") {
        fw.reopen_years = read_int(v, at, 1, kMaxYear, r);
    } else if (key == "dynamic") {
        fw.dynamic = r.boolean(v, at);
    } else if (key == "fee_share") {
        fw.fee_share = read_real(v, at, 0, 0.1, "share of call-off value", r);
    } else if (key == "onboarding_cost_gbp") {
        fw.onboarding_cost_gbp = read_real(v, at, 0, 1.0e7, "GBP", r);
    } else if (key == "direct_award") {
        fw.direct_award = r.boolean(v, at);
    } else if (key == "direct_award_max_gbp") {
        fw.direct_award_max_gbp = read_real(v, at, 0, 1.0e12, "GBP; 0: any value", r);
    } else if (key == "partnership") {
        fw.partnership = r.boolean(v, at);
    } else if (key == "lot") {
        read_lots(v, fw, r);
    } else {
        r.unknown_key(line, at, "unknown key; " + expected_keys(kFrameworkKeys), key,
                      kFrameworkKeys);
    }
}

// The combinations a [[framework]] may not have.
void check_framework(const toml::table& table, const toml::node& element, const FrameworkSpec& fw,
                     const TomlReader& r) {
    const std::string in = " in framework \"" + fw.name + "\"";
    if (fw.lots.empty())
        r.fail_at(line_of(element), "framework.lot",
                  "expected at least one [[framework.lot]]" + in);
    if (const toml::node* reopen = table.get("reopen_years"); reopen && !fw.open)
        r.fail_at(line_of(*reopen), "framework.reopen_years",
                  "reopen_years applies to an open framework; framework \"" + fw.name +
                      "\" has open = false");
    if (const toml::node* regions = table.get("regions");
        regions && fw.partnership && !fw.regions.empty())
        r.fail_at(line_of(*regions), "framework.regions",
                  "expected no regions in framework \"" + fw.name +
                      "\", a partnership's framework (partnership = true): it serves its "
                      "partners' regions");
    if (fw.dynamic)
        for (std::size_t l = 0; l < fw.lots.size(); ++l)
            if (fw.lots[l].max_suppliers > 0)
                r.fail_at(line_of(element), "framework.lot.max_suppliers",
                          "expected max_suppliers = 0 in lot \"" + fw.lots[l].name +
                              "\" of framework \"" + fw.name +
                              "\", a dynamic market (dynamic = true): it admits every supplier "
                              "that qualifies");
    if (const toml::node* direct = table.get("direct_award"); fw.dynamic && fw.direct_award)
        r.fail_at(line_of(*direct), "framework.direct_award",
                  "expected direct_award = false in framework \"" + fw.name +
                      "\", a dynamic market (dynamic = true): dynamic markets award by "
                      "competition");
}

// The toml++ table of the index-th lot of this file's frameworks, counted in order.
const toml::table* nth_lot(const toml::array& frameworks, std::size_t index) {
    for (const auto& element : frameworks) {
        const auto* table = element.as_table();
        const auto* lots = table ? table->get_as<toml::array>("lot") : nullptr;
        if (!lots) continue;
        if (index < lots->size()) return (*lots)[index].as_table();
        index -= lots->size();
    }
    return nullptr;
}

} // namespace

void load_frameworks(const toml::node& node, ScenarioSpec& spec, const TomlReader& r) {
    const auto& list = r.array_of_tables(node, "framework", "an array of tables ([[framework]])");
    spec.frameworks.clear();
    std::set<std::string> names;
    for (const auto& element : list) {
        const auto& table = *element.as_table();
        FrameworkSpec fw;
        fw.name =
            read_name(table, element, "framework.name", "[[framework]]", "[[framework]]", names, r);
        for (auto&& [k, v] : table) read_framework_key(std::string(k.str()), v, line_of(k), fw, r);
        check_framework(table, element, fw, r);
        spec.frameworks.push_back(std::move(fw));
    }
}

std::uint32_t framework_key_line(const toml::table& root, std::string_view key, std::size_t index) {
    const auto* frameworks = root.get_as<toml::array>("framework");
    if (!frameworks) return 0;
    constexpr std::string_view lot_prefix = "framework.lot";
    const toml::table* table = nullptr;
    std::string_view rest;
    if (key.starts_with(lot_prefix)) {
        table = nth_lot(*frameworks, index);
        rest = key.substr(lot_prefix.size());
    } else {
        table = index < frameworks->size() ? (*frameworks)[index].as_table() : nullptr;
        rest = key.substr(std::string_view("framework").size());
    }
    if (!table) return 0;
    if (rest.empty()) return line_of(*table);
    const toml::node* node = table->get(rest.substr(1)); // after the '.'
    return node ? line_of(*node) : 0;
}

std::size_t lot_index(const ScenarioSpec& spec, std::size_t framework, std::size_t lot) {
    std::size_t index = lot;
    for (std::size_t f = 0; f < framework; ++f) index += spec.frameworks[f].lots.size();
    return index;
}

} // namespace tendersim
