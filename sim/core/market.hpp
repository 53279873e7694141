#pragma once
// The market state. Hot per-entity state lives in dense arrays indexed by typed ids (struct of
// arrays); the phases touch only the columns they need.
#include "ids.hpp"
#include "money.hpp"
#include "pricing.hpp"
#include "spec.hpp"
#include "tender.hpp"

#include <cstdint>
#include <vector>

namespace tendersim {

struct Suppliers {
    // identity and reach (change only on entry or SME -> large growth)
    std::vector<std::uint8_t> alive;
    std::vector<std::uint8_t> is_sme;
    std::vector<std::uint16_t> region;
    std::vector<std::uint16_t> reach;         // regions served: region, region+1, ... (mod R)
    std::vector<std::uint32_t> category_mask; // bit c set: serves category c
    std::vector<std::int32_t> born_year;
    // capability
    std::vector<float> cost_factor;   // unit cost relative to the efficient cost
    std::vector<float> quality;       // 0..1
    std::vector<float> innovation;    // 0..1
    std::vector<float> social_value;  // 0..1 capability
    std::vector<float> sv_mix_job;    // shares of the social-value offer (by value at the
    std::vector<float> sv_mix_carbon; // reference proxies) in each measure; they add up to 1
    std::vector<float> sv_mix_community;
    std::vector<std::uint16_t> bid_capacity;
    // learned state
    std::vector<float> markup;     // mean markup over cost of last year's bids
    std::vector<float> win_belief; // smoothed realised win rate (reported, not used to decide)
    std::vector<float> edge;       // learned shift of its winning chances, in market-spread units
    std::vector<float> reputation; // 0..1, monitored delivery record
    std::vector<float> attention;  // chance of reading an eligible notice this year
    // money and load (pence, pence a year)
    std::vector<Pence> capacity;
    std::vector<Pence> committed;
    std::vector<Pence> cash;
    std::vector<Pence> turnover; // smoothed yearly revenue, used for qualification
    // this year's counters (updated concurrently with atomic adds: integer sums commute)
    std::vector<std::int32_t> bids_year;
    std::vector<std::int32_t> wins_year;
    std::vector<Pence> bid_cost_year;
    std::vector<Pence> revenue_year;
    std::vector<Pence> cost_year;
    std::vector<Pence> subcontract_revenue_year;  // received as a subcontractor (part of revenue)
    std::vector<std::int64_t> expected_wins_year; // sum of its bids' believed win chances, x 1e6
    std::vector<std::int64_t> markup_sum_year;    // sum of its bids' markups over cost, x 1e6
    // population: fixed costs, idleness and the entrant record (docs/ODD.md 7.17-7.18)
    std::vector<Pence> fixed_cost;        // yearly fixed-cost floor (pence a year)
    std::vector<std::int16_t> idle_years; // consecutive years ended with no revenue
    std::vector<std::uint8_t> has_won;    // won at least one contract since entry

