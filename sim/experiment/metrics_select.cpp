#include "experiment/metrics_select.hpp"

#include <algorithm>
#include <iterator>

namespace tendersim::experiment {
namespace {

// The order is the order of compare's tables and comparison.csv.
constexpr std::string_view kHeadline[] = {
    "sme_share_direct",
    "price_index",
    "bids_per_tender",
    "single_bid_share",
    "social_value_delivered_per_pound",
    "hhi",
    "local_share",
    "incumbent_win_rate",
    "active_suppliers_sme",
};

constexpr std::string_view kCompareExtra[] = {
    "total_spend_gbp",
    "social_value_job_years",
    "social_value_carbon_tonnes",
    "social_value_community_hours",
};

} // namespace

std::vector<std::string> headline_metric_names() {
    return {std::begin(kHeadline), std::end(kHeadline)};
}

std::vector<std::string> compare_default_metric_names() {
    std::vector<std::string> names = headline_metric_names();
    names.insert(names.end(), std::begin(kCompareExtra), std::end(kCompareExtra));
    return names;
}

bool is_compare_extra_metric(std::string_view name) {
    return std::find(std::begin(kCompareExtra), std::end(kCompareExtra), name) !=
           std::end(kCompareExtra);
}

MetricInfo describe_metric(std::string_view name) {
    const MetricRef ref = find_metric(name);
    if (ref.def == nullptr) return {std::string(name), std::string(name), MetricUnit::Count};
    return {std::string(name), metric_title(name), ref.def->unit};
}

std::vector<std::string> available_metrics(const ScenarioSpec& spec) {
    YearMetrics probe;
    probe.by_category.resize(spec.categories.size());
    probe.by_framework.resize(spec.frameworks.size());
    std::vector<std::string> names;
    for (auto& [name, value] : metric_rows(probe, spec)) names.push_back(std::move(name));
    return names;
}

void MetricSelection::extract(const YearMetrics& y, const ScenarioSpec& spec,
                              std::span<double> out) const {
    const auto rows = metric_rows(y, spec);
    for (std::size_t k = 0; k < row_index.size(); ++k) out[k] = rows[row_index[k]].second;
}

MetricSelection select_metrics(const ScenarioSpec& spec, std::span<const std::string> names,
                               std::string* unknown) {
    const std::vector<std::string> all = available_metrics(spec);
    MetricSelection sel;
    for (const auto& name : names) {
        const auto it = std::find(all.begin(), all.end(), name);
        if (it == all.end()) {
            if (unknown) *unknown = name;
            return {};
        }
        sel.names.push_back(name);
        sel.row_index.push_back(static_cast<std::size_t>(it - all.begin()));
    }
    return sel;
}

} // namespace tendersim::experiment
