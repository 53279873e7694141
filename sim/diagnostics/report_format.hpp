#pragma once
// Numbers in the diagnostics' Markdown tables, in the style of `tendersim validate`'s tables
// (three decimals below 100, whole numbers above) with thousands separators for counts and
// percentages with one decimal. NaN prints as "n/a".
#include "analysis/stats.hpp"

#include <cstdint>
#include <string>

namespace tendersim::diagnostics {

// A mean across replicates with its 95% t-interval over the replicate values.
struct Estimate {
    std::size_t replicates = 0;
    double mean = 0.0;
    double low = 0.0; // NaN with fewer than 2 replicates
    double high = 0.0;
};
Estimate estimate(std::span<const double> replicate_values);

std::string format_count(std::uint64_t n);       // "12,345"
std::string format_value(double v);              // "0.333", "1.123", "12,345"
std::string format_percent(double share);        // 0.0412 -> "4.1%"
std::string format_signed_percent(double share); // 0.0412 -> "+4.12%", -0.008 -> "-0.80%"
// "LOW to HIGH" with the same formatter, or "n/a" when the interval is not defined.
std::string format_interval(const Estimate& e, std::string (*format)(double));

} // namespace tendersim::diagnostics
