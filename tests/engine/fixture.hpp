#pragma once
// Small hand-built markets for mechanism tests.
#include "core/spec.hpp"

namespace tendersim::test {

// One region, one category, a few suppliers that all read every notice.
inline ScenarioSpec tiny_spec(std::int64_t suppliers = 8, std::int64_t councils = 2) {
    ScenarioSpec spec;
    spec.name = "tiny";
    spec.market.regions = 1;
    spec.market.councils = councils;
    spec.market.suppliers = suppliers;
    spec.market.large_reach_regions = 1;
    spec.market.categories_per_supplier = 1;
    spec.bidding.attention = 100; // everyone reads every notice
    CategorySpec cat;
    cat.name = "ict";
    cat.spend_share = 1;
    cat.value_median_gbp = 50'000;
    cat.value_sigma = 0.3;
    spec.categories = {cat};
    return spec;
}

} // namespace tendersim::test
