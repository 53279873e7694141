// Every registry row says where its default comes from (sourced, calibrated, assumed or the user's
// setting), and the plausible ranges the robustness analysis varies are usable: finite, around
// the default and inside the allowed range.
#include "core/param_origin.hpp"
#include "core/params.hpp"
#include "io/params_docs.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

using namespace tendersim;

namespace {

// A registry row is built from a ParamOrigin made by sourced(), calibrated(), assumed() or
// setting(): bare source text does not convert, so a row without a basis does not compile.
static_assert(!std::is_convertible_v<const char*, ParamOrigin>);
static_assert(!std::is_convertible_v<std::string_view, ParamOrigin>);

template <class Def, class Target> double numeric_value(const Def& def, Target& target) {
    switch (def.kind) {
    case ParamKind::Real:
        return def.real(target);
    case ParamKind::Int:
        return static_cast<double>(def.integer(target));
    case ParamKind::Bool:
        return def.boolean(target) ? 1.0 : 0.0;
    case ParamKind::Choice:
        break;
    }
    return 0.0;
}

bool is_known_basis(ParamBasis basis) {
    return basis == ParamBasis::Sourced || basis == ParamBasis::Calibrated ||
           basis == ParamBasis::Assumed || basis == ParamBasis::Setting;
}

// Checks one row against the defaults it is documented with (several for category rows: the
// default CategorySpec and each default category).
template <class Def, class Target> void check_row(const Def& def, std::vector<Target> defaults) {
    CAPTURE(def.key);
    const ParamOrigin& origin = def.origin;
    CHECK(is_known_basis(origin.basis));
    CHECK(!origin.source.empty());
    const bool needs_range =
        origin.basis == ParamBasis::Assumed || origin.basis == ParamBasis::Calibrated;
    if (needs_range) {
        CHECK(origin.has_range());
        CHECK(def.kind != ParamKind::Choice); // a range of words means nothing
    }
    if (origin.basis == ParamBasis::Setting) CHECK(!origin.has_range());
    if (!origin.has_range()) return;
    CHECK(std::isfinite(origin.plausible_lo));
    CHECK(std::isfinite(origin.plausible_hi));
    CHECK(def.min <= origin.plausible_lo);
    CHECK(origin.plausible_lo <= origin.plausible_hi);
    CHECK(origin.plausible_hi <= def.max);
    if (def.kind == ParamKind::Choice) return;
    for (Target& target : defaults) {
        const double value = numeric_value(def, target);
        CAPTURE(value);
        CHECK(origin.plausible_lo <= value);
        CHECK(value <= origin.plausible_hi);
    }
}

} // namespace

TEST_CASE("every scenario parameter has a basis and a usable plausible range") {
    for (const ParamDef& def : scenario_params()) check_row(def, std::vector<ScenarioSpec>(1));
}

TEST_CASE("every category parameter has a basis and a range holding every default category") {
    std::vector<CategorySpec> defaults = default_categories();
    defaults.emplace_back(); // the defaults of a [[category]] that sets nothing
    REQUIRE(defaults.size() == 9);
    for (const CategoryParamDef& def : category_params()) check_row(def, defaults);
}

TEST_CASE("run controls and market size are settings, policy levers mostly settings") {
    int run_rows = 0;
    int policy_rows = 0;
    int policy_settings = 0;
    for (const ParamDef& def : scenario_params()) {
        CAPTURE(def.key);
        if (def.key.starts_with("run.")) {
            ++run_rows;
            CHECK(def.origin.basis == ParamBasis::Setting);
        }
        if (def.key == "market.regions" || def.key == "market.councils" ||
            def.key == "market.suppliers")
            CHECK(def.origin.basis == ParamBasis::Setting);
        if (def.key.starts_with("policy.")) {
            ++policy_rows;
            if (def.origin.basis == ParamBasis::Setting) ++policy_settings;
        }
    }
    CHECK(run_rows == 5); // years, burn-in, seed, replicates, calendar start year
    // Two policy rows are not levers: the cost of a lot (assumed) and the reserve ratio, which
    // was calibrated (docs/calibration.md).
    CHECK(policy_settings == policy_rows - 2);
    CHECK(find_param("policy.reserve_ratio")->origin.basis == ParamBasis::Calibrated);
    CHECK(find_param("policy.lot_admin_cost_gbp")->origin.basis == ParamBasis::Assumed);
}

