#include "money.hpp"

namespace tendersim {

MoneyOverflow::MoneyOverflow(const std::string& what_overflowed)
    : std::overflow_error("money overflow: " + what_overflowed +
                          " passed GBP 90 trillion (2^53 pence), beyond what tendersim holds "
                          "exactly; the scenario's money values are too large (see 'Size and "
                          "money limits' in README.md)") {}

void throw_money_overflow(const char* what) {
    throw MoneyOverflow(what);
}

} // namespace tendersim
