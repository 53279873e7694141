#pragma once
// The app's chart panels: which metrics each shows, and the ChartSpec for a panel from the
// current and baseline runs' yearly figures. Pure data (tested without a window); the panels are
// drawn by the chart layer's draw_line_chart.
#include "app/app_layout.hpp"
#include "chart/chart_spec.hpp"
#include "chart/layout.hpp"

#include <array>
#include <span>
#include <string>
#include <vector>

namespace tendersim {
struct YearMetrics;
struct ScenarioSpec;
} // namespace tendersim

namespace tendersim::viz {

// The figures the panels plot, copied out of a year's YearMetrics (docs/metrics.md).
struct MetricsPoint {
    int year = 0;
    double sme_share_direct = 0;
    double sme_share_total = 0; // with subcontracting
    double social_value_per_pound = 0;
    double price_index = 0;
    double bids_per_tender = 0;
    double single_bid_share = 0;
    double hhi = 0;
    double active_sme = 0;
    double active_large = 0;
    // The figures of the panels a trainer can swap in (panel_choices).
    double council_cost_gbp = 0; // councils' cost of running procurements this year
    double job_years = 0;        // social value delivered as FTE years of jobs (TOMs units)
    double local_share = 0;
    double incumbent_win_rate = 0;
    // Share of the year's awarded value by route (Route order: open, quotes, direct award,
    // framework direct, mini-competition, dynamic market); NaN in a year with no awards.
    std::array<double, 6> route_share{};
};

MetricsPoint metrics_point(const YearMetrics& y);

enum class Panel : std::uint8_t {
    SmeShare,
    SocialValue,
    PriceIndex,
    BidsPerTender,
    SingleBid,
    Hhi,
    ActiveSme,
    ActiveLarge,
    // Not in the default grid; a trainer swaps them in (panel_choices).
    CouncilCost,
    JobYears,
    LocalShare,
    IncumbentWin,
    // Spend by route: one line per route (the spend_share_* metrics).
    SpendByRoute,
};

// Every panel, default grid first: what a grid cell can be switched to, in order.
std::span<const Panel> panel_choices();

// Panel order in the grid (row-major).
const std::array<Panel, kChartPanels>& panel_order();

// The grid a scenario starts with: panel_order(), but a scenario that uses routes other than the
// open procedure (a [[framework]], or a direct-award, quote or framework-share policy, as it
// starts or adopted) shows Spend by route in the last cell instead of Active large suppliers.
std::array<Panel, kChartPanels> initial_panels(const ScenarioSpec& spec);
bool uses_routes(const ScenarioSpec& spec);

struct SeedLines;

// One panel's chart: a strong line per figure for the current run, the same figure from the
// baseline run as a thin dashed line, the x axis fixed to years 1..horizon. With background
// seeds, each line carries the band of its figure over the seeds (the years every seed has
// reached) and the subtitle is the monitor: this year's value and its difference from the
// baseline over the seeds.
ChartSpec make_panel_chart(Panel panel, std::span<const MetricsPoint> current,
                           std::span<const MetricsPoint> baseline, int horizon,
                           const SeedLines& seeds);
ChartSpec make_panel_chart(Panel panel, std::span<const MetricsPoint> current,
                           std::span<const MetricsPoint> baseline, int horizon);

// make_panel_chart as the app draws it, sparing a panel's height for the plot at a room's text
// size: under the title the monitor line when there are background seeds, else the value-axis
// label, read horizontally (rotated, it no longer fits); no "Year" under the axis (the title bar
// shows the year); no "This run" and "Baseline" legend in a one-line panel (the title bar's key
// says which line is the baseline).
ChartSpec app_panel_chart(Panel panel, std::span<const MetricsPoint> current,
                          std::span<const MetricsPoint> baseline, int horizon,
                          const SeedLines& seeds);
ChartSpec app_panel_chart(Panel panel, std::span<const MetricsPoint> current,
                          std::span<const MetricsPoint> baseline, int horizon);

// What hovering a panel at `year` shows: a heading, then each of its figures this run, on the
// baseline (or A), and the range over the seeds that reached the year. Empty if no run has the
// year yet.
std::vector<std::string> panel_hover_lines(Panel panel, std::span<const MetricsPoint> current,
                                           std::span<const MetricsPoint> baseline,
                                           const SeedLines& seeds, int year, bool pinned);

// Sizes for a chart panel at the app's scale (1 = 1920x1080): large enough to read from the back
// of a room. The baseline is thinner than the current line and dashed, drawn over it (see
// draw_line_chart), so where the runs agree its dashes show inside the current line.
ChartStyle panel_style(float scale);

} // namespace tendersim::viz
