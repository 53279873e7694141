// Metric names to human titles and units.
#include "chart/metric_info.hpp"

#include <doctest/doctest.h>

using namespace tendersim::viz;

TEST_CASE("metric_info: known metrics have titles, units and bounds") {
    const auto sme = metric_info("sme_share_direct");
    CHECK(sme.known);
    CHECK(sme.title == "SME share of spend (direct)");
    CHECK(sme.unit == TickStyle::Percent);
    CHECK(sme.lower_bound == 0.0);
    CHECK(sme.upper_bound == 1.0);
    CHECK(sme.y_label.find('%') != std::string::npos);

    const auto price = metric_info("price_index");
    CHECK(price.title == "Price index (spend / efficient cost)");
    CHECK(price.unit == TickStyle::Plain);
    CHECK_FALSE(price.upper_bound.has_value());

    const auto sv = metric_info("social_value_delivered_per_pound");
    CHECK(sv.title == "Social value delivered per \u00A3 spent");
    CHECK(sv.unit == TickStyle::Money);

    CHECK(metric_info("single_bid_share").unit == TickStyle::Percent);
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

TEST_CASE("metric_info: every registry metric has a title, an axis label and bounds") {
    // The titles come from the core registry; this checks the view and that units agree with
    // the names' conventions (_gbp is money, _share and _rate are shares of a whole).
    for (const auto& def : tendersim::metric_registry()) {
        const std::string name(def.name);
        INFO(name);
        const auto i = metric_info(name);
        CHECK(i.known);
        CHECK(i.title != name);
        CHECK(i.title == std::string(def.title));
        CHECK_FALSE(i.y_label.empty());
        CHECK(i.y_label != "Value");
        CHECK(i.lower_bound == def.lower);
        CHECK(i.upper_bound == def.upper);
        if (name.ends_with("_gbp")) CHECK(i.unit == TickStyle::Money);
        if (name.ends_with("_share") || name.ends_with("_rate")) {
            CHECK(i.unit == TickStyle::Percent);
            CHECK(i.upper_bound == 1.0);
        }
    }
    CHECK(metric_info("hhi").upper_bound == 10000.0);
    // Entrants include large firms from other markets: not drawn in the SME colour.
    CHECK_FALSE(metric_info("entries").size_class.has_value());
    CHECK(metric_info("entries").title.find("large") != std::string::npos);
}

TEST_CASE("metric_info: per-category variants take the category into the title") {
    const auto h = metric_info("hhi.social_care");
    CHECK(h.known);
    CHECK(h.title == "Market concentration (HHI): social care");
    CHECK(h.upper_bound == 10000.0);
    const auto t = metric_info("top5_share.waste");
    CHECK(t.title == "Share of spend with the five largest suppliers: waste");
    CHECK(t.unit == TickStyle::Percent);
    CHECK_FALSE(metric_info("nonsense.waste").known);
    CHECK_FALSE(metric_info("hhi.").known);
}

TEST_CASE("metric_info: unknown metric keeps its name and a plain unit") {
    const auto m = metric_info("widgets_per_fortnight");
    CHECK_FALSE(m.known);
    CHECK(m.title == "widgets_per_fortnight");
    CHECK(m.unit == TickStyle::Plain);
    CHECK_FALSE(m.lower_bound.has_value());
    CHECK_FALSE(m.size_class.has_value());
}
