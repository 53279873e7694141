#pragma once
// One year's tenders and what happened to each. Tenders are rebuilt every year; each has fixed
// slots for its outcome so parallel phases never share a write target.
#include "ids.hpp"
#include "money.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace tendersim {

// How a need is bought (docs/ODD.md 7.20). Open: a published notice anyone may answer. Quotes: a
// few invited suppliers, below the quote threshold. DirectAward: one supplier, no competition,
// below the direct-award threshold. FrameworkDirect / MiniCompetition: a call-off from a
// framework's lot, awarded to one member by the framework's selection rule or competed among its
// members. DynamicMarket: a call-off competed among a dynamic market's members.
enum class Route : std::uint8_t {
    Open = 0,
    Quotes,
    DirectAward,
    FrameworkDirect,
    MiniCompetition,
    DynamicMarket
};
inline constexpr std::size_t kRoutes = 6;
// As tenders.csv and the metrics' names write it.
inline constexpr const char* route_name(Route r) {
    switch (r) {
    case Route::Open:
        return "open";
    case Route::Quotes:
        return "quotes";
    case Route::DirectAward:
        return "direct_award";
    case Route::FrameworkDirect:
        return "framework_direct";
    case Route::MiniCompetition:
        return "mini_competition";
    case Route::DynamicMarket:
        return "dynamic_market";
    }
    return "open";
}
inline constexpr bool is_call_off(Route r) {
    return r == Route::FrameworkDirect || r == Route::MiniCompetition || r == Route::DynamicMarket;
}

struct Tender {
    CouncilId buyer;
    CategoryId category;
    std::uint16_t region = 0;
    std::uint8_t duration = 1; // years
    std::uint8_t is_relet = 0; // re-let of an expiring contract (has an incumbent)
    std::uint8_t custom = 0;   // the expiring contract was built on a custom system
    std::uint8_t reserved_sme = 0;
    std::uint8_t reserved_local = 0;
    std::uint8_t outcome_spec = 0; // specified by outcome, not product
    std::uint8_t joint = 0;        // partners merged into this tender (0: a single buyer)
    std::uint8_t lot = 0;          // lot number when a need was divided (0: undivided or first)
    std::uint8_t reserve_published = 0; // bidders know the reserve
    Route route = Route::Open;
    std::uint8_t framework_lot = 0; // the lot of `framework` a call-off is made under
    std::int16_t framework = -1;    // Market::frameworks index of a call-off (-1: none)
    float outcome_payment_share = 0;
    SupplierId incumbent;
    SupplierId direct_member;  // a framework's direct award: the member it goes to (design)
    Pence efficient_cost = 0;  // annual cost at the efficient reference
    Pence estimated_value = 0; // the council's estimate of the annual price (published)
    Pence reserve = 0;         // bids above it are inadmissible
    float complexity = 0;
    float price_weight = 0; // weights of the total score; quality takes 1 - price - sv
    float social_value_weight = 0;
    std::uint32_t need_key = 0; // stable identity of the need (common random numbers)
};

// Why a bid was rejected, for the per-bid log (Bid::rejected stays the flag the rules test).
enum class RejectReason : std::uint8_t { None = 0, OverReserve = 1, AbnormallyLow = 2 };

// A bid as the evaluator sees it; also the scratch record while bids are gathered.
struct Bid {
    SupplierId supplier;
    std::uint8_t is_sme = 0;
    std::uint8_t rejected = 0;
    RejectReason reason = RejectReason::None; // set with `rejected` (fits the padding)
    Pence price = 0;                          // annual price offered
    Pence evaluated_price = 0; // price plus the buyer's switching cost where it applies
    Pence own_cost = 0;        // bidder's true expected annual cost (for abnormal-bid checks)
    Pence sv_offer = 0;        // social value promised a year (GBP proxy, pence)
    Pence sv_evaluated = 0;    // the promise as the evaluator credits it (reputation-weighted)
    float quality = 0;         // evaluated quality score 0..1 (offer + evaluator noise)
    float quality_offer = 0;   // quality the bidder offers to deliver
    double score = 0;
};

inline constexpr std::size_t kShortlist = 6; // best bids kept for capacity-constrained award
inline constexpr std::size_t kMaxBids = 64;  // bids read per tender (stack scratch, no heap)

struct TenderOutcome {
    std::uint32_t considered = 0; // bid/no-bid decisions taken
    std::uint16_t bids = 0;
    std::uint16_t sme_bids = 0;
    std::uint16_t abnormal_flagged = 0;
    std::uint16_t abnormal_rejected = 0;
    std::uint32_t bids_over_cap = 0; // would-be bids dropped because `bids` reached kMaxBids
    std::uint8_t shortlisted = 0;
    std::uint16_t over_reserve = 0; // bids rejected for exceeding the reserve
    Pence lowest_price = 0;
    Pence bid_costs = 0;     // what the bidders spent preparing bids for it
    float log_ratio_sum = 0; // published bids: sums of log(price / estimate) and of its square
    float log_ratio_sq_sum = 0;
    float standing_sum = 0; // and of the bids' standings (pricing.hpp)
    float standing_sq_sum = 0;
    std::array<Bid, kShortlist> shortlist{}; // ranked best first
    // set by the award phase
    SupplierId winner;
    std::uint8_t winner_rank = 0;
};

struct YearTenders {
    std::vector<Tender> tenders;
    std::vector<TenderOutcome> outcomes;
    void clear() {
        tenders.clear();
        outcomes.clear();
    }
};

} // namespace tendersim
