// report.md's executive summary: what a policy officer reads first. Effects are stated in the
// units a decision is argued in (points, %, £, TOMs units), and ✱ repeats the verdict of the
// paired test the appendix reports; no second test is made here.
#include "core/metric_registry.hpp"
#include "experiment/compare.hpp"
#include "experiment/human_format.hpp"
#include "experiment/metrics_select.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace tendersim::experiment {
namespace {

constexpr const char* kStar = "\u2731";

// The social-value levers trade these three against each other, so each sentence names them.
constexpr std::string_view kLeadMetrics[] = {"price_index", "sme_share_direct",
                                             "social_value_delivered_per_pound"};

bool judged(const analysis::PairedDifference& d) {
    return !std::isnan(d.ci95_low);
}

// Relative change against the reference level; NaN where the reference is 0 or undefined.
double relative(const analysis::PairedDifference& d) {
    if (!std::isfinite(d.mean_a) || d.mean_a == 0 || !std::isfinite(d.mean_diff))
        return std::nan("");
    return d.mean_diff / std::fabs(d.mean_a);
}

// Three significant figures for large quantities too ("996,000", not "996,010"): the summary
// states sizes, the appendix and comparison.csv keep the digits.
std::string round3(double v) {
    if (!std::isfinite(v) || std::fabs(v) < 1000) return human_number(v);
    const double scale = std::pow(10.0, std::floor(std::log10(std::fabs(v))) - 2);
    return human_number(std::round(v / scale) * scale);
}

std::string signed3(double v) {
    return (v > 0 ? "+" : "") + round3(v);
}

std::string percent_change(double rel) {
    return signed3(100 * rel) + "%";
}

// "£1.23m", "£450k", "£12.5": money at three significant figures.
std::string money(double v) {
    const double a = std::fabs(v);
    const std::string sign = v < 0 ? "-" : "";
    if (a >= 1e9) return sign + "£" + human_number(a / 1e9) + "bn";
    if (a >= 1e6) return sign + "£" + human_number(a / 1e6) + "m";
    if (a >= 1e4) return sign + "£" + human_number(a / 1e3) + "k";
    return sign + "£" + human_number(a);
}

std::string signed_money(double v) {
    return (v > 0 ? "+" : "") + money(v);
}

// The unit word after a TOMs-style quantity, or empty for units stated another way.
std::string toms_unit(MetricUnit unit) {
    switch (unit) {
    case MetricUnit::FteYears:
        return " FTE years";
    case MetricUnit::Tonnes:
        return " t CO\u2082";
    case MetricUnit::Hours:
        return " hours";
    case MetricUnit::Years:
        return " years";
    default:
        return "";
    }
}

// The reference's level, in the unit the effects are read against.
std::string level_text(double v, MetricUnit unit) {
    if (!std::isfinite(v)) return "n/a";
    switch (unit) {
    case MetricUnit::Money:
        return money(v);
    case MetricUnit::MoneyPerPound:
        return "£" + human_number(v) + " per £";
    case MetricUnit::Index: // an HHI means little without its scale
        return round3(v) + " of 10,000";
    default:
        return unit == MetricUnit::Share ? human_level(v, unit) : round3(v) + toms_unit(unit);
    }
}

// The effect of an alternative in the summary table: points for shares, £ (and %) for money,
// £ per £ (and the multiple of the reference) for social value per pound, TOMs units as they
// are, % change for everything else (price index, counts, means, HHI).
std::string effect_cell(const analysis::PairedDifference& d, MetricUnit unit) {
    if (!std::isfinite(d.mean_diff)) return "n/a";
    const double rel = relative(d);
    std::string text;
    switch (unit) {
    case MetricUnit::Share:
        text = human_difference(d.mean_diff, unit, false);
        break;
    case MetricUnit::Money:
        text = signed_money(d.mean_diff) +
               (std::isnan(rel) ? std::string() : " (" + percent_change(rel) + ")");
        break;
    case MetricUnit::MoneyPerPound:
        text = (d.mean_diff < 0 ? "-£" : "+£") + human_number(std::fabs(d.mean_diff)) + " per £" +
               (std::isnan(rel) ? std::string() : " (" + human_number(1 + rel) + "\u00D7)");
        break;
    case MetricUnit::FteYears:
    case MetricUnit::Tonnes:
    case MetricUnit::Hours:
    case MetricUnit::Years:
        text = signed3(d.mean_diff) + toms_unit(unit);
        break;
    default:
        text = std::isnan(rel) ? human_signed(d.mean_diff) : percent_change(rel);
    }
    if (judged(d) && d.distinguishable) text += " " + std::string(kStar);
    return text;
}

// What a sentence calls a metric: its short label, lower-cased unless it starts with an acronym.
std::string short_name(const std::string& metric) {
    const MetricRef ref = find_metric(metric);
    std::string name = ref.def == nullptr || !ref.category.empty() ? describe_metric(metric).label
                                                                   : std::string(ref.def->label);
    if (name.size() > 1 && std::isupper(static_cast<unsigned char>(name[0])) &&
        !std::isupper(static_cast<unsigned char>(name[1])))
        name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
    return name;
}

// "price index 46.4% higher", "SME share of spend 8.26 points lower", "social value per £ spent
// 18.5× as high as in baseline".
std::string effect_phrase(const std::string& metric, const analysis::PairedDifference& d,
                          const std::string& reference) {
    const MetricUnit unit = describe_metric(metric).unit;
    const std::string name = short_name(metric);
    if (!std::isfinite(d.mean_diff)) return name + " not defined";
    if (d.mean_diff == 0) return name + " unchanged";
    const std::string direction = d.mean_diff > 0 ? " higher" : " lower";
    const double rel = relative(d);
    switch (unit) {
    case MetricUnit::Share:
        return name + " " + human_number(100 * std::fabs(d.mean_diff)) + " points" + direction;
    case MetricUnit::Money:
        return name + " " + money(std::fabs(d.mean_diff)) + direction;
    case MetricUnit::FteYears:
    case MetricUnit::Tonnes:
    case MetricUnit::Hours:
    case MetricUnit::Years:
        return name + " " + round3(std::fabs(d.mean_diff)) + toms_unit(unit) + direction;
    default:
        break;
    }
    if (std::isnan(rel)) return name + " " + human_number(std::fabs(d.mean_diff)) + direction;
    // Past doubling a multiple reads better than a percentage ("18.5×", not "+1,750%").
    if (1 + rel >= 2)
        return name + " " + human_number(1 + rel) + "\u00D7 as high as in " + reference;
    return name + " " + human_number(100 * std::fabs(rel)) + "%" + direction;
}

const ComparisonRow* find_row(const std::vector<ComparisonRow>& rows, std::size_t m, std::size_t y,
                              std::size_t s) {
    for (const auto& row : rows)
        if (row.metric == m && row.year == y && row.scenario == s && row.diff) return &row;
    return nullptr;
}

// The metrics one scenario's sentence names: the lead metrics that were compared, then the
// largest other distinguishable change relative to the reference level (from the measures
// themselves, not the restatements in £ and TOMs units). Without any lead metric, the three
// largest distinguishable changes.
std::vector<std::size_t> sentence_metrics(const CompareData& data,
                                          const std::vector<ComparisonRow>& rows, std::size_t y,
                                          std::size_t s) {
    std::vector<std::size_t> chosen;
    for (const auto lead : kLeadMetrics)
        for (std::size_t m = 0; m < data.metrics.size(); ++m)
            if (data.metrics[m] == lead && find_row(rows, m, y, s)) chosen.push_back(m);
    std::vector<std::pair<double, std::size_t>> others;
    for (std::size_t m = 0; m < data.metrics.size(); ++m) {
        if (std::find(chosen.begin(), chosen.end(), m) != chosen.end()) continue;
        if (is_compare_extra_metric(data.metrics[m])) continue;
        const ComparisonRow* row = find_row(rows, m, y, s);
        if (!row || !judged(*row->diff) || !row->diff->distinguishable) continue;
        const double rel = relative(*row->diff);
        others.push_back({std::isnan(rel) ? HUGE_VAL : std::fabs(rel), m});
    }
    // Largest first; ties keep the table's order.
    std::stable_sort(others.begin(), others.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    const std::size_t extra = chosen.empty() ? 3 : 1;
    for (std::size_t k = 0; k < std::min(extra, others.size()); ++k)
        chosen.push_back(others[k].second);
    return chosen;
}

std::string scenario_sentence(const CompareData& data, const std::vector<ComparisonRow>& rows,
                              std::size_t y, std::size_t s) {
    std::ostringstream o;
    std::string description = data.descriptions[s];
    while (!description.empty() && (description.back() == '.' || description.back() == ' '))
        description.pop_back();
    // The description says what the scenario is (a label is often a file name); it may hold
    // parentheses and colons itself, so it stands as its own clause.
    o << "**" << data.labels[s] << "**";
    o << (description.empty() ? "." : ": " + description + ".") << " At year " << data.years_at[y]
      << ": ";
    const std::vector<std::size_t> metrics = sentence_metrics(data, rows, y, s);
    if (metrics.empty()) {
        o << "no measure differs from " << data.labels[0] << " beyond chance.";
        return o.str();
    }
    std::size_t distinguishable = 0, tested = 0;
    for (std::size_t k = 0; k < metrics.size(); ++k) {
        const auto& d = *find_row(rows, metrics[k], y, s)->diff;
        if (k) o << (k + 1 == metrics.size() ? " and " : ", ");
        o << effect_phrase(data.metrics[metrics[k]], d, data.labels[0]);
        if (!judged(d)) continue;
        ++tested;
        if (d.distinguishable)
            ++distinguishable;
        else if (d.mean_diff != 0) // "unchanged" says it already
            o << " (within noise)";
    }
    if (tested < metrics.size())
        o << "; one run per scenario cannot tell these from chance (use --replicates 10 or more).";
    else if (distinguishable == tested)
        o << (tested == 1 ? "; distinguishable from chance."
                          : "; all distinguishable from chance.");
    else if (distinguishable == 0)
        o << (tested == 1 ? "." : "; none distinguishable from chance.");
    else
        o << "; the rest distinguishable from chance.";
    return o.str();
}

} // namespace

std::string executive_summary(const CompareData& data, const std::vector<ComparisonRow>& rows) {
    const std::size_t y = data.summary_index();
    const std::int64_t year = data.years_at[y];
    const std::string& a = data.labels[0];
    std::ostringstream o;
    o << "## Summary at year " << year;
    if (year == data.years)
        o << " (the final year)";
    else
        o << " of " << data.years;
    o << "\n\nThe effect of each policy against " << a << " at year " << year << ", averaged over "
      << data.replicates()
      << " paired runs. The appendix has every reported year with 95% intervals; "
         "`--summary-year` chooses the year of this summary.\n\n";

    o << "| measure | " << a << " (level)";
    for (std::size_t s = 1; s < data.labels.size(); ++s) o << " | " << data.labels[s];
    o << " |\n|---|---:";
    for (std::size_t s = 1; s < data.labels.size(); ++s) o << "|---:";
    o << "|\n";
    for (std::size_t m = 0; m < data.metrics.size(); ++m) {
        const MetricInfo info = describe_metric(data.metrics[m]);
        // The reference's level as the appendix shows it.
        double level = std::nan("");
        for (const auto& row : rows)
            if (row.metric == m && row.year == y && row.scenario == 0) level = row.level.mean;
        o << "| " << info.label << " | " << level_text(level, info.unit);
        for (std::size_t s = 1; s < data.labels.size(); ++s) {
            const ComparisonRow* row = find_row(rows, m, y, s);
            o << " | " << (row ? effect_cell(*row->diff, info.unit) : "n/a");
        }
        o << " |\n";
    }
    o << "\n"
      << kStar << " distinguishable from chance: the paired 95% interval for the difference "
      << "excludes zero (the verdict of the appendix tables). Effects without " << kStar
      << " are within run-to-run noise" << (data.replicates() < 2 ? " (one run: no test)" : "")
      << ".\n\n"
      << "Units: shares as the change in percentage points (pts); price index, counts, means and "
         "HHI as the % change from "
      << a << "'s level; money in £ (and %); social value per £ spent as the change in £ per £ "
      << "and, in brackets, the multiple of " << a << "'s level (×); jobs, carbon and volunteering "
      << "in their own units a year.\n\n";

    o << "### What each policy does\n\n";
    for (std::size_t s = 1; s < data.labels.size(); ++s)
        o << "- " << scenario_sentence(data, rows, y, s) << "\n";
    o << "\n";
    return o.str();
}

} // namespace tendersim::experiment
