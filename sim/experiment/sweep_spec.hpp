#pragma once
// A sweep file (TOML, schema_version = 1): the base scenario, the parameters to vary and their
// ranges, the design, replicates, seed and outputs. Loading validates everything against the
// parameter registry and throws SweepFileError ("FILE:LINE: key 'K': expected ..., got ...")
// before anything is run or written. The format is documented in docs/experiments.md.
#include "analysis/param_space.hpp"
#include "core/params.hpp"
#include "core/spec.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tendersim::experiment {

enum class DesignKind { Grid, Lhs, Morris, Sobol, Points };
std::string_view design_name(DesignKind kind);

// One varied parameter: a registry key and the values the design may give it.
struct SweepParam {
    std::string key;
    const ParamDef* def = nullptr;
    std::uint32_t line = 0;
    // Real: continuous min..max; Int: integer min..max; Bool: levels {0, 1}; Choice: levels that
    // index choice_words. Explicit `values` lists become levels.
    analysis::ParamRange range;
    std::vector<std::string> choice_words; // Choice parameters: every allowed word, in order
};

struct SweepSpec {
    std::string file; // the sweep file, as given
    std::string file_sha256;
    std::string base_file; // the base scenario, resolved relative to the sweep file
    std::string base_sha256;
    std::string name;
    std::string description;
    std::uint64_t seed = 0;
    std::int64_t replicates = 1;
    DesignKind design = DesignKind::Grid;
    std::uint32_t design_line = 0;
    std::size_t points_per_dim = 3; // grid
    std::size_t samples = 0;        // lhs
    std::size_t trajectories = 0;   // morris
    std::size_t levels = 4;         // morris
    std::size_t base_samples = 0;   // sobol (N; runs = N (k + 2) per replicate)
    std::size_t bootstrap = 100;    // sobol confidence intervals (0: none)
    // points: design.file as written, resolved against the sweep file's directory, its SHA-256,
    // the points (rows in file order, columns as params) and each row's line in the file.
    std::string points_file;
    std::string points_sha256;
    analysis::PointMatrix points;
    std::vector<std::uint32_t> points_lines;
    // For a points design the columns of the points file, otherwise the [[parameter]] tables.
    std::vector<SweepParam> params;
    std::vector<std::string> outputs; // metric names
    bool timeseries = false;
    // Replicate r of every design point runs with one seed, replicate_seed(seed, r), as compare
    // and `tendersim run` give replicate r (common random numbers); off, every run has its own.
    bool common_seeds = false;
    std::uint32_t common_seeds_line = 0;
    // The swept policy parameters are adopted by every council in this year (an [[adopt]] entry
    // each point adds) instead of applying from the market's build; 0: from the build.
    std::int64_t adopt_year = 0;
    std::uint32_t adopt_year_line = 0;
    // The base scenario with the sweep's [set] overrides and `years` applied.
    ScenarioSpec base;
};

SweepSpec load_sweep_file(const std::string& path);
// base_dir: where a relative `base` path is resolved (the sweep file's directory).
SweepSpec load_sweep_text(std::string_view text, const std::string& source_name,
                          const std::string& base_dir);

// Writes a design value into a spec (Int rounds, Bool is value != 0, Choice picks a word).
void set_param(ScenarioSpec& spec, const SweepParam& param, double value);
// The value as it appears in runs.csv and as `--set key=VALUE` text: numbers in shortest
// round-trip form, booleans as true/false, choices as their word.
std::string param_text(const SweepParam& param, double value);

} // namespace tendersim::experiment
