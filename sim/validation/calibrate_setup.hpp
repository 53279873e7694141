#pragma once
// `tendersim calibrate`, step 1: what to run. The calibrated and assumed parameters of the
// registry (sim/core/params.cpp), each over its plausible range, become the [[parameter]] tables
// of a Latin-hypercube sweep of the scenario whose outputs are the target metrics, every year
// kept (the targets average the final window of years). The sweep is generated as sweep-file
// text and loaded like any sweep file, so it gets the sweep's checks, run plan, seeds, shard
// files, --resume and MPI unchanged (docs/experiments.md, "Calibration as an ensemble").
#include "analysis/abc.hpp"
#include "core/param_origin.hpp"
#include "core/params.hpp"
#include "core/spec.hpp"
#include "experiment/sweep_plan.hpp"
#include "targets.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tendersim::validation {

struct CalibrationSettings {
    std::string scenario_file;
    std::string targets_file;
    std::size_t draws = 0;             // design points (parameter sets)
    std::int64_t replicates = 2;       // runs per draw, each with its own seed
    std::int64_t years = 0;            // simulated years per run; 0: the scenario's run.years
    std::optional<std::uint64_t> seed; // default: the scenario's run.seed
    analysis::AbcRule rule;            // default: the best 10% of draws
    // Which parameters are drawn: those whose default has one of these bases and a plausible
    // range (category parameters cannot be swept yet and keep the scenario's values).
    std::vector<ParamBasis> bases = {ParamBasis::Calibrated, ParamBasis::Assumed};
};

struct CalibrationSetup {
    CalibrationSettings settings;
    ScenarioSpec scenario; // as loaded
    std::string scenario_sha256;
    TargetSet targets;
    std::string targets_sha256;
    // The targets file as ensemble.toml and report.md record it (project_relative_path).
    std::string targets_recorded;
    std::vector<Target> active; // the targets that apply to the scenario (gating or not)
    std::int64_t window_years = 0;
    std::string sweep_text; // the generated sweep file
    std::unique_ptr<experiment::SweepPlan> plan;
};

// Whether calibrate draws a parameter: a real or integer scenario parameter (not run.*) with a
// plausible range whose default has one of the bases.
bool drawn_parameter(const ParamDef& def, const std::vector<ParamBasis>& bases);

// The parameters calibrate draws, in registry order, each over its plausible range (integers
// over the whole numbers inside it): the sweep's [[parameter]] tables, and the parameters a
// robust comparison (compare --ensemble / --robust) varies.
std::vector<experiment::SweepParam> drawn_parameters(
    const std::vector<ParamBasis>& bases = {ParamBasis::Calibrated, ParamBasis::Assumed});

// A file as a calibration records it, so that ensembles made in different checkouts agree:
// relative to the scenario's project root (the directory holding the `scenarios` folder the
// scenario lies in, or else the scenario's own directory) when the file lies inside it, as
// "validation/targets.toml"; otherwise as given. Its SHA-256 is recorded beside it.
std::string project_relative_path(const std::string& file, const std::string& scenario_file);

// Loads the scenario and targets and builds the sweep. Throws InputError (or a located
// ScenarioError / TargetsFileError) for bad input: no draws, too few years for one, a scenario
// or targets file that cannot be read or parsed, no target applying to the scenario.
CalibrationSetup make_calibration(const CalibrationSettings& settings);

// The sweep file text for a scenario (pure: what make_calibration loads).
// How the outputs record an input path: relative to the current directory (lexically normal,
// forward slashes) when it lies under it, otherwise as given; so `scenarios/x.toml` and
// `$PWD/scenarios/x.toml` are recorded alike.
std::string recorded_path(const std::string& path);

std::string calibration_sweep_text(const CalibrationSetup& setup, const std::string& base_name);

} // namespace tendersim::validation
