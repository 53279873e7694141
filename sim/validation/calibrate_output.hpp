#pragma once
// `tendersim calibrate`: the files it writes beside the sweep's runs.csv and timeseries.csv.
//
// - ensemble.toml: the accepted parameter sets (schema_version 1): what the calibration was
//   (scenario, targets, seed, draws, replicates, years, acceptance rule), then one [[member]]
//   per accepted draw, nearest first, with its draw, distance and parameter values. `compare
//   --ensemble FILE` (issue 14, step 2) reads it back.
// - draws.csv: every draw: draw, distance, accepted, passes, each parameter, each target's model
//   value.
// - report.md: the posterior range of each parameter beside its prior (plausible) range, and
//   which targets constrain which parameters (rank correlation across all draws).
#include "analysis/abc.hpp"
#include "calibrate_score.hpp"
#include "calibrate_setup.hpp"

#include <string>
#include <vector>

namespace tendersim::validation {

struct CalibrationResult {
    std::vector<DrawScore> draws;
    std::vector<std::size_t> accepted;                 // draw indices, nearest first
    std::vector<analysis::PosteriorSummary> posterior; // per drawn parameter
    // rho[k][c]: Spearman correlation across all draws between parameter c and target k's
    // error (model - published over the tolerance half-width).
    std::vector<std::vector<double>> rho;
    // |rho| at least this is reported as a constraint: 4 / sqrt(m - 1), the size an independent
    // pair exceeds with probability 6e-5 (a 5% chance of one spurious entry among ~800 pairs),
    // m being the pairs the correlation used: rho_cutoff with every draw, rho_cutoffs[k] with
    // the draws where target k is defined (1 with fewer than two).
    double rho_cutoff = 0;
    std::vector<double> rho_cutoffs; // per target
};

// The value draw `draw` gave parameter `c` (integers rounded as the scenario gets them).
double draw_value(const CalibrationSetup& setup, std::size_t draw, std::size_t c);

CalibrationResult summarise_calibration(const CalibrationSetup& setup,
                                        std::vector<DrawScore> draws);

std::string ensemble_toml(const CalibrationSetup& setup, const CalibrationResult& result);
std::string draws_csv(const CalibrationSetup& setup, const CalibrationResult& result);
std::string calibration_report_md(const CalibrationSetup& setup, const CalibrationResult& result);

} // namespace tendersim::validation
