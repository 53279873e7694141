// report.md's executive summary: ✱ repeats the paired test's verdict, the numbers are the
// appendix's for the summary year, and effects are stated in points, %, £ and multiples.
#include "experiment/compare.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

using namespace tendersim::experiment;

namespace {

const std::string kStar = "\u2731";

// A (reference), B and C over five replicates at years 10 and 20, values given per
// [scenario][metric][year] as five replicates each.
CompareData three_scenarios(const std::vector<std::string>& metrics,
                            const std::vector<std::vector<std::vector<std::vector<double>>>>& v) {
    CompareData d;
    d.labels = {"A", "B", "C"};
    d.files = {"a.toml", "b.toml", "c.toml"};
    d.descriptions = {"the reference", "Lever B (from year 5)", ""};
    d.sha256 = {"aa", "bb", "cc"};
    d.seed = 1;
    d.replicate_seeds = {11, 12, 13, 14, 15};
    d.years = 20;
    d.years_at = {10, 20};
    d.metrics = metrics;
    for (const auto& scenario : v)
        for (const auto& metric : scenario)
            for (const auto& year : metric)
                d.values.insert(d.values.end(), year.begin(), year.end());
    REQUIRE(d.values.size() == 3 * metrics.size() * 2 * 5);
    return d;
}

// The summary table's row for a measure, split into cells.
std::vector<std::string> summary_row(const std::string& summary, const std::string& label) {
    const auto at = summary.find("| " + label + " |");
    REQUIRE(at != std::string::npos);
    const std::string line = summary.substr(at, summary.find('\n', at) - at);
    std::vector<std::string> cells;
    std::size_t from = 1;
    for (std::size_t bar; (bar = line.find('|', from)) != std::string::npos; from = bar + 1) {
        std::string cell = line.substr(from, bar - from);
        cell.erase(0, cell.find_first_not_of(' '));
        cell.erase(cell.find_last_not_of(' ') + 1);
        cells.push_back(cell);
    }
    return cells;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// Bids per tender: B clearly above A (differences 2 3 2 3 2), C within noise (1 -1 2 -1 1).
// SME share: B lower by 3 points in year 20 (constant), by 1 point in year 10; C unchanged.
CompareData bids_and_sme() {
    const std::vector<double> a_bids{10, 12, 9, 11, 13};
    auto plus = [](std::vector<double> v, const std::vector<double>& d) {
        for (std::size_t i = 0; i < v.size(); ++i) v[i] += d[i];
        return v;
    };
    const std::vector<double> a_sme{0.40, 0.42, 0.38, 0.41, 0.39};
    const std::vector<double> down1{-0.01, -0.01, -0.01, -0.01, -0.01};
    const std::vector<double> down3{-0.03, -0.03, -0.03, -0.03, -0.03};
    return three_scenarios(
        {"bids_per_tender", "sme_share_direct"},
        {{{a_bids, a_bids}, {a_sme, a_sme}},
         {{plus(a_bids, {2, 3, 2, 3, 2}), plus(a_bids, {2, 3, 2, 3, 2})},
          {plus(a_sme, down1), plus(a_sme, down3)}},
         {{plus(a_bids, {1, -1, 2, -1, 1}), plus(a_bids, {1, -1, 2, -1, 1})}, {a_sme, a_sme}}});
}

} // namespace

TEST_CASE("compare summary: a star marks exactly the distinguishable effects") {
    const CompareData d = bids_and_sme();
    const auto rows = summarise(d);
    const std::string summary = executive_summary(d, rows);
    // The verdicts the stars must repeat.
    std::size_t distinguishable = 0;
    for (const auto& row : rows)
        if (row.diff && row.year == d.summary_index() && row.diff->distinguishable)
            ++distinguishable;
    CHECK(distinguishable == 2); // B on both measures; C on neither

    const auto bids = summary_row(summary, "Bids per tender");
    REQUIRE(bids.size() == 4); // measure, A's level, B, C
    CHECK(bids[1] == "11.0");
    CHECK(bids[2] == "+21.8% " + kStar);             // +2.4 on a mean of 11
    CHECK(bids[3].find(kStar) == std::string::npos); // within noise: no star
    CHECK(bids[3] == "+3.64%");
    const auto sme = summary_row(summary, "SME share of spend (direct)");
    CHECK(sme[2] == "-3.00 pts " + kStar);
    CHECK(sme[3] == "0 pts"); // identical in every run: no effect, no star
    // Every star in the table is one of those verdicts, plus the legend's mentions.
    const std::string table = summary.substr(0, summary.find(kStar + " distinguishable"));
    CHECK(count(table, kStar) == distinguishable);
    CHECK(summary.find(kStar + " distinguishable from chance: the paired 95% interval") !=
          std::string::npos);
}

TEST_CASE("compare summary: the summary year's row is the appendix's numbers for that year") {
    CompareData d = bids_and_sme();
    const auto rows = summarise(d);
    // Default: the latest reported year.
    CHECK(d.summary_index() == 1);
    std::string report = comparison_report(d, rows);
    CHECK(report.find("## Summary at year 20 (the final year)") != std::string::npos);
    CHECK(summary_row(report, "SME share of spend (direct)")[2] == "-3.00 pts " + kStar);

    d.summary_year = 10;
    report = comparison_report(d, rows);
    CHECK(report.find("## Summary at year 10 of 20") != std::string::npos);
    const std::string cell = summary_row(report, "SME share of spend (direct)")[2];
    CHECK(cell == "-1.00 pts " + kStar);
    // The appendix's year-10 table holds the same difference, in the same words.
    const auto appendix = report.find("### Headline results, year 10");
    const auto next = report.find("### Headline results, year 20");
    REQUIRE(appendix != std::string::npos);
    REQUIRE(next != std::string::npos);
    const std::string year10 = report.substr(appendix, next - appendix);
    CHECK(year10.find("| -1.00 pts |") != std::string::npos);
    CHECK(report.substr(next).find("| -3.00 pts |") != std::string::npos);
}

TEST_CASE("compare summary: the report opens with the summary, the tables follow as appendix") {
    const CompareData d = bids_and_sme();
    const std::string report = comparison_report(d, summarise(d));
    const auto summary = report.find("## Summary at year");
    const auto policies = report.find("### What each policy does");
    const auto compared = report.find("## What was compared");
    const auto appendix = report.find("## Appendix: results by year");
    const auto tables = report.find("### Headline results, year 10");
    const auto sentences = report.find("### What the numbers say");
    REQUIRE(summary != std::string::npos);
    CHECK(report.find("\n## ") == summary - 1); // the first section
    CHECK(summary < policies);
    CHECK(policies < compared);
    CHECK(compared < appendix);
    CHECK(appendix < tables);
    CHECK(tables < sentences);
    // Every per-metric sentence is still there: 2 metrics x 2 years x 2 alternatives.
    CHECK(count(report, "\n- **Bids per tender**, year ") == 4);
    CHECK(count(report, "\n- **SME share of spend (direct)**, year ") == 4);
}

TEST_CASE("compare summary: one sentence per alternative, from its description and numbers") {
    const CompareData d = bids_and_sme();
    const std::string summary = executive_summary(d, summarise(d));
    // B: the description says what it is; SME share (a lead measure) then the largest other
    // distinguishable change, bids per tender.
    CHECK(summary.find("- **B**: Lever B (from year 5). At year 20: SME share of spend 3.00 "
                       "points lower and bids per tender 21.8% higher; all distinguishable from "
                       "chance.") != std::string::npos);
    // C: no description; the SME share did not move and nothing else is distinguishable.
    CHECK(summary.find("- **C**. At year 20: SME share of spend unchanged.") != std::string::npos);
}

TEST_CASE("compare summary: a within-noise effect is named as such and not starred") {
    const std::vector<double> a{1.00, 1.02, 0.98, 1.01, 0.99};
    const std::vector<double> noisy{1.02, 1.00, 1.01, 0.99, 1.02}; // +2 -2 +3 -2 +3 (per cent)
    const std::vector<double> sv_a{0.010, 0.010, 0.010, 0.010, 0.010};
    const std::vector<double> sv_b{0.180, 0.181, 0.179, 0.180, 0.180};
    const CompareData d = three_scenarios(
        {"price_index", "social_value_delivered_per_pound"},
        {{{a, a}, {sv_a, sv_a}}, {{noisy, noisy}, {sv_b, sv_b}}, {{a, a}, {sv_a, sv_a}}});
    const std::string summary = executive_summary(d, summarise(d));
    const auto price = summary_row(summary, "Price index (spend / efficient cost)");
    CHECK(price[2] == "+0.800%");
    const auto sv = summary_row(summary, "Social value delivered per £ spent");
    CHECK(sv[1] == "£0.0100 per £");
    CHECK(sv[2] == "+£0.170 per £ (18.0\u00D7) " + kStar);
    CHECK(summary.find("At year 20: price index 0.800% higher (within noise) and social value "
                       "per £ spent 18.0\u00D7 as high as in A; the rest distinguishable from "
                       "chance.") != std::string::npos);
}

TEST_CASE("compare summary: money in pounds, TOMs units as they are, HHI with its scale") {
    const std::vector<double> spend_a{2.0e8, 2.1e8, 1.9e8, 2.0e8, 2.0e8};
    const std::vector<double> spend_b{2.5e8, 2.6e8, 2.4e8, 2.5e8, 2.5e8};
    const std::vector<double> jobs_a{100, 110, 90, 100, 100};
    const std::vector<double> jobs_b{1334, 1344, 1324, 1334, 1334};
    const std::vector<double> hhi{150, 160, 140, 150, 150};
    const CompareData d = three_scenarios({"total_spend_gbp", "social_value_job_years", "hhi"},
                                          {{{spend_a, spend_a}, {jobs_a, jobs_a}, {hhi, hhi}},
                                           {{spend_b, spend_b}, {jobs_b, jobs_b}, {hhi, hhi}},
                                           {{spend_a, spend_a}, {jobs_a, jobs_a}, {hhi, hhi}}});
    const std::string summary = executive_summary(d, summarise(d));
    const auto spend = summary_row(summary, "Total spend with suppliers");
    CHECK(spend[1] == "£200m");
    CHECK(spend[2] == "+£50.0m (+25.0%) " + kStar);
    const auto jobs = summary_row(summary, "Social value delivered: jobs for disabled people");
    CHECK(jobs[1] == "100 FTE years");
    CHECK(jobs[2] == "+1,230 FTE years " + kStar); // 1,234 at three significant figures
    // An HHI level carries its scale.
    CHECK(summary_row(summary, "Market concentration (HHI)")[1] == "150 of 10,000");
}

TEST_CASE("compare summary: one replicate gives no stars and says why") {
    CompareData d = bids_and_sme();
    // Keep replicate 1 only: [scenario][metric][year][replicate] with 5 replicates before.
    std::vector<double> first;
    for (std::size_t k = 0; k < d.values.size(); k += 5) first.push_back(d.values[k]);
    d.values = first;
    d.replicate_seeds = {11};
    const std::string summary = executive_summary(d, summarise(d));
    const std::string table = summary.substr(0, summary.find(kStar + " distinguishable"));
    CHECK(count(table, kStar) == 0);
    CHECK(summary.find("one run per scenario cannot tell these from chance") != std::string::npos);
}

TEST_CASE("compare summary: --summary-year is checked and reported in the appendix too") {
    CompareConfig c;
    c.scenario_paths = {test::kDataDir + "/tiny.toml", test::kDataDir + "/tiny-variant.toml"};
    c.replicates = 2;
    c.years_at = {4};
    c.metrics = {"sme_share_direct"};
    c.summary_year = 2;
    const CompareData d = collect_comparison(c);
    CHECK(d.years_at == std::vector<std::int64_t>{2, 4});
    CHECK(d.years_at[d.summary_index()] == 2);
    CHECK(compare_manifest_json(d).find("\"summary_year\": 2") != std::string::npos);
    c.summary_year = 5;
    CHECK_THROWS_WITH(collect_comparison(c),
                      doctest::Contains("--summary-year 5: the scenarios run years 1 to 4"));
}
