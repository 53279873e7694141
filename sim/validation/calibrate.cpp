#include "calibrate.hpp"

#include "io/result_dir.hpp"

namespace tendersim::validation {

std::filesystem::path calibration_dir(const CalibrationSetup& setup,
                                      const std::filesystem::path& parent) {
    return parent / ("calibrate-" + setup.scenario.name);
}

CalibrationResult finish_calibration(const CalibrationSetup& setup,
                                     const std::filesystem::path& dir) {
    const ResultDirLock lock(dir);
    CalibrationResult result = summarise_calibration(setup, score_draws(setup, dir));
    write_file_atomically(dir / "draws.csv", draws_csv(setup, result));
    write_file_atomically(dir / "report.md", calibration_report_md(setup, result));
    // Last: its presence says the calibration is complete.
    write_file_atomically(dir / "ensemble.toml", ensemble_toml(setup, result));
    return result;
}

} // namespace tendersim::validation
