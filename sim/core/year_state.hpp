#pragma once
// Scratch of one simulated year: the tenders, per-contract delivery slots, and counters the
// monitor turns into metrics. Buffers are reused from year to year.
#include "money.hpp"
#include "pricing.hpp"
#include "rng.hpp"
#include "tender.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace tendersim {

// Fields ordered largest first so the record packs into 64 bytes: several phases stream
// through one per contract.
struct DeliveryResult {
    Pence paid = 0;
    Pence withheld = 0; // outcome-linked payment not earned
    Pence subcontract_paid = 0;
    Pence subcontract_cost = 0;
    Pence cost = 0;
    Pence sv_delivered = 0;
    double fail_draw =
        0; // the contract's uniform draw for failure, decided once workloads are known
    float quality_delivered = 0;
    std::uint8_t shortfall = 0; // monitored social-value shortfall
    std::uint8_t failed = 0;
};
static_assert(sizeof(DeliveryResult) == 64, "one cache line per contract's delivery");

struct YearCounters {
    std::int64_t relets = 0;
    std::int64_t relets_won_by_incumbent = 0;
    std::int64_t relets_awarded = 0;
    std::int64_t awards = 0;
    std::int64_t unawarded = 0;
    std::int64_t extensions = 0;
    std::int64_t ended_needs = 0;
    std::int64_t new_needs = 0;
    std::int64_t failures = 0;
    std::int64_t entries = 0;
    std::int64_t exits = 0;
    std::int64_t growths = 0;
    std::int64_t award_years = 0;  // sum of awarded contract lengths
    Pence awarded_total_value = 0; // annual price x years of new awards
    Pence sv_promised_total = 0;   // social value promised over new contracts' lives
    Pence council_procurement_cost = 0;
    double award_markup_sum = 0;   // sum of (price - own cost) / own cost over awards
    std::int64_t merged_needs = 0; // needs folded into a partnership's joint tender
    std::int64_t extra_lots = 0;   // tenders added by dividing needs into lots
    std::int64_t innovative_awards = 0;
    std::int64_t sme_awards = 0;
    std::int64_t monitored_shortfalls = 0;
    Pence outcome_withheld = 0;         // outcome-linked payments not made
    Pence awarded_annual_value = 0;     // sum of annual prices awarded
    std::int64_t no_admissible_bid = 0; // tenders with bids, all above the reserve: re-advertised
    std::int64_t over_reserve_bids = 0; // bids rejected for exceeding the reserve
    // population
    std::int64_t exits_idle = 0;         // of exits, after dynamics.exit_idle_years without revenue
    std::int64_t potential_entrants = 0; // would-be entrants that weighed entry
    std::int64_t carried_needs = 0;      // new needs carried to next year (team at capacity)
    // routes (docs/ODD.md 7.20), indexed by Route
    std::array<std::int64_t, kRoutes> route_awards{};
    std::array<Pence, kRoutes> route_value{};     // total value of the year's awards by route
    std::array<Pence, kRoutes> route_bid_costs{}; // suppliers' bid costs by route
    Pence call_off_sme_value = 0;                 // of call-offs' total value, won by SMEs
    std::int64_t framework_applications = 0;      // applications to framework lots this year
    std::int64_t framework_appointments = 0;      // of which appointed
    Pence onboarding_costs = 0;                   // suppliers' costs of those applications
    Pence framework_fees = 0;                     // fees paid to framework owners this year
    void reset() { *this = YearCounters{}; }
};

// Opt-in record of every bid of the year, for the per-bid log and the OCDS export. Off by default:
// then nothing is allocated and bidding uses its per-thread scratch as before. On: kMaxBids slots
// per tender, grown (never shrunk) once a year, so there is no allocation per bid; bidding writes
// each tender's bids straight into that tender's own slots (no two threads share one), where they
// are scored in place. Tender k's bids are its first outcomes[k].bids slots.
struct BidLog {
    bool enabled = false;
    std::vector<Bid> slots;
    void prepare(std::size_t tenders) {
        if (slots.size() < tenders * kMaxBids) slots.resize(tenders * kMaxBids);
    }
    Bid* slot(std::size_t k) { return slots.data() + k * kMaxBids; }
    std::span<const Bid> of(std::size_t k, std::size_t bids) const {
        return {slots.data() + k * kMaxBids, bids};
    }
};

struct YearState {
    YearTenders tenders;
    std::vector<Stream>
        tender_streams; // needs phase: each contract's tender's stream, for its draws
    std::vector<DeliveryResult> delivery;     // one slot per active contract
    std::vector<std::uint8_t> supplier_event; // 1 exit, 2 SME -> large, 3 idle exit
    std::vector<Pence> supplier_workload;     // contract value delivered, overruns included
    std::vector<RivalBelief> pricing;         // per market (Market::record_index), this year
    YearCounters counters;
    BidLog bid_log; // every bid of the year, when enabled (Simulation::set_bid_log)
};

} // namespace tendersim
