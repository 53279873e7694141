#pragma once
// Short number texts for the app's controls, title and tooltips ("£250k", "35%", "12,400"),
// written with the chart layer's tick formatter so the app and the charts agree.
#include <string>

namespace tendersim::viz {

// "£950", "£412k", "£1.5m", "£2.1bn": at most three significant digits.
std::string money_text(double gbp);
// A fraction as a percentage: 0.35 -> "35%" (decimals digits after the point).
std::string percent_text(double fraction, int decimals = 0);
// A count with thousands separators: 12400 -> "12,400".
std::string count_text(double n);

} // namespace tendersim::viz
