#include "chart/comparison_chart.hpp"

#include "chart/metric_info.hpp"
#include "chart/palette.hpp"
#include "io/csv_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <set>
#include <stdexcept>

namespace tendersim::viz {

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, std::size_t line,
                       const std::string& what) {
    throw std::runtime_error(file.string() + ":" + std::to_string(line) + ": " + what);
}

struct Row {
    std::size_t line = 0; // 1-based, in the file
    std::vector<std::string> fields;
};

// Rows of a CSV file with the expected header; each row has the header's number of fields.
std::vector<Row> read_rows(const std::filesystem::path& file,
                           const std::vector<std::string>& header) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot read");
    std::vector<Row> rows;
    std::string line;
    std::vector<std::string> fields;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!split_csv_fields(line, fields)) fail(file, n, "unbalanced quotes");
        if (n == 1) {
            if (fields != header) {
                std::string want;
                for (const auto& h : header) want += (want.empty() ? "" : ",") + h;
                fail(file, n, "expected the header '" + want + "'");
            }
            continue;
        }
        if (line.empty()) continue;
        if (fields.size() != header.size())
            fail(file, n,
                 "expected " + std::to_string(header.size()) + " fields, got " +
                     std::to_string(fields.size()));
        rows.push_back({n, fields});
    }
    if (n == 0) fail(file, 1, "empty file");
    return rows;
}

double number(const std::filesystem::path& file, std::size_t line, const std::string& field,
              const std::string& text) {
    double v = 0.0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec != std::errc{} || r.ptr != text.data() + text.size())
        fail(file, line, field + ": expected a number, got '" + text + "'");
    return v;
}

// A whole number (a year): "5", not "5.5", "nan" or "1e99", which would not fit an int.
int whole_number(const std::filesystem::path& file, std::size_t line, const std::string& field,
                 const std::string& text) {
    int v = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec != std::errc{} || r.ptr != text.data() + text.size())
        fail(file, line, field + ": expected a whole number, got '" + text + "'");
    return v;
}

std::optional<double> maybe_number(const std::filesystem::path& file, std::size_t line,
                                   const std::string& field, const std::string& text) {
    if (text.empty()) return std::nullopt;
    return number(file, line, field, text);
}

std::vector<double> sampled_years(const ComparisonTable& t) {
    std::vector<double> v;
    for (int y : t.years()) v.push_back(y);
    return v;
}

std::string legend_label(const ComparedScenario& s) {
    const std::string name = s.reference ? s.name + " (reference)" : s.name;
    if (s.description.empty()) return name;
    return name + ": " + s.description;
}

// Rules where policies start (between the last year before and the first year after), and the
// axis stretched back to show them.
void add_policy_rules(const ComparisonTable& t, ChartSpec& spec) {
    std::set<int> starts;
    for (const auto& s : t.scenarios)
        if (!s.reference && s.policy_from) starts.insert(*s.policy_from);
    for (int y : starts) {
        std::string who;
        if (starts.size() > 1)
            for (const auto& s : t.scenarios)
                if (s.policy_from == y && !s.reference) who += (who.empty() ? " (" : ", ") + s.name;
        if (!who.empty()) who += ")";
        spec.rules.push_back({y - 0.5, "policy from year " + std::to_string(y) + who});
        const double first = y - 1.0;
        spec.x_min = spec.x_min ? std::min(*spec.x_min, first) : first;
    }
}

ChartSpec base_spec(const ComparisonTable& t, const MetricInfo& info) {
    ChartSpec spec;
    spec.x_ticks = sampled_years(t);
    add_policy_rules(t, spec);
    spec.y_span = info.axis_span;
    return spec;
}

} // namespace

std::vector<std::string> ComparisonTable::metrics() const {
    std::vector<std::string> out;
    for (const auto& p : points)
        if (std::find(out.begin(), out.end(), p.metric) == out.end()) out.push_back(p.metric);
    return out;
}

std::vector<int> ComparisonTable::years() const {
    std::set<int> ys;
    for (const auto& p : points) ys.insert(p.year);
    return {ys.begin(), ys.end()};
}

ComparisonTable read_comparison(const std::filesystem::path& dir) {
    ComparisonTable t;
    const auto scen_file = dir / "scenarios.csv";
    for (const auto& [line, f] :
         read_rows(scen_file, {"scenario", "role", "file", "policy_from", "description"})) {
        ComparedScenario s;
        s.name = f[0];
        if (f[1] != "reference" && f[1] != "alternative")
            fail(scen_file, line,
                 "role: expected 'reference' or 'alternative', got '" + f[1] + "'");
        s.reference = f[1] == "reference";
        if (!f[3].empty()) s.policy_from = whole_number(scen_file, line, "policy_from", f[3]);
        s.description = f[4];
        t.scenarios.push_back(std::move(s));
    }
    if (t.scenarios.empty() || !t.scenarios.front().reference)
        fail(scen_file, 2, "expected the reference scenario first");

    const auto cmp_file = dir / "comparison.csv";
    for (const auto& [line, f] :
         read_rows(cmp_file, {"metric", "year", "scenario", "replicates", "mean", "mean_ci95_low",
                              "mean_ci95_high", "vs", "diff", "diff_ci95_low", "diff_ci95_high",
                              "share_same_sign", "distinguishable"})) {
        ComparisonPoint p;
        p.metric = f[0];
        p.year = whole_number(cmp_file, line, "year", f[1]);
        p.scenario = f[2];
        // An undefined level (no tenders in any replicate) is left out, not drawn as 0.
        const auto mean = maybe_number(cmp_file, line, "mean", f[4]);
        if (!mean) continue;
        p.mean = *mean;
        p.lo = maybe_number(cmp_file, line, "mean_ci95_low", f[5]).value_or(p.mean);
        p.hi = maybe_number(cmp_file, line, "mean_ci95_high", f[6]).value_or(p.mean);
        p.diff = maybe_number(cmp_file, line, "diff", f[8]);
        p.diff_lo = maybe_number(cmp_file, line, "diff_ci95_low", f[9]);
        p.diff_hi = maybe_number(cmp_file, line, "diff_ci95_high", f[10]);
        p.distinguishable = f[12] == "TRUE" || f[12] == "true"; // older files: true
        t.points.push_back(std::move(p));
    }
    return t;
}

