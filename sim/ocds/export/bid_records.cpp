#include "bid_records.hpp"

#include "core/evaluation.hpp"

namespace tendersim::ocds {

const char* status_name(BidStatus s) {
    switch (s) {
    case BidStatus::Won:
        return "won";
    case BidStatus::Lost:
        return "lost";
    case BidStatus::Rejected:
        return "rejected";
    }
    return "lost";
}

const char* reason_name(BidReason r) {
    switch (r) {
    case BidReason::None:
        return "";
    case BidReason::OverReserve:
        return "over_reserve";
    case BidReason::AbnormallyLow:
        return "abnormally_low";
    case BidReason::NoCapacity:
        return "no_capacity";
    case BidReason::Outscored:
        return "outscored";
    case BidReason::NotShortlisted:
        return "not_shortlisted";
    }
    return "";
}

void classify_bids(const TenderOutcome& outcome, std::span<const Bid> bids,
                   std::span<BidRecord> out) {
    std::array<std::uint16_t, kMaxBids> order{};
    const std::size_t admissible = rank_bids(bids, order);
    for (std::size_t k = 0; k < bids.size(); ++k) {
        out[k] = BidRecord{0, BidStatus::Rejected,
                           bids[k].reason == RejectReason::AbnormallyLow ? BidReason::AbnormallyLow
                                                                         : BidReason::OverReserve};
    }
    // The award reads the shortlist (ranks 1..shortlisted) best first and takes the first bidder
    // with room; every bid ranked above the winner was skipped for want of room.
    const bool awarded = outcome.winner.valid();
    for (std::size_t r = 0; r < admissible; ++r) {
        BidRecord& rec = out[order[r]];
        rec.rank = static_cast<std::uint16_t>(r + 1);
        if (awarded && r == outcome.winner_rank) {
            rec.status = BidStatus::Won;
            rec.reason = BidReason::None;
            continue;
        }
        rec.status = BidStatus::Lost;
        if (awarded)
            rec.reason = r < outcome.winner_rank ? BidReason::NoCapacity : BidReason::Outscored;
        else
            rec.reason =
                r < outcome.shortlisted ? BidReason::NoCapacity : BidReason::NotShortlisted;
    }
}

} // namespace tendersim::ocds
