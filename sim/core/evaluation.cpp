#include "evaluation.hpp"

#include <algorithm>
#include <array>

namespace tendersim {
namespace {

Pence median_price(std::span<const Bid> bids) {
    std::array<Pence, kMaxBids> prices{};
    const std::size_t n = std::min(bids.size(), kMaxBids);
    for (std::size_t i = 0; i < n; ++i) prices[i] = bids[i].price;
    auto mid = prices.begin() + static_cast<std::ptrdiff_t>(n / 2);
    std::nth_element(prices.begin(), mid, prices.begin() + static_cast<std::ptrdiff_t>(n));
    if (n % 2 == 1) return *mid;
    const Pence upper = *mid;
    const Pence lower = *std::max_element(prices.begin(), mid);
    return (lower + upper) / 2;
}

bool better(const Bid& a, const Bid& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.evaluated_price != b.evaluated_price) return a.evaluated_price < b.evaluated_price;
    return a.supplier < b.supplier;
}

} // namespace

EvaluationWeights policy_score_weights(double social_value_weight, double price_weight) {
    return {(1.0 - social_value_weight) * price_weight, social_value_weight};
}

std::uint16_t reject_over_reserve(std::span<Bid> bids, Pence reserve) {
    std::uint16_t rejected = 0;
    if (reserve <= 0) return rejected;
    for (auto& bid : bids)
        if (bid.price > reserve) {
            bid.rejected = 1;
            bid.reason = RejectReason::OverReserve;
            ++rejected;
        }
    return rejected;
}

EvaluationSummary score_bids(std::span<Bid> bids, const EvaluationWeights& weights,
                             const AbnormalRule& rule) {
    EvaluationSummary summary;
    if (bids.empty()) return summary;
    if (rule.action != AbnormallyLowAction::Off && rule.ratio > 0.0 && bids.size() >= 2) {
        const double threshold = rule.ratio * static_cast<double>(median_price(bids));
        for (auto& bid : bids) {
            if (bid.rejected || static_cast<double>(bid.price) >= threshold) continue;
            ++summary.flagged;
            // Investigation rejects only a bid the bidder cannot explain: one below its own cost.
            const bool reject =
                rule.action == AbnormallyLowAction::Reject || bid.price < bid.own_cost;
            if (reject) {
                bid.rejected = 1;
                bid.reason = RejectReason::AbnormallyLow;
                ++summary.rejected;
            }
        }
    }
    Pence lowest = 0;
    Pence best_sv = 0;
    for (const auto& bid : bids) {
        if (bid.rejected) continue;
        if (lowest == 0 || bid.evaluated_price < lowest) lowest = bid.evaluated_price;
        best_sv = std::max(best_sv, bid.sv_evaluated);
    }
    const double wq = weights.quality();
    for (auto& bid : bids) {
        if (bid.rejected) {
            bid.score = -1.0;
            continue;
        }
        const double price_score =
            static_cast<double>(lowest) / static_cast<double>(bid.evaluated_price);
        const double sv_score =
            best_sv > 0 ? static_cast<double>(bid.sv_evaluated) / static_cast<double>(best_sv)
                        : 0.0;
        bid.score =
            weights.price * price_score + wq * bid.quality + weights.social_value * sv_score;
    }
    return summary;
}

std::size_t rank_bids(std::span<const Bid> bids, std::span<std::uint16_t> out) {
    std::array<std::uint16_t, kMaxBids> order{};
    std::size_t n = 0;
    for (std::size_t i = 0; i < bids.size() && n < kMaxBids; ++i)
        if (!bids[i].rejected) order[n++] = static_cast<std::uint16_t>(i);
    const std::size_t k = std::min(n, out.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k),
                      order.begin() + static_cast<std::ptrdiff_t>(n),
                      [&](std::uint16_t a, std::uint16_t b) { return better(bids[a], bids[b]); });
    std::copy_n(order.begin(), k, out.begin());
    return k;
}

} // namespace tendersim