namespace {

// The categorical colours a line can use on white: at least 3:1 (WCAG's figure for graphics),
// which rules out yellow, sky and orange, the first things a projector washes out.
std::vector<Rgba> line_palette() {
    std::vector<Rgba> out;
    for (Rgba c : categorical_palette())
        if (contrast_ratio(c, Rgba{0xFF, 0xFF, 0xFF}) >= 3.0) out.push_back(c);
    return out;
}

} // namespace

std::vector<Rgba> scenario_colours(std::span<const std::string> names) {
    const std::vector<Rgba> palette = line_palette();
    std::vector<Rgba> out;
    std::vector<bool> taken(palette.size(), false);
    for (const auto& name : names) {
        // FNV-1a: stable across runs and platforms, unlike std::hash.
        std::uint64_t h = 1469598103934665603ull;
        for (unsigned char c : name) h = (h ^ c) * 1099511628211ull;
        std::size_t i = h % palette.size();
        for (std::size_t k = 0; k < palette.size() && taken[i]; ++k) i = (i + 1) % palette.size();
        taken[i] = true;
        out.push_back(palette[i]);
        if (std::all_of(taken.begin(), taken.end(), [](bool b) { return b; }))
            std::fill(taken.begin(), taken.end(), false); // more scenarios than colours
    }
    return out;
}

namespace {

constexpr Rgba kReferenceColour{0x44, 0x44, 0x44};

// The reference takes no palette colour (it is drawn grey), so alternatives keep theirs.
std::vector<Rgba> colours_of(const ComparisonTable& t) {
    std::vector<std::string> names;
    for (std::size_t i = 1; i < t.scenarios.size(); ++i) names.push_back(t.scenarios[i].name);
    std::vector<Rgba> c = scenario_colours(names);
    c.insert(c.begin(), kReferenceColour);
    return c;
}

} // namespace

ChartSpec make_difference_chart(const ComparisonTable& t, std::string_view metric) {
    const MetricInfo info = metric_info(metric);
    ChartSpec spec = base_spec(t, info);
    const ComparedScenario& ref = t.scenarios.front();
    spec.title = info.title + ": difference from " + ref.name;
    spec.subtitle = "Paired difference (same seeds, run by run) with its 95% interval; dots: the "
                    "years compared";
    spec.y_label = info.unit == TickStyle::Percent ? "Difference (percentage points)"
                                                   : "Difference: " + info.y_label;
    spec.y_unit = info.unit == TickStyle::Percent ? TickStyle::Points : info.unit;
    // A difference is read against none: zero is always on the axis.
    spec.y_span.from_zero = true;
    spec.y_span.min_relative = 0.0;
    const auto colours = colours_of(t);
    for (std::size_t i = 1; i < t.scenarios.size(); ++i) {
        ChartSeries cs;
        cs.label = legend_label(t.scenarios[i]);
        cs.colour = colours[i];
        cs.markers = true;
        for (const auto& p : t.points)
            if (p.metric == metric && p.scenario == t.scenarios[i].name && p.diff)
                cs.points.push_back({static_cast<double>(p.year), *p.diff, p.diff_lo, p.diff_hi});
        spec.series.push_back(std::move(cs));
    }
    return spec;
}

ChartSpec make_level_chart(const ComparisonTable& t, std::string_view metric) {
    const MetricInfo info = metric_info(metric);
    ChartSpec spec = base_spec(t, info);
    spec.title = info.title;
    spec.subtitle = "Mean over replicates with its 95% interval; dots: the years compared; " +
                    t.scenarios.front().name + " is the reference";
    spec.y_label = info.y_label;
    spec.y_unit = info.unit;
    spec.y_lower_bound = info.lower_bound;
    spec.y_upper_bound = info.upper_bound;
    const auto colours = colours_of(t);
    for (std::size_t i = 0; i < t.scenarios.size(); ++i) {
        ChartSeries cs;
        cs.label = legend_label(t.scenarios[i]);
        // The reference is what everything is read against: dark grey, never a faint line.
        cs.colour = i == 0 ? kReferenceColour : colours[i];
        cs.markers = true;
        for (const auto& p : t.points)
            if (p.metric == metric && p.scenario == t.scenarios[i].name)
                cs.points.push_back({static_cast<double>(p.year), p.mean, p.lo, p.hi});
        spec.series.push_back(std::move(cs));
    }
    return spec;
}

} // namespace tendersim::viz
