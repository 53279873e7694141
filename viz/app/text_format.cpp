#include "app/text_format.hpp"

#include "chart/scale.hpp"

#include <cmath>

namespace tendersim::viz {

std::string money_text(double gbp) {
    TickFormat f;
    f.unit = TickStyle::Money;
    const double a = std::abs(gbp);
    if (a >= 1e9) {
        f.divisor = 1e9;
        f.suffix = std::string("bn");
    } else if (a >= 1e6) {
        f.divisor = 1e6;
        f.suffix = std::string(1, 'm');
    } else if (a >= 1e3) {
        f.divisor = 1e3;
        f.suffix = std::string(1, 'k');
    }
    // One decimal below 10 units (£1.5m) and none above (£412k): three significant digits.
    f.decimals = std::abs(gbp / f.divisor) < 9.95 && f.divisor > 1.0 ? 1 : 0;
    std::string s = format_tick(gbp, f);
    // "£2.0m" reads as false precision; "£2m" is what people write.
    const auto dot0 = s.find(".0");
    if (dot0 != std::string::npos && dot0 + 2 < s.size() &&
        (s[dot0 + 2] < '0' || s[dot0 + 2] > '9'))
        s.erase(dot0, 2);
    return s;
}

std::string percent_text(double fraction, int decimals) {
    TickFormat f;
    f.unit = TickStyle::Percent;
    f.divisor = 0.01;
    f.suffix = std::string(1, '%');
    f.decimals = decimals;
    return format_tick(fraction, f);
}

std::string count_text(double n) {
    TickFormat f;
    f.decimals = 0;
    return format_tick(std::round(n), f);
}

} // namespace tendersim::viz
