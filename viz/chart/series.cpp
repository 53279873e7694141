#include "chart/series.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <istream>
#include <map>
#include <numbers>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace tendersim::viz {

namespace {

[[noreturn]] void fail(const std::string& source, std::size_t line, const std::string& what) {
    throw std::runtime_error(source + ":" + std::to_string(line) + ": expected " + what);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// RFC 4180 fields on one physical line: scenario names written by a spreadsheet may be quoted.
// A quoted field spanning lines is not something the engine writes, so it is reported, not parsed.
std::vector<std::string> split_csv_line(std::string_view line, const std::string& source,
                                        std::size_t line_no) {
    std::vector<std::string> fields;
    std::size_t i = 0;
    while (true) {
        std::string field;
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
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
            if (!closed) fail(source, line_no, "a closing quote before the end of the line");
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
            if (i < line.size() && line[i] != ',')
                fail(source, line_no, "',' after a quoted field");
        } else {
            const std::size_t start = i;
            while (i < line.size() && line[i] != ',') ++i;
            field = std::string(trim(line.substr(start, i - start)));
        }
        fields.push_back(std::move(field));
        if (i >= line.size()) break;
        ++i; // skip ','
    }
    return fields;
}

template <class Int>
Int parse_int(const std::string& s, const char* what, const std::string& source, std::size_t line) {
    Int v{};
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc{} || p != s.data() + s.size())
        fail(source, line, std::string(what) + ", got '" + s + "'");
    return v;
}

bool is_missing_marker(const std::string& s) {
    // The engine writes an empty value for a metric that is not defined in a year (e.g. bids
    // per tender when no tender ran; older versions wrote "nan"). Such a point is missing, not
    // zero.
    if (s.empty()) return true;
    if (s.size() != 2 && s.size() != 3) return false;
    std::string l;
    for (char c : s) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return l == "nan" || l == "na";
}

} // namespace

std::vector<std::string> MetricsTable::scenarios() const {
    std::vector<std::string> out;
    std::unordered_set<std::string> seen;
    for (const auto& r : rows)
        if (seen.insert(r.scenario).second) out.push_back(r.scenario);
    return out;
}

std::vector<std::string> MetricsTable::metrics() const {
    std::vector<std::string> out;
    std::unordered_set<std::string> seen;
    for (const auto& r : rows)
        if (seen.insert(r.metric).second) out.push_back(r.metric);
    return out;
}

MetricsTable parse_metrics_csv(std::istream& in, const std::string& source) {
    MetricsTable t;
    t.source = source;
    std::string line;
    std::size_t line_no = 0;

    // Header: the first line, with a UTF-8 byte-order mark tolerated (spreadsheet exports).
    if (!std::getline(in, line))
        fail(source, 1, std::string("header '") + kMetricsHeader + "', got an empty file");
    line_no = 1;
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    {
        const auto fields = split_csv_line(line, source, line_no);
        std::string joined;
        for (std::size_t i = 0; i < fields.size(); ++i) joined += (i ? "," : "") + fields[i];
        if (joined != kMetricsHeader)
            fail(source, line_no,
                 std::string("header '") + kMetricsHeader + "', got '" + std::string(trim(line)) +
                     "'");
    }

    // (scenario, metric, replicate, year) -> line, to catch duplicated replicates.
    std::map<std::tuple<std::string, std::string, std::uint32_t, int>, std::size_t> seen;
    while (std::getline(in, line)) {
        ++line_no;
        if (trim(line).empty()) continue; // trailing blank lines are harmless
        auto f = split_csv_line(line, source, line_no);
        if (f.size() != 6)
            fail(source, line_no,
                 "6 fields (" + std::string(kMetricsHeader) + "), got " + std::to_string(f.size()));
        Observation o;
        o.line = line_no;
        o.scenario = std::move(f[0]);
        if (o.scenario.empty()) fail(source, line_no, "a non-empty scenario name");
        o.replicate =
            parse_int<std::uint32_t>(f[1], "a non-negative integer replicate", source, line_no);
        o.seed = parse_int<std::uint64_t>(f[2], "a non-negative integer seed", source, line_no);
        o.year = parse_int<int>(f[3], "an integer year", source, line_no);
        o.metric = std::move(f[4]);
        if (o.metric.empty()) fail(source, line_no, "a non-empty metric name");
        const std::string& v = f[5];
        if (is_missing_marker(v)) {
            o.value = std::nan("");
            ++t.missing_values;
        } else {
            const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), o.value);
            if (v.empty() || ec != std::errc{} || p != v.data() + v.size() ||
                !std::isfinite(o.value))
                fail(source, line_no, "a finite decimal value, got '" + v + "'");
        }
        const auto [it, inserted] =
            seen.try_emplace({o.scenario, o.metric, o.replicate, o.year}, line_no);
        if (!inserted)
            fail(source, line_no,
                 "one row per (scenario, replicate, year, metric), but line " +
                     std::to_string(it->second) + " already has scenario '" + o.scenario +
                     "', replicate " + std::to_string(o.replicate) + ", year " +
                     std::to_string(o.year) + ", metric '" + o.metric + "'");
        t.rows.push_back(std::move(o));
    }
    if (in.bad()) throw std::runtime_error(source + ": read error");
    return t;
}

