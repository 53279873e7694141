#include "analysis/sensitivity.hpp"

#include "analysis/distributions.hpp"
#include "analysis/stats.hpp"
#include "analysis/stream_ids.hpp"
#include "core/rng.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace tendersim::analysis {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void check_outputs(std::size_t rows, std::span<const double> outputs, const char* what) {
    if (outputs.size() != rows) {
        throw std::invalid_argument(std::string(what) + ": expected " + std::to_string(rows) +
                                    " outputs, got " + std::to_string(outputs.size()));
    }
}

// Raw sums for the Sobol' estimators over a multiset of base-sample blocks.
struct SobolEstimate {
    double variance = 0.0;
    std::vector<double> s1;
    std::vector<double> st;
};

// blocks: the base-sample indices to use (repeats allowed, for the bootstrap).
SobolEstimate estimate(const SaltelliDesign& d, std::span<const double> y,
                       std::span<const std::size_t> blocks) {
    const std::size_t k = d.k();
    const auto n = static_cast<double>(blocks.size());
    // Centre on the pooled A/B mean first: the estimators are shift-invariant in expectation,
    // but a large mean (costs in the millions) would otherwise inflate the V_i sums' variance
    // and cancellation error.
    double m = 0.0;
    for (const std::size_t j : blocks) m += y[d.row_a(j)] + y[d.row_b(j)];
    m /= 2.0 * n;
    double var = 0.0;
    for (const std::size_t j : blocks) {
        const double a = y[d.row_a(j)] - m;
        const double b = y[d.row_b(j)] - m;
        var += a * a + b * b;
    }
    var /= 2.0 * n;

    SobolEstimate e;
    e.variance = var;
    e.s1.assign(k, 0.0);
    e.st.assign(k, 0.0);
    for (const std::size_t j : blocks) {
        const double a = y[d.row_a(j)] - m;
        const double b = y[d.row_b(j)] - m;
        for (std::size_t i = 0; i < k; ++i) {
            const double ab = y[d.row_ab(j, i)] - m;
            e.s1[i] += b * (ab - a);        // Saltelli et al. 2010, Table 2 (b)
            e.st[i] += (a - ab) * (a - ab); // Jansen 1999 (Saltelli et al. 2010, Table 2 (f))
        }
    }
    for (std::size_t i = 0; i < k; ++i) {
        e.s1[i] = var > 0.0 ? e.s1[i] / n / var : kNaN;
        e.st[i] = var > 0.0 ? e.st[i] / (2.0 * n) / var : kNaN;
    }
    return e;
}

} // namespace

std::vector<MorrisIndex> morris_indices(const MorrisDesign& d, std::span<const double> outputs,
                                        double confidence) {
    check_outputs(d.points.rows(), outputs, "morris_indices");
    if (!(confidence > 0.0 && confidence < 1.0))
        throw std::invalid_argument("morris_indices: confidence must be in (0, 1)");
    const double z = normal_quantile(0.5 + 0.5 * confidence);
    const std::size_t k = d.k();
    std::vector<std::vector<double>> effects(k);
    for (std::size_t row = 0; row < outputs.size(); ++row) {
        const std::size_t i = d.changed[row];
        if (i == MorrisDesign::no_change) continue;
        const double y1 = outputs[row];
        const double y0 = outputs[row - 1];
        if (std::isnan(y0) || std::isnan(y1)) continue; // unfinished run
        effects[i].push_back((y1 - y0) / d.step[row]);
    }
    std::vector<MorrisIndex> out(k);
    for (std::size_t i = 0; i < k; ++i) {
        MorrisIndex& r = out[i];
        r.name = d.ranges[i].name;
        r.effects = effects[i].size();
        if (effects[i].empty()) {
            r.mu = r.mu_star = r.sigma = r.mu_star_conf = kNaN;
            continue;
        }
        const auto n = static_cast<double>(effects[i].size());
        r.mu = mean(effects[i]);
        double abs_sum = 0.0;
        for (const double e : effects[i]) abs_sum += std::fabs(e);
        r.mu_star = abs_sum / n;
        r.sigma = sample_sd(effects[i]);
        double abs_ss = 0.0;
        for (const double e : effects[i])
            abs_ss += (std::fabs(e) - r.mu_star) * (std::fabs(e) - r.mu_star);
        r.mu_star_conf = effects[i].size() < 2 ? kNaN : z * std::sqrt(abs_ss / n) / std::sqrt(n);
    }
    return out;
}

