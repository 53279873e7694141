#include "chart/scale.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <utility>

namespace tendersim::viz {

LinearScale::LinearScale(double d0, double d1, double r0, double r1)
    : d0_(d0), d1_(d1), r0_(r0), r1_(r1) {
    // A zero-width domain would divide by zero; callers widen degenerate domains (nice_ticks),
    // so reaching this is a programming error rather than bad data.
    if (!(d1 != d0) || !std::isfinite(d0) || !std::isfinite(d1))
        throw std::invalid_argument("LinearScale: domain must be finite with d0 != d1");
}

double LinearScale::operator()(double v) const {
    return r0_ + (v - d0_) / (d1_ - d0_) * (r1_ - r0_);
}

double LinearScale::invert(double px) const {
    if (r1_ == r0_) return d0_;
    return d0_ + (px - r0_) / (r1_ - r0_) * (d1_ - d0_);
}

namespace {

// A nice number kept as mantissa x 10^exponent so that tick values can be computed as
// (k * mantissa) / 10^-exponent, which is the double nearest the decimal value (0.6, not
// 0.6000000000000001 from 3 * 0.2).
struct Nice {
    int mantissa; // 1, 2, 5 or 10
    int exponent;
    double value() const { return mantissa * std::pow(10.0, exponent); }
};

Nice nice_parts(double x, bool round) {
    if (!(x > 0.0) || !std::isfinite(x))
        throw std::invalid_argument("nice_number: argument must be positive and finite");
    int e = static_cast<int>(std::floor(std::log10(x)));
    double f = x / std::pow(10.0, e);
    // log10 can land a hair below an exact power of ten; renormalise so f is in [1, 10).
    if (f >= 10.0 - 1e-12) {
        ++e;
        f /= 10.0;
    } else if (f < 1.0 - 1e-12) {
        --e;
        f *= 10.0;
    }
    constexpr double eps = 1e-9; // so that 2.9999999999999996 counts as 3
    int m;
    if (round)
        m = f < 1.5 - eps ? 1 : f < 3.0 - eps ? 2 : f < 7.0 - eps ? 5 : 10;
    else
        m = f <= 1.0 + eps ? 1 : f <= 2.0 + eps ? 2 : f <= 5.0 + eps ? 5 : 10;
    if (m == 10) {
        m = 1;
        ++e;
    }
    return {m, e};
}

double tick_value(long long k, Nice step) {
    const double km = static_cast<double>(k) * step.mantissa;
    return step.exponent >= 0 ? km * std::pow(10.0, step.exponent)
                              : km / std::pow(10.0, -step.exponent);
}

} // namespace

double nice_number(double x, bool round) {
    return nice_parts(x, round).value();
}

Ticks nice_ticks(double lo, double hi, int target_count) {
    if (!std::isfinite(lo) || !std::isfinite(hi))
        throw std::invalid_argument("nice_ticks: domain must be finite");
    if (lo > hi) std::swap(lo, hi);
    if (lo == hi) {
        // A flat series still needs an axis: show [0, 1] around zero, otherwise +/-10% around it.
        if (lo == 0.0) {
            hi = 1.0;
        } else {
            const double pad = std::abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
    }
    target_count = std::max(target_count, 2);
    // Heckbert first rounds the range up to a nice number and derives the step from that; for
    // spans just over a nice number (0.203 -> 0.5) that halves the tick count. Rounding the
    // step itself to the nearest nice number keeps the count close to the target (as d3 does).
    const Nice step = nice_parts((hi - lo) / (target_count - 1), true);
    const double s = step.value();
    // The tolerance stops a value that is a multiple of the step up to rounding (0.6 / 0.2 =
    // 2.9999999999999996) from adding a whole extra step of empty axis.
    const auto k0 = static_cast<long long>(std::floor(lo / s + 1e-9));
    const auto k1 = static_cast<long long>(std::ceil(hi / s - 1e-9));
    Ticks t;
    t.step = s;
    for (long long k = k0; k <= k1; ++k) t.values.push_back(tick_value(k, step));
    t.lo = t.values.front();
    t.hi = t.values.back();
    return t;
}

ValueDomain value_domain(double lo, double hi, double min_span, bool from_zero, double bound_lo,
                         double bound_hi, double headroom) {
    if (lo > hi) std::swap(lo, hi);
    if (from_zero) {
        lo = std::min(lo, 0.0);
        hi = std::max(hi, 0.0);
    }
    const auto shift_into_bounds = [&] {
        // Shift first (keeps the span), then clip what still does not fit.
        if (lo < bound_lo) {
            hi += bound_lo - lo;
            lo = bound_lo;
        }
        if (hi > bound_hi) {
            lo -= hi - bound_hi;
            hi = bound_hi;
        }
        lo = std::max(lo, bound_lo);
    };
    if (hi - lo < min_span) {
        const double mid = (lo + hi) / 2.0;
        // An axis from zero grows upwards only: zero stays its floor.
        if (from_zero && lo >= 0.0) {
            hi = lo + min_span;
        } else {
            lo = mid - min_span / 2.0;
            hi = mid + min_span / 2.0;
        }
        shift_into_bounds();
    }
    const double pad = (hi - lo) * headroom;
    // Zero is a floor, not a value to pad below, when every value is at or above it.
    if (!(from_zero && lo == 0.0)) lo = std::max(lo - pad, bound_lo);
    hi = std::min(hi + pad, bound_hi);
    return {lo, hi};
}

Ticks integer_ticks(int lo, int hi, int target_count) {
    if (lo > hi) std::swap(lo, hi);
    Ticks t;
    t.lo = lo;
    t.hi = hi;
    t.step = 1.0;
    if (lo == hi) {
        t.values.push_back(lo);
        return t;
    }
    target_count = std::max(target_count, 2);
    const double raw = static_cast<double>(hi - lo) / (target_count - 1);
    int step = std::max(1, static_cast<int>(std::lround(nice_number(raw, true))));
    // Align to multiples of the step (2030, 2035, ...) rather than to the first year, which is
    // how people expect a time axis to read.
    const auto fill = [&] {
        t.values.clear();
        const int rem = ((lo % step) + step) % step; // non-negative remainder, also for lo < 0
        const int first = rem == 0 ? lo : lo + (step - rem);
        for (int v = first; v <= hi; v += step) t.values.push_back(v);
    };
    fill();
    // Two ticks do not show a time axis's rhythm: step down through the nice numbers (10, 5, 2,
    // 1) until there are three.
    const std::size_t wanted = static_cast<std::size_t>(std::min(3, hi - lo + 1));
    while (t.values.size() < wanted && step > 1) {
        const int d = step;
        int m = 1;
        while (m * 10 <= d) m *= 10;
        const int lead = d / m;                                        // 1, 2 or 5
        step = std::max(1, lead == 5 ? 2 * m : lead == 2 ? m : m / 2); // 10 -> 5 -> 2 -> 1
        fill();
    }
    t.step = step;
    return t;
}

int decimals_for_step(double step) {
    step = std::abs(step);
    if (!(step > 0.0) || !std::isfinite(step)) return 0;
    for (int d = 0; d <= 9; ++d) {
        const double x = step * std::pow(10.0, d);
        const double r = std::round(x);
        if (r != 0.0 && std::abs(x - r) <= 1e-6 * x) return d;
    }
    return 9;
}

TickFormat choose_tick_format(const Ticks& ticks, TickStyle unit) {
    // Suffixes are built as temporaries and moved in: assigning a literal to std::string trips
    // GCC 12's bogus -Wrestrict at -O2 (GCC bug 105651), which -Werror turns into a failure.
    TickFormat f;
    f.unit = unit;
    if (unit == TickStyle::Percent || unit == TickStyle::Points) {
        f.divisor = 0.01;
        f.suffix = unit == TickStyle::Percent ? std::string(1, '%') : std::string(" pts");
        f.decimals = decimals_for_step(ticks.step * 100.0);
        return f;
    }
    double m = 0.0;
    for (double v : ticks.values) m = std::max(m, std::abs(v));
    // Up to 99,999 people read separated digits comfortably; beyond that the suffix is shorter
    // on an axis and the precision lost is irrelevant at chart resolution.
    if (m >= 1e9) {
        f.divisor = 1e9;
        f.suffix = std::string("bn");
    } else if (m >= 1e6) {
        f.divisor = 1e6;
        f.suffix = std::string(1, 'm');
    } else if (m >= 1e5) {
        f.divisor = 1e3;
        f.suffix = std::string(1, 'k');
    }
    f.decimals = decimals_for_step(ticks.step / f.divisor);
    return f;
}

std::string format_tick(double value, const TickFormat& format) {
    const double x = value / format.divisor;
    // Zero is zero in any unit of thousands: "0", not "0k" or "0.0m".
    if (x == 0.0 && format.divisor > 1.0) return format.unit == TickStyle::Money ? "\u00A30" : "0";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", format.decimals, std::abs(x));
    std::string digits = buf;
    // "-0" and "-0.0" are artefacts of rounding, not negative numbers.
    const bool negative =
        x < 0.0 && digits.find_first_not_of("0.") != std::string::npos && std::isfinite(x);
    if (format.separators) {
        const auto dot = digits.find('.');
        const std::size_t int_len = dot == std::string::npos ? digits.size() : dot;
        if (int_len > 3) {
            std::string out;
            for (std::size_t i = 0; i < int_len; ++i) {
                if (i > 0 && (int_len - i) % 3 == 0) out += ',';
                out += digits[i];
            }
            out += digits.substr(int_len);
            digits = std::move(out);
        }
    }
    std::string s;
    if (negative) s += "\u2212"; // typographic minus: wider than a hyphen, legible on a projector
    if (format.unit == TickStyle::Money) s += "\u00A3";
    s += digits;
    s += format.suffix;
    return s;
}

std::vector<std::string> format_ticks(const Ticks& ticks, TickStyle unit) {
    const TickFormat f = choose_tick_format(ticks, unit);
    std::vector<std::string> out;
    out.reserve(ticks.values.size());
    for (double v : ticks.values) out.push_back(format_tick(v, f));
    return out;
}

} // namespace tendersim::viz
