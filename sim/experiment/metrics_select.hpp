#pragma once
// Which yearly metrics an experiment keeps. The headline set is what `compare` reports and what a
// sweep keeps unless its file lists others; any metric of the registry (docs/metrics.md) can be
// named, including per-category ones such as "hhi.back-office".
#include "core/metric_registry.hpp"
#include "core/metrics.hpp"
#include "core/spec.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tendersim::experiment {

using tendersim::MetricUnit; // the registry's, for human_format and the reports

struct MetricInfo {
    std::string name;
    std::string label; // the registry's title, with the category of a per-category metric
    MetricUnit unit;
};

// sme_share_direct, price_index, bids_per_tender, single_bid_share,
// social_value_delivered_per_pound, hhi, local_share, incumbent_win_rate, active_suppliers_sme.
std::vector<std::string> headline_metric_names();

// What `compare` reports by default: the headline metrics, then spend in pounds and social value
// in TOMs-style units (FTE years of jobs, tonnes of CO2, volunteer hours), so report.md's summary
// can state effects in money and in the units a social-value officer reports.
std::vector<std::string> compare_default_metric_names();
// Those added after the headline metrics (they restate price and social value in other units).
bool is_compare_extra_metric(std::string_view name);

// Label and unit for report text, from the metric registry. A name the registry does not know
// (only possible for a hand-edited input) keeps its name as label and counts as a plain number.
MetricInfo describe_metric(std::string_view name);

// Every metric name a scenario's runs produce, in metrics.csv order.
std::vector<std::string> available_metrics(const ScenarioSpec& spec);

// The chosen metrics and where each sits in metric_rows() (whose order is fixed by the spec's
// categories, which sweeps never change), so a run picks them without string lookups.
struct MetricSelection {
    std::vector<std::string> names;
    std::vector<std::size_t> row_index;

    std::size_t size() const { return names.size(); }
    // Values of the selected metrics for one year.
    void extract(const YearMetrics& y, const ScenarioSpec& spec, std::span<double> out) const;
};

// Resolves names; on an unknown name returns it in *unknown (and an empty selection).
MetricSelection select_metrics(const ScenarioSpec& spec, std::span<const std::string> names,
                               std::string* unknown);

} // namespace tendersim::experiment
