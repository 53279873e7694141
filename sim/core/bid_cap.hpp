#pragma once
// How often the per-tender bid cap (kMaxBids in tender.hpp) bound. Each tender keeps its bids in
// a fixed stack array of kMaxBids; when more suppliers would bid, the later ones in walk order are
// dropped. The drop is deliberate (it keeps bidding allocation-free) but must not be silent: a
// run totals it here and reports it on stderr and in manifest.json.
#include "tender.hpp"

#include <cstdint>
#include <string>

namespace tendersim {

struct BidCapCount {
    std::uint64_t tenders = 0;        // tenders bid for (burn-in years included)
    std::uint64_t tenders_capped = 0; // of which more suppliers would have bid than kMaxBids
    std::uint64_t bids_dropped = 0;   // the bids the cap dropped, over all those tenders

    void add(const YearTenders& year); // one year's tenders after bidding
    void add(const BidCapCount& other);
};

// One line for stderr ("warning: the 64-bid cap ... bound in N of M tenders ..."); empty when the
// cap never bound.
std::string bid_cap_warning(const BidCapCount& count);

} // namespace tendersim
