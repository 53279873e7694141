#include "category_cpv.hpp"

namespace tendersim::ocds {
namespace {

constexpr CategoryCpv kCodes[] = {
    {"ict-infrastructure", "30200000", "Computer equipment and supplies", "goods"},
    {"software-saas", "48000000", "Software package and information systems", "goods"},
    {"digital-services", "72000000",
     "IT services: consulting, software development, Internet and support", "services"},
    {"back-office", "79200000", "Accounting, auditing and fiscal services", "services"},
    {"facilities", "50000000", "Repair and maintenance services", "services"},
    {"social-care-tech", "85300000", "Social work and related services", "services"},
    {"telecoms", "64200000", "Telecommunications services", "services"},
    {"consultancy", "79400000", "Business and management consultancy and related services",
     "services"},
};

} // namespace

const CategoryCpv* category_cpv(std::string_view category) {
    for (const CategoryCpv& c : kCodes)
        if (c.category == category) return &c;
    return nullptr;
}

} // namespace tendersim::ocds