TEST_CASE("calibrated parameters name the validation targets that pin them") {
    const std::vector<std::string_view> targets = {
        "single_bid_share", "bids_per_tender",    "sme_share_direct",   "local_share",
        "bid_cost_share",   "single_bid_premium", "incumbent_win_rate", "entrant_survival_3y"};
    int calibrated = 0;
    const auto names_a_target = [&](std::string_view source) {
        for (const auto target : targets)
            if (source.find(target) != std::string_view::npos) return true;
        return false;
    };
    for (const ParamDef& def : scenario_params()) {
        if (def.origin.basis != ParamBasis::Calibrated) continue;
        CAPTURE(def.key);
        ++calibrated;
        CHECK(names_a_target(def.origin.source));
    }
    for (const CategoryParamDef& def : category_params()) {
        if (def.origin.basis != ParamBasis::Calibrated) continue;
        CAPTURE(def.key);
        ++calibrated;
        CHECK(names_a_target(def.origin.source));
    }
    // the three of the grid search and the two of the random search at least
    CHECK(find_param("market.sme_two_region_share")->origin.basis == ParamBasis::Calibrated);
    CHECK(find_param("suppliers.large_cost_premium")->origin.basis == ParamBasis::Calibrated);
    CHECK(find_param("bidding.attention")->origin.basis == ParamBasis::Calibrated);
    CHECK(find_param("bidding.job_fit_sd")->origin.basis == ParamBasis::Calibrated);
    CHECK(calibrated >= 5);
}

TEST_CASE("the parameter reference lists each basis, its count and the plausible ranges") {
    const std::string doc = parameter_reference_markdown();
    int counts[4] = {};
    for (const ParamDef& def : scenario_params()) ++counts[static_cast<int>(def.origin.basis)];
    for (const CategoryParamDef& def : category_params())
        ++counts[static_cast<int>(def.origin.basis)];
    for (const ParamBasis basis :
         {ParamBasis::Sourced, ParamBasis::Calibrated, ParamBasis::Assumed, ParamBasis::Setting}) {
        const std::string word(basis_word(basis));
        CAPTURE(word);
        CHECK(counts[static_cast<int>(basis)] > 0);
        CHECK(doc.find(" | " + word + " | ") != std::string::npos);
        CHECK(doc.find("**" + word + "**") != std::string::npos); // explained
    }
    CHECK(doc.find("Basis of the defaults (scenario and category parameters): " +
                   std::to_string(counts[0]) + " sourced, " + std::to_string(counts[1]) +
                   " calibrated, " + std::to_string(counts[2]) + " assumed, " +
                   std::to_string(counts[3]) + " setting.") != std::string::npos);
    CHECK(
        doc.find("| `bidding.attention` | real | - | 1.5 | 0 to 100 | calibrated | 1.2 to 1.8 |") !=
        std::string::npos);
    CHECK(
        doc.find("| `run.seed` | integer | - | 20240601 | 0 to 9007199254740991 | setting | - |") !=
        std::string::npos);
}

TEST_CASE("a generated scenario file gives each parameter's basis in its comment") {
    ScenarioSpec spec;
    spec.categories = default_categories();
    const std::string toml = scenario_toml(spec, "#");
    CHECK(toml.find("#   calibrated (plausible 1.2 to 1.8): sme_share_direct") !=
          std::string::npos);
    CHECK(toml.find("#   setting: run control\nyears = 20") != std::string::npos);
    CHECK(toml.find("#   sourced: National TOMs 2017") != std::string::npos);
    CHECK(toml.find("#   assumed (plausible 0.1 to 0.6): no source; local firms") !=
          std::string::npos);
}
