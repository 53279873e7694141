#include "experiment/human_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tendersim::experiment {
namespace {

std::string with_separators(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f", std::fabs(v));
    std::string digits = buf, out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (v < 0 ? "-" : "") + out;
}

} // namespace

std::string human_number(double v) {
    if (std::isnan(v)) return "n/a";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    const double a = std::fabs(v);
    if (a >= 1000) return with_separators(v);
    char buf[64];
    if (a == 0) return "0";
    if (a < 1e-6) { // only an exponent keeps such numbers readable
        std::snprintf(buf, sizeof buf, "%.2e", v);
        return buf;
    }
    const int decimals = std::max(0, 2 - static_cast<int>(std::floor(std::log10(a))));
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string human_signed(double v) {
    const std::string s = human_number(v);
    return (v > 0 && !std::isinf(v)) ? "+" + s : s;
}

std::string human_level(double v, MetricUnit unit) {
    if (unit == MetricUnit::Share && std::isfinite(v)) return human_number(100 * v) + "%";
    if (unit == MetricUnit::Money && std::isfinite(v)) return "£" + human_number(v);
    return human_number(v);
}

std::string human_difference(double v, MetricUnit unit, bool long_form) {
    if (unit == MetricUnit::Share && std::isfinite(v))
        return human_signed(100 * v) + (long_form ? " percentage points" : " pts");
    if (unit == MetricUnit::Money && std::isfinite(v))
        return (v < 0 ? "-£" : "+£") + human_number(std::fabs(v));
    return human_signed(v);
}

std::string human_amount(double v, MetricUnit unit, bool long_form) {
    std::string s = human_difference(std::fabs(v), unit, long_form);
    if (!s.empty() && s[0] == '+') s.erase(0, 1);
    return s;
}

} // namespace tendersim::experiment
