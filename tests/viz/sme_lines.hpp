#pragma once
// Yearly metrics lines for the band and monitor tests: only the direct SME share is set, so a
// test reads its bands and differences off one figure.
#include "core/metrics.hpp"

#include <initializer_list>
#include <vector>

namespace tendersim::viz::test {

// Years 1, 2, ... with these direct SME shares.
inline std::vector<MetricsPoint> line(std::initializer_list<double> sme_shares) {
    std::vector<MetricsPoint> v;
    int year = 1;
    for (double x : sme_shares) {
        MetricsPoint p;
        p.year = year++;
        p.sme_share_direct = x;
        v.push_back(p);
    }
    return v;
}

inline double sme(const MetricsPoint& p) {
    return p.sme_share_direct;
}

} // namespace tendersim::viz::test
