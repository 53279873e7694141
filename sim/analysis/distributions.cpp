#include "analysis/distributions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace tendersim::analysis {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Continued fraction for I_x(a, b), evaluated by the modified Lentz method. Converges quickly
// for x < (a + 1) / (a + b + 2); the caller uses the symmetry I_x(a,b) = 1 - I_{1-x}(b,a)
// otherwise. The caller passes y = 1 - x separately so that x close to 1 loses no digits.
double beta_continued_fraction(double a, double b, double x) {
    constexpr double tiny = 1e-300;
    constexpr double eps = 1e-16;
    const double qab = a + b;
    const double qap = a + 1.0;
    const double qam = a - 1.0;
    double c = 1.0;
    double d = 1.0 - qab * x / qap;
    if (std::fabs(d) < tiny) d = tiny;
    d = 1.0 / d;
    double h = d;
    // The number of terms needed grows like sqrt(max(a, b)); the t quantile caps df at 1e7.
    for (int m = 1; m <= 20000; ++m) {
        const double md = m;
        const double m2 = 2.0 * md;
        // Even step: d_{2m} = m (b - m) x / ((a + 2m - 1)(a + 2m)).
        double aa = md * (b - md) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1.0 / d;
        h *= d * c;
        // Odd step: d_{2m+1} = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
        aa = -(a + md) * (qab + md) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1.0 / d;
        const double del = d * c;
        h *= del;
        if (std::fabs(del - 1.0) < eps) break;
    }
    return h;
}

// I_x(a, b) with y = 1 - x supplied by the caller.
double incomplete_beta_xy(double a, double b, double x, double y) {
    if (x <= 0.0) return 0.0;
    if (y <= 0.0) return 1.0;
    const double log_front =
        log_gamma(a + b) - log_gamma(a) - log_gamma(b) + a * std::log(x) + b * std::log(y);
    const double front = std::exp(log_front);
    if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_continued_fraction(a, b, x) / a;
    return 1.0 - front * beta_continued_fraction(b, a, y) / b;
}

// Upper tail P(T > t) for t >= 0: 0.5 * I_{df/(df+t^2)}(df/2, 1/2).
double t_upper_tail(double t, double df) {
    const double t2 = t * t;
    return 0.5 * incomplete_beta_xy(0.5 * df, 0.5, df / (df + t2), t2 / (df + t2));
}

// log of the t density's normalising constant 1 / (sqrt(df) B(df/2, 1/2)).
double t_log_norm(double df) {
    return log_gamma(0.5 * (df + 1.0)) - log_gamma(0.5 * df) -
           0.5 * std::log(df * std::numbers::pi);
}

} // namespace

double log_gamma(double x) {
    if (!(x > 0.0)) return kNaN;
    if (x < 0.5) {
        // Reflection keeps the Lanczos series in its accurate range.
        return std::log(std::numbers::pi / std::sin(std::numbers::pi * x)) - log_gamma(1.0 - x);
    }
    // Lanczos (1964) with g = 7, n = 9.
    static constexpr double coef[9] = {
        0.99999999999980993,  676.5203681218851,     -1259.1392167224028,
        771.32342877765313,   -176.61502916214059,   12.507343278686905,
        -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
    const double z = x - 1.0;
    double sum = coef[0];
    for (int i = 1; i < 9; ++i) sum += coef[i] / (z + i);
    const double t = z + 7.5;
    return 0.5 * std::log(2.0 * std::numbers::pi) + (z + 0.5) * std::log(t) - t + std::log(sum);
}

double incomplete_beta(double a, double b, double x) {
    if (!(a > 0.0) || !(b > 0.0) || !(x >= 0.0) || !(x <= 1.0)) return kNaN;
    return incomplete_beta_xy(a, b, x, 1.0 - x);
}

double normal_quantile(double p) {
    if (std::isnan(p) || p < 0.0 || p > 1.0) return kNaN;
    if (p == 0.0) return -kInf;
    if (p == 1.0) return kInf;
    // Work in the lower tail where p itself carries the precision.
    if (p > 0.5) return -normal_quantile(1.0 - p);
    // Acklam's rational approximation (~1e-9 relative) ...
    static constexpr double a[6] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                    -2.759285104469687e+02, 1.383577518672690e+02,
                                    -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[5] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                    -1.556989798598866e+02, 6.680131188771972e+01,
                                    -1.328068155288572e+01};
    static constexpr double c[6] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                    -2.400758277161838e+00, -2.549732539343734e+00,
                                    4.374664141464968e+00,  2.938163982698783e+00};
    static constexpr double d[4] = {7.784695709041462e-03, 3.224671290700398e-01,
                                    2.445134137142996e+00, 3.754408661907416e+00};
    double x;
    if (p < 0.02425) {
        const double q = std::sqrt(-2.0 * std::log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    } else {
        const double q = p - 0.5;
        const double r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
    }
    // ... polished by Halley steps on the exact CDF (erfc) to full double precision.
    for (int i = 0; i < 3; ++i) {
        const double e = 0.5 * std::erfc(-x / std::numbers::sqrt2) - p;
        const double u = e * std::sqrt(2.0 * std::numbers::pi) * std::exp(0.5 * x * x);
        const double step = u / (1.0 + 0.5 * x * u);
        x -= step;
        if (std::fabs(step) <= 1e-15 * std::max(1.0, std::fabs(x))) break;
    }
    return x;
}