MetricsTable read_metrics_csv(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path.string() + ": cannot open metrics file");
    return parse_metrics_csv(in, path.string());
}

double t_quantile_975(std::size_t df_count) {
    if (df_count == 0) throw std::invalid_argument("t_quantile_975: df must be >= 1");
    // Hill, G. W. (1970), "Algorithm 396: Student's t-quantiles", CACM 13(10):619-620, specialised
    // to a two-sided tail probability of 0.05. Exact for df = 1, 2; for df >= 3 it is within
    // 3e-6 of the true quantile (checked against tables; worst case df = 3), far below what a
    // chart can show. Chosen over a Cornish-Fisher series, which is off by 0.004 at df = 3 -
    // exactly the few-replicate case workshops run.
    const double n = static_cast<double>(df_count);
    constexpr double p = 0.05; // two-sided
    constexpr double half_pi = std::numbers::pi / 2.0;
    if (df_count == 1) return std::cos(p * half_pi) / std::sin(p * half_pi);
    if (df_count == 2) return std::sqrt(2.0 / (p * (2.0 - p)) - 2.0);
    const double a = 1.0 / (n - 0.5);
    const double b = 48.0 / (a * a);
    double c = ((20700.0 * a / b - 98.0) * a - 16.0) * a + 96.36;
    const double d = ((94.5 / (b + c) - 3.0) / b + 1.0) * std::sqrt(a * half_pi) * n;
    double x = d * p;
    double y = std::pow(x, 2.0 / n);
    if (y > 0.05 + a) {
        // Asymptotic inverse expansion about the normal quantile z_{0.025}.
        x = -1.959963984540054;
        y = x * x;
        if (n < 5.0) c += 0.3 * (n - 4.5) * (x + 0.6);
        c = (((0.05 * d * x - 5.0) * x - 7.0) * x - 2.0) * x + b + c;
        y = (((((0.4 * y + 6.3) * y + 36.0) * y + 94.5) / c - y - 3.0) / b + 1.0) * x;
        y = a * y * y;
        y = std::expm1(y);
    } else {
        y = ((1.0 / (((n + 6.0) / (n * y) - 0.089 * d - 0.822) * (n + 2.0) * 3.0) +
              0.5 / (n + 4.0)) *
                 y -
             1.0) *
                (n + 1.0) / (n + 2.0) +
            1.0 / y;
    }
    return std::sqrt(n * y);
}

YearSummary summarise(int year, std::span<const double> values) {
    YearSummary s;
    s.year = year;
    s.n = values.size();
    if (s.n == 0) return s;
    double sum = 0.0;
    for (double v : values) sum += v;
    s.mean = sum / static_cast<double>(s.n);
    if (s.n >= 2) {
        // Two-pass variance: the values are close together (replicates), where the one-pass
        // formula loses digits to cancellation.
        double ss = 0.0;
        for (double v : values) ss += (v - s.mean) * (v - s.mean);
        s.sd = std::sqrt(ss / static_cast<double>(s.n - 1));
        s.half_width = t_quantile_975(s.n - 1) * s.sd / std::sqrt(static_cast<double>(s.n));
    }
    return s;
}

std::vector<Series> group_series(const MetricsTable& table) {
    const auto metrics = table.metrics();
    const auto scenarios = table.scenarios();
    std::unordered_map<std::string, std::size_t> mi, si;
    for (std::size_t i = 0; i < metrics.size(); ++i) mi[metrics[i]] = i;
    for (std::size_t i = 0; i < scenarios.size(); ++i) si[scenarios[i]] = i;

    // (metric, scenario) -> year -> values; std::map keeps years ascending.
    std::map<std::pair<std::size_t, std::size_t>, std::map<int, std::vector<double>>> groups;
    for (const auto& r : table.rows) {
        auto& years = groups[{mi.at(r.metric), si.at(r.scenario)}];
        auto& vals = years[r.year];
        if (!std::isnan(r.value)) vals.push_back(r.value);
    }

    std::vector<Series> out;
    out.reserve(groups.size());
    for (const auto& [key, years] : groups) {
        Series s;
        s.metric = metrics[key.first];
        s.scenario = scenarios[key.second];
        for (const auto& [year, vals] : years)
            if (!vals.empty()) s.points.push_back(summarise(year, vals));
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace tendersim::viz
