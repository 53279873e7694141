// The human-facing outputs of `tendersim compare`: the terminal table and report.md.
#include "experiment/compare.hpp"
#include "experiment/human_format.hpp"
#include "experiment/metrics_select.hpp"
#include "io/version.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace tendersim::experiment {
namespace {

// Left-aligned first columns, right-aligned numbers, widths from the content.
std::string render_table(const std::vector<std::vector<std::string>>& cells,
                         std::size_t left_columns) {
    std::vector<std::size_t> width;
    for (const auto& row : cells) {
        width.resize(std::max(width.size(), row.size()));
        for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
    }
    std::string out;
    for (std::size_t r = 0; r < cells.size(); ++r) {
        std::string line;
        for (std::size_t c = 0; c < cells[r].size(); ++c) {
            const std::string& t = cells[r][c];
            const std::string pad(width[c] - t.size(), ' ');
            line += (c ? "  " : "") + (c < left_columns ? t + pad : pad + t);
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
        if (r == 0) {
            std::size_t total = 0;
            for (const auto w : width) total += w + 2;
            out += std::string(total - 2, '-') + "\n";
        }
    }
    return out;
}

std::string ci_text(const analysis::PairedDifference& d, MetricUnit unit) {
    if (std::isnan(d.ci95_low)) return "n/a";
    if (unit == MetricUnit::Share)
        return "[" + human_signed(100 * d.ci95_low) + ", " + human_signed(100 * d.ci95_high) +
               "] pts";
    return "[" + human_signed(d.ci95_low) + ", " + human_signed(d.ci95_high) + "]";
}

// "19 of 20" runs where the paired difference has the sign of the mean difference.
std::string same_sign_text(const analysis::PairedDifference& d) {
    const auto k =
        static_cast<long long>(std::llround(d.share_same_sign * static_cast<double>(d.n)));
    return std::to_string(k) + " of " + std::to_string(d.n);
}

std::string verdict(const analysis::PairedDifference& d) {
    if (std::isnan(d.ci95_low)) return "needs 2+ replicates";
    return d.distinguishable ? "distinguishable" : "within noise";
}

std::string year_text(const CompareData& data, std::size_t y) {
    const auto year = data.years_at[y];
    return "year " + std::to_string(year) + (year == data.years ? " (the final year)" : "");
}

// One plain sentence about one metric, year and alternative scenario.
std::string sentence(const CompareData& data, const ComparisonRow& row) {
    const auto& d = *row.diff;
    const MetricInfo info = describe_metric(data.metrics[row.metric]);
    const std::string& a = data.labels[0];
    const std::string& b = data.labels[row.scenario];
    std::ostringstream s;
    s << "**" << info.label << "**, year " << data.years_at[row.year] << ": ";
    if (std::isnan(d.ci95_low)) {
        s << b << " " << (d.mean_diff >= 0 ? "is higher" : "is lower") << " than " << a << " by "
          << human_amount(d.mean_diff, info.unit, true)
          << " in the one run made, but one run cannot separate a policy effect from chance; "
             "rerun with --replicates 10 or more.";
        return s.str();
    }
    if (d.mean_diff == 0 && d.sd_diff == 0) {
        s << b << " and " << a << " gave exactly the same value in every paired run.";
        return s.str();
    }
    const std::string direction = d.mean_diff > 0 ? "higher" : "lower";
    s << b << " is " << direction << " than " << a << " by "
      << human_amount(d.mean_diff, info.unit, true) << " on average ("
      << human_level(row.level.mean, info.unit) << " against " << human_level(d.mean_a, info.unit)
      << "; 95% interval for the difference " << human_difference(d.ci95_low, info.unit, false)
      << " to " << human_difference(d.ci95_high, info.unit, false) << "). ";
    if (d.distinguishable)
        s << "This difference **is distinguishable from noise**: the interval excludes zero, and "
          << b << " was " << direction << " in " << same_sign_text(d) << " paired runs.";
    else
        s << "This difference **is not distinguishable from noise**: the interval includes zero ("
          << b << " was " << direction << " in " << same_sign_text(d) << " paired runs).";
    return s.str();
}

// One year's headline table: the reference's level, then for each alternative its level,
// the difference and its 95% interval.
void write_headline_table(std::ostream& o, const CompareData& data,
                          const std::vector<ComparisonRow>& rows, std::size_t y) {
    const std::string& a = data.labels[0];
    o << "### Headline results, " << year_text(data, y) << "\n\n| measure | " << a;
    for (std::size_t s = 1; s < data.labels.size(); ++s)
        o << " | " << data.labels[s] << " | difference | 95% interval | same direction";
    o << " |\n|---|---:";
    for (std::size_t s = 1; s < data.labels.size(); ++s) o << "|---:|---:|---:|---:";
    o << "|\n";
    for (std::size_t m = 0; m < data.metrics.size(); ++m) {
        const MetricInfo info = describe_metric(data.metrics[m]);
        bool first = true;
        for (const auto& row : rows) {
            if (row.metric != m || row.year != y) continue;
            if (first) {
                o << "| " << info.label << " | " << human_level(row.level.mean, info.unit);
                first = false;
            }
            if (!row.diff) continue;
            const auto& d = *row.diff;
            o << " | " << human_level(row.level.mean, info.unit) << " | "
              << human_difference(d.mean_diff, info.unit, false) << " | ";
            if (std::isnan(d.ci95_low))
                o << "n/a | n/a";
            else
                o << human_difference(d.ci95_low, info.unit, false) << " to "
                  << human_difference(d.ci95_high, info.unit, false) << " | " << same_sign_text(d)
                  << " runs";
        }
        o << " |\n";
    }
    o << "\n";
}

} // namespace

std::string comparison_table(const CompareData& data, const std::vector<ComparisonRow>& rows) {
    std::vector<std::vector<std::string>> cells{{"metric", "year", "scenario", "mean",
                                                 "mean of " + data.labels[0], "difference",
                                                 "95% CI", "same sign", "verdict"}};
    for (const auto& row : rows) {
        if (!row.diff) continue;
        const auto& d = *row.diff;
        const MetricUnit unit = describe_metric(data.metrics[row.metric]).unit;
        cells.push_back({data.metrics[row.metric], std::to_string(data.years_at[row.year]),
                         data.labels[row.scenario], human_level(row.level.mean, unit),
                         human_level(d.mean_a, unit),
                         unit == MetricUnit::Share ? human_signed(100 * d.mean_diff) + " pts"
                                                   : human_signed(d.mean_diff),
                         ci_text(d, unit), same_sign_text(d), verdict(d)});
    }
    std::ostringstream head;
    head << "Paired comparison against " << data.labels[0] << ": " << data.replicates()
         << " replicates per scenario on common seeds, " << data.years << " simulated years.\n";
    return head.str() + render_table(cells, 3);
}

std::string comparison_report(const CompareData& data, const std::vector<ComparisonRow>& rows) {
    std::ostringstream o;
    const std::string& a = data.labels[0];
    o << "# Policy comparison: ";
    for (std::size_t s = 1; s < data.labels.size(); ++s) o << (s > 1 ? ", " : "") << data.labels[s];
    o << " against " << a << "\n\n";

    // An officer reads the summary; the tables and sentences behind it follow as an appendix.
    o << executive_summary(data, rows);

    o << "## What was compared\n\n| role | scenario | file | description |\n|---|---|---|---|\n";
    for (std::size_t s = 0; s < data.labels.size(); ++s)
        o << "| " << (s == 0 ? "reference" : "alternative") << " | " << data.labels[s] << " | `"
          << data.files[s] << "` | " << (data.descriptions[s].empty() ? "-" : data.descriptions[s])
          << " |\n";
    o << "\nEach scenario was simulated " << data.replicates() << " times (replicates) over "
      << data.years << " years. Replicate *r* of every scenario used the same random seed, so "
      << "each alternative is compared with the reference run for run under identical chance "
         "events (common random numbers): the differences below come from the scenarios, not "
         "from luck of the draw. Results are reported for ";
    for (std::size_t y = 0; y < data.years_at.size(); ++y)
        o << (y ? (y + 1 == data.years_at.size() ? " and " : ", ") : "") << year_text(data, y);
    o << ".\n\n";

    o << "## How to read this\n\n"
      << "- **95% interval**: the range that, given these runs, contains the true average "
         "difference between the scenarios with 95% confidence (a paired t-interval over the "
      << data.replicates() << " replicates).\n"
      << "- **Distinguishable from noise** means the interval does not include zero: the "
         "difference is unlikely to be chance variation between runs. It does not say the "
         "difference is large enough to matter; judge that from its size.\n"
      << "- **Same direction**: in how many paired runs the alternative moved the measure the "
         "same way as the average difference.\n"
      << "- These are results of a model under its assumptions (see `manifest.json` and "
         "the scenario files), not forecasts. More replicates narrow the intervals.\n"
      << "- Files: `comparison.csv` (every number in this report, unrounded), `replicates.csv` "
         "(each "
         "run's values), `scenarios.csv` (each scenario's role, file, description and policy "
         "start), `manifest.json` (scenario hashes and seeds to reproduce this report). "
         "Produced by tendersim "
      << kVersion << " (" << kGitCommit << ").\n\n";

    o << "## Appendix: results by year\n\nEvery reported year, with each scenario's level, the "
         "paired difference from "
      << a << ", its 95% interval and in how many paired runs it had the same direction.\n\n";
    for (std::size_t y = 0; y < data.years_at.size(); ++y) write_headline_table(o, data, rows, y);

    o << "### What the numbers say\n\n";
    for (const auto& row : rows)
        if (row.diff) o << "- " << sentence(data, row) << "\n";

    // Charts are rendered by a separate tool (SFML lives in viz/, which sim/ never links):
    // `tendersim chart DIR` writes charts/<metric>.difference.png and charts/<metric>.png beside
    // this report (viz/chart/chart_set.cpp).
    o << "\n### Charts\n\nFor each measure, the paired difference of every alternative from the "
         "reference with its paired 95% interval (what the tables above test), then the levels "
         "with their 95% intervals; dots mark the years compared. Rendered by `tendersim chart` "
         "from `comparison.csv` and `scenarios.csv` into `charts/` (run it if the images are "
         "missing; `charts/index.md` lists them):\n\n";
    for (const auto& metric : data.metrics) {
        const std::string label = describe_metric(metric).label;
        o << "![" << label << ": difference from " << data.labels[0] << "](charts/" << metric
          << ".difference.png)\n![" << label << "](charts/" << metric << ".png)\n";
    }
    return o.str();
}

} // namespace tendersim::experiment
