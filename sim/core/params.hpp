#pragma once
// The parameter registry: one definition per scenario parameter (key, type, unit, range, meaning,
// where the default comes from). The loader validates against it, the manifest echoes it and the
// parameter reference in docs/ is generated from it, so the three cannot drift apart.
#include "param_origin.hpp"
#include "spec.hpp"
#include "text/text.hpp" // format_number: how every parameter value is written

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace tendersim {

enum class ParamKind : std::uint8_t { Real, Int, Bool, Choice };

template <class Target> struct ParamDefT {
    std::string_view key; // dotted for scenario params ("evaluation.price_weight")
    ParamKind kind;
    std::string_view unit;
    double min;
    double max;
    std::string_view meaning;
    ParamOrigin origin; // sourced, calibrated, assumed or a setting, with its plausible range
    double& (*real)(Target&) = nullptr;
    std::int64_t& (*integer)(Target&) = nullptr;
    bool& (*boolean)(Target&) = nullptr;
    // Choice parameters: allowed words separated by '|', read and written as text.
    std::string_view choices = {};
    std::string (*get_choice)(const Target&) = nullptr;
    bool (*set_choice)(Target&, std::string_view) = nullptr;
};

using ParamDef = ParamDefT<ScenarioSpec>;
using CategoryParamDef = ParamDefT<CategorySpec>;

std::span<const ParamDef> scenario_params();
std::span<const CategoryParamDef> category_params();

const ParamDef* find_param(std::string_view key);
const CategoryParamDef* find_category_param(std::string_view key);

// Value of a parameter as text (for manifests and reports); numbers in shortest round-trip form.
std::string param_value_text(const ParamDef& def, const ScenarioSpec& spec);
std::string param_value_text(const CategoryParamDef& def, const CategorySpec& category);
// An [[adopt]] entry's scope as written in scenario files: "all", "region" or "councils".
const char* scope_word(Adoption::Scope scope);

} // namespace tendersim