    std::size_t size() const { return alive.size(); }
    void resize(std::size_t n);
};

struct Councils {
    std::vector<std::uint16_t> region;
    std::vector<double> population;
    std::vector<std::int32_t> tender_capacity; // tenders a year the team can run
    std::vector<Pence> paid_total;             // cumulative payments (conservation checks)
    std::vector<PolicySpec> policy;            // the policy each council follows this year
    std::vector<std::int32_t> partnership;     // shared back-office partnership, -1 for none
    std::vector<double> steer_threshold;       // reservation threshold while steering (GBP/year)
    std::vector<Pence> paid_year;              // this year's payments, for steering
    std::vector<Pence> paid_sme_year;          // of which reached SMEs (directly or as subs)
    // What the council believes a unit of work costs in each category (price / efficient cost),
    // learned from the bids it sees; index council * categories + category.
    std::vector<float> price_belief;
    std::size_t size() const { return region.size(); }
};

struct Contract {
    CouncilId buyer;
    SupplierId supplier;
    CategoryId category;
    std::int16_t start_year = 0;
    std::int16_t end_year = 0; // inclusive
    std::uint8_t custom = 0;   // built around a custom solution: switching costs on re-let
    std::uint8_t relet_of_failure = 0;
    std::uint8_t outcome_spec = 0; // specified by outcome: payment may depend on it
    std::uint8_t innovative = 0;   // the winner proposed a new solution
    std::uint8_t monitored = 0;    // the buyer checks social-value delivery
    std::uint8_t joint = 0;        // bought jointly by a back-office partnership
    Route route = Route::Open;     // how it was bought
    std::int16_t framework = -1;   // the framework it was called off from (-1: none)
    float fee_share = 0;           // of each payment, owed by the supplier to the framework
    float outcome_payment_share = 0;
    SupplierId subcontractor;    // the prime's subcontractor, if any
    Pence subcontract_price = 0; // paid by the prime to the subcontractor a year
    Pence annual_price = 0;
    Pence efficient_cost = 0; // annual cost at the efficient reference
    Pence supplier_cost = 0;  // winner's own expected annual cost
    Pence sv_promised = 0;    // social value promised a year (GBP proxy, in pence)
    float quality_offered = 0;
    float complexity = 0;
    std::uint32_t need_key = 0; // stable identity of the need across re-lets
};

// A framework or dynamic market as it stands: its lots' categories and appointed members. Members
// of a lot are kept in appointment rank (best first), which is the order of direct award.
struct FrameworkLot {
    std::uint32_t category_mask = 0;
    std::vector<SupplierId> members;
    std::vector<float> rate_markup;       // each member's tendered markup over its cost
    std::vector<std::uint8_t> called_off; // each member has won a call-off this term
};

struct FrameworkState {
    std::size_t spec = 0;            // its definition: ScenarioSpec::frameworks[spec]
    std::vector<CouncilId> councils; // a partnership's framework: the partners (else empty: all)
    bool retired = false;            // its partnership broke up: never competed again
    std::uint32_t region_mask = 0;   // regions whose councils may use it (bit r)
    std::int32_t term_start = -1;    // simulated year of the current term's appointment (-1: none)
    std::int32_t term_end = -1;      // last simulated year of the current term (inclusive)
    std::vector<FrameworkLot> lots;
    bool active(std::int32_t year) const { return term_start >= 0 && year <= term_end; }
};

struct Market {
    ScenarioSpec spec; // frozen copy
    std::uint64_t seed = 0;
    std::int32_t year = 0; // simulated years so far, burn-in included
    // The year users see: burn-in years come before year 1.
    std::int32_t reported_year() const {
        return year - static_cast<std::int32_t>(spec.run.burn_in_years);
    }
    std::size_t regions = 0;
    std::size_t categories = 0;
    Suppliers suppliers;
    Councils councils;
    std::vector<Contract> contracts; // active contracts, kept in a deterministic order
    std::uint32_t next_need_key = 0;
    // Cumulative ledgers for conservation checks.
    Pence ledger_council_paid = 0;
    Pence ledger_supplier_received = 0;
    Pence ledger_prime_paid_subs = 0;
    Pence ledger_subs_received = 0;
    Pence ledger_framework_fees = 0; // fees suppliers paid framework owners on call-offs
    // What each market (category x region) has published of its tenders; index
    // category * regions + region. Competitions among a framework's or dynamic market's members
    // have a record of their own after those (docs/ODD.md 7.20): a call-off draws only members.
    std::vector<MarketRecord> records;
    std::size_t record_index(CategoryId c, std::size_t region) const {
        return c.index() * regions + region;
    }
    std::size_t record_index(CategoryId c, std::size_t region, Route route) const {
        return record_index(c, region) + (is_call_off(route) ? categories * regions : 0);
    }
    // Shared back-office partnerships (members by council id), rebuilt when policies change.
    std::vector<std::vector<CouncilId>> partnerships;
    // Frameworks and dynamic markets: the scenario's, in its order, then partnerships' own
    // frameworks as partnerships form (docs/ODD.md 7.20).
    std::vector<FrameworkState> frameworks;
    const FrameworkSpec& framework_spec(std::size_t f) const {
        return spec.frameworks[frameworks[f].spec];
    }
};

} // namespace tendersim