double student_t_cdf(double t, double df) {
    if (std::isnan(t) || !(df > 0.0)) return kNaN;
    if (std::isinf(df)) return 0.5 * std::erfc(-t / std::numbers::sqrt2);
    if (std::isinf(t)) return t > 0.0 ? 1.0 : 0.0;
    const double tail = t_upper_tail(std::fabs(t), df);
    return t >= 0.0 ? 1.0 - tail : tail;
}

double student_t_quantile(double p, double df) {
    if (std::isnan(p) || p < 0.0 || p > 1.0 || !(df > 0.0)) return kNaN;
    if (p == 0.0) return -kInf;
    if (p == 1.0) return kInf;
    if (p == 0.5) return 0.0;
    // Solve in the upper tail: q = P(T > t) <= 0.5, t >= 0, then restore the sign.
    const double sign = p > 0.5 ? 1.0 : -1.0;
    const double q = p > 0.5 ? 1.0 - p : p;
    if (df == 1.0) return sign * std::tan(std::numbers::pi * (0.5 - q));           // Cauchy, exact
    if (df == 2.0) return sign * (1.0 - 2.0 * q) / std::sqrt(2.0 * q * (1.0 - q)); // exact
    const double z = -normal_quantile(q);
    if (df > 1e7 || std::isinf(df)) {
        // First Cornish-Fisher term; the next is O(1/df^2) < 1e-13 here.
        return sign * (z + (z * z * z + z) / (4.0 * df));
    }
    // Start from the Cornish-Fisher expansion (Hill 1970), then safeguarded Newton on the
    // exact tail: Newton steps that leave the bracket [lo, hi] are replaced by bisection.
    const double z2 = z * z;
    double t = z + (z2 * z + z) / (4.0 * df) +
               (5.0 * z2 * z2 * z + 16.0 * z2 * z + 3.0 * z) / (96.0 * df * df);
    if (!(t > 0.0) || !std::isfinite(t)) t = 1.0;
    double lo = 0.0;
    double hi = t;
    while (t_upper_tail(hi, df) > q) {
        lo = hi;
        hi *= 2.0;
        if (!std::isfinite(hi)) return sign * kInf;
    }
    const double log_norm = t_log_norm(df);
    for (int it = 0; it < 200; ++it) {
        const double f = t_upper_tail(t, df) - q; // decreasing in t
        if (f > 0.0)
            lo = t;
        else
            hi = t;
        const double log_pdf = log_norm - 0.5 * (df + 1.0) * std::log1p(t * t / df);
        double next = t + f / std::exp(log_pdf);
        if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
        const double step = std::fabs(next - t);
        t = next;
        if (step <= 1e-14 * std::max(1.0, t) || f == 0.0) break;
    }
    return sign * t;
}

double t_critical_95(double df) {
    return student_t_quantile(0.975, df);
}

} // namespace tendersim::analysis
