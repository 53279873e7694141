// The metric registry is the one definition of every metrics.csv column: the CSV rows, the
// generated docs/metrics.md and the titles of reports and charts all come from it.
#include "core/metric_registry.hpp"
#include "core/metrics.hpp"
#include "core/params.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

using namespace tendersim;

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream b;
    b << in.rdbuf();
    return b.str();
}

ScenarioSpec default_spec() {
    ScenarioSpec spec;
    spec.categories = default_categories();
    return spec;
}

} // namespace

TEST_CASE("metric registry: every metrics.csv column once, in the registry's order") {
    const ScenarioSpec spec = default_spec();
    REQUIRE(spec.categories.size() >= 2);
    YearMetrics y;
    y.by_category.resize(spec.categories.size());
    const auto rows = metric_rows(y, spec);
    const auto overall = metric_registry();
    const auto per_category = category_metric_registry();
    REQUIRE(rows.size() == overall.size() + per_category.size() * spec.categories.size());
    std::size_t r = 0;
    for (const auto& m : overall) CHECK(rows[r++].first == m.name);
    for (const auto& c : spec.categories)
        for (const auto& m : per_category)
            CHECK(rows[r++].first == std::string(m.name) + "." + c.name);
    std::set<std::string> names;
    for (const auto& [name, value] : rows) CHECK(names.insert(name).second);
}

TEST_CASE("metric registry: the first columns keep their historic names and order") {
    // metrics.csv is compared by bytes across versions: a reordering here is an output change.
    const auto reg = metric_registry();
    REQUIRE(reg.size() == 89);
    CHECK(reg[0].name == "tenders");
    CHECK(reg[5].name == "price_index");
    CHECK(reg[16].name == "hhi");
    CHECK(reg[21].name == "entries");
    CHECK(reg[57].name == "monitored_shortfalls");
    CHECK(reg[58].name == "exits_idle"); // the population metrics follow
    CHECK(reg[63].name == "needs_carried");
    CHECK(reg[64].name == "incumbent_chance_rate"); // then the price and incumbency metrics
    CHECK(reg[68].name == "failed_tender_share");
    CHECK(reg[69].name == "spend_share_open"); // then the procurement routes
    CHECK(reg[88].name == "bid_cost_dynamic_market_gbp");
}

TEST_CASE("metric registry: every metric has a title, label, axis, definition and one accessor") {
    enum Kind { Overall, Category, Framework };
    const auto check = [](const MetricDef& m, Kind kind) {
        INFO(m.name);
        CHECK_FALSE(m.title.empty());
        CHECK(m.title != m.name);
        CHECK_FALSE(m.label.empty());
        CHECK_FALSE(m.axis.empty());
        CHECK_FALSE(m.definition.empty());
        CHECK_FALSE(unit_name(m.unit).empty());
        CHECK(((m.value != nullptr) == (kind == Overall)));
        CHECK(((m.category_value != nullptr) == (kind == Category)));
        CHECK(((m.framework_value != nullptr) == (kind == Framework)));
        if (m.lower && m.upper) CHECK(*m.lower < *m.upper);
        if (m.unit == MetricUnit::Count) CHECK(m.lower == 0.0);
        if (m.unit == MetricUnit::Share && m.upper) CHECK(*m.upper == 1.0);
    };
    for (const auto& m : metric_registry()) check(m, Overall);
    for (const auto& m : category_metric_registry()) check(m, Category);
    for (const auto& m : framework_metric_registry()) check(m, Framework);
}

TEST_CASE("metric registry: accessors read the figure their name says") {
    YearMetrics y;
    y.tenders = 11;
    y.overall.hhi = 2500;
    y.entries = 7;
    y.monitored_shortfalls = 3;
    y.by_category.resize(1);
    y.by_category[0].top5_share = 0.8;
    CHECK(find_metric("tenders").def->value(y) == 11);
    CHECK(find_metric("hhi").def->value(y) == 2500);
    CHECK(find_metric("entries").def->value(y) == 7);
    CHECK(find_metric("monitored_shortfalls").def->value(y) == 3);
    CHECK(find_metric("top5_share.waste").def->category_value(y.by_category[0]) == 0.8);
}

TEST_CASE("metric registry: names resolve, per-category ones with their category") {
    CHECK(find_metric("sme_share_direct").def->unit == MetricUnit::Share);
    CHECK(find_metric("sme_share_direct").category.empty());
    const MetricRef h = find_metric("hhi.social_care");
    REQUIRE(h.def != nullptr);
    CHECK((h.def->category_value != nullptr));
    CHECK(h.category == "social_care");
    CHECK(metric_title("hhi.social_care") == "Market concentration (HHI): social care");
    CHECK(find_metric("nonsense").def == nullptr);
    CHECK(find_metric("hhi.").def == nullptr);
    CHECK(find_metric("tenders.waste").def == nullptr);
    CHECK(metric_title("nonsense") == "nonsense");
    // Entrants are SMEs and large firms from other markets: the title says both.
    CHECK(find_metric("entries").def->title.find("large") != std::string_view::npos);
}

TEST_CASE("docs/metrics.md is exactly what the metric registry generates") {
    // Regenerate with: build/sim/cli/tendersim metrics > docs/metrics.md
    CHECK(read(TENDERSIM_SOURCE_DIR "/docs/metrics.md") == metric_reference_markdown());
}
