#include "analysis/design.hpp"

#include "analysis/sobol_sequence.hpp"
#include "analysis/stream_ids.hpp"
#include "core/rng.hpp"

#include <cmath>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace tendersim::analysis {
namespace {

std::vector<double> axis(const ParamRange& r, std::size_t m) {
    if (!r.levels.empty()) return r.levels;
    const std::size_t count = discrete_count(r);
    std::vector<double> out;
    if (r.integer && count <= m) {
        for (std::size_t j = 0; j < count; ++j)
            out.push_back(std::ceil(r.lo) + static_cast<double>(j));
        return out;
    }
    if (m == 1) {
        out.push_back(value_from_unit(r, 0.5));
        return out;
    }
    for (std::size_t j = 0; j < m; ++j) {
        out.push_back(value_at_fraction(r, static_cast<double>(j) / static_cast<double>(m - 1)));
    }
    return out;
}

// Uniform random permutation of 0..n-1 (Fisher-Yates).
std::vector<std::size_t> permutation(std::size_t n, Stream& s) {
    std::vector<std::size_t> p(n);
    std::iota(p.begin(), p.end(), std::size_t{0});
    for (std::size_t i = n; i > 1; --i) std::swap(p[i - 1], p[s.below(i)]);
    return p;
}

} // namespace

GridDesign grid(std::span<const ParamRange> ranges, std::size_t points_per_dim) {
    validate(ranges);
    if (points_per_dim == 0) throw std::invalid_argument("grid: points_per_dim must be >= 1");
    GridDesign g;
    g.ranges.assign(ranges.begin(), ranges.end());
    std::size_t rows = 1;
    for (const ParamRange& r : ranges) {
        g.axis_values.push_back(axis(r, points_per_dim));
        g.counts.push_back(g.axis_values.back().size());
        if (g.counts.back() == 0) throw std::invalid_argument("grid: empty axis");
        rows = design_rows(rows, g.counts.back());
    }
    const std::size_t k = ranges.size();
    g.points.cols = k;
    g.points.values.resize(rows * k);
    std::vector<std::size_t> idx(k, 0); // mixed-radix counter, last axis fastest
    for (std::size_t row = 0; row < rows; ++row) {
        for (std::size_t c = 0; c < k; ++c) g.points.at(row, c) = g.axis_values[c][idx[c]];
        for (std::size_t c = k; c-- > 0;) {
            if (++idx[c] < g.counts[c]) break;
            idx[c] = 0;
        }
    }
    return g;
}

LhsDesign latin_hypercube(std::span<const ParamRange> ranges, std::size_t n, std::uint64_t seed) {
    validate(ranges);
    if (n == 0) throw std::invalid_argument("latin_hypercube: n must be >= 1");
    const std::size_t k = ranges.size();
    design_rows(n, 1);
    LhsDesign d;
    d.ranges.assign(ranges.begin(), ranges.end());
    d.points.cols = k;
    d.points.values.resize(n * k);
    for (std::size_t c = 0; c < k; ++c) {
        // One stream per column: adding a parameter leaves the other columns unchanged.
        Stream s = Stream(seed, 0, StreamPurpose::Sweep, stream_id::latin_hypercube).sub(c);
        const std::vector<std::size_t> strata = permutation(n, s);
        for (std::size_t row = 0; row < n; ++row) {
            const double u =
                (static_cast<double>(strata[row]) + s.uniform()) / static_cast<double>(n);
            d.points.at(row, c) = value_from_unit(ranges[c], u);
        }
    }
    return d;
}

