#pragma once
// Axis arithmetic: mapping data values to pixels, choosing "nice" tick values and formatting tick
// labels. No SFML here so the axis logic can be unit-tested without a display.
#include <string>
#include <vector>

namespace tendersim::viz {

// How tick labels are written. Not a unit: a metric's unit is its MetricUnit in the core registry
// (sim/core/metric_registry.hpp), and metric_info's tick_style picks the style from it.
enum class TickStyle {
    Plain,   // counts, ratios, indices: 1,500 / 250k / 1.05
    Percent, // stored as a fraction (0.25), shown as "25%"
    Points,  // a difference of fractions (0.05), shown as "+5 pts"
    Money,   // pounds sterling: "£1.5m"
};

// Affine map from a data domain [d0, d1] to a pixel range [r0, r1]. r0 > r1 is allowed and is how
// a y axis is inverted (screen y grows downwards).
class LinearScale {
  public:
    LinearScale() = default;
    LinearScale(double d0, double d1, double r0, double r1);

    double operator()(double v) const;
    double invert(double px) const;

    double domain_lo() const { return d0_; }
    double domain_hi() const { return d1_; }
    double range_lo() const { return r0_; }
    double range_hi() const { return r1_; }

  private:
    double d0_ = 0.0, d1_ = 1.0, r0_ = 0.0, r1_ = 1.0;
};

// Heckbert (1990), "Nice numbers for graph labels", Graphics Gems I: a number of the form
// {1, 2, 5, 10} x 10^k close to x. round=true picks the nearest; round=false the next above.
double nice_number(double x, bool round);

struct Ticks {
    double lo = 0.0;   // first tick (<= data minimum)
    double hi = 1.0;   // last tick (>= data maximum)
    double step = 0.2; // spacing, always 1, 2 or 5 x 10^k
    std::vector<double> values;
};

// Heckbert's "loose" labelling: ticks at multiples of a nice step that enclose [lo, hi], with
// roughly target_count values (between about 0.7x and 1.5x the target, plus the enclosing ends).
// A degenerate domain (lo == hi) is widened so the axis still has a sensible extent.
Ticks nice_ticks(double lo, double hi, int target_count = 6);

// The value range a chart shows for data in [lo, hi]: widened to include 0 when from_zero, then
// about its middle to at least min_span, then by headroom (a fraction of the span) each side so no
// line or band touches the frame; kept within [bound_lo, bound_hi] by shifting the range rather
// than squashing it (a share near 0% is shown on 0-20%, not -5-15% cut to 0-15%).
struct ValueDomain {
    double lo = 0.0;
    double hi = 1.0;
};
ValueDomain value_domain(double lo, double hi, double min_span, bool from_zero, double bound_lo,
                         double bound_hi, double headroom = 0.05);

// Integer ticks inside [lo, hi] (never outside: the x axis spans exactly the simulated years), at
// a nice step of at least 1, aligned to multiples of the step, and at least three of them when
// the range has three integers (years 1-20 read 5, 10, 15, 20, never only 10 and 20).
Ticks integer_ticks(int lo, int hi, int target_count);

// How every label on one axis is written. Chosen once per axis so that all labels share the same
// suffix and number of decimals ("0.5m, 1.0m, 1.5m", never "500k, 1m, 1.5m").
struct TickFormat {
    TickStyle unit = TickStyle::Plain;
    double divisor = 1.0;   // value / divisor is printed
    std::string suffix;     // "%", "k", "m", "bn"
    int decimals = 0;       // digits after the decimal point
    bool separators = true; // thousands separators in the integer part
};

TickFormat choose_tick_format(const Ticks& ticks, TickStyle unit);

// UTF-8 label; negatives use the typographic minus sign (U+2212), money a leading pound sign.
std::string format_tick(double value, const TickFormat& format);

// Convenience: one label per tick value.
std::vector<std::string> format_ticks(const Ticks& ticks, TickStyle unit);

// Number of decimals needed to print multiples of step exactly (0.25 -> 2, 5 -> 0), at most 9.
int decimals_for_step(double step);

} // namespace tendersim::viz
