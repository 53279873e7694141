#pragma once
// Money is held in integer pence so that what councils pay equals what suppliers receive exactly.
//
// Every amount made from a double is range-checked, and every running total is added with an
// overflow check: a scenario whose money outgrows 64-bit pence stops with MoneyOverflow instead
// of wrapping round to negative spend (signed overflow is undefined behaviour besides).
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace tendersim {

using Pence = std::int64_t;

// The largest single amount: 2^53 pence (about GBP 90 trillion). Doubles hold every whole number
// of pence up to it exactly, and sums of many such amounts still have room in 64 bits.
inline constexpr Pence kMaxPence = Pence{1} << 53;

class MoneyOverflow : public std::overflow_error {
  public:
    explicit MoneyOverflow(const std::string& what_overflowed);
};

[[noreturn]] void throw_money_overflow(const char* what);

// The one place pounds and pence meet. Every conversion in sim/ and viz/ goes through as_pence /
// as_gbp (amounts held as doubles: thresholds, sums, averages; no rounding) or through
// pence_from_gbp / gbp (one amount as integer pence), so no `* 100.0` is written by hand.
inline constexpr double kPencePerPound = 100.0;
constexpr double as_pence(double gbp) {
    return gbp * kPencePerPound;
}
constexpr double as_gbp(double pence) {
    return pence / kPencePerPound;
}

constexpr Pence pence_from_gbp(double gbp) {
    const double pence = as_pence(gbp);
    // Written so that NaN fails the test too.
    if (!(pence <= static_cast<double>(kMaxPence) && pence >= -static_cast<double>(kMaxPence)))
        throw_money_overflow("an amount in GBP");
    return static_cast<Pence>(pence + (gbp >= 0 ? 0.5 : -0.5));
}
constexpr double gbp(Pence p) {
    return as_gbp(static_cast<double>(p));
}
inline Pence round_pence(double pence, const char* what = "an amount") {
    if (!(std::fabs(pence) <= static_cast<double>(kMaxPence))) [[unlikely]]
        throw_money_overflow(what);
    // std::llround exactly, inline: it was a libm call and 5.7% of a national run's instructions.
    // Truncation and the remainder are exact for |pence| <= 2^53 (past 2^52 every double is a
    // whole number and the remainder is 0); a remainder of at least a half rounds away from zero,
    // as llround does, and 0.49999999999999994 stays 0 (adding 0.5 first would round it up).
    const auto whole = static_cast<Pence>(pence);
    const double rest = pence - static_cast<double>(whole);
    return whole + (rest >= 0.5) - (rest <= -0.5);
}

// a + b, or MoneyOverflow naming the total.
inline Pence money_add(Pence a, Pence b, const char* what = "a running total") {
    Pence r;
    if (__builtin_add_overflow(a, b, &r)) [[unlikely]]
        throw_money_overflow(what);
    return r;
}
inline Pence money_mul(Pence a, std::int64_t k, const char* what = "a total over years") {
    Pence r;
    if (__builtin_mul_overflow(a, k, &r)) [[unlikely]]
        throw_money_overflow(what);
    return r;
}
inline void add_money(Pence& total, Pence v, const char* what = "a running total") {
    total = money_add(total, v, what);
}

} // namespace tendersim
