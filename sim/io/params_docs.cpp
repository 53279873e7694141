#include "params_docs.hpp"

#include "core/params.hpp"
#include "text/text.hpp"

#include <ostream>
#include <span>
#include <sstream>

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
    return out.str();
}

} // namespace tendersim
