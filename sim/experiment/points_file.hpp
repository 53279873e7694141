#pragma once
// The design points file of a `design.type = "points"` sweep: a CSV whose header names scenario
// parameters (the keys of docs/parameters.md, as `--set` takes them) and whose every other line is
// one design point, so a design made in SALib, R or OpenMOLE runs with tendersim's resume, shards
// and MPI. Each value is checked like a sweep file's value of that parameter. Errors give
// FILE:LINE:COLUMN, the column's key and what was expected:
//   points.csv:3:2: column 'policy.price_weight': expected a number from 0 to 1 (weight), got 'x'
#include "analysis/param_space.hpp"
#include "experiment/sweep_spec.hpp"
#include "io/input_file_error.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tendersim::experiment {

// A SweepFileError located at a column as well as a line (column 0: the whole line).
class PointsFileError : public SweepFileError {
  public:
    PointsFileError(const std::string& file, std::uint32_t line, std::uint32_t column,
                    const std::string& key, const std::string& message);
    std::uint32_t column() const { return column_; }
    const char* what() const noexcept override { return text_.c_str(); }

  private:
    std::uint32_t column_;
    std::string text_;
};

struct PointsFile {
    // One per column, in column order. Each range spans the values the file uses (for the
    // manifest); true/false and choice parameters list all their values.
    std::vector<SweepParam> params;
    analysis::PointMatrix points;    // rows in file order
    std::vector<std::uint32_t> line; // the file line of each row, for errors
};

// Parses the text of a points file; display names it in errors.
PointsFile parse_points_csv(std::string_view text, const std::string& display);

// The points as canonical text (param_text of every value, one line per point), so that two files
// that give the same points, however written (0.5 or 0.50, TRUE or true), have the same text.
std::string canonical_points(std::span<const SweepParam> params,
                             const analysis::PointMatrix& points);

} // namespace tendersim::experiment
