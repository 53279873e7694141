#pragma once
// `tendersim calibrate`: scores a finished calibration sweep. Each draw (design point) gets, per
// target, the model value `tendersim validate` would compute from its replicates (each run's
// mean over the final window of years, averaged over the draw's runs) and the distance
// ValidationReport::distance() gives it.
#include "calibrate_setup.hpp"

#include <filesystem>
#include <vector>

namespace tendersim::validation {

struct DrawScore {
    std::size_t draw = 0;      // design row
    std::vector<double> model; // per active target: the mean over replicates (NaN: never
                               // defined in the window)
    std::vector<double> error; // per active target: (model - published) / half-width
    double distance = 0;       // over gating targets; NaN when one of them is undefined
    bool passes = false;       // every gating target inside its tolerance
};

// Reads <sweep_dir>/timeseries.csv (run,year,metric,value) of the finished sweep.
std::vector<DrawScore> score_draws(const CalibrationSetup& setup,
                                   const std::filesystem::path& sweep_dir);

// The same from window means already known: window[run][k] for active target k (NaN:
// undefined in every window year). For tests and for callers that hold the values.
std::vector<DrawScore> score_window_means(const CalibrationSetup& setup,
                                          const std::vector<std::vector<double>>& window);

} // namespace tendersim::validation
