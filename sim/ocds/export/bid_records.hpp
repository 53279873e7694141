#pragma once
// What became of each bid of a tender, from the year's bid log: its rank among the admissible
// bids, whether it won, lost or was rejected, and why. Shared by bids.csv and the OCDS export so
// the two always agree.
#include "core/tender.hpp"

#include <array>
#include <cstdint>
#include <span>

namespace tendersim::ocds {

enum class BidStatus : std::uint8_t { Won, Lost, Rejected };

// Why a bid did not win (None for the winner).
enum class BidReason : std::uint8_t {
    None,
    OverReserve,    // priced above the reserve
    AbnormallyLow,  // rejected as abnormally low
    NoCapacity,     // ranked above the winner (or shortlisted, no winner) but had no room at award
    Outscored,      // ranked below the winner
    NotShortlisted, // admissible, but below the shortlist the award reads, and nobody won
};

struct BidRecord {
    std::uint16_t rank = 0; // 1..k among the admissible bids; 0 for a rejected bid
    BidStatus status = BidStatus::Lost;
    BidReason reason = BidReason::None;
};

const char* status_name(BidStatus s); // "won", "lost", "rejected"
const char* reason_name(BidReason r); // "", "over_reserve", "abnormally_low", "no_capacity", ...

// Classifies a tender's logged bids (in log order) into `out` (at least bids.size() entries).
// Ranks use the evaluator's own order (rank_bids), so rank 1..shortlisted is the shortlist.
void classify_bids(const TenderOutcome& outcome, std::span<const Bid> bids,
                   std::span<BidRecord> out);

} // namespace tendersim::ocds
