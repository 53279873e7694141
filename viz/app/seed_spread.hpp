#pragma once
// What chance alone does to a panel's figure: the spread of a figure over the background seeds
// (the band drawn around each line) and the monitor line (this year's value, its difference from
// the baseline and how that difference varies from seed to seed). Pure data, tested without a
// window.
#include "app/panels.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tendersim::viz {

// What the background runs vary: the seed (chance: --noise-seeds) or the model's parameters (an
// ensemble's members on the main run's seed: --ensemble).
enum class BandSource { Seeds, Ensemble };

// The background runs' yearly figures (Snapshot::seed_current / seed_baseline), each possibly
// shorter than the main run while it catches up.
struct SeedLines {
    std::span<const std::vector<MetricsPoint>> current, baseline;
    BandSource source = BandSource::Seeds;
};

using FigureOf = double (*)(const MetricsPoint&);

// Lowest and highest of one figure in one year over the main run and every background seed;
// empty when a seed has not reached that year or has no value for it.
struct Spread {
    double lo = 0.0, hi = 0.0;
};
std::optional<Spread> spread_at(std::span<const MetricsPoint> main,
                                std::span<const std::vector<MetricsPoint>> seeds,
                                std::size_t year_index, FigureOf figure);

// Lowest and highest of one figure in one year over the runs alone (an ensemble's band: the
// members' runs, not the main run, whose parameters are the scenario's own); empty when there
// are no runs or one has not reached that year or has no value for it.
std::optional<Spread> spread_over(std::span<const std::vector<MetricsPoint>> runs,
                                  std::size_t year_index, FigureOf figure);

// The band of a line under seeds.source: over the main run and the seeds (Seeds), over the
// members alone (Ensemble).
std::optional<Spread> band_at(std::span<const MetricsPoint> main,
                              std::span<const std::vector<MetricsPoint>> runs, BandSource source,
                              std::size_t year_index, FigureOf figure);

// The difference from the baseline in the latest year every seed has reached, seed by seed (the
// same seed's baseline, so the difference is the policy's, not chance's).
struct Difference {
    int year = 0;
    double value = 0.0;                    // the main run this year
    double delta = 0.0;                    // main run minus its baseline
    double delta_lo = 0.0, delta_hi = 0.0; // over the main run and the seeds
    int seeds = 0;                         // runs compared (main + background)
    int same_sign = 0;                     // of which with a difference of delta's sign
};
std::optional<Difference> difference(std::span<const MetricsPoint> current,
                                     std::span<const MetricsPoint> baseline, const SeedLines& seeds,
                                     FigureOf figure);

// A figure in its unit for a reader: "35.1%" (a share; "+1.2 pts" as a difference with sign),
// "£0.0123", "£1.5m", "1,940", "1.16"; sign: an explicit + on positives.
std::string amount_text(double v, MetricUnit unit, bool sign);

// "35.1% · Δ −1.6 pts · clear" in the figure's unit, shares in points, when every seed's
// difference has the same sign; "· noise" when the seeds disagree on it; "no change" when every
// seed's difference is zero (before a policy differs from the baseline). The range over seeds is
// the band on the chart. Over an ensemble's members (source Ensemble) the words are "sets
// agree" (every parameter set moves the same way) and "sets differ" (the sign depends on the
// parameters): not "robust", which tendersim compare --ensemble's report keeps for a test with
// replicates.
std::string monitor_text(const Difference& d, MetricUnit unit,
                         BandSource source = BandSource::Seeds);

// What the title bar's key adds about the bands, " · ..." (empty without background runs): the
// seeds' count and what "clear" means, or that the band is the model's uncertainty over `runs`
// calibrated parameter sets and what "sets agree" means.
std::string bands_key(BandSource source, std::size_t runs);

// The chart key's entry for the band, or empty when there are no background runs.
std::string band_legend(BandSource source, std::size_t runs);

} // namespace tendersim::viz
