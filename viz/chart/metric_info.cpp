#include "chart/metric_info.hpp"

#include <algorithm>

namespace tendersim::viz {

namespace {

struct Entry {
    std::string_view name, title, y_label;
    Unit unit;
    std::optional<double> lo, hi;
    std::optional<SizeClass> size_class;
};

constexpr std::optional<double> kNone = std::nullopt;

// Titles say what is measured, axis labels in what. Definitions: docs/metrics.md.
constexpr Unit P = Unit::Plain, Pct = Unit::Percent, M = Unit::Money;
constexpr auto Sme = SizeClass::Sme, Large = SizeClass::Large;
const Entry kKnown[] = {
    // Market outcomes
    {"price_index",
     "Price index (paid / efficient cost)",
     "Ratio (1.0 = efficient cost)",
     P,
     0.0,
     kNone,
     {}},
    {"bids_per_tender", "Bids per tender", "Mean number of bids", P, 0.0, kNone, {}},
    {"single_bid_share",
     "Share of tenders with a single bid",
     "Share of tenders (%)",
     Pct,
     0.0,
     1.0,
     {}},
    {"sme_bid_share", "SME share of bids", "Share of all bids (%)", Pct, 0.0, 1.0, {}},
    {"sme_share_direct",
     "SME share of spend (direct)",
     "Share of contract spend (%)",
     Pct,
     0.0,
     1.0,
     {}},
    {"local_share",
     "Local share of spend (supplier in the buyer's region)",
     "Share of contract spend (%)",
     Pct,
     0.0,
     1.0,
     {}},
    {"hhi", "Market concentration (HHI)", "HHI (0\u201310,000)", P, 0.0, 10000.0, {}},
    {"top5_share",
     "Share of spend with the five largest suppliers",
     "Share of contract spend (%)",
     Pct,
     0.0,
     1.0,
     {}},
    {"incumbent_win_rate",
     "Incumbent win rate at re-let",
     "Share of re-lets won (%)",
     Pct,
     0.0,
     1.0,
     {}},
    {"mean_markup", "Mean markup over cost", "Markup (% of cost)", Pct, kNone, kNone, {}},
    {"quality_delivered",
     "Delivered quality (spend-weighted)",
     "Score (0\u20131)",
     P,
     0.0,
     1.0,
     {}},
    {"mean_contract_years", "Mean length of contracts awarded", "Years", P, 0.0, kNone, {}},
    // Money
    {"total_spend_gbp", "Total spend with suppliers", "\u00A3 per year", M, 0.0, kNone, {}},
    {"social_value_promised_gbp",
     "Social value promised (whole life of this year's awards)",
     "\u00A3 (proxy value)",
     M,
     0.0,
     kNone,
     {}},
    {"social_value_promised_per_pound",
     "Social value promised per \u00A3 awarded",
     "\u00A3 of social value per \u00A3 awarded",
     M,
     0.0,
     kNone,
     {}},
    {"social_value_delivered_gbp",
     "Social value delivered",
     "\u00A3 per year (proxy value)",
     M,
     0.0,
     kNone,
     {}},
    {"social_value_delivered_per_pound",
     "Social value delivered per \u00A3 spent",
     "\u00A3 of social value per \u00A3 spent",
     M,
     0.0,
     kNone,
     {}},
    {"council_procurement_cost_gbp",
     "Councils' procurement cost",
     "\u00A3 per year",
     M,
     0.0,
     kNone,
     {}},
    {"supplier_bid_cost_gbp", "Suppliers' bidding cost", "\u00A3 per year", M, 0.0, kNone, {}},
    {"bid_cost_share",
     "Cost of a bid as a share of contract value",
     "Share of contract value (%)",
     Pct,
     0.0,
     1.0,
     {}},
    // Counts
    {"tenders", "Tenders advertised", "Tenders per year", P, 0.0, kNone, {}},
    {"awards", "Tenders awarded", "Tenders per year", P, 0.0, kNone, {}},
    {"unawarded",
     "Tenders not awarded (re-tendered next year)",
     "Tenders per year",
     P,
     0.0,
     kNone,
     {}},
    {"extensions",
     "Contracts extended (procurement team at capacity)",
     "Contracts per year",
     P,
     0.0,
     kNone,
     {}},
    {"contract_failures", "Contract failures", "Contracts per year", P, 0.0, kNone, {}},
    {"active_suppliers_sme", "Active SME suppliers", "Number of suppliers", P, 0.0, kNone, Sme},
    {"active_suppliers_large", "Active large suppliers", "Number of suppliers", P, 0.0, kNone,
     Large},
    {"entries", "New SME entrants", "Suppliers per year", P, 0.0, kNone, Sme},
    {"exits", "Supplier exits (insolvency)", "Suppliers per year", P, 0.0, kNone, {}},
    {"sme_to_large", "SMEs growing into large suppliers", "Suppliers per year", P, 0.0, kNone, {}},
    {"abnormally_low_flagged", "Abnormally low bids flagged", "Bids per year", P, 0.0, kNone, {}},
    {"abnormally_low_rejected", "Abnormally low bids rejected", "Bids per year", P, 0.0, kNone, {}},
};

const Entry* find(std::string_view name) {
    for (const auto& e : kKnown)
        if (e.name == name) return &e;
    return nullptr;
}

} // namespace

MetricInfo metric_info(std::string_view name) {
    MetricInfo m;
    m.name = std::string(name);
    // "hhi.social_care": the per-category variant of a known metric, titled with the category.
    const auto dot = name.find('.');
    const Entry* e = find(name);
    std::string qualifier;
    if (e == nullptr && dot != std::string_view::npos && dot + 1 < name.size()) {
        e = find(name.substr(0, dot));
        qualifier = std::string(name.substr(dot + 1));
        std::replace(qualifier.begin(), qualifier.end(), '_', ' ');
    }
    if (e != nullptr) {
        m.title = std::string(e->title);
        if (!qualifier.empty()) m.title += ": " + qualifier;
        m.y_label = std::string(e->y_label);
        m.unit = e->unit;
        m.lower_bound = e->lo;
        m.upper_bound = e->hi;
        m.size_class = e->size_class;
        m.known = true;
        return m;
    }
    // Unknown metrics still chart, under their own name: better than refusing new engine output.
    m.title = m.name;
    m.y_label = "Value";
    return m;
}

} // namespace tendersim::viz
