#pragma once
// Pricing against competition: the bid a supplier makes from what its market publishes.
//
// The rule is Friedman's (1956) competitive-bidding model, as used for construction and public
// tenders since: a bidder treats each rival's bid as a draw from the distribution of bids it has
// seen published in its market, expects a number of rivals, and picks the price that maximises
// its expected profit, (price - cost) x P(every rival bids higher). Here the published bids are
// summarised as a logistic distribution of log(bid / the scope of the work) with a
// centre and a scale (the market record), so the optimum solves
//     1 / (1 - exp(-t)) = (n / s) x L((ln k + t - centre) / s),   L(z) = 1 / (1 + exp(-z)),
// for the log markup t = ln(price / cost), with k = cost / scope and n expected rivals. The
// markup falls as more rivals are expected and as the bidder's cost nears the typical bid; with no
// rival expected it is capped only by the reserve.

namespace tendersim {

// What a market (category x region) has published of its past tenders, smoothed over years.
// A bid's standing is its log(price / scope) less the price-equivalent of its non-price
// scores, (quality weight x quality + social-value weight x social-value score) / price weight:
// the price a bid of zero quality would need to score the same. Bidders compare their own
// standing with rivals' (award letters publish the winner's scores, and the OCDS bids extension
// every bid), so a better bidder knows it can ask more.
struct MarketRecord {
    float bids_per_tender = 0;
    float log_ratio_mean = 0; // mean of log(price / scope) over published bids
    float log_ratio_sd = 0;   // their spread
    float standing_mean = 0;  // mean standing of published bids
    float standing_sd = 0;    // its spread: how uncertain a rival's bid is
};

// What a bidder infers of its rivals in one market this year, and the price it asks.
//
// Bidders play the symmetric equilibrium of a first-price procurement auction with independent
// private costs spread uniformly over [lower, upper] and N bidders (Krishna, Auction Theory 2010,
// ch. 2): a bidder with cost c asks c + (upper - c) / N and wins when every rival's cost is
// higher, with chance ((upper - c) / (upper - lower))^(N - 1). Costs are not published but bids
// are, and in that equilibrium bids are spread uniformly over [lower + (upper - lower) / N,
// upper]: the bidder inverts the published spread of bids to the spread of costs. N is the
// number of bidders it expects: itself and the market's bids per tender (rivals arrive
// independently of its own decision). Everything is in standings (log price over scope, less
// the price-equivalent of non-price scores), so quality and social value count as cost savings.
// The markup falls as more rivals are expected; with none expected only the reserve caps it.
class RivalBelief {
  public:
    RivalBelief() = default;
    explicit RivalBelief(const MarketRecord& record);

    double rivals() const { return rivals_; }
    double upper() const { return upper_; }
    double lower() const { return lower_; }
    // The equilibrium log markup of a bidder whose cost standing is y.
    double log_markup(double y) const { return y < upper_ ? (upper_ - y) / (rivals_ + 1.0) : 0.0; }
    // Its chance that every expected rival's cost standing is above y.
    double win_chance(double y) const;

  private:
    double rivals_ = 0;
    double upper_ = 0;
    double lower_ = 0;
};

} // namespace tendersim
