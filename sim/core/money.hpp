#pragma once
// Money is held in integer pence so that what councils pay equals what suppliers receive exactly.
#include <cmath>
#include <cstdint>

namespace tendersim {

using Pence = std::int64_t;

constexpr Pence pence_from_gbp(double gbp) {
    return static_cast<Pence>(gbp * 100.0 + (gbp >= 0 ? 0.5 : -0.5));
}
constexpr double gbp(Pence p) {
    return static_cast<double>(p) / 100.0;
}
inline Pence round_pence(double pence) {
    return static_cast<Pence>(std::llround(pence));
}

} // namespace tendersim
