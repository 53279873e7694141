#pragma once
// Counter-based random streams. A stream is keyed by (seed, year, purpose, entity id); draw k of a
// stream is a pure function of the key and k, so any thread can draw any entity's numbers and the
// result never depends on scheduling. Distributions are implemented here (not std::*_distribution)
// so output is identical across standard-library versions.
#include <cmath>
#include <cstdint>

namespace tendersim {

// What a stream is for: mostly a step of the year, plus setup, replicate and sweep seeds. Not the
// year's phases themselves (core/phases.hpp), hence not called Phase. Adding a purpose never
// shifts another's numbers; the values are part of every output's seeds, so never renumber.
enum class StreamPurpose : std::uint32_t {
    Init = 1,
    Needs,
    Design,
    Bidding,
    Evaluation,
    Award,
    Delivery,
    Dynamics,
    Entry,
    Replicate,
    Sweep,
    Policy,
    SocialValueMix,
    JobFit,        // a firm's fit with one need: the same at every letting of that need
    JointEstimate, // a partnership's estimate of a joint tender from its pooled records
    Route,         // whether a need is called off from a framework (docs/ODD.md 7.20)
};

constexpr std::uint64_t mix64(std::uint64_t z) {
    // SplitMix64 finaliser (Steele, Lea & Flood 2014): a bijective avalanche mixer.
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

constexpr std::uint64_t hash_combine(std::uint64_t h, std::uint64_t v) {
    return mix64(h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)));
}

class Stream {
  public:
    constexpr Stream(std::uint64_t seed, std::uint32_t year, StreamPurpose purpose,
                     std::uint64_t id)
        : key_(hash_combine(
              hash_combine(hash_combine(mix64(seed), year), static_cast<std::uint64_t>(purpose)),
              id)) {}

    // A sub-stream for a second id (e.g. tender x supplier) without touching this one's counter.
    constexpr Stream sub(std::uint64_t id) const { return Stream(hash_combine(key_, id)); }

    constexpr std::uint64_t next_u64() { return mix64(key_ + 0x9e3779b97f4a7c15ULL * ++counter_); }

    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }
    // Uniform in (0, 1]: safe for log().
    double uniform_pos() { return (static_cast<double>(next_u64() >> 11) + 1.0) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Integer in [0, n) by Lemire's multiply-shift (bias < 2^-32 for the n used here).
    std::uint64_t below(std::uint64_t n) {
        __extension__ using u128 = unsigned __int128; // GCC/Clang; exact 64x64 -> 128 product
        return static_cast<std::uint64_t>((static_cast<u128>(next_u64()) * static_cast<u128>(n)) >>
                                          64);
    }
    bool bernoulli(double p) { return uniform() < p; }
    // Standard normal by Box-Muller; one draw per call keeps the counter arithmetic simple.
    double normal() {
        const double u1 = uniform_pos();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    double normal(double mean, double sd) { return mean + sd * normal(); }
    double lognormal(double median, double sigma) { return median * std::exp(sigma * normal()); }
    // Poisson: inversion for small means, rounded normal approximation for large ones.
    std::uint64_t poisson(double mean) {
        if (mean <= 0.0) return 0;
        if (mean > 40.0) {
            const double x = std::floor(normal(mean, std::sqrt(mean)) + 0.5);
            return x < 0.0 ? 0 : static_cast<std::uint64_t>(x);
        }
        const double limit = std::exp(-mean);
        double p = uniform_pos();
        std::uint64_t k = 0;
        while (p > limit) {
            p *= uniform_pos();
            ++k;
        }
        return k;
    }
    // A success probability with its log1p(-p), for many geometric draws at the same rate.
    struct SkipRate {
        double p;
        double log_q;
        explicit SkipRate(double rate)
            : p(rate), log_q(rate > 0.0 && rate < 1.0 ? std::log1p(-rate) : 0.0) {}
    };
    // Number of failures before the first success with probability p (geometric skip).
    std::uint64_t geometric(const SkipRate& rate) {
        if (rate.p >= 1.0) return 0;
        if (rate.p <= 0.0) return UINT64_MAX;
        const double g = std::floor(std::log(uniform_pos()) / rate.log_q);
        return g >= 1.8e19 ? UINT64_MAX : static_cast<std::uint64_t>(g);
    }
    std::uint64_t geometric(double p) { return geometric(SkipRate(p)); }

  private:
    constexpr explicit Stream(std::uint64_t key) : key_(key) {}
    std::uint64_t key_;
    std::uint64_t counter_ = 0;
};

// Seed of replicate r (or sweep run r) derived from a base seed: distinct, recorded, reproducible.
constexpr std::uint64_t derive_seed(std::uint64_t base, StreamPurpose purpose,
                                    std::uint64_t index) {
    // 53 bits: every derived seed is exact in a double, so R (read.csv, jsonlite), JavaScript and
    // a pandas float column keep the seed a run can be reproduced from (issue 16).
    return hash_combine(hash_combine(mix64(base), static_cast<std::uint64_t>(purpose)), index) >>
           11;
}

// The largest seed a scenario, sweep or --seed may give: 2^53 - 1, for the same reason.
inline constexpr std::uint64_t max_exact_seed = (std::uint64_t{1} << 53) - 1;

} // namespace tendersim
