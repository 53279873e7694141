#include "pricing.hpp"

#include <algorithm>
#include <cmath>

namespace tendersim {
namespace {

// A uniform distribution with standard deviation sd spans 2 sqrt(3) sd.
constexpr double kHalfWidthPerSd = 1.7320508075688772;
// Below this many bidders the inversion from bids to costs is ill-conditioned (with one bidder
// bids say nothing of costs): the spread of costs is taken as if 1.5 bidders were expected.
constexpr double kMinBiddersForInversion = 1.5;

} // namespace

RivalBelief::RivalBelief(const MarketRecord& record)
    : rivals_(std::max(0.0, static_cast<double>(record.bids_per_tender))) {
    const double half_width = kHalfWidthPerSd * record.standing_sd;
    upper_ = record.standing_mean + half_width;
    const double bidders = std::max(kMinBiddersForInversion, rivals_ + 1.0);
    lower_ = upper_ - 2.0 * half_width * bidders / (bidders - 1.0);
}

double RivalBelief::win_chance(double y) const {
    if (y >= upper_) return 0.0;
    if (y <= lower_ || rivals_ <= 0.0) return 1.0;
    return std::pow((upper_ - y) / (upper_ - lower_), rivals_);
}

} // namespace tendersim
