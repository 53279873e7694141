#pragma once
// CPV (Common Procurement Vocabulary, EU Regulation 213/2008) codes onto the scenario's eight
// categories (scenarios/baseline.toml). The table is docs/ocds.md's "CPV -> category" table: the
// longest matching prefix of the 8-digit code wins; codes matching no prefix are outside the
// modelled market (construction, food, fuel, transport, ...) and are counted, not mapped.
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tendersim::ocds {

inline constexpr std::array<std::string_view, 8> kCategoryNames = {
    "ict-infrastructure", "software-saas",    "digital-services", "back-office",
    "facilities",         "social-care-tech", "telecoms",         "consultancy"};

struct CpvRule {
    std::string_view prefix; // leading digits of the CPV code
    int category;            // index into kCategoryNames
    std::string_view meaning;
};

std::span<const CpvRule> cpv_rules();

// The 8 digits of a CPV code as written in OCDS ("32420000-3", "72000000", 72000000); nullopt
// when it does not start with 8 digits.
std::optional<std::string> cpv_digits(std::string_view code);

// The category index of an 8-digit CPV code, or -1 when it is outside the modelled market.
int category_of_cpv(std::string_view digits);

} // namespace tendersim::ocds
