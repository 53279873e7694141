#include "experiment/sweep_plan.hpp"

#include "analysis/interleave.hpp"
#include "core/params.hpp"
#include "core/rng.hpp"
#include "core/run_plan.hpp"
#include "experiment/sweep_definition.hpp"
#include "io/input_file_error.hpp"
#include "io/manifest.hpp"
#include "io/scenario_loader.hpp"

#include <stdexcept>

namespace tendersim::experiment {
namespace {

Design build_design(const SweepSpec& s, std::span<const analysis::ParamRange> ranges) {
    switch (s.design) {
    case DesignKind::Grid:
        return analysis::grid(ranges, s.points_per_dim);
    case DesignKind::Lhs:
        return analysis::latin_hypercube(ranges, s.samples, s.seed);
    case DesignKind::Morris:
        return analysis::morris(ranges, s.trajectories, s.levels, s.seed);
    case DesignKind::Sobol:
        return analysis::saltelli(ranges, s.base_samples, s.seed);
    case DesignKind::Points: {
        analysis::validate(ranges);
        analysis::PointsDesign d;
        d.ranges.assign(ranges.begin(), ranges.end());
        d.points = s.points;
        return d;
    }
    }
    throw std::logic_error("unknown design");
}

// The message of a ScenarioError without its "FILE:LINE: key 'K': " prefix.
std::string bare_message(const ScenarioError& e) {
    const std::string what = e.what();
    const std::string marker = e.key().empty() ? ": " : "key '" + e.key() + "': ";
    const auto at = what.find(marker);
    return at == std::string::npos ? what : what.substr(at + marker.size());
}

} // namespace

SweepPlan::SweepPlan(SweepSpec spec) : spec_(std::move(spec)) {
    std::vector<analysis::ParamRange> ranges;
    for (const auto& p : spec_.params) ranges.push_back(p.range);
    try {
        design_ = build_design(spec_, ranges);
        order_ = std::visit([](const auto& d) { return analysis::run_order(d); }, design_);
        runs_ = analysis::design_rows(order_.size(), static_cast<std::size_t>(spec_.replicates));
    } catch (const std::exception& e) {
        // Too many runs, or a design the analysis library refuses: blame the [design] table.
        throw SweepFileError(spec_.file, spec_.design_line, "design", e.what());
    }
    std::string unknown;
    metrics_ = select_metrics(spec_.base, spec_.outputs, &unknown);
    if (!unknown.empty())
        throw SweepFileError(spec_.file, 0, "outputs.metrics",
                             "unknown metric \"" + unknown + "\"");

    // Every point must be a valid scenario (e.g. markup_min <= markup_max), checked now so a
    // sweep never fails halfway through.
    const auto& pts = points();
    for (std::size_t row = 0; row < pts.rows(); ++row) {
        try {
            // A nonzero "line" marks the swept keys: a contradiction blames the key the point
            // set (market.regions), not the base's (adopt.region).
            validate_scenario(scenario_for(row), spec_.file,
                              [&](std::string_view key, std::size_t) -> std::uint32_t {
                                  for (const auto& p : spec_.params)
                                      if (p.key == key) return 1;
                                  return 0;
                              });
        } catch (const ScenarioError& e) {
            std::string values;
            for (std::size_t c = 0; c < spec_.params.size(); ++c)
                values += (c ? ", " : "") + spec_.params[c].key + "=" +
                          param_text(spec_.params[c], pts.at(row, c));
            // A points file's row is the user's own: blame its line.
            if (spec_.design == DesignKind::Points)
                throw SweepFileError(spec_.points_file, spec_.points_lines[row], e.key(),
                                     "design point " + std::to_string(row) + " (" + values +
                                         ") is not a valid scenario: " + bare_message(e) +
                                         "; change or drop this row");
            throw SweepFileError(spec_.file, spec_.params.front().line, e.key(),
                                 "design point " + std::to_string(row) + " (" + values +
                                     ") is not a valid scenario: " + bare_message(e) +
                                     "; narrow the ranges");
        }
    }

    // What the engine runs, not file text: an edited comment changes nothing, while an
    // [[adopt]] entry or a file deep in the base chain changes every point's resolved scenario.
    definition_ = sweep_definition(spec_);
    fingerprint_ = sha256_of(definition_);
}

const analysis::PointMatrix& SweepPlan::points() const {
    return std::visit([](const auto& d) -> const analysis::PointMatrix& { return d.points; },
                      design_);
}

RunInfo SweepPlan::run(std::uint64_t index) const {
    const std::uint64_t p = order_.size();
    RunInfo info;
    info.run = index;
    info.replicate = static_cast<std::int64_t>(index / p);
    info.point = order_[static_cast<std::size_t>(index % p)];
    info.seed = spec_.common_seeds
                    ? replicate_seed(spec_.seed, static_cast<std::uint64_t>(info.replicate))
                    : derive_seed(spec_.seed, StreamPurpose::Sweep, index);
    return info;
}

ScenarioSpec SweepPlan::scenario_for(std::size_t point) const {
    ScenarioSpec s = spec_.base;
    const auto& pts = points();
    if (spec_.adopt_year == 0) {
        for (std::size_t c = 0; c < spec_.params.size(); ++c)
            set_param(s, spec_.params[c], pts.at(point, c));
        return s;
    }
    // One adoption for every council in adopt_year, after the base scenario's own entries (so
    // it wins over one of theirs in the same year); the patch holds only the swept keys.
    ScenarioSpec scratch;
    Adoption a;
    a.year = spec_.adopt_year;
    for (std::size_t c = 0; c < spec_.params.size(); ++c) {
        set_param(scratch, spec_.params[c], pts.at(point, c));
        a.keys.push_back(spec_.params[c].key.substr(std::string_view("policy.").size()));
    }
    a.patch = scratch.policy;
    s.adoptions.push_back(a);
    return s;
}

} // namespace tendersim::experiment
