#pragma once
// The parameter space a sweep explores and the point matrix every design produces. Designs work
// in the unit cube and map to real units here, so each design handles continuous, integer and
// discrete-level parameters the same way.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace tendersim::analysis {

struct ParamRange {
    std::string name;
    double lo = 0.0;
    double hi = 1.0;
    bool integer = false; // values are the integers lo..hi
    // If non-empty, the parameter takes only these values (lo, hi and integer are ignored).
    std::vector<double> levels;
};

// Builders, so callers need not spell out every field (GCC's -Wextra warns about aggregate
// initialisers that omit members, default member initialisers notwithstanding).
ParamRange continuous(std::string name, double lo, double hi);
ParamRange integer_range(std::string name, double lo, double hi);
ParamRange level_set(std::string name, std::vector<double> levels);

// Throws std::invalid_argument unless there is at least one parameter, every range is finite with
// lo <= hi, integer ranges contain an integer, and names are non-empty and unique.
void validate(std::span<const ParamRange> ranges);

// Number of distinct values a parameter can take: levels.size(), the integers in [lo, hi], or 0
// for a continuous parameter.
std::size_t discrete_count(const ParamRange& r);

// Value for a space-filling coordinate u in [0, 1): a continuous range maps linearly; a discrete
// parameter's L values each own an equal cell [j/L, (j+1)/L), so random and quasi-random designs
// draw every value equally often.
double value_from_unit(const ParamRange& r, double u);

// Value at a lattice fraction f in [0, 1] (grid and Morris designs): f = 0 and f = 1 hit the
// first and last value exactly; discrete parameters round to the nearest value.
double value_at_fraction(const ParamRange& r, double f);

// Dense row-major matrix: rows are runs, columns are parameters in the order of the ranges.
struct PointMatrix {
    std::size_t cols = 0;
    std::vector<double> values;

    std::size_t rows() const { return cols == 0 ? 0 : values.size() / cols; }
    double at(std::size_t row, std::size_t col) const { return values[row * cols + col]; }
    double& at(std::size_t row, std::size_t col) { return values[row * cols + col]; }
    std::span<const double> row(std::size_t i) const {
        return std::span<const double>(values).subspan(i * cols, cols);
    }
};

// Designs refuse to allocate more rows than this (a 10-parameter grid with 10 points per axis is
// 1e10 runs: better a clear error than an out-of-memory kill).
inline constexpr std::size_t max_design_rows = std::size_t{1} << 24;

// rows_per_unit * units, or std::length_error if that exceeds max_design_rows (overflow-safe).
std::size_t design_rows(std::size_t units, std::size_t rows_per_unit);

} // namespace tendersim::analysis
