#include "diagnostics/report_format.hpp"

#include <cmath>
#include <cstdio>

namespace tendersim::diagnostics {

Estimate estimate(std::span<const double> replicate_values) {
    const analysis::MeanCI ci = analysis::mean_ci95(replicate_values);
    return {ci.n, ci.mean, ci.ci95_low, ci.ci95_high};
}

namespace {

std::string with_separators(const std::string& digits) {
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

} // namespace

std::string format_count(std::uint64_t n) {
    return with_separators(std::to_string(n));
}

std::string format_value(double v) {
    if (!std::isfinite(v)) return "n/a";
    char buf[64];
    if (std::fabs(v) >= 100) {
        std::snprintf(buf, sizeof buf, "%.0f", std::fabs(v));
        return (v <= -0.5 ? "-" : "") + with_separators(buf);
    }
    std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

std::string format_percent(double share) {
    if (!std::isfinite(share)) return "n/a";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100 * share);
    return buf;
}

std::string format_signed_percent(double share) {
    if (!std::isfinite(share)) return "n/a";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%+.2f%%", 100 * share);
    return buf;
}

std::string format_interval(const Estimate& e, std::string (*format)(double)) {
    if (!std::isfinite(e.low) || !std::isfinite(e.high)) return "n/a";
    return format(e.low) + " to " + format(e.high);
}

} // namespace tendersim::diagnostics
