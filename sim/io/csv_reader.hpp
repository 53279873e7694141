#pragma once
// Reads the CSV files a run writes (metrics.csv, tenders.csv, ...) row by row, columns found BY
// NAME in the header: extra columns are ignored and optional columns may be absent, so a reader
// keeps working when a writer adds a column. Streams the file (tenders.csv of a national run is
// hundreds of MB), so there is no size limit.
//
// Bad input throws CsvFileError (an InputFileError, exit code 2):
//   "results/x/tenders.csv:17: column 'bids': expected a non-negative integer, got '2.5'"
// A file that is missing, not a regular file or has no header is located at line 0 or 1.
#include "input_file_error.hpp"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tendersim {

// "FILE:LINE: column 'C': expected E, got G"; column() is the column (empty for a whole-row or
// whole-file problem).
class CsvFileError : public InputFileError {
  public:
    CsvFileError(std::string file, std::uint32_t line, const std::string& column,
                 const std::string& message)
        : InputFileError(std::move(file), line, "",
                         column.empty() ? message : "column '" + column + "': " + message),
          column_(column) {}
    const std::string& column() const { return column_; }

  private:
    std::string column_;
};

// Splits one physical line into RFC 4180 fields ("" inside quotes is one "). Returns false when a
// quoted field is not closed on the line or a quote is followed by something other than ','.
bool split_csv_fields(std::string_view line, std::vector<std::string>& fields);

class CsvReader {
  public:
    // Opens path and reads its header. display is how errors name the file (default: path).
    explicit CsvReader(const std::filesystem::path& path, std::string display = "");

    const std::string& file() const { return display_; }
    const std::vector<std::string>& header() const { return header_; }

    // Index of a column, or CsvFileError "FILE:1: column 'x': expected a column of that name in
    // the header, got a header without it" (what is for the reader: e.g. "written by run
    // --tender-log").
    std::size_t require(const std::string& column) const;
    std::optional<std::size_t> find(const std::string& column) const;

    // Next data row; false at the end. Blank lines are skipped; a row with fewer fields than the
    // header is an error.
    bool next();
    std::uint32_t line() const { return line_; }

    std::string_view text(std::size_t column) const { return fields_[column]; }
    bool empty(std::size_t column) const { return fields_[column].empty(); }
    // A finite number, or CsvFileError naming the line and column.
    double number(std::size_t column) const;
    // A number, or nullopt for an empty field (a value not defined, as metrics.csv writes it).
    std::optional<double> optional_number(std::size_t column) const;
    std::int64_t integer(std::size_t column) const;
    // Throws CsvFileError for this row and column: "expected EXPECTED, got 'FIELD'".
    [[noreturn]] void fail(std::size_t column, const std::string& expected) const;

  private:
    std::string display_;
    std::ifstream in_;
    std::vector<std::string> header_;
    std::vector<std::string> fields_;
    std::string buffer_;
    std::uint32_t line_ = 0;
};

// The columns of a run's metrics.csv (written by io/csv_writers: scenario, replicate, seed,
// year, metric, value), found by name.
struct MetricsCsvColumns {
    explicit MetricsCsvColumns(CsvReader& reader);
    std::size_t scenario;
    std::size_t replicate;
    std::size_t year;
    std::size_t metric;
    std::size_t value;
};

} // namespace tendersim
