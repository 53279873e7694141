#pragma once
// What a sweep will run: the design points, the order they run in, and for every run index its
// design point, replicate and seed. A pure function of the sweep file, so every process of a
// sharded or MPI sweep builds the same plan and any run can be recomputed alone.
//
// Run r is replicate r / P of the design point at position r % P of the interleaved run order
// (P = design points): the first P runs cover every point once, in an order whose every prefix
// is spread over the parameter space, then the second replicate follows, and so on.
// Its seed is derive_seed(sweep seed, StreamPurpose::Sweep, r): distinct per run, recorded in
// runs.csv.
#include "analysis/design.hpp"
#include "experiment/metrics_select.hpp"
#include "experiment/sweep_spec.hpp"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace tendersim::experiment {

using Design = std::variant<analysis::GridDesign, analysis::LhsDesign, analysis::MorrisDesign,
                            analysis::SaltelliDesign, analysis::PointsDesign>;

struct RunInfo {
    std::uint64_t run = 0;
    std::size_t point = 0; // design row
    std::int64_t replicate = 0;
    std::uint64_t seed = 0;
};

class SweepPlan {
  public:
    // Builds the design and checks that every point makes a valid scenario. Throws SweepFileError
    // naming the sweep file.
    explicit SweepPlan(SweepSpec spec);

    const SweepSpec& spec() const { return spec_; }
    const Design& design() const { return design_; }
    const analysis::PointMatrix& points() const;
    std::size_t point_count() const { return order_.size(); }
    std::uint64_t run_count() const { return runs_; }
    RunInfo run(std::uint64_t index) const;
    // The base scenario with the design point's values set.
    ScenarioSpec scenario_for(std::size_t point) const;
    const MetricSelection& metrics() const { return metrics_; }
    // What the sweep computes (sweep_definition.hpp): the engine build, the settings that decide
    // the runs and the fully resolved scenario of every design point, [[adopt]] entries and the
    // whole base chain included. The fingerprint is its SHA-256: partial results are only ever
    // resumed or merged under the same one.
    const std::string& definition() const { return definition_; }
    const std::string& fingerprint() const { return fingerprint_; }

  private:
    SweepSpec spec_;
    Design design_;
    std::vector<std::size_t> order_;
    std::uint64_t runs_ = 0;
    MetricSelection metrics_;
    std::string definition_;
    std::string fingerprint_;
};

// Shard K of N owns the runs with index % N == K, so each shard also covers the space evenly.
struct ShardSpec {
    std::uint64_t index = 0;
    std::uint64_t count = 1;
    bool owns(std::uint64_t run) const { return run % count == index; }
};

} // namespace tendersim::experiment
