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
#include <array>
#include <cstddef>

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

// A market's optimal log markups as a function of the bidder's cost position, tabulated once a
// year per market so a bid costs one interpolation instead of a root search.
class PricingCurve {
  public:
    static constexpr std::size_t kPoints = 29;
    static constexpr double kLow = -8.0; // cost position a = (ln k - centre) / scale
    static constexpr double kStep = 0.5;

    PricingCurve() = default;
    PricingCurve(double rivals, double log_ratio_sd);

    // The scale s of the logistic with the record's spread.
    double scale() const { return scale_; }
    double rivals() const { return rivals_; }
    // Optimal log markup for cost position a (interpolated; linear beyond the table).
    double log_markup(double a) const;
    // Chance of winning with a bid at z = (ln(bid / scope) - centre) / scale: P(every rival
    // bids higher).
    double win_chance(double z) const;

  private:
    double rivals_ = 0;
    double scale_ = 1;
    std::array<float, kPoints> t_{};
};

// The root of the first-order condition at one cost position (exposed for tests).
double optimal_log_markup(double a, double rivals, double scale);

} // namespace tendersim
