// Metric names to human titles and units.
#include "chart/metric_info.hpp"

#include <doctest/doctest.h>

using namespace tendersim::viz;

TEST_CASE("metric_info: known metrics have titles, units and bounds") {
    const auto sme = metric_info("sme_share_direct");
    CHECK(sme.known);
    CHECK(sme.title == "SME share of spend (direct)");
    CHECK(sme.unit == Unit::Percent);
    CHECK(sme.lower_bound == 0.0);
    CHECK(sme.upper_bound == 1.0);
    CHECK(sme.y_label.find('%') != std::string::npos);

    const auto price = metric_info("price_index");
    CHECK(price.title == "Price index (paid / efficient cost)");
    CHECK(price.unit == Unit::Plain);
    CHECK_FALSE(price.upper_bound.has_value());

    const auto sv = metric_info("social_value_delivered_per_pound");
    CHECK(sv.title == "Social value delivered per \u00A3 spent");
    CHECK(sv.unit == Unit::Money);

    CHECK(metric_info("single_bid_share").unit == Unit::Percent);
    CHECK(metric_info("active_suppliers_sme").size_class == SizeClass::Sme);
    CHECK(metric_info("active_suppliers_large").size_class == SizeClass::Large);
    CHECK_FALSE(metric_info("hhi").size_class.has_value());
    for (const char* m : {"bids_per_tender", "hhi", "active_suppliers_sme"}) {
        INFO(m);
        CHECK(metric_info(m).known);
        CHECK(metric_info(m).title != m);
        CHECK_FALSE(metric_info(m).y_label.empty());
    }
}

TEST_CASE("metric_info: every metric in docs/metrics.md has a title") {
    // Kept in step with the engine's metric list by hand; a new engine metric without an entry
    // still charts (under its raw name), so this list is about wording, not about working.
    for (const char* m : {"tenders",
                          "awards",
                          "unawarded",
                          "extensions",
                          "total_spend_gbp",
                          "price_index",
                          "bids_per_tender",
                          "single_bid_share",
                          "sme_bid_share",
                          "sme_share_direct",
                          "local_share",
                          "social_value_promised_gbp",
                          "social_value_promised_per_pound",
                          "social_value_delivered_gbp",
                          "social_value_delivered_per_pound",
                          "quality_delivered",
                          "hhi",
                          "top5_share",
                          "active_suppliers_sme",
                          "active_suppliers_large",
                          "entries",
                          "exits",
                          "sme_to_large",
                          "incumbent_win_rate",
                          "contract_failures",
                          "council_procurement_cost_gbp",
                          "supplier_bid_cost_gbp",
                          "bid_cost_share",
                          "mean_contract_years",
                          "abnormally_low_flagged",
                          "abnormally_low_rejected",
                          "mean_markup"}) {
        INFO(m);
        const auto i = metric_info(m);
        CHECK(i.known);
        CHECK(i.title != m);
        CHECK_FALSE(i.y_label.empty());
        const std::string name = m;
        if (name.ends_with("_gbp")) CHECK(i.unit == Unit::Money);
        if (name.ends_with("_share") || name.ends_with("_rate")) {
            CHECK(i.unit == Unit::Percent);
            CHECK(i.upper_bound == 1.0);
        }
    }
    CHECK(metric_info("hhi").upper_bound == 10000.0);
    CHECK(metric_info("entries").size_class == SizeClass::Sme);
}

TEST_CASE("metric_info: per-category variants take the category into the title") {
    const auto h = metric_info("hhi.social_care");
    CHECK(h.known);
    CHECK(h.title == "Market concentration (HHI): social care");
    CHECK(h.upper_bound == 10000.0);
    const auto t = metric_info("top5_share.waste");
    CHECK(t.title == "Share of spend with the five largest suppliers: waste");
    CHECK(t.unit == Unit::Percent);
    CHECK_FALSE(metric_info("nonsense.waste").known);
    CHECK_FALSE(metric_info("hhi.").known);
}

TEST_CASE("metric_info: unknown metric keeps its name and a plain unit") {
    const auto m = metric_info("widgets_per_fortnight");
    CHECK_FALSE(m.known);
    CHECK(m.title == "widgets_per_fortnight");
    CHECK(m.unit == Unit::Plain);
    CHECK_FALSE(m.lower_bound.has_value());
    CHECK_FALSE(m.size_class.has_value());
}
