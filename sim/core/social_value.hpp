#pragma once
// Social value as units of National TOMs measures valued at proxy prices. A supplier's offer is
// sized in GBP at the reference (National TOMs 2017) proxies; the scenario's proxies then price
// those units, so a council that values carbon more rewards the suppliers whose offer is carbon.
#include "market.hpp"
#include "rng.hpp"

namespace tendersim {

struct SocialValueUnits {
    double job_years = 0;       // FTE years of employment for disabled people
    double carbon_tonnes = 0;   // tonnes of transport CO2 saved
    double community_hours = 0; // volunteer hours
};

// Draws supplier i's mix across the measures (its own stream, so other draws are unchanged).
void draw_social_value_mix(Market& m, std::size_t i);

// GBP value of supplier i's offer at the scenario's proxies per GBP at the reference proxies:
// exactly 1 when the scenario keeps the reference proxies.
double proxy_value_factor(const Market& m, std::size_t i);

// The units behind `gbp` of social value (at the scenario's proxies) from supplier i.
SocialValueUnits units_of(const Market& m, std::size_t i, double gbp);

} // namespace tendersim