MorrisDesign morris(std::span<const ParamRange> ranges, std::size_t trajectories,
                    std::size_t levels, std::uint64_t seed) {
    validate(ranges);
    if (trajectories == 0) throw std::invalid_argument("morris: need at least one trajectory");
    if (levels < 2 || levels % 2 != 0)
        throw std::invalid_argument("morris: levels must be even and >= 2");
    const std::size_t k = ranges.size();
    const std::size_t rows = design_rows(trajectories, k + 1);

    MorrisDesign d;
    d.ranges.assign(ranges.begin(), ranges.end());
    d.trajectories = trajectories;
    d.levels = levels;
    // delta = p / (2(p-1)) is p/2 lattice steps, so x and x + delta both lie on the lattice
    // {0, 1/(p-1), ..., 1} and every level is visited with equal probability (Morris 1991).
    const double step_frac = 1.0 / static_cast<double>(levels - 1);
    const std::size_t half = levels / 2;
    d.delta = static_cast<double>(half) * step_frac;
    d.points.cols = k;
    d.points.values.resize(rows * k);
    d.changed.assign(rows, MorrisDesign::no_change);
    d.step.assign(rows, 0.0);

    Stream s(seed, 0, StreamPurpose::Sweep, stream_id::morris);
    std::vector<std::size_t> lattice(k); // current lattice index per parameter
    std::vector<int> direction(k);
    for (std::size_t t = 0; t < trajectories; ++t) {
        // Random base x* among the lower p/2 levels and random directions D*: the start point is
        // x* where the parameter will step up and x* + delta where it will step down. This is
        // the B* = (J x* + (delta/2)((2B - J) D* + J)) P* construction of Morris (1991) written
        // coordinate by coordinate; the random order is the permutation P*.
        for (std::size_t i = 0; i < k; ++i) {
            const std::size_t base = s.below(half);
            direction[i] = s.below(2) == 0 ? 1 : -1;
            lattice[i] = direction[i] > 0 ? base : base + half;
        }
        const std::vector<std::size_t> order = permutation(k, s);
        const std::size_t first = t * (k + 1);
        for (std::size_t j = 0; j <= k; ++j) {
            const std::size_t row = first + j;
            if (j > 0) {
                const std::size_t i = order[j - 1];
                lattice[i] = direction[i] > 0 ? lattice[i] + half : lattice[i] - half;
                d.changed[row] = i;
                d.step[row] = direction[i] > 0 ? d.delta : -d.delta;
            }
            for (std::size_t c = 0; c < k; ++c) {
                d.points.at(row, c) =
                    value_at_fraction(ranges[c], static_cast<double>(lattice[c]) * step_frac);
            }
        }
    }
    return d;
}

SaltelliDesign saltelli(std::span<const ParamRange> ranges, std::size_t base_samples,
                        std::uint64_t seed) {
    validate(ranges);
    if (base_samples < 2) throw std::invalid_argument("saltelli: need at least 2 base samples");
    const std::size_t k = ranges.size();
    const std::size_t rows = design_rows(base_samples, k + 2);

    SaltelliDesign d;
    d.ranges.assign(ranges.begin(), ranges.end());
    d.base_samples = base_samples;
    d.quasi_random = 2 * k <= sobol_max_dims;
    // A and B are the two halves of one 2k-dimensional point (Saltelli 2010): with a Sobol'
    // base this keeps A and B jointly low-discrepancy instead of two correlated sequences.
    PointMatrix base;
    if (d.quasi_random) {
        base = sobol_points(base_samples, 2 * k, seed);
    } else {
        base.cols = 2 * k;
        base.values.resize(base_samples * 2 * k);
        Stream s(seed, 0, StreamPurpose::Sweep, stream_id::saltelli_random);
        for (double& v : base.values) v = s.uniform();
    }
    d.points.cols = k;
    d.points.values.resize(rows * k);
    for (std::size_t j = 0; j < base_samples; ++j) {
        for (std::size_t c = 0; c < k; ++c) {
            const double a = value_from_unit(ranges[c], base.at(j, c));
            const double b = value_from_unit(ranges[c], base.at(j, k + c));
            d.points.at(d.row_a(j), c) = a;
            d.points.at(d.row_b(j), c) = b;
            for (std::size_t i = 0; i < k; ++i) d.points.at(d.row_ab(j, i), c) = i == c ? b : a;
        }
    }
    return d;
}

} // namespace tendersim::analysis
