#pragma once
// Numbers for people (terminal tables and report.md), not for machines: CSV files always use
// format_number's shortest round-trip form instead.
#include "experiment/metrics_select.hpp"

#include <string>

namespace tendersim::experiment {

// Three significant figures, thousands separators, no exponent for ordinary magnitudes.
std::string human_number(double v);
// The same with an explicit sign ("+0.035", "-12").
std::string human_signed(double v);

// A level in the metric's unit: shares as percentages ("41.2%"), others as human_number.
std::string human_level(double v, MetricUnit unit);
// A difference in the metric's unit: shares in percentage points ("+3.5 percentage points"
// when long, "+3.5 pts" when short).
std::string human_difference(double v, MetricUnit unit, bool long_form);
// The size of a difference, without sign ("3.5 percentage points").
std::string human_amount(double v, MetricUnit unit, bool long_form);

} // namespace tendersim::experiment
