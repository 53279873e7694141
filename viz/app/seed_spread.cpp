#include "app/seed_spread.hpp"

#include "app/text_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tendersim::viz {

namespace {

std::optional<double> value_at(std::span<const MetricsPoint> points, std::size_t i,
                               FigureOf figure) {
    if (i >= points.size()) return std::nullopt;
    const double v = figure(points[i]);
    return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

// Three significant figures, a typographic minus and an explicit plus on differences.
std::string number_text(double v, bool sign) {
    char buf[48];
    const double a = std::abs(v);
    const int decimals =
        a == 0.0 ? 0 : std::clamp(2 - static_cast<int>(std::floor(std::log10(a))), 0, 6);
    std::snprintf(buf, sizeof buf, "%.*f", decimals, a);
    std::string s = buf;
    if (a >= 1000.0) s = count_text(a);
    if (v < 0 && s.find_first_not_of("0.") != std::string::npos) return "\u2212" + s;
    return (sign ? "+" : "") + s;
}

} // namespace

std::string amount_text(double v, MetricUnit unit, bool sign) {
    switch (unit) {
    case MetricUnit::Share: {
        // Points for differences, a percentage for a level; one decimal either way.
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", std::abs(v) * 100.0);
        const std::string s = buf;
        const std::string minus = v < 0 && s != "0.0" ? "\u2212" : (sign ? "+" : "");
        return minus + s + (sign ? " pts" : "%");
    }
    case MetricUnit::Money:
        return (sign && v >= 0 ? "+" : v < 0 ? "\u2212" : "") + money_text(std::abs(v));
    case MetricUnit::MoneyPerPound:
        return (sign && v >= 0 ? "+"
                : v < 0        ? "\u2212"
                               : "") +
               std::string("\u00A3") + number_text(std::abs(v), false);
    default:
        return number_text(v, sign);
    }
}

std::optional<Spread> spread_at(std::span<const MetricsPoint> main,
                                std::span<const std::vector<MetricsPoint>> seeds,
                                std::size_t year_index, FigureOf figure) {
    const auto v = value_at(main, year_index, figure);
    if (!v) return std::nullopt;
    Spread s{*v, *v};
    for (const auto& seed : seeds) {
        const auto w = value_at(seed, year_index, figure);
        if (!w) return std::nullopt;
        s.lo = std::min(s.lo, *w);
        s.hi = std::max(s.hi, *w);
    }
    return s;
}

std::optional<Spread> spread_over(std::span<const std::vector<MetricsPoint>> runs,
                                  std::size_t year_index, FigureOf figure) {
    if (runs.empty()) return std::nullopt;
    const auto first = value_at(runs.front(), year_index, figure);
    if (!first) return std::nullopt;
    return spread_at(runs.front(), runs.subspan(1), year_index, figure);
}

std::optional<Spread> band_at(std::span<const MetricsPoint> main,
                              std::span<const std::vector<MetricsPoint>> runs, BandSource source,
                              std::size_t year_index, FigureOf figure) {
    // The ensemble's band only where the main run has the year too: it grows with the lines.
    if (source == BandSource::Ensemble)
        return value_at(main, year_index, figure) ? spread_over(runs, year_index, figure)
                                                  : std::nullopt;
    return spread_at(main, runs, year_index, figure);
}

std::optional<Difference> difference(std::span<const MetricsPoint> current,
                                     std::span<const MetricsPoint> baseline, const SeedLines& seeds,
                                     FigureOf figure) {
    // The latest year the main run and every seed have completed.
    std::size_t n = std::min(current.size(), baseline.size());
    for (const auto& s : seeds.current) n = std::min(n, s.size());
    for (const auto& s : seeds.baseline) n = std::min(n, s.size());
    if (n == 0 || seeds.current.size() != seeds.baseline.size()) return std::nullopt;
    const std::size_t i = n - 1;
    const auto cur = value_at(current, i, figure);
    const auto base = value_at(baseline, i, figure);
    if (!cur || !base) return std::nullopt;
    Difference d;
    d.year = current[i].year;
    d.value = *cur;
    d.delta = *cur - *base;
    d.delta_lo = d.delta_hi = d.delta;
    std::vector<double> deltas{d.delta};
    for (std::size_t k = 0; k < seeds.current.size(); ++k) {
        const auto c = value_at(seeds.current[k], i, figure);
        const auto b = value_at(seeds.baseline[k], i, figure);
        if (!c || !b) continue; // a seed with no value this year (no tenders) is left out
        deltas.push_back(*c - *b);
    }
    d.seeds = static_cast<int>(deltas.size());
    for (double x : deltas) {
        d.delta_lo = std::min(d.delta_lo, x);
        d.delta_hi = std::max(d.delta_hi, x);
        if ((x > 0 && d.delta > 0) || (x < 0 && d.delta < 0)) ++d.same_sign;
    }
    return d;
}

std::string monitor_text(const Difference& d, MetricUnit unit, BandSource source) {
    std::string s = amount_text(d.value, unit, false) + " \u00B7 ";
    if (d.delta_lo == 0.0 && d.delta_hi == 0.0) return s + "no change";
    s += "\u0394 " + amount_text(d.delta, unit, true);
    if (d.seeds <= 1) return s;
    // What a room needs from the seeds: does the difference keep its sign whatever the luck of
    // the draw? If not, it is within chance.
    // Two words a room learns from the title bar's key; a quarter-width panel has no room for
    // more.
    const bool agree = d.same_sign == d.seeds;
    if (source == BandSource::Ensemble)
        return s + (agree ? " \u00B7 sets agree" : " \u00B7 sets differ");
    return s + (agree ? " \u00B7 clear" : " \u00B7 noise");
}

std::string band_legend(BandSource source, std::size_t runs) {
    if (runs == 0) return {};
    if (source == BandSource::Ensemble)
        return "Model uncertainty: " + std::to_string(runs) + " calibrated parameter set" +
               (runs == 1 ? "" : "s");
    return "Chance: " + std::to_string(runs + 1) + " seeds";
}

std::string bands_key(BandSource source, std::size_t runs) {
    if (runs == 0) return {};
    if (source == BandSource::Ensemble)
        return " \u00B7 band: model uncertainty, " + std::to_string(runs) +
               " calibrated parameter set" + (runs == 1 ? "" : "s") +
               " \u00B7 sets agree: every set moves the same way";
    return " \u00B7 bands: " + std::to_string(runs + 1) +
           " seeds \u00B7 clear: every seed moves the same way";
}

} // namespace tendersim::viz
