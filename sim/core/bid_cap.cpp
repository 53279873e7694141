#include "bid_cap.hpp"

namespace tendersim {

void BidCapCount::add(const YearTenders& year) {
    tenders += year.outcomes.size();
    for (const TenderOutcome& out : year.outcomes) {
        if (out.bids_over_cap == 0) continue;
        ++tenders_capped;
        bids_dropped += out.bids_over_cap;
    }
}

void BidCapCount::add(const BidCapCount& other) {
    tenders += other.tenders;
    tenders_capped += other.tenders_capped;
    bids_dropped += other.bids_dropped;
}

std::string bid_cap_warning(const BidCapCount& count) {
    if (count.tenders_capped == 0) return {};
    return "warning: the " + std::to_string(kMaxBids) + "-bid cap per tender bound in " +
           std::to_string(count.tenders_capped) + " of " + std::to_string(count.tenders) +
           " tenders (burn-in included), dropping " + std::to_string(count.bids_dropped) +
           " bids; results for markets this crowded understate competition (manifest.json: "
           "bid_cap)";
}

} // namespace tendersim
