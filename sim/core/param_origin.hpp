#pragma once
// Where a parameter's default comes from. Every registry row (sim/core/params.cpp) takes one, made
// by exactly one of the helpers below, so a new parameter cannot be added without saying whether
// its default is sourced, calibrated, assumed or the user's setting. The robustness analysis uses
// the plausible ranges of the assumed and calibrated ones.
#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>

namespace tendersim {

enum class ParamBasis : std::uint8_t {
    Sourced,    // taken from a published figure or rule (the source names it)
    Calibrated, // set so that `tendersim validate` passes (the source names the targets)
    Assumed,    // the modellers' judgement: no source pins it and no target pins it
    Setting,    // the user's choice, not a fact about the world (run controls, market size, levers)
};

struct ParamOrigin {
    ParamBasis basis;
    // The range the value could plausibly take; NaN when none is given (settings; sourced
    // parameters whose source gives a single figure).
    double plausible_lo;
    double plausible_hi;
    // Citation (sourced), the validation targets that pin it (calibrated), why this value and
    // range (assumed), or what kind of choice it is (setting).
    std::string_view source;

    bool has_range() const { return !std::isnan(plausible_lo) && !std::isnan(plausible_hi); }
};

inline constexpr double kNoBound = std::numeric_limits<double>::quiet_NaN();

constexpr ParamOrigin sourced(std::string_view citation) {
    return {ParamBasis::Sourced, kNoBound, kNoBound, citation};
}
constexpr ParamOrigin sourced(double lo, double hi, std::string_view citation) {
    return {ParamBasis::Sourced, lo, hi, citation};
}
constexpr ParamOrigin calibrated(double lo, double hi, std::string_view targets) {
    return {ParamBasis::Calibrated, lo, hi, targets};
}
constexpr ParamOrigin assumed(double lo, double hi, std::string_view why) {
    return {ParamBasis::Assumed, lo, hi, why};
}
constexpr ParamOrigin setting(std::string_view what) {
    return {ParamBasis::Setting, kNoBound, kNoBound, what};
}

// "sourced", "calibrated", "assumed" or "setting".
constexpr std::string_view basis_word(ParamBasis basis) {
    switch (basis) {
    case ParamBasis::Sourced:
        return "sourced";
    case ParamBasis::Calibrated:
        return "calibrated";
    case ParamBasis::Assumed:
        return "assumed";
    case ParamBasis::Setting:
        return "setting";
    }
    return "";
}

} // namespace tendersim
