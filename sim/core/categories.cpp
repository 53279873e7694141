#include "spec.hpp"

namespace tendersim {

// Service categories named in the model brief (section 2). Annual values and durations are
// modelling assumptions shaped by UK guidance: commodity IT short, services 3-7 years.
std::vector<CategorySpec> default_categories() {
    auto make = [](const char* name, double share, double median, double sigma, int dmin, int dmax,
                   double complexity, double scale, double innovation, double custom,
                   bool back_office) {
        CategorySpec c;
        c.name = name;
        c.spend_share = share;
        c.value_median_gbp = median;
        c.value_sigma = sigma;
        c.duration_min_years = dmin;
        c.duration_max_years = dmax;
        c.complexity = complexity;
        c.scale_economies = scale;
        c.innovation_potential = innovation;
        c.custom_share = custom;
        c.back_office = back_office;
        return c;
    };
    return {
        make("ict-infrastructure", 0.18, 220'000, 1.0, 1, 3, 0.3, 0.10, 0.2, 0.1, false),
        make("software-saas", 0.14, 90'000, 1.0, 2, 5, 0.4, 0.06, 0.5, 0.3, false),
        make("digital-services", 0.12, 120'000, 1.1, 1, 3, 0.6, 0.04, 0.7, 0.2, false),
        make("back-office", 0.12, 260'000, 1.0, 3, 7, 0.5, 0.12, 0.3, 0.6, true),
        make("facilities", 0.18, 180'000, 1.0, 3, 7, 0.3, 0.08, 0.2, 0.0, false),
        make("social-care-tech", 0.10, 70'000, 1.0, 2, 5, 0.5, 0.05, 0.6, 0.2, false),
        make("telecoms", 0.08, 150'000, 0.9, 2, 5, 0.3, 0.10, 0.2, 0.1, false),
        make("consultancy", 0.08, 60'000, 1.1, 1, 2, 0.5, 0.03, 0.5, 0.0, false),
    };
}

} // namespace tendersim
