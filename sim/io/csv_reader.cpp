#include "csv_reader.hpp"

#include "text/text.hpp"

#include <cerrno>
#include <cmath>
#include <limits>
#include <system_error>

namespace tendersim {

bool split_csv_fields(std::string_view line, std::vector<std::string>& fields) {
    fields.clear();
    std::size_t i = 0;
    while (true) {
        std::string field;
        if (i < line.size() && line[i] == '"') {
            ++i;
            bool closed = false;
            while (i < line.size()) {
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                field += line[i++];
            }
            if (!closed || (i < line.size() && line[i] != ',')) return false;
        } else {
            const std::size_t start = i;
            while (i < line.size() && line[i] != ',') ++i;
            field.assign(line.substr(start, i - start));
        }
        fields.push_back(std::move(field));
        if (i >= line.size()) return true;
        ++i; // the ','
    }
}

namespace {

std::string field_text(std::string_view s) {
    constexpr std::size_t kMax = 60;
    if (s.size() > kMax) return "'" + std::string(s.substr(0, kMax)) + "...'";
    return "'" + std::string(s) + "'";
}

} // namespace

CsvReader::CsvReader(const std::filesystem::path& path, std::string display)
    : display_(display.empty() ? path.string() : std::move(display)) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto st = fs::status(path, ec);
    if (st.type() == fs::file_type::not_found) throw CsvFileError(display_, 0, "", "not found");
    if (st.type() == fs::file_type::directory)
        throw CsvFileError(display_, 0, "", "is a directory, not a file");
    if (ec) throw_io_error("cannot read", path, ec.value());
    if (st.type() != fs::file_type::regular)
        throw CsvFileError(display_, 0, "", "is not a regular file");
    errno = 0;
    in_.open(path, std::ios::binary);
    if (!in_) throw_io_error("cannot read", path, errno);
    if (!std::getline(in_, buffer_)) {
        if (in_.bad()) throw_io_error("cannot read", path, errno);
        throw CsvFileError(display_, 1, "", "expected a header line, got an empty file");
    }
    line_ = 1;
    if (buffer_.rfind("\xEF\xBB\xBF", 0) == 0) buffer_.erase(0, 3); // spreadsheet exports
    if (!buffer_.empty() && buffer_.back() == '\r') buffer_.pop_back();
    if (!split_csv_fields(buffer_, header_) || buffer_.empty())
        throw CsvFileError(display_, 1, "",
                           "expected a header of comma-separated column names, got " +
                               field_text(buffer_));
}

std::optional<std::size_t> CsvReader::find(const std::string& column) const {
    for (std::size_t i = 0; i < header_.size(); ++i)
        if (header_[i] == column) return i;
    return std::nullopt;
}

std::size_t CsvReader::require(const std::string& column) const {
    if (const auto i = find(column)) return *i;
    std::string names;
    for (const auto& h : header_) names += (names.empty() ? "" : ",") + h;
    throw CsvFileError(display_, 1, column,
                       "expected a column of that name in the header, got " + field_text(names));
}

bool CsvReader::next() {
    while (std::getline(in_, buffer_)) {
        ++line_;
        if (!buffer_.empty() && buffer_.back() == '\r') buffer_.pop_back();
        if (buffer_.find_first_not_of(" \t") == std::string::npos) continue;
        if (!split_csv_fields(buffer_, fields_))
            throw CsvFileError(display_, line_, "",
                               "expected comma-separated fields (a quoted field closed on its "
                               "line), got " +
                                   field_text(buffer_));
        if (fields_.size() < header_.size())
            throw CsvFileError(display_, line_, "",
                               "expected " + std::to_string(header_.size()) +
                                   " fields as in the header, got " +
                                   std::to_string(fields_.size()));
        return true;
    }
    if (in_.bad()) throw_io_error("cannot read", display_, errno);
    return false;
}

void CsvReader::fail(std::size_t column, const std::string& expected) const {
    throw CsvFileError(display_, line_, header_[column],
                       "expected " + expected + ", got " + field_text(fields_[column]));
}

double CsvReader::number(std::size_t column) const {
    const auto v = parse_double(fields_[column]);
    if (!v || !std::isfinite(*v)) fail(column, "a finite number");
    return *v;
}

std::optional<double> CsvReader::optional_number(std::size_t column) const {
    if (fields_[column].empty()) return std::nullopt;
    const auto v = parse_double(fields_[column]);
    if (!v) fail(column, "a number or an empty field");
    if (std::isnan(*v)) return std::nullopt; // older files wrote "nan" for undefined
    if (!std::isfinite(*v)) fail(column, "a finite number or an empty field");
    return *v;
}

std::int64_t CsvReader::integer(std::size_t column) const {
    const std::string& s = fields_[column];
    const bool negative = !s.empty() && s[0] == '-';
    const auto v = parse_u64(negative ? std::string_view(s).substr(1) : std::string_view(s));
    if (!v || *v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        fail(column, "an integer");
    return negative ? -static_cast<std::int64_t>(*v) : static_cast<std::int64_t>(*v);
}

MetricsCsvColumns::MetricsCsvColumns(CsvReader& reader)
    : scenario(reader.require("scenario")), replicate(reader.require("replicate")),
      year(reader.require("year")), metric(reader.require("metric")),
      value(reader.require("value")) {}

} // namespace tendersim
