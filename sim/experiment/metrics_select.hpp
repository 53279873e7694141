#pragma once
// Which yearly metrics an experiment keeps. The headline set is what `compare` reports and what a
// sweep keeps unless its file lists others; any metric of docs/metrics.md can be named, including
// per-category ones such as "hhi.back-office".
#include "core/metrics.hpp"
#include "core/spec.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tendersim::experiment {

enum class MetricUnit { Share, Ratio, Count, Index, PerPound, Money };

struct MetricInfo {
    std::string_view name;
    std::string_view label; // plain words for report.md
    MetricUnit unit;
};

// sme_share_direct, price_index, bids_per_tender, single_bid_share,
// social_value_delivered_per_pound, hhi, local_share, incumbent_win_rate, active_suppliers_sme.
std::span<const MetricInfo> headline_metrics();
std::vector<std::string> headline_metric_names();

// Label and unit for report text: the headline table when listed there, else a generic entry
// derived from the name (per-category metrics take their base metric's unit).
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
