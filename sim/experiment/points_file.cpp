#include "experiment/points_file.hpp"

#include "core/params.hpp"
#include "io/csv_reader.hpp"
#include "text/text.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace tendersim::experiment {
namespace {

std::string locate(const std::string& file, std::uint32_t line, std::uint32_t column,
                   const std::string& key, const std::string& message) {
    std::ostringstream out;
    out << file;
    if (line > 0) out << ':' << line;
    if (column > 0) out << ':' << column;
    out << ": ";
    if (!key.empty()) out << "column '" << key << "': ";
    out << message;
    return out.str();
}

// 'text', cut short: a field may be anything.
std::string quoted(std::string_view s) {
    constexpr std::size_t kMax = 60;
    return "'" + std::string(s.substr(0, kMax)) + (s.size() > kMax ? "...'" : "'");
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

struct Reader {
    const std::string& file;
    [[noreturn]] void fail(std::uint32_t line, std::uint32_t column, const std::string& key,
                           const std::string& message) const {
        throw PointsFileError(file, line, column, key, message);
    }
};

// A header column: a registry key that may be swept, not seen before.
SweepParam column_param(const Reader& r, std::string_view name, std::uint32_t line,
                        std::uint32_t column, const std::vector<SweepParam>& before) {
    if (name.empty())
        r.fail(line, column, "",
               "expected a parameter key in every header field, got an empty one (a row-name or "
               "index column? write the file with R's row.names = FALSE or pandas' index=False)");
    const std::string key(name);
    const ParamDef* def = find_param(key);
    if (!def) {
        std::vector<std::string_view> keys;
        for (const auto& d : scenario_params()) keys.push_back(d.key);
        r.fail(line, column, key,
               "unknown parameter; the header names scenario parameter keys from "
               "docs/parameters.md" +
                   did_you_mean(key, keys));
    }
    if (key == "run.seed" || key == "run.replicates" || key == "run.years")
        r.fail(line, column, key,
               "cannot be a design column: seeds and replicates come from the sweep's own seed "
               "and replicates, years from its top-level `years`");
    for (std::size_t c = 0; c < before.size(); ++c)
        if (before[c].key == key)
            r.fail(line, column, key,
                   "expected each parameter once, got it again (first in column " +
                       std::to_string(c + 1) + ")");
    SweepParam p;
    p.key = key;
    p.def = def;
    if (def->kind == ParamKind::Choice)
        for (const auto w : split(def->choices, '|')) p.choice_words.emplace_back(w);
    return p;
}

struct Field {
    const Reader& r;
    const std::string& key;
    std::string_view text;
    std::uint32_t line;
    std::uint32_t column;
    [[noreturn]] void fail(const std::string& expected) const {
        r.fail(line, column, key, "expected " + expected + ", got " + quoted(text));
    }
};

// A field's value as the design's number (sweep_spec.hpp: Int exact, Bool 0/1, Choice the word's
// index), or an error saying what the parameter takes.
double field_value(const Reader& r, const SweepParam& p, std::string_view text, std::uint32_t line,
                   std::uint32_t column) {
    const ParamDef& def = *p.def;
    const std::string range = format_number(def.min) + " to " + format_number(def.max);
    const Field field{r, p.key, text, line, column};
    const std::optional<double> v = parse_double(text);
    switch (def.kind) {
    case ParamKind::Real:
        if (!v || !std::isfinite(*v) || *v < def.min || *v > def.max)
            field.fail("a number from " + range + " (" + std::string(def.unit) + ")");
        return *v;
    case ParamKind::Int: {
        // Written as 8 or 8.0 (SALib and R write every column as floats); exact in a double.
        constexpr double kExact = 9007199254740992.0; // 2^53
        if (!v || !std::isfinite(*v) || std::trunc(*v) != *v || *v < def.min || *v > def.max ||
            std::fabs(*v) > kExact)
            field.fail("a whole number from " + range + " (8 or 8.0)" +
                       (def.max > 9.0e15 ? ", at most 2^53" : ""));
        return *v;
    }
    case ParamKind::Bool:
        if (text == "true" || text == "TRUE" || text == "True") return 1.0;
        if (text == "false" || text == "FALSE" || text == "False") return 0.0;
        if (v && (*v == 0.0 || *v == 1.0)) return *v;
        field.fail("true or false (TRUE/FALSE or 1/0 also do)");
    case ParamKind::Choice: {
        const auto it = std::find(p.choice_words.begin(), p.choice_words.end(), text);
        if (it == p.choice_words.end()) field.fail("one of " + std::string(def.choices));
        return static_cast<double>(it - p.choice_words.begin());
    }
    }
    return 0.0;
}

// The values the column uses: min..max for numbers, every level for true/false and choices.
analysis::ParamRange column_range(const SweepParam& p, const analysis::PointMatrix& pts,
                                  std::size_t c) {
    if (p.def->kind == ParamKind::Bool || p.def->kind == ParamKind::Choice) {
        const std::size_t n = p.def->kind == ParamKind::Bool ? 2 : p.choice_words.size();
        std::vector<double> levels;
        for (std::size_t i = 0; i < n; ++i) levels.push_back(static_cast<double>(i));
        return analysis::level_set(p.key, std::move(levels));
    }
    double lo = pts.at(0, c), hi = lo;
    for (std::size_t row = 1; row < pts.rows(); ++row) {
        lo = std::min(lo, pts.at(row, c));
        hi = std::max(hi, pts.at(row, c));
    }
    return p.def->kind == ParamKind::Int ? analysis::integer_range(p.key, lo, hi)
                                         : analysis::continuous(p.key, lo, hi);
}

} // namespace

PointsFileError::PointsFileError(const std::string& file, std::uint32_t line, std::uint32_t column,
                                 const std::string& key, const std::string& message)
    : SweepFileError(file, line, key, message), column_(column),
      text_(locate(file, line, column, key, message)) {}

PointsFile parse_points_csv(std::string_view text, const std::string& display) {
    const Reader r{display};
    // Excel and some R exports start with a UTF-8 byte order mark.
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    PointsFile out;
    std::vector<std::string> fields;
    std::uint32_t line_no = 0;
    std::size_t cols = 0; // 0 until the header is read
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (line.ends_with('\r')) line.remove_suffix(1); // files written on Windows
        if (trimmed(line).empty()) continue;
        if (!split_csv_fields(line, fields))
            r.fail(line_no, 0, "",
                   "a quoted field is not closed, or a quote is followed by "
                   "something other than a comma");
        if (cols == 0) {
            for (std::size_t c = 0; c < fields.size(); ++c)
                out.params.push_back(column_param(r, trimmed(fields[c]), line_no,
                                                  static_cast<std::uint32_t>(c + 1), out.params));
            cols = fields.size();
            out.points.cols = cols;
            continue;
        }
        if (fields.size() != cols)
            r.fail(line_no, 0, "",
                   "expected " + std::to_string(cols) + " fields, one per header column, got " +
                       std::to_string(fields.size()));
        if (out.line.size() >= analysis::max_design_rows)
            r.fail(line_no, 0, "",
                   "too many design points: at most " + std::to_string(analysis::max_design_rows) +
                       " rows");
        for (std::size_t c = 0; c < cols; ++c)
            out.points.values.push_back(field_value(r, out.params[c], trimmed(fields[c]), line_no,
                                                    static_cast<std::uint32_t>(c + 1)));
        out.line.push_back(line_no);
    }
    if (cols == 0)
        r.fail(0, 0, "",
               "empty; expected a header line of parameter keys (e.g. policy.price_weight), then "
               "one line per design point");
    if (out.line.empty())
        r.fail(0, 0, "", "no design points; expected one line per point after the header line");
    for (std::size_t c = 0; c < cols; ++c)
        out.params[c].range = column_range(out.params[c], out.points, c);
    return out;
}

std::string canonical_points(std::span<const SweepParam> params,
                             const analysis::PointMatrix& points) {
    std::string out;
    for (std::size_t row = 0; row < points.rows(); ++row) {
        for (std::size_t c = 0; c < params.size(); ++c) {
            if (c) out += ',';
            out += param_text(params[c], points.at(row, c));
        }
        out += '\n';
    }
    return out;
}

} // namespace tendersim::experiment
