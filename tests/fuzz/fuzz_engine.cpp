// libFuzzer target: the engine on a bounded market. The bytes become in-range values for
// registry parameters of a small scenario (tests/fuzz/data/small.toml): each 3-byte group picks a
// parameter (scenario or category) and a point in its documented range. Size parameters are
// capped so every input runs in milliseconds; the combination must pass validate_scenario (the
// loader's own cross-field checks) before it runs. Then 1-2 years are simulated on one thread and
// every metric is checked: finite or not defined, money and counts non-negative, shares and
// indices in range.
// A broken invariant aborts with the metric's name (a finding, like a crash).
#include "core/metrics.hpp"
#include "core/money.hpp"
#include "core/params.hpp"
#include "core/simulation.hpp"
#include "fuzz_small_spec.hpp"
#include "io/input_file_error.hpp"
#include "io/scenario_loader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

namespace {

using namespace tendersim;

// Caps that keep the market small (the fuzzer looks for wrong arithmetic, not for slow runs).
struct Cap {
    std::string_view key;
    double max;
};
constexpr Cap kSizeCaps[] = {
    {"run.years", 2},
    {"run.burn_in_years", 1},
    {"run.replicates", 1},
    {"market.regions", 4},
    {"market.councils", 8},
    {"market.suppliers", 80},
    {"market.large_reach_regions", 4},
    {"market.council_population_median", 400'000},
    {"market.council_population_sigma", 1},
    {"market.spend_per_capita_gbp", 1'000},
    {"suppliers.sme_bid_capacity", 200},
    {"suppliers.large_bid_capacity", 2'000},
    {"policy.partnership_max_size", 8},
};
// The range the fuzzer draws a parameter from: its documented range, narrowed by the caps.
std::pair<double, double> fuzz_range(std::string_view key, double min, double max) {
    for (const Cap& c : kSizeCaps)
        if (c.key == key) max = std::min(max, c.max);
    return {min, max};
}

// u in [0, 1] -> a value in [lo, hi]: linear for narrow ranges, log-spaced for ranges spanning
// decades (so 1e3..1e10 is explored at every scale), ends reached exactly.
double point_in(double lo, double hi, double u) {
    if (hi <= lo) return lo;
    if (lo >= 0 && hi - lo > 1e4) // offsets above lo spaced evenly in log(1 + offset)
        return std::clamp(lo + std::expm1(u * std::log1p(hi - lo)), lo, hi);
    return lo + u * (hi - lo);
}

// TENDERSIM_FUZZ_VERBOSE=1: print the overrides an input decodes to (to turn a finding into a
// scenario file or --set options).
bool verbose() {
    static const bool on = [] {
        const char* v = std::getenv("TENDERSIM_FUZZ_VERBOSE");
        return v && std::string_view(v) == "1";
    }();
    return on;
}

template <class Def, class Target> void set_value(const Def& def, Target& t, double u) {
    const auto [lo, hi] = fuzz_range(def.key, def.min, def.max);
    switch (def.kind) {
    case ParamKind::Real:
        def.real(t) = point_in(lo, hi, u);
        break;
    case ParamKind::Int:
        def.integer(t) = static_cast<std::int64_t>(std::llround(point_in(lo, hi, u)));
        break;
    case ParamKind::Bool:
        def.boolean(t) = u >= 0.5;
        break;
    case ParamKind::Choice: {
        std::vector<std::string_view> words;
        std::string_view rest = def.choices;
        while (!rest.empty()) {
            const auto bar = rest.find('|');
            words.push_back(rest.substr(0, bar));
            rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
        }
        if (!words.empty()) {
            const auto k = std::min(
                words.size() - 1, static_cast<std::size_t>(u * static_cast<double>(words.size())));
            (void)def.set_choice(t, words[k]);
        }
        break;
    }
    }
    if (verbose())
        std::fprintf(stderr, "fuzz_engine: %s = %s\n", std::string(def.key).c_str(),
                     param_value_text(def, t).c_str());
}

// The work a year takes grows with the tenders (spend / contract value) and the lots they are
// cut into, which no single cap bounds: inputs expecting more than kMaxTenders tenders a year
// are skipped, and a lot threshold is raised to at most 8 lots per large tender.
constexpr double kMaxTenders = 1'500;
bool bounded(ScenarioSpec& spec) {
    const auto& mk = spec.market;
    const double sigma = mk.council_population_sigma;
    const double spend = static_cast<double>(mk.councils) * mk.council_population_median *
                         std::exp(sigma * sigma / 2) * mk.spend_per_capita_gbp;
    double shares = 0, tenders = 0, largest = 0;
    for (const CategorySpec& c : spec.categories) shares += c.spend_share;
    for (const CategorySpec& c : spec.categories) {
        if (shares > 0) tenders += spend * c.spend_share / shares / c.value_median_gbp;
        largest = std::max(largest, c.value_median_gbp * std::exp(3 * c.value_sigma));
    }
    double& lots = spec.policy.lot_threshold_gbp;
    if (lots > 0) lots = std::max(lots, largest / 8);
    return tenders <= kMaxTenders;
}

[[noreturn]] void broken(const std::string& what, double value, int year) {
    std::fprintf(stderr, "fuzz_engine: invariant broken in year %d: %s = %.17g\n", year,
                 what.c_str(), value);
    std::abort();
}

void check_metrics(const YearMetrics& y, const ScenarioSpec& spec) {
    for (const auto& [name, value] : metric_rows(y, spec)) {
        // NaN is "not defined" (a ratio with nothing to divide by, written empty); an infinity
        // is a division that should have been caught.
        if (std::isnan(value)) continue;
        if (!std::isfinite(value)) broken(name + " is infinite", value, y.year);
        // A markup can be below cost, and a single-bid premium is a price difference either way.
        const bool may_be_negative =
            name.find("markup") != std::string::npos || name.starts_with("single_bid_premium");
        if (!may_be_negative && value < 0) broken(name + " is negative", value, y.year);
        if (name.starts_with("hhi") && value > 10'000 + 1e-6)
            broken(name + " above 10,000", value, y.year);
        const bool share = name.ends_with("_share") || name.find("_share.") != std::string::npos ||
                           name.ends_with("_rate") || name.ends_with("_ratio");
        // bid_cost_share may pass 1 (a minimum bid cost on a small contract); a delivery ratio
        // passes 1 when suppliers over-deliver. Every other share or rate is at most 1.
        const bool unbounded = name.starts_with("bid_cost_share") ||
                               name.starts_with("social_value_delivery_ratio") ||
                               name.starts_with("new_need_rate");
        if (share && !unbounded && value > 1 + 1e-9) broken(name + " above 1", value, y.year);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1 || size > 3 * 64 + 1) return 0;
    ScenarioSpec spec = fuzz::small_spec();
    spec.run.years = 1 + (data[0] & 1);
    const std::uint64_t seed = data[0] >> 1;
    const auto scenario = scenario_params();
    const auto category = category_params();
    const std::size_t choices = scenario.size() + category.size() * spec.categories.size();
    for (std::size_t i = 1; i + 3 <= size; i += 3) {
        const std::size_t pick = data[i] % choices;
        const double u = (data[i + 1] << 8 | data[i + 2]) / 65535.0;
        if (pick < scenario.size()) {
            set_value(scenario[pick], spec, u);
        } else {
            const std::size_t k = pick - scenario.size();
            set_value(category[k % category.size()], spec.categories[k / category.size()], u);
        }
    }
    for (const Cap& c : kSizeCaps) // whatever the picks, the size stays capped
        if (const ParamDef* def = find_param(c.key); def && def->kind == ParamKind::Int)
            def->integer(spec) = std::min<std::int64_t>(def->integer(spec), std::llround(c.max));
    if (!bounded(spec)) return 0;
    try {
        validate_scenario(spec, "fuzz");
    } catch (const ScenarioError&) {
        return 0; // an invalid combination: the loader refuses it, nothing to run
    }
    if (verbose())
        std::fprintf(stderr, "fuzz_engine: seed %llu, %lld years\n",
                     static_cast<unsigned long long>(seed), static_cast<long long>(spec.run.years));
    try {
        Simulation sim(spec, seed, 1);
        for (std::int64_t year = 0; year < spec.run.years; ++year)
            check_metrics(sim.run_year(), spec);
        (void)state_hash(sim.market());
    } catch (const MoneyOverflow&) {
        // Documented ranges whose money outgrows 64-bit pence stop with this clear error (exit 2
        // from the CLI) instead of wrapping round: a refusal, not a finding.
    }
    return 0;
}
