#pragma once
// The parameter sets of a robust comparison (`tendersim compare ... --ensemble FILE | --robust
// N`, experiment/robust_runs.hpp): the members of a calibration's ensemble.toml, or N sets drawn
// directly from the plausible ranges of the parameters calibrate draws (calibrate_setup.hpp).
#include "core/param_origin.hpp"
#include "experiment/robust_runs.hpp"

#include <cstdint>
#include <string>

namespace tendersim::validation {

// Reads an ensemble file (calibrate_output.hpp: schema_version 1, [[member]] with
// [member.values]). Columns are the parameters the first member sets, in registry order; every
// member must set the same ones. Throws EnsembleFileError ("FILE:LINE: key 'K': expected ...,
// got ...") for a wrong schema_version, fewer than 2 members, a member repeating an earlier
// one (the same `draw` or the same values), a parameter calibrate does not draw (unknown,
// or without a plausible range), a member missing a parameter or a value outside its plausible
// range; InputFileError for a file that cannot be read.
experiment::ParameterSets read_ensemble(const std::string& path);

// n sets (n >= 2) drawn by Latin hypercube with `seed` from the plausible ranges of the
// parameters calibrate draws.
experiment::ParameterSets draw_parameter_sets(std::size_t n, std::uint64_t seed);

} // namespace tendersim::validation