SobolResult sobol_indices(const SaltelliDesign& d, std::span<const double> outputs,
                          const SobolOptions& options) {
    check_outputs(d.points.rows(), outputs, "sobol_indices");
    if (!(options.confidence > 0.0 && options.confidence < 1.0)) {
        throw std::invalid_argument("sobol_indices: confidence must be in (0, 1)");
    }
    const std::size_t k = d.k();
    std::vector<std::size_t> complete;
    for (std::size_t j = 0; j < d.base_samples; ++j) {
        const auto block = outputs.subspan(d.row_a(j), d.block_size());
        if (std::none_of(block.begin(), block.end(), [](double v) { return std::isnan(v); })) {
            complete.push_back(j);
        }
    }

    SobolResult res;
    res.blocks_used = complete.size();
    res.indices.resize(k);
    for (std::size_t i = 0; i < k; ++i) res.indices[i].name = d.ranges[i].name;
    const auto set_intervals_nan = [&] {
        for (SobolIndex& s : res.indices)
            s.s1_conf = s.st_conf = s.s1_low = s.s1_high = s.st_low = s.st_high = kNaN;
    };
    if (complete.size() < 2) {
        res.variance = kNaN;
        for (SobolIndex& s : res.indices) s.s1 = s.st = kNaN;
        set_intervals_nan();
        return res;
    }
    const SobolEstimate point = estimate(d, outputs, complete);
    res.variance = point.variance;
    for (std::size_t i = 0; i < k; ++i) {
        res.indices[i].s1 = point.s1[i];
        res.indices[i].st = point.st[i];
    }
    if (options.bootstrap == 0) {
        set_intervals_nan();
        return res;
    }

    // Percentile bootstrap over base samples (Archer, Saltelli & Sobol 1997): a block's k + 2
    // runs share A_j and B_j, so blocks, not runs, are the independent units. Resampling treats
    // Sobol' base points as independent, so with a quasi-random base the intervals are
    // conservative (QMC error is smaller than the i.i.d. error the bootstrap measures).
    Stream s(options.seed, 0, StreamPurpose::Sweep, stream_id::sobol_bootstrap);
    std::vector<std::vector<double>> s1(k), st(k);
    std::vector<std::size_t> sample(complete.size());
    for (std::size_t b = 0; b < options.bootstrap; ++b) {
        for (std::size_t& j : sample) j = complete[s.below(complete.size())];
        const SobolEstimate e = estimate(d, outputs, sample);
        for (std::size_t i = 0; i < k; ++i) {
            // A resample of identical outputs has no variance and no index: leave it out
            // (NaN would also break the sort below).
            if (!std::isnan(e.s1[i])) s1[i].push_back(e.s1[i]);
            if (!std::isnan(e.st[i])) st[i].push_back(e.st[i]);
        }
    }
    const double alpha = 1.0 - options.confidence;
    const double z = normal_quantile(1.0 - 0.5 * alpha);
    for (std::size_t i = 0; i < k; ++i) {
        // SALib's S1_conf / ST_conf: z times the bootstrap sd (n - 1, numpy's ddof=1).
        res.indices[i].s1_conf = z * sample_sd(s1[i]);
        res.indices[i].st_conf = z * sample_sd(st[i]);
        std::sort(s1[i].begin(), s1[i].end());
        std::sort(st[i].begin(), st[i].end());
        res.indices[i].s1_low = sorted_quantile(s1[i], 0.5 * alpha);
        res.indices[i].s1_high = sorted_quantile(s1[i], 1.0 - 0.5 * alpha);
        res.indices[i].st_low = sorted_quantile(st[i], 0.5 * alpha);
        res.indices[i].st_high = sorted_quantile(st[i], 1.0 - 0.5 * alpha);
    }
    return res;
}

} // namespace tendersim::analysis
