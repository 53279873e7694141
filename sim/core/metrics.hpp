#pragma once
// Yearly market metrics, computed from the market and the year's scratch after all phases ran;
// never feeds back into the model. Names, titles, units and definitions: metric_registry.hpp
// (printed as docs/metrics.md).
#include "market.hpp"
#include "year_state.hpp"

#include <array>
#include <string>
#include <vector>

namespace tendersim {

class Executor; // parallel.hpp (oneTBB): only the .cpp files that run kernels include it

struct Concentration {
    double hhi = 0;          // Herfindahl-Hirschman index of spend shares, 0-10,000
    double top5_share = 0;   // share of spend with the five largest suppliers
    double top150_share = 0; // ... with the 150 largest (Tussell's UK public-sector IT figure)
};

// One framework's figures (a partnership framework's instances together), for the
// per-framework metrics.
struct FrameworkFigures {
    double members = 0;                // live memberships of its lots while in term
    double never_called_off_share = 0; // of those, never won a call-off this term
    double sme_share = 0;              // SMEs' share of the annual value of its running call-offs
};

struct YearMetrics {
    std::int32_t year = 0;
    double tenders = 0;
    double awards = 0;
    double unawarded = 0;
    double extensions = 0;
    double total_spend_gbp = 0;
    double price_index = 0;
    double bids_per_tender = 0;
    double single_bid_share = 0;
    double sme_bid_share = 0;
    double sme_share_direct = 0;
    double local_share = 0;
    double social_value_promised_gbp = 0;       // over the lives of this year's new contracts
    double social_value_promised_per_pound = 0; // per GBP awarded this year
    double social_value_delivered_gbp = 0;
    double social_value_delivered_per_pound = 0;
    double quality_delivered = 0;
    Concentration overall;
    std::vector<Concentration> by_category;
    double active_suppliers_sme = 0;
    double active_suppliers_large = 0;
    double entries = 0;
    double exits = 0;
    double sme_to_large = 0;
    // population
    double exits_idle = 0;           // of exits, after years without revenue
    double potential_entrants = 0;   // would-be entrants that weighed entry
    double entrant_survival_3y = 0;  // of suppliers that entered 3 years ago, the share alive
    double entrant_win_share_3y = 0; // ... the share that has won a contract since
    double idle_sme_share = 0;       // living SMEs holding no contract
    double needs_carried = 0;        // new needs carried to next year (team at capacity)
    double incumbent_win_rate = 0;
    double incumbent_chance_rate = 0; // what the incumbent would win if awards were a lottery
    double price_to_estimate = 0;     // winning price / the council's estimate
    double single_bid_premium = 0;    // price_to_estimate with one bid over that with several, - 1
    double no_bid_share = 0;          // tenders that drew no bid
    double failed_tender_share = 0;   // tenders whose every bid was above the reserve
    double contract_failures = 0;
    double council_procurement_cost_gbp = 0;
    double supplier_bid_cost_gbp = 0;
    double bid_cost_share = 0;      // mean cost of a bid as a share of the contract's value
    double mean_contract_years = 0; // of contracts awarded this year
    double abnormally_low_flagged = 0;
    double abnormally_low_rejected = 0;
    double mean_markup = 0;   // over active suppliers
    double bid_decisions = 0; // bid/no-bid decisions taken (for benchmarks)
    // Policy levers
    double outcome_spec_share = 0;        // tenders specified by outcome
    double innovation_adoption_share = 0; // awards bringing a new solution
    double switching_rate = 0;            // re-lets won by a new supplier
    double outcome_payment_withheld_gbp = 0;
    double extra_lots = 0;
    double reserved_share = 0;     // tenders reserved for SMEs
    double sme_win_rate = 0;       // SME awards / SME bids
    double sme_share_indirect = 0; // spend reaching SMEs as subcontractors of large primes
    double sme_share_total = 0;    // direct + indirect
    double joint_tenders = 0;
    double merged_needs = 0;
    double partnerships = 0;
    double mean_partnership_size = 0;
    double mean_contract_value_gbp = 0; // mean annual value of contracts awarded this year
    double subcontract_value_gbp = 0;
    double subcontract_sme_share = 0;       // of subcontract value, the share reaching SMEs
    double smes_in_supply_chain = 0;        // distinct SMEs paid as subcontractors this year
    double primes_subcontracting = 0;       // distinct primes paying subcontractors
    double social_value_delivery_ratio = 0; // delivered / promised on running contracts
    double social_value_sme_share = 0;      // of social value delivered, the share SMEs delivered
    double social_value_local_share = 0;    // ... the share local suppliers delivered
    double social_value_job_years = 0;      // delivered, in units of the National TOMs measures
    double social_value_carbon_tonnes = 0;
    double social_value_community_hours = 0;
    double monitored_shortfalls = 0;
    // Procurement routes (docs/ODD.md 7.20)
    std::array<double, kRoutes> route_spend_share{}; // of the year's awarded value, by Route
    double call_off_sme_share = 0; // of call-offs' awarded value, the share won by SMEs
    double framework_hhi = 0;      // concentration of running call-off spend among suppliers
    double framework_members = 0;  // live memberships of the lots of frameworks in term
    double framework_never_called_off_share = 0; // of those, never won a call-off this term
    double framework_applications = 0;
    double framework_appointments = 0;
    double framework_fees_gbp = 0;
    double onboarding_cost_gbp = 0;
    std::array<double, kRoutes> route_bid_cost_gbp{}; // suppliers' bid costs by Route
    std::vector<FrameworkFigures> by_framework;       // ScenarioSpec::frameworks order
};

// The route figures of y (route_metrics.cpp).
void route_metrics(const Market& m, const YearState& ys, YearMetrics& y);

YearMetrics compute_metrics(const Market& m, const YearState& ys, Executor& exec);

// Metric rows in the registry's order: ("tenders", value), ..., ("hhi.back-office", value), ...
std::vector<std::pair<std::string, double>> metric_rows(const YearMetrics& y,
                                                        const ScenarioSpec& spec);

} // namespace tendersim
