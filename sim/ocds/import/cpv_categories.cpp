#include "cpv_categories.hpp"

#include <cctype>

namespace tendersim::ocds {

namespace {
// Longest prefix wins, so a narrower code can override its division (72220000 IT consultancy
// inside 72 IT services). Divisions not listed are outside the modelled (council IT and
// support-services) market.
constexpr int kIct = 0, kSoftware = 1, kDigital = 2, kBackOffice = 3, kFacilities = 4,
              kSocialCare = 5, kTelecoms = 6, kConsultancy = 7;
constexpr CpvRule kRules[] = {
    {"302", kIct, "computer equipment and supplies"},
    {"324", kIct, "networks (network equipment)"},
    {"725", kIct, "computer-related and support services"},
    {"7254", kIct, "computer upgrade services"},
    {"48", kSoftware, "software packages and information systems"},
    {"72", kDigital, "IT services: consulting, software development, Internet and support"},
    {"7222", kConsultancy, "systems and technical consultancy services"},
    {"7224", kDigital, "systems analysis and programming services"},
    {"724", kTelecoms, "Internet services"},
    {"32", kTelecoms, "radio, television, communication, telecommunication equipment"},
    {"642", kTelecoms, "telecommunications services"},
    {"6421", kTelecoms, "telephone and data transmission services"},
    {"792", kBackOffice, "accounting, auditing and fiscal services"},
    {"796", kBackOffice, "recruitment and personnel services"},
    {"7951", kBackOffice, "telephone answering (contact centre) services"},
    {"798", kBackOffice, "printing and related services"},
    {"665", kBackOffice, "insurance services"},
    {"661", kBackOffice, "banking and investment services"},
    {"794", kConsultancy, "business and management consultancy"},
    {"73", kConsultancy, "research and development services and consultancy"},
    {"791", kConsultancy, "legal services"},
    {"50", kFacilities, "repair and maintenance services"},
    {"909", kFacilities, "cleaning and sanitation services"},
    {"797", kFacilities, "investigation and security services"},
    {"555", kFacilities, "canteen and catering services"},
    {"773", kFacilities, "horticultural (grounds maintenance) services"},
    {"70", kFacilities, "real estate (property management) services"},
    {"853", kSocialCare, "social work and related services"},
    {"3319", kSocialCare, "miscellaneous medical devices (assistive technology)"},
    {"8532", kSocialCare, "social services"},
};
} // namespace

std::span<const CpvRule> cpv_rules() {
    return kRules;
}

std::optional<std::string> cpv_digits(std::string_view code) {
    std::size_t i = 0;
    while (i < code.size() && code[i] == ' ') ++i;
    std::string digits;
    for (; i < code.size() && digits.size() < 8; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(code[i]))) break;
        digits.push_back(code[i]);
    }
    if (digits.size() != 8) return std::nullopt;
    return digits;
}

int category_of_cpv(std::string_view digits) {
    int best = -1;
    std::size_t best_len = 0;
    for (const CpvRule& r : kRules) {
        if (r.prefix.size() > best_len && digits.substr(0, r.prefix.size()) == r.prefix) {
            best = r.category;
            best_len = r.prefix.size();
        }
    }
    return best;
}

} // namespace tendersim::ocds
