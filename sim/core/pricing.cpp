#include "pricing.hpp"

#include <algorithm>
#include <cmath>

namespace tendersim {
namespace {

// A logistic with standard deviation sd has scale sd x sqrt(3) / pi.
constexpr double kSdToScale = 0.5513288954217921;
// Markups above this (e^4 - 1 = 5,360%) are never chosen: the reserve or markup_max binds first.
constexpr double kMaxLogMarkup = 4.0;

} // namespace

double optimal_log_markup(double a, double rivals, double scale) {
    // f(t) = (n / s) L(a + t / s) (1 - e^-t) - 1 rises from -1 at t = 0, so bisection on
    // [0, kMaxLogMarkup] finds its one root; no root means no rival is feared: the largest markup.
    auto f = [&](double t) {
        return rivals / scale * (1.0 - std::exp(-t)) / (1.0 + std::exp(-(a + t / scale))) - 1.0;
    };
    if (f(kMaxLogMarkup) <= 0.0) return kMaxLogMarkup;
    double lo = 0.0, hi = kMaxLogMarkup;
    for (int i = 0; i < 40; ++i) {
        const double mid = 0.5 * (lo + hi);
        (f(mid) < 0.0 ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

PricingCurve::PricingCurve(double rivals, double log_ratio_sd)
    : rivals_(std::max(0.0, rivals)), scale_(std::max(1e-3, log_ratio_sd * kSdToScale)) {
    for (std::size_t i = 0; i < kPoints; ++i)
        t_[i] = static_cast<float>(
            optimal_log_markup(kLow + kStep * static_cast<double>(i), rivals_, scale_));
}

double PricingCurve::log_markup(double a) const {
    const double x = (a - kLow) / kStep;
    if (x <= 0.0) // far cheaper than the market: the slope of the first segment carries on
        return std::min(kMaxLogMarkup, t_[0] + (t_[0] - t_[1]) * -x);
    if (x >= static_cast<double>(kPoints - 1)) return t_[kPoints - 1];
    const auto i = static_cast<std::size_t>(x);
    const double w = x - static_cast<double>(i);
    return (1.0 - w) * t_[i] + w * t_[i + 1];
}

double PricingCurve::win_chance(double z) const {
    // One rival bids higher with chance 1 / (1 + e^z); all n of them with its n-th power.
    return std::exp(-rivals_ * std::log1p(std::exp(z)));
}

} // namespace tendersim
