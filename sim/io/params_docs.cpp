#include "params_docs.hpp"

#include "core/params.hpp"
#include "text/text.hpp"

#include <ostream>
#include <span>
#include <sstream>
#include <string>
#include <vector>

namespace tendersim {
namespace {

std::string range_text(ParamKind kind, double lo, double hi, std::string_view choices) {
    switch (kind) {
    case ParamKind::Bool:
        return "true/false";
    case ParamKind::Choice:
        return std::string(choices);
    default:
        break;
    }
    return format_number(lo) + " to " + format_number(hi);
}

std::string_view kind_text(ParamKind kind) {
    switch (kind) {
    case ParamKind::Real:
        return "real";
    case ParamKind::Int:
        return "integer";
    case ParamKind::Bool:
        return "bool";
    case ParamKind::Choice:
        return "choice";
    }
    return "";
}

// "0.1 to 0.6", or "" when the row gives no plausible range.
std::string plausible_text(const ParamOrigin& origin) {
    if (!origin.has_range()) return {};
    return format_number(origin.plausible_lo) + " to " + format_number(origin.plausible_hi);
}

// "assumed (plausible 0.1 to 0.6): why" / "sourced: citation" / "setting: run control".
std::string origin_text(const ParamOrigin& origin) {
    std::string out(basis_word(origin.basis));
    if (origin.has_range()) out += " (plausible " + plausible_text(origin) + ")";
    return out + ": " + std::string(origin.source);
}

template <class Def> std::string comment_for(const Def& def, const std::string& default_text) {
    return "# " + std::string(def.meaning) + ". [" + std::string(def.unit) + "; " +
           range_text(def.kind, def.min, def.max, def.choices) + "; default " + default_text +
           "]\n#   " + origin_text(def.origin) + "\n";
}

template <class Def> void count_bases(std::span<const Def> defs, int (&counts)[4]) {
    for (const Def& def : defs) ++counts[static_cast<int>(def.origin.basis)];
}

// One table row of the Markdown reference.
template <class Def, class Target>
void reference_row(std::ostream& out, const Def& def, const Target& defaults) {
    out << "| `" << def.key << "` | " << kind_text(def.kind) << " | " << def.unit << " | "
        << param_value_text(def, defaults) << " | "
        << range_text(def.kind, def.min, def.max, def.choices) << " | "
        << basis_word(def.origin.basis) << " | "
        << (def.origin.has_range() ? plausible_text(def.origin) : "-") << " | " << def.meaning
        << " | " << def.origin.source << " |\n";
}

constexpr const char* kTableHeader =
    "| key | type | unit | default | allowed | basis | plausible range | meaning | source of "
    "default |\n|---|---|---|---|---|---|---|---|---|\n";

std::string toml_value(ParamKind kind, const std::string& text) {
    return kind == ParamKind::Choice ? toml_string(text) : text;
}

// Numbers as TOML, lists as TOML arrays.
template <class T, class F> std::string toml_list(const std::vector<T>& items, F text) {
    std::string out = "[";
    for (std::size_t k = 0; k < items.size(); ++k) out += (k ? ", " : "") + text(items[k]);
    return out + "]";
}

std::string toml_bool(bool b) {
    return b ? "true" : "false";
}

// One [[framework]] with its lots, every key written (reopen_years only for an open framework,
// the only one it applies to).
void framework_toml(std::ostream& out, const FrameworkSpec& f) {
    out << "\n# A framework or dynamic market (docs/parameters.md, [[framework]]).\n"
        << "[[framework]]\nname = " << toml_string(f.name)
        << "\nregions = " << toml_list(f.regions, [](std::int64_t r) { return std::to_string(r); })
        << "\nstart_year = " << f.start_year << "\nterm_years = " << f.term_years
        << "\nopen = " << toml_bool(f.open) << "\n";
    if (f.open) out << "reopen_years = " << f.reopen_years << "\n";
    out << "dynamic = " << toml_bool(f.dynamic) << "\nfee_share = " << format_number(f.fee_share)
        << "\nonboarding_cost_gbp = " << format_number(f.onboarding_cost_gbp)
        << "\ndirect_award = " << toml_bool(f.direct_award)
        << "\ndirect_award_max_gbp = " << format_number(f.direct_award_max_gbp) << "\n";
    if (f.partnership) out << "partnership = true\n";
    for (const FrameworkLotSpec& lot : f.lots)
        out << "[[framework.lot]]\nname = " << toml_string(lot.name) << "\ncategories = "
            << toml_list(lot.categories, [](const std::string& c) { return toml_string(c); })
            << "\nmax_suppliers = " << lot.max_suppliers
            << "\nprice_weight = " << format_number(lot.price_weight)
            << "\nsocial_value_weight = " << format_number(lot.social_value_weight) << "\n";
}

// The [[framework]] section of the parameter reference: its keys, their defaults (from
// FrameworkSpec and FrameworkLotSpec, so they cannot drift) and a worked example.
void framework_reference(std::ostream& out) {
    const FrameworkSpec f;
    const FrameworkLotSpec lot;
    out << "\n## Frameworks and dynamic markets (`[[framework]]`)\n\n"
        << "A scenario may define frameworks (Procurement Act 2023 s45-s49) and dynamic markets "
           "(s34-s40) from which councils award call-offs. Each `[[framework]]` needs a `name` "
           "no other framework has and at least one `[[framework.lot]]`; each lot needs a `name` "
           "no other lot of its framework has and a non-empty `categories` list. The other keys "
           "are optional and take the default shown. A scenario's `[[framework]]` list replaces "
           "its `base` scenario's as a whole (like `[[category]]`); a scenario without one keeps "
           "its base's. An unknown key, a value out of range or a combination below marked as an "
           "error stops the loader with the file, line and key.\n\n"
        << "| key | type | default | allowed | meaning |\n|---|---|---|---|---|\n"
        << "| `name` | string | (required) | unique among the frameworks | The framework's name "
           "|\n"
        << "| `regions` | list of integers | [] | 0 to market.regions - 1, each once | Regions "
           "whose councils may use it (empty: national) |\n"
        << "| `start_year` | integer | " << f.start_year
        << " | 1 to 200 | Reported year of the first appointment |\n"
        << "| `term_years` | integer | " << f.term_years
        << " | 1 to 4 | Term of the framework (PA2023 s47: at most 4 years); for a dynamic market, "
           "the years over which a supplier weighs joining (the market itself does not end) |\n"
        << "| `open` | bool | " << toml_bool(f.open)
        << " | true/false | An open framework reopens to new suppliers (s49) |\n"
        << "| `reopen_years` | integer | " << f.reopen_years
        << " | 1 to 200 | Years between reopenings; only with `open = true` (an error otherwise) "
           "|\n"
        << "| `dynamic` | bool | " << toml_bool(f.dynamic)
        << " | true/false | A dynamic market: suppliers join in any year and it does not end; it "
           "awards by competition, so `direct_award = true` is an error |\n"
        << "| `fee_share` | real | " << format_number(f.fee_share)
        << " | 0 to 0.1 | Share of call-off value the supplier pays the framework's owner |\n"
        << "| `onboarding_cost_gbp` | real | " << format_number(f.onboarding_cost_gbp)
        << " | 0 to 10000000 | A supplier's cost (GBP) of applying to a lot |\n"
        << "| `direct_award` | bool | " << toml_bool(f.direct_award)
        << " | true/false | Call-offs may be awarded directly, without a mini-competition (s45(4)) "
           "|\n"
        << "| `direct_award_max_gbp` | real | " << format_number(f.direct_award_max_gbp)
        << " | 0 to 1000000000000 | Total call-off value (GBP) up to which direct award applies "
           "(0: any value) |\n"
        << "| `partnership` | bool | " << toml_bool(f.partnership)
        << " | true/false | A consortium framework: every shared back-office partnership runs "
           "one of its own, used only by its partners in their regions, and buys the categories "
           "it covers through it instead of one joint tender (`regions` must then be empty) |\n"
        << "\nEach `[[framework.lot]]`:\n\n"
        << "| key | type | default | allowed | meaning |\n|---|---|---|---|---|\n"
        << "| `name` | string | (required) | unique within the framework | The lot's name |\n"
        << "| `categories` | list of strings | (required) | names of the scenario's `[[category]]` "
           "tables (or of the defaults); a category in at most one lot of a framework | Categories "
           "the lot covers |\n"
        << "| `max_suppliers` | integer | " << lot.max_suppliers
        << " | 0 or more | Suppliers appointed to the lot (0: every qualified applicant) |\n"
        << "| `price_weight` | real | " << format_number(lot.price_weight)
        << " | 0 to 1 | Price's share of price + quality in the lot's call-off evaluation, as "
           "`policy.price_weight` |\n"
        << "| `social_value_weight` | real | " << format_number(lot.social_value_weight)
        << " | 0 to 0.6 | Weight of social value in the total score; price and quality share the "
           "rest in their ratio, as `policy.social_value_weight` |\n"
        << "\nA national ICT framework of two lots, and a dynamic market in regions 0 and 1 "
           "(category names from `default_categories()`):\n\n"
        << "```toml\n"
        << "[[framework]]\nname = \"national-ict\"\nstart_year = 2\nterm_years = 4\n"
           "fee_share = 0.01\n[[framework.lot]]\nname = \"infrastructure\"\n"
           "categories = [\"ict-infrastructure\", \"telecoms\"]\nmax_suppliers = 12\n"
           "[[framework.lot]]\nname = \"software\"\n"
           "categories = [\"software-saas\", \"digital-services\"]\nprice_weight = 0.5\n"
           "social_value_weight = 0.1\n\n"
        << "[[framework]]\nname = \"care-tech-dps\"\nregions = [0, 1]\ndynamic = true\n"
           "onboarding_cost_gbp = 1500\n[[framework.lot]]\nname = \"all\"\n"
           "categories = [\"social-care-tech\"]\n"
        << "```\n";
}

} // namespace

std::string scenario_toml(const ScenarioSpec& spec, std::string_view header_comment) {
    std::ostringstream out;
    const ScenarioSpec defaults;
    out << header_comment << "\nschema_version = " << kSchemaVersion
        << "\nname = " << toml_string(spec.name) << "\n";
    if (!spec.description.empty()) out << "description = " << toml_string(spec.description) << "\n";
    std::string_view section;
    for (const auto& def : scenario_params()) {
        const auto dot = def.key.find('.');
        const std::string_view sec = def.key.substr(0, dot);
        if (sec != section) {
            out << "\n[" << sec << "]\n";
            section = sec;
        }
        out << comment_for(def, param_value_text(def, defaults)) << def.key.substr(dot + 1) << " = "
            << toml_value(def.kind, param_value_text(def, spec)) << "\n";
    }
    const CategorySpec cat_defaults;
    for (const auto& cat : spec.categories) {
        out << "\n[[category]]\nname = " << toml_string(cat.name) << "\n";
        for (const auto& def : category_params())
            out << comment_for(def, param_value_text(def, cat_defaults)) << def.key << " = "
                << toml_value(def.kind, param_value_text(def, cat)) << "\n";
    }
    // The policy changes, in the order they apply (the base chain's first).
    for (const Adoption& a : spec.adoptions) {
        out << "\n[[adopt]]\nyear = " << a.year << "\nscope = \"" << scope_word(a.scope) << "\"\n";
        if (a.scope == Adoption::Scope::Region) out << "region = " << a.region << "\n";
        if (a.scope == Adoption::Scope::Councils) {
            out << "councils = [";
            for (std::size_t k = 0; k < a.councils.size(); ++k)
                out << (k ? ", " : "") << a.councils[k];
            out << "]\n";
        }
        out << "[adopt.policy]\n";
        ScenarioSpec patched;
        patched.policy = a.patch;
        for (const auto& key : a.keys) {
            const ParamDef* def = find_param("policy." + key);
            if (def)
                out << key << " = " << toml_value(def->kind, param_value_text(*def, patched))
                    << "\n";
        }
    }
    for (const FrameworkSpec& f : spec.frameworks) framework_toml(out, f);
    return out.str();
}

std::string parameter_reference_markdown() {
    std::ostringstream out;
    const ScenarioSpec defaults;
    int counts[4] = {};
    count_bases(scenario_params(), counts);
    count_bases(category_params(), counts);
    const auto count_of = [&](ParamBasis b) { return counts[static_cast<int>(b)]; };
    out << "# Scenario parameter reference\n\n"
        << "Generated by `tendersim params` from the registry the scenario loader validates "
           "against (`sim/core/params.cpp`); a test fails if this file and the registry differ.\n"
           "Scenario files are TOML with `schema_version = "
        << kSchemaVersion << "`; every key below is optional and takes the default shown.\n\n"
        << "Basis of the defaults (scenario and category parameters): "
        << count_of(ParamBasis::Sourced) << " sourced, " << count_of(ParamBasis::Calibrated)
        << " calibrated, " << count_of(ParamBasis::Assumed) << " assumed, "
        << count_of(ParamBasis::Setting) << " setting.\n\n"
        << "- **sourced**: taken from a published figure or rule, named in the source column.\n"
        << "- **calibrated**: set so that `tendersim validate` passes; the source column names "
           "the targets of `validation/targets.toml` that pin it (docs/calibration.md).\n"
        << "- **assumed**: the modellers' judgement, pinned by neither a source nor a target; "
           "the source column says why this value.\n"
        << "- **setting**: the user's choice, not a fact about the world: run controls, market "
           "size, policy levers and the rules a council chooses. Their effects are what a "
           "scenario asks about; they are varied on purpose, not tested for robustness.\n\n"
        << "The plausible range (required for calibrated and assumed defaults, given for sourced "
           "ones where the source has a range) is where the value could reasonably lie; it "
           "contains the default and lies inside the allowed range. For calibrated parameters it "
           "is roughly where `validate` still passes (baseline, 3 replicates, the other "
           "parameters fixed). Robustness checks vary assumed and calibrated parameters over "
           "these ranges.\n\n"
        << kTableHeader;
    for (const auto& def : scenario_params()) reference_row(out, def, defaults);
    out << "\n## Categories (`[[category]]`)\n\n"
        << "Each `[[category]]` table needs a unique `name`; the keys below are optional. When a "
           "scenario lists no categories, the eight defaults of `default_categories()` "
           "(`sim/core/categories.cpp`) are used; their values differ by category, and the "
           "plausible ranges contain all eight.\n\n"
        << kTableHeader;
    const CategorySpec cat_defaults;
    for (const auto& def : category_params()) reference_row(out, def, cat_defaults);
    framework_reference(out);
    return out.str();
}

} // namespace tendersim
