#include "experiment/metrics_select.hpp"

#include <algorithm>

namespace tendersim::experiment {
namespace {

constexpr MetricInfo kHeadline[] = {
    {"sme_share_direct", "SME share of direct spend", MetricUnit::Share},
    {"price_index", "Price index (spend / efficient cost)", MetricUnit::Ratio},
    {"bids_per_tender", "Bids per tender", MetricUnit::Count},
    {"single_bid_share", "Share of tenders with a single bid", MetricUnit::Share},
    {"social_value_delivered_per_pound", "Social value delivered per pound spent",
     MetricUnit::PerPound},
    {"hhi", "Market concentration (HHI, 0-10,000)", MetricUnit::Index},
    {"local_share", "Share of spend with local suppliers", MetricUnit::Share},
    {"incumbent_win_rate", "Share of re-lets won by the incumbent", MetricUnit::Share},
    {"active_suppliers_sme", "Active SME suppliers", MetricUnit::Count},
};

MetricUnit unit_from_name(std::string_view name) {
    const auto ends = [&](std::string_view s) {
        return name.size() >= s.size() && name.substr(name.size() - s.size()) == s;
    };
    if (name.starts_with("hhi")) return MetricUnit::Index;
    if (ends("_gbp")) return MetricUnit::Money;
    if (ends("_per_pound")) return MetricUnit::PerPound;
    if (name.find("share") != std::string_view::npos || ends("_rate")) return MetricUnit::Share;
    if (name == "price_index" || name == "mean_markup") return MetricUnit::Ratio;
    return MetricUnit::Count;
}

} // namespace

std::span<const MetricInfo> headline_metrics() {
    return kHeadline;
}

std::vector<std::string> headline_metric_names() {
    std::vector<std::string> out;
    for (const auto& m : kHeadline) out.emplace_back(m.name);
    return out;
}

MetricInfo describe_metric(std::string_view name) {
    for (const auto& m : kHeadline)
        if (m.name == name) return m;
    return {name, name, unit_from_name(name)};
}

std::vector<std::string> available_metrics(const ScenarioSpec& spec) {
    YearMetrics probe;
    probe.by_category.resize(spec.categories.size());
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
