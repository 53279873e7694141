#pragma once
// Distribution functions the interval estimates need: normal and Student-t quantiles and the
// regularised incomplete beta function behind the t CDF. Computed, not tabulated, so any degrees
// of freedom (including the non-integer ones a Welch interval would need) get full precision.
namespace tendersim::analysis {

// log Gamma(x) for x > 0 (Lanczos approximation, ~1e-15 relative). Unlike std::lgamma it writes
// no global (glibc's lgamma sets signgam), so it is safe to call from worker threads.
double log_gamma(double x);

// Regularised incomplete beta I_x(a, b) for a, b > 0 and 0 <= x <= 1. Returns NaN on bad input.
double incomplete_beta(double a, double b, double x);

// Standard normal quantile Phi^-1(p) for 0 < p < 1 (-inf/+inf at 0/1, NaN outside).
double normal_quantile(double p);

// Student-t CDF P(T <= t) with df > 0 degrees of freedom.
double student_t_cdf(double t, double df);

// Student-t quantile: the t with P(T <= t) = p, for 0 < p < 1 and df > 0 (df may be fractional;
// infinite df gives the normal quantile). Accurate to ~1e-10 relative.
double student_t_quantile(double p, double df);

// Two-sided 95% critical value t(0.975, df), the multiplier of a 95% t-interval.
double t_critical_95(double df);

} // namespace tendersim::analysis
