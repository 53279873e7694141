#include "market_size.hpp"

#include "market.hpp"
#include "money.hpp"
#include "tender.hpp"
#include "year_state.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace tendersim {

namespace {

double lognormal_mean(double median, double sigma) {
    return median * std::exp(0.5 * sigma * sigma);
}

// Six standard deviations up the lognormal: about one draw in a billion goes further.
double lognormal_tail(double median, double sigma) {
    return median * std::exp(6.0 * sigma);
}

// The smallest lot threshold any council will use (0: none lots), over the base policy and every
// adoption, since a later adoption can divide tenders more finely than the start.
double finest_lot_threshold(const ScenarioSpec& spec) {
    double finest = spec.policy.lot_threshold_gbp;
    for (const auto& a : spec.adoptions)
        for (const auto& key : a.keys)
            if (key == "lot_threshold_gbp" && a.patch.lot_threshold_gbp > 0.0)
                finest = finest > 0.0 ? std::min(finest, a.patch.lot_threshold_gbp)
                                      : a.patch.lot_threshold_gbp;
    return finest;
}

std::string gib(double bytes) {
    std::ostringstream out;
    out.precision(3);
    out << bytes / (1024.0 * 1024.0 * 1024.0) << " GiB";
    return out.str();
}

std::string count(double n) {
    std::ostringstream out;
    out.precision(3);
    out << n;
    return out.str();
}

} // namespace

MarketSizeEstimate estimate_market_size(const ScenarioSpec& spec) {
    MarketSizeEstimate e;
    const auto& mk = spec.market;
    const double councils = static_cast<double>(mk.councils);
    const double spend_per_council =
        lognormal_mean(mk.council_population_median, mk.council_population_sigma) *
        mk.spend_per_capita_gbp;
    e.yearly_spend_gbp = councils * spend_per_council;
    double share_total = 0;
    for (const auto& c : spec.categories) share_total += c.spend_share;
    const double lot = finest_lot_threshold(spec);
    double highest_markup = std::max(spec.suppliers.markup_max, spec.suppliers.initial_markup);
    highest_markup = (1.0 + highest_markup) * (1.0 + spec.levers.outcome_risk_premium);
    for (const auto& c : spec.categories) {
        const double mean_value = lognormal_mean(c.value_median_gbp, c.value_sigma);
        const double share = share_total > 0 ? c.spend_share / share_total : 0.0;
        // A council draws contracts until its spend is covered, so at least one per category.
        const double needs = councils * (spend_per_council * share / mean_value + 1.0);
        // Each tender above the lot threshold becomes ceil(value / threshold) lots, and each lot
        // becomes a contract of its own.
        const double lots = lot > 0.0 ? mean_value / lot + 1.0 : 1.0;
        const double duration =
            0.5 * static_cast<double>(c.duration_min_years + c.duration_max_years);
        e.contracts += needs * lots;
        e.tenders_per_year += needs * lots / duration;
        e.largest_contract_gbp = std::max(
            e.largest_contract_gbp, lognormal_tail(c.value_median_gbp, c.value_sigma) *
                                        highest_markup * static_cast<double>(c.duration_max_years));
    }
    const auto& sp = spec.suppliers;
    e.largest_capacity_gbp = std::max(sp.sme_capacity_median_gbp, sp.large_capacity_median_gbp) *
                             std::exp(6.0 * sp.capacity_sigma) *
                             std::max(1.0, sp.initial_cash_share);
    e.suppliers = static_cast<double>(mk.suppliers);
    // Contracts and their delivery slots live all run; each year's tenders and outcomes live for
    // the year. Vectors may hold up to twice what they use while they grow.
    constexpr double kPerSupplier = 160.0; // the supplier arrays (market.hpp), per supplier
    e.bytes =
        2.0 * e.contracts * static_cast<double>(sizeof(Contract) + sizeof(DeliveryResult)) +
        2.0 * e.tenders_per_year * static_cast<double>(sizeof(Tender) + sizeof(TenderOutcome)) +
        e.suppliers * kPerSupplier;
    return e;
}

void check_market_fits(const ScenarioSpec& spec) {
    const MarketSizeEstimate e = estimate_market_size(spec);
    const double max_gbp = gbp(kMaxPence);
    std::ostringstream why;
    if (!(e.bytes <= kMaxMarketBytes)) {
        why << "scenario '" << spec.name << "' would need about " << gib(e.bytes) << " of memory ("
            << count(e.contracts) << " contracts, " << count(e.tenders_per_year)
            << " tenders a year, " << count(e.suppliers) << " suppliers); the limit is "
            << gib(kMaxMarketBytes)
            << ". Fewer or smaller councils (market.councils, council_population_median, "
               "spend_per_capita_gbp), larger contracts (value_median_gbp) or a higher "
               "policy.lot_threshold_gbp make it smaller";
    } else if (!(e.largest_contract_gbp <= max_gbp)) {
        why << "scenario '" << spec.name << "': a contract could be worth GBP "
            << count(e.largest_contract_gbp)
            << " (value_median_gbp and value_sigma six spreads up, times the highest markup and "
               "the longest duration); money is exact only up to GBP "
            << count(max_gbp) << ". Lower value_median_gbp, value_sigma or duration_max_years";
    } else if (!(e.largest_capacity_gbp <= max_gbp)) {
        why << "scenario '" << spec.name << "': a supplier's capacity or cash could reach GBP "
            << count(e.largest_capacity_gbp)
            << " (capacity median six spreads up, times initial_cash_share); money is exact only "
               "up to GBP "
            << count(max_gbp)
            << ". Lower the capacity medians, capacity_sigma or initial_cash_share";
    } else {
        return;
    }
    throw MarketTooLarge(why.str());
}

} // namespace tendersim
