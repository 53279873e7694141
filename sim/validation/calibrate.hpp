#pragma once
// `tendersim calibrate`: once the calibration sweep (calibrate_setup.hpp) has finished, scores
// its runs, keeps the draws that fit and writes ensemble.toml, draws.csv and report.md beside
// the sweep's own files in results/calibrate-<scenario>/.
#include "calibrate_output.hpp"
#include "calibrate_setup.hpp"

#include <filesystem>

namespace tendersim::validation {

// <parent>/calibrate-<scenario name>
std::filesystem::path calibration_dir(const CalibrationSetup& setup,
                                      const std::filesystem::path& parent);

// Scores the finished sweep in dir and writes the calibration files there, each whole (written
// to a temporary name and renamed), under the directory's lock. Pure function of the sweep's
// files, so rerunning it (as --resume does) rewrites the same bytes.
CalibrationResult finish_calibration(const CalibrationSetup& setup,
                                     const std::filesystem::path& dir);

} // namespace tendersim::validation
